// QGIS layer styles: the map's styles written as QML documents into a GeoPackage's
// `layer_styles` table — the table, columns and row matching QGIS's own OGR provider uses
// (f_table_schema '' and the layer's geometry column) — so colleagues who open the workspace,
// or a check report, in QGIS see the layers as GI Atlas draws them. The QML is generated from
// MapStyles and feature_colour.h, never from a second copy of the colours.
//
// What each layer gets (a documented choice):
//   townships      single fill symbol, labelled by name
//   villages       single fill symbol (outline only)
//   gi_zones       categorized by GI with each GI's colour; superseded and future versions have
//                  no category (the attribute is an expression: "gi" of the version in force today)
//   census_points  categorized by category, with the census colours
//   producers      single symbol in the "unchecked" colour: the workspace table holds no check
//                  result, and GI Atlas draws producers that way until a check is run
//   origin_check   (the layer of a check report written as .gpkg) categorized by result code
#pragma once
#include <string>
#include <vector>

#include "map/style.h"

class GDALDataset;

namespace giatlas {

class Workspace;

// The style name GI Atlas writes; rows with this name are its own and are replaced on each write.
inline constexpr const char* kQgisStyleName = "GI Atlas";

struct QgisLayerStyle {
  std::string table;      // the layer it styles
  std::string renderer;   // QGIS renderer type: singleSymbol | categorizedSymbol
  std::string attribute;  // categorized: the attribute or expression; "" for singleSymbol
  std::vector<std::pair<std::string, Rgba>> categories;  // value → fill colour (categorized)
  std::string qml;                                       // the QML document
};

// One style per workspace layer (see the table above).
std::vector<QgisLayerStyle> workspace_qgis_styles(const MapStyles& styles, const Workspace& ws);
// The style of the check report layer "origin_check", categorized by result.
QgisLayerStyle check_report_qgis_style(const MapStyles& styles);

// Writes `styles` into `ds`'s layer_styles table, creating the table as QGIS does when it is
// missing. Idempotent: GI Atlas's own rows (kQgisStyleName) for those tables are replaced, rows
// written by others are kept. DEFAULT: a style is written as the layer's default
// (useAsDefault = 1) unless someone else's style already is — a choice made in QGIS wins.
// REQUIRES: ds open for update, each table a layer of ds (Error naming it otherwise).
void write_qgis_styles(GDALDataset& ds, const std::vector<QgisLayerStyle>& styles);

// workspace_qgis_styles under the workspace's saved map styles, written into the workspace.
// Returns the number of layers styled: 0 for a PostGIS workspace (QGIS's styles of PostgreSQL
// layers live in a table shared by the whole database, not written by GI Atlas).
int write_workspace_qgis_styles(Workspace& ws);

// Saves `styles` as the workspace's map styles (setting "map.styles") and rewrites its QGIS
// layer styles from them, together (one transaction).
void save_map_styles(Workspace& ws, const MapStyles& styles);

}  // namespace giatlas
