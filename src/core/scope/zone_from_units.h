// A zone made from administrative units: the GEOS union of selected townships and villages
// (shared edges dissolve exactly), with slivers and holes left by imperfect source data
// reported as findings and, on request, closed.
#pragma once
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "progress.h"
#include "workspace/model.h"

namespace giatlas {

struct ZoneFromUnitsOptions {
  // DEFAULT: a part of the union smaller than 1 ha (10,000 m²) is reported as a sliver.
  double sliver_area_m2 = 10000;
  // DEFAULT: a part whose mean width (2 × area / perimeter) is under 30 m is reported as thin.
  double thin_width_m = 30;
  // DEFAULT: false — slivers are reported and kept; true drops them from the zone.
  bool drop_slivers = false;
  // DEFAULT: false — holes are reported and kept. When true, every gap hole (a hole that no
  // unselected unit fills, i.e. a gap in the source data) smaller than close_holes_below_m2
  // is filled. Holes that are another unit (an enclave not selected) are never filled.
  bool close_holes = false;
  double close_holes_below_m2 = 1.0e6;  // DEFAULT: 1 km²
};

// Stable finding codes: sliver, thin_part, gap_hole, gap_hole_closed, enclave_hole,
// sliver_dropped.
struct UnitsFinding {
  std::string code;
  std::string detail;  // human text in Chinese/English naming the place
  Point where;         // a point inside the part or hole (lon/lat)
  double area_m2 = 0;
};

struct ZoneFromUnits {
  MultiPolygon geom;
  std::vector<std::string> units;       // codes of the selected units, in selection order
  std::vector<std::string> unit_names;  // their names, same order
  int vintage = 0;                      // newest township vintage among the selected units
  std::vector<UnitsFinding> findings;
};

// Builds the union of the units named in `keys` (a township or village code or name; codes are
// matched first). Throws Error naming the first key that matches no unit, and for an empty
// selection. Progress stages: "union", "checking".
ZoneFromUnits zone_from_units(const std::vector<Township>& townships, const std::vector<Village>& villages,
                              const std::vector<std::string>& keys, const ZoneFromUnitsOptions& options = {},
                              const Progress& progress = Progress());

}  // namespace giatlas
