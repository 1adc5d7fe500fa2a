// giatlas-cli new: create an empty workspace.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "error.h"
#include "map/qgis_styles.h"
#include "workspace/workspace.h"

namespace giatlas::cli {

int cmd_new(int argc, char** argv) {
  Args args(argc, argv, 2, {});
  args.allow_only({"district", "code"});
  const std::string& path = args.need(0, "workspace path (e.g. wulong.gpkg)");
  auto district = args.get("district");
  if (!district) throw Error("new: --district NAME is required (e.g. --district 武隆区)");
  Workspace ws = Workspace::create(path, *district, args.get_or("code", ""));
  write_workspace_qgis_styles(ws);  // so QGIS shows it as GI Atlas does from the start
  std::cout << "created workspace " << ws.shown() << " for " << *district << " (schema version "
            << ws.metadata().schema_version << ")\n";
  return 0;
}

}  // namespace giatlas::cli
