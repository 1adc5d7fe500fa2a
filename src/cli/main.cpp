// giatlas-cli: batch front end of GI Atlas. Dispatches to one subcommand and turns errors into
// one readable line on stderr.
#include <csignal>
#include <cstring>
#include <iostream>

#include "cli/commands.h"
#include "cli/interrupt.h"
#include "error.h"
#include "progress.h"

namespace {

struct Command {
  const char* name;
  int (*run)(int, char**);
  const char* usage;
};

constexpr Command kCommands[] = {
    {"new", giatlas::cli::cmd_new,
     "new <workspace.gpkg | PG:dbname=… [active_schema=NAME]> --district NAME [--code 500156]"},
    {"info", giatlas::cli::cmd_info, "info <workspace.gpkg | PG:…>   (PG: without a schema lists its workspaces)"},
    {"sample", giatlas::cli::cmd_sample, "sample <out.gpkg> [--seed S] [--producers N] [--density D] [--zones 5-8]"},
    {"import", giatlas::cli::cmd_import,
     "import <source> --into <workspace.gpkg> --as townships|villages|zones|census|producers|inspectors|areas|lots "
     "[--layer L] [--crs C] [--encoding E] [--lon COL --lat COL] [--gi NAME] [--effective-from D] [--field target=SOURCE] "
     "[--no-repair] [--update-existing] [--dry-run] [--report rejects.csv] [--quiet]"},
    {"check", giatlas::cli::cmd_check,
     "check <workspace.gpkg> [--producers FILE [--layer L] [--crs C] [--encoding E] [--lon COL --lat COL]] "
     "[--date YYYY-MM-DD] [--tolerance M] [--gi NAME] [--cause below_band,above_band,altitude_unknown|none] "
     "[--threads T] [--out report.csv|.gpkg|.geojson|.html] [--save] [--areas] [--areas-out areas.csv|.html] [--quiet]"},
    {"trace", giatlas::cli::cmd_trace,
     "trace <ws> LOT_CODE [--out lot.html] [--qr lot.png] | trace balance <ws> --gi NAME --season YYYY "
     "[--out report.html|.csv] | trace yield <ws> --gi NAME --kg-per-mu N [--tolerance 0.2] [--basis TEXT] [--replace] | "
     "trace areas <ws> [--date D] [--gi NAME] [--out areas.csv|.html]"},
    {"zone", giatlas::cli::cmd_zone,
     "zone list|history|build|compare <workspace.gpkg> --gi NAME [--townships A,B | --codes … | --villages …] "
     "[--min-altitude M] [--max-altitude M] [--min-area M2] [--effective D] [--author A] [--note N] [--based-on V] [--close-holes] [--from V --to V] [--out diff.geojson]"},
    {"scope", giatlas::cli::cmd_scope, "scope <workspace.gpkg> --gi NAME [--version V] [--format text|md|json] [--precise] [--out F]"},
    {"render", giatlas::cli::cmd_render,
     "render <workspace.gpkg> --gi NAME --out scope.pdf|png|svg [--paper A4|A3] [--dpi 300] [--version V] [--title T] "
     "[--relief shade|tint|off | --no-relief] [--contour-interval 100]"},
    {"plan", giatlas::cli::cmd_plan,
     "plan <workspace.gpkg> --count N | --ratio R --seed S [--date D] [--gi NAME] [--stratify] [--weight W] "
     "[--inspectors 2] [--out plan.csv|.html] [--save [--name NAME]] [--gis A,B] [--townships A,B] [--from D --to D] "
     "[--flag-weight W] [--field visits.kml|.gpx|.gpkg] | plan <workspace.gpkg> --verify PLAN.csv | "
     "plan list <workspace.gpkg> | plan status <workspace.gpkg> NAME --to published|closed"},
    {"inspector", giatlas::cli::cmd_inspector,
     "inspector list <workspace.gpkg> | inspector add|set <workspace.gpkg> NAME [--unit U] [--badge B] "
     "[--township T] [--relations ID|CODE,…] [--add-relation ID|CODE] [--active|--inactive]"},
    {"inspect", giatlas::cli::cmd_inspect,
     "inspect record <workspace.gpkg> --plan NAME --visit N --inspectors A,B --finding "
     "conforming|mark_misused|outside_zone|labelling|other [--date D] [--action none|rectification|case_opened] "
     "[--follow-up D] [--x X --y Y --crs C [--accuracy M]] [--evidence F1,F2] [--note N] [--corrects ID] | "
     "inspect list <workspace.gpkg> [--plan NAME] [--all] | inspect close <workspace.gpkg> --record ID [--date D] | "
     "inspect publish <workspace.gpkg> PLAN --out results.html|.csv | "
     "inspect flags <workspace.gpkg> [--date D] [--years N] [--all] [--set-years N]"},
    {"register", giatlas::cli::cmd_register,
     "register list <workspace.gpkg> | register add|set <workspace.gpkg> NAME [--category C] [--type T] "
     "[--status candidate|applying|registered|revoked] [--registration-no N --registration-date D] [--holder H] "
     "[--standard-no S --standard-date D] [--date D: of a status change]"},
    {"dem", giatlas::cli::cmd_dem,
     "dem import FILE… --into <workspace.gpkg> [--crs C] [--vertical-datum D] [--date D] [--cell ARCSEC] | "
     "dem info <workspace.gpkg> | dem sample <workspace.gpkg> LON,LAT…"},
    {"copy", giatlas::cli::cmd_copy, "copy <workspace> <new workspace> [--quiet]   (a file or PG:… either side)"},
    {"db", giatlas::cli::cmd_db,
     "db grant PG:… USER --role admin|surveyor|inspector|viewer [--township NAME] | db revoke PG:… USER | "
     "db roles PG:… | db may ROLE TABLE…"},
    {"export-field", giatlas::cli::cmd_export_field,
     "export-field <workspace> --townships A,B --out field.gpkg [--quiet]   (a GeoPackage for work offline)"},
    {"merge", giatlas::cli::cmd_merge,
     "merge <field.gpkg> --into <workspace> [--report conflicts.csv] [--quiet]   (brings field work back)"},
    {"log", giatlas::cli::cmd_log, "log <workspace (PG:…)> [--since YYYY-MM-DD] [--table T]   (the audit trail)"},
    {"styles", giatlas::cli::cmd_styles, "styles <workspace.gpkg> --get | --set styles.json | --qgis"},
    {"programme", giatlas::cli::cmd_programme,
     "programme status|candidates|catalogue|report <workspace.gpkg> [--year Y] [--date D] [--out F.html|pdf|csv|xlsx] | "
     "programme add-resource <ws> NAME --category C [--townships A,B] [--area-mu N] [--output T] [--households N] "
     "[--firms N] [--since YEAR] [--history H] [--reputation R] [--sources S] [--photos P1,P2] [--surveyor S] [--date D] | "
     "programme advance <ws> NAME --to catalogued|candidate|applying|registered|revoked [--date D] [--by B] [--note N] "
     "[--type T --registration-no N --authority A] | programme add-protection <ws> GI --type T --registration-no N "
     "--date D [--authority A] [--holder H] | programme add-standard <ws> GI --number N --published D [--title T] "
     "[--level L] | programme add-user <ws> GI --name N --approved D [--credit-code C] [--expiry D] [--status S] | "
     "programme set-user <ws> --id ID --status S [--date D] [--expiry D] [--by B] [--note N] | programme import-users <ws> FILE [--gi GI] | "
     "programme import-resources <ws> FILE | programme link-census <ws> NAME [--ids 1,2] | programme score <ws> NAME "
     "--criterion C --score 1-5 [--note N] [--reason R] [--assessor A] | programme weights <ws> W1,…,W6 | "
     "programme set-target <ws> KEY [--threshold X] [--from D] [--to D] [--title T] [--metric M]"},
    {"census", giatlas::cli::cmd_census,
     "census add <workspace.gpkg> --lon X --lat Y --product P --category C [--surveyor S] [--date D] | "
     "census summary <workspace.gpkg> [--by township|category|product]"},
};

void usage(std::ostream& os) {
  os << "giatlas-cli — GI Atlas, geographical-indication origin areas\n\nusage:\n";
  for (const auto& c : kCommands) os << "  giatlas-cli " << c.usage << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
    usage(argc < 2 ? std::cerr : std::cout);
    return argc < 2 ? 2 : 0;
  }
  giatlas::cli::install_interrupt_handlers();
  for (const auto& c : kCommands) {
    if (std::strcmp(argv[1], c.name) != 0) continue;
    try {
      return c.run(argc, argv);
    } catch (const giatlas::Cancelled& e) {
      if (const int sig = giatlas::cli::interrupt_signal()) {
        std::cerr << "giatlas-cli " << c.name << ": interrupted by " << (sig == SIGTERM ? "SIGTERM" : "SIGINT")
                  << ": stopped at a safe point, nothing was changed\n";
        return 128 + sig;
      }
      std::cerr << "giatlas-cli " << c.name << ": " << e.what() << "\n";
      return 130;
    } catch (const std::exception& e) {
      std::cerr << "giatlas-cli " << c.name << ": " << e.what() << "\n";
      return 1;
    }
  }
  std::cerr << "giatlas-cli: unknown command '" << argv[1] << "'\n\n";
  usage(std::cerr);
  return 2;
}
