// giatlas-cli import: any OGR source into a workspace, with the accounting printed.

#include <cstdio>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/terminal_progress.h"
#include "cli/open_workspace.h"
#include "error.h"
#include "io/import.h"
#include "workspace/workspace.h"

namespace giatlas::cli {

int cmd_import(int argc, char** argv) {
  // --field may repeat, so collect it before the generic parser (which keeps one value per key).
  std::map<std::string, std::string> fields;
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::string(argv[i]) == "--field") {
      if (i + 1 >= argc) throw Error("--field needs target=SOURCE");
      const std::string kv = argv[++i];
      const auto eq = kv.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == kv.size())
        throw Error("--field '" + kv + "': write it as target=SOURCE, e.g. --field name=企业名称");
      fields[kv.substr(0, eq)] = kv.substr(eq + 1);
      continue;
    }
    rest.push_back(argv[i]);
  }
  Args args(static_cast<int>(rest.size()), rest.data(), 2, {"dry-run", "no-repair", "quiet", "update-existing"});
  args.allow_only({"into", "as", "layer", "crs", "encoding", "lon", "lat", "gi", "effective-from", "dry-run",
                   "no-repair", "report", "quiet", "update-existing"});
  const std::string source = args.need(0, "source file");
  const auto into = args.get("into");
  if (!into) throw Error("--into <workspace.gpkg> is required");
  const auto as = args.get("as");
  if (!as) throw Error("--as townships|villages|zones|census|producers|inspectors|areas|lots is required");

  ImportOptions opt;
  opt.kind = import_kind_from_name(*as);
  opt.layer = args.get_or("layer", "");
  opt.crs = args.get_or("crs", "");
  opt.encoding = args.get_or("encoding", "");
  opt.lon_column = args.get_or("lon", "");
  opt.lat_column = args.get_or("lat", "");
  opt.gi = args.get_or("gi", "");
  opt.effective_from = args.get_or("effective-from", "");
  opt.dry_run = args.flag("dry-run");
  opt.allow_repair = !args.flag("no-repair");
  opt.update_existing = args.flag("update-existing");
  opt.fields = fields;

  TerminalProgress bar("import");
  if (args.flag("quiet")) bar.quiet();

  Workspace ws = open_workspace(*into, opt.dry_run);
  ImportReport report = import_into(ws, source, opt, bar.progress());
  bar.finish();
  std::cout << format_report(report);
  if (auto path = args.get("report")) {
    write_report_csv(report, *path);
    std::cout << "  report written to " << *path << "\n";
  }
  return 0;
}

}  // namespace giatlas::cli
