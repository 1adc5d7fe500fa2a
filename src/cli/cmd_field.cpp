// giatlas-cli export-field / merge: a GeoPackage for field work offline, and bringing it back.
#include <cstdio>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/terminal_progress.h"
#include "error.h"
#include "io/atomic_file.h"
#include "io/value_text.h"
#include "workspace/field_work.h"

namespace giatlas::cli {


int cmd_export_field(int argc, char** argv) {
  Args args(argc, argv, 2, {"quiet"});
  args.allow_only({"townships", "out", "quiet"});
  const std::string& source = args.need(0, "workspace (file or PG:…)");
  const auto towns = args.get("townships");
  const auto out = args.get("out");
  if (!towns) throw Error("export-field: name the townships with --townships A,B");
  if (!out) throw Error("export-field: name the field GeoPackage with --out field.gpkg");
  TerminalProgress bar("export-field");
  if (args.flag("quiet")) bar.quiet();
  const FieldExportReport r = export_field(source, split_typed_list(*towns), *out, bar.progress());
  bar.finish();
  std::cout << "exported " << r.source << " to " << r.destination << " for field work (" << r.export_id << ")\n";
  for (const auto& t : r.tables)
    if (t.rows > 0) std::printf("  %-18s %10lld rows\n", t.name.c_str(), t.rows);
  return 0;
}

int cmd_merge(int argc, char** argv) {
  Args args(argc, argv, 2, {"quiet"});
  args.allow_only({"into", "report", "quiet"});
  const std::string& field = args.need(0, "field GeoPackage");
  const auto into = args.get("into");
  if (!into) throw Error("merge: name the workspace to merge into with --into");
  TerminalProgress bar("merge");
  if (args.flag("quiet")) bar.quiet();
  const FieldMergeReport r = merge_field(field, *into, bar.progress());
  bar.finish();
  std::cout << "merged " << r.field << " into " << r.destination << ": " << r.census_added << " census points, "
            << r.inspections_added << " inspections, " << r.locations_updated << " corrected locations added; "
            << r.census_updated << " census points corrected; "
            << r.already_merged << " already merged before; " << r.conflicts.size() << " conflicts\n";
  for (const FieldConflict& c : r.conflicts)
    std::cout << "conflict " << c.table << " #" << c.row_id << " " << c.name << ": " << c.field << " changed in the field ("
              << c.base_value << " → " << c.field_value << ") and on the server (" << c.server_changed
              << (c.who.empty() ? "" : " by " + c.who) << (c.when.empty() ? "" : " at " + c.when) << "); not merged\n";
  if (const auto report = args.get("report")) {
    atomic_write_text(*report, "merge report", field_conflicts_csv(r.conflicts));
    std::cout << "wrote " << *report << "\n";
  }
  return 0;  // conflicts are findings, listed above and in the report
}

}  // namespace giatlas::cli
