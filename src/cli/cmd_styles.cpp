// giatlas-cli styles: the workspace's map styles — printed as JSON (--get), replaced from a JSON
// file (--set, as the desktop's layer styles editor saves them, with the QGIS layer styles), or
// written as QGIS layer styles (the GeoPackage's layer_styles table, --qgis), so the workspace
// opens in QGIS looking as it does in GI Atlas.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/open_workspace.h"
#include "error.h"
#include "map/feature_colour.h"
#include "map/qgis_styles.h"
#include "map/style.h"
#include "workspace/workspace.h"

namespace giatlas::cli {
namespace {

int write_qgis(const std::string& path) {
  Workspace ws = open_workspace(path);
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

// The styles in `file`, checked before anything is written (styles_from_json names the problem).
MapStyles read_styles(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error("styles --set " + file + ": cannot read the file");
  std::stringstream text;
  text << in.rdbuf();
  try {
    return styles_from_json(text.str());
  } catch (const Error& e) {
    throw Error("styles --set " + file + ": " + e.what());
  }
}

}  // namespace

int cmd_styles(int argc, char** argv) {
  Args args(argc, argv, 2, {"qgis", "get"});
  args.allow_only({"qgis", "get", "set"});
  const std::string& path = args.need(0, "workspace.gpkg");
  const auto set = args.get("set");
  if (static_cast<int>(args.flag("qgis")) + static_cast<int>(args.flag("get")) +
          static_cast<int>(set.has_value()) !=
      1)
    throw Error(
        "styles: say one thing to do: --get (print the map styles as JSON), --set FILE.json (replace "
        "them) or --qgis (QGIS layer styles in the workspace)");
  if (args.flag("qgis")) return write_qgis(path);
  if (args.flag("get")) {
    std::cout << styles_to_json(saved_map_styles(open_workspace(path, true))) << "\n";
    return 0;
  }
  const MapStyles styles = read_styles(*set);
  Workspace ws = open_workspace(path);
  save_map_styles(ws, styles);  // with the QGIS layer styles, in one transaction
  std::cout << "saved the map styles of " << path << " (and its QGIS layer styles)\n";
  return 0;
}

}  // namespace giatlas::cli
