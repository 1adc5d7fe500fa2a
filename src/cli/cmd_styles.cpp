// giatlas-cli styles: the workspace's map styles written as QGIS layer styles (the GeoPackage's
// layer_styles table), so the workspace opens in QGIS looking as it does in GI Atlas.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "error.h"
#include "map/feature_colour.h"
#include "map/qgis_styles.h"
#include "workspace/workspace.h"

namespace giatlas::cli {

int cmd_styles(int argc, char** argv) {
  Args args(argc, argv, 2, {"qgis"});
  args.allow_only({"qgis"});
  const std::string& path = args.need(0, "workspace.gpkg");
  if (!args.flag("qgis"))
    throw Error("styles: say what to write: --qgis (QGIS layer styles in the workspace)");
  Workspace ws = Workspace::open(path);
  const std::vector<QgisLayerStyle> styles = workspace_qgis_styles(saved_map_styles(ws), ws);
  write_qgis_styles(ws.dataset(), styles);
  for (const QgisLayerStyle& s : styles) {
    std::cout << s.table << ": " << s.renderer;
    if (!s.attribute.empty())
      std::cout << " by " << (s.attribute.size() > 20 ? "the GI of the version in force" : s.attribute);
    if (s.renderer == "categorizedSymbol") std::cout << ", " << s.categories.size() << " categories";
    std::cout << "\n";
  }
  std::cout << "wrote " << styles.size() << " QGIS layer styles (\"" << kQgisStyleName << "\") into " << path
            << " (table layer_styles)\n";
  return 0;
}

}  // namespace giatlas::cli
