// giatlas-cli copy: a whole workspace into a new one, between a GeoPackage and PostGIS either way.
#include <cstdio>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/terminal_progress.h"
#include "map/qgis_styles.h"
#include "workspace/workspace.h"
#include "workspace/workspace_copy.h"

namespace giatlas::cli {

int cmd_copy(int argc, char** argv) {
  Args args(argc, argv, 2, {"quiet"});
  args.allow_only({"quiet"});
  const std::string& source = args.need(0, "source workspace (file or PG:…)");
  const std::string& dest = args.need(1, "new workspace (file or PG:… active_schema=NAME)");
  TerminalProgress bar("copy");
  if (args.flag("quiet")) bar.quiet();
  const CopyReport r = copy_workspace(source, dest, bar.progress());
  bar.finish();
  {
    Workspace out = Workspace::open(dest);
    write_workspace_qgis_styles(out);  // so QGIS shows the copy as GI Atlas does
  }
  std::cout << "copied " << r.source << " to " << r.destination << "\n";
  for (const auto& t : r.tables) std::printf("  %-18s %10lld rows\n", t.name.c_str(), t.rows);
  for (const auto& n : r.notes) std::cout << "note: " << n << "\n";
  return 0;
}

}  // namespace giatlas::cli
