// What the printed map draws, loaded once from the workspace: the zone version, townships and
// district outline in the local Gauss–Krüger metres, the styles and the zone's colour, and the
// DEM with its altitude band when there is one.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "map/style.h"
#include "scope/local_metric.h"
#include "terrain/altitude_band.h"
#include "terrain/dem.h"
#include "workspace/model.h"

namespace giatlas {

class Workspace;

// A production area as the printed map draws it: projected, with its area-check result code.
struct PrintArea {
  MultiPolygon geom_m;
  std::string result;
};

struct PrintMapData {
  ZoneVersion zone;                 // lon/lat, as stored
  std::vector<Township> townships;  // projected
  MultiPolygon district;            // projected union of the townships
  MultiPolygon zone_m;              // projected zone
  Box extent_m;                     // zone and district, projected, unpadded
  MapStyles styles;
  Rgba zone_colour;            // the GI's colour, as the map view gives it (zone_colours)
  AltitudeBand band;           // the zone's band (none when it was not cut from a DEM)
  std::optional<DemGrid> dem;  // loaded only when relief is wanted
  std::string dem_note;        // "高程：file，30 m" for the notes
  std::vector<PrintArea> areas;           // the GI's production areas (only when asked for)
  std::vector<std::string> area_results;  // the result codes among them, in legend order
  Metadata meta;
  int epsg = 0;
  double metric_lon = 0;
};

// REQUIRES: `gi` has a version `version` (0 = newest), else Error. DEFAULT: the DEM is read only
// when `want_dem`; a recorded DEM whose file is missing is an Error naming the file. The GI's
// production areas are read and checked against that version only when `want_areas`.
PrintMapData load_print_map_data(const Workspace& ws, const std::string& gi, int version, bool want_dem,
                                 bool want_areas = false);

// The zone's legend text: "武隆高山萝卜 第3版（2021-03-15起）· 海拔1200米以上".
std::string zone_legend_text(const ZoneVersion& zone);

}  // namespace giatlas
