// Synthetic district geometry: a district outline tiled by township polygons with natural
// looking shared edges (no gaps, no overlaps), and villages tiling each township.
#pragma once
#include <vector>

#include "geo/geometry.h"
#include "progress.h"

namespace giatlas {

struct Tiling {
  MultiPolygon district;                  // lon/lat
  std::vector<MultiPolygon> townships;    // lon/lat, in the order of the township names
  std::vector<std::vector<MultiPolygon>> villages;  // per township
};

// Lon/lat of the district centre; the tiling spans about 107.26–108.04°E, 29.13–29.57°N.
inline constexpr Point kDistrictCentre{107.65, 29.35};

// REQUIRES: count >= 2; spacing_m > 1 (target distance between boundary vertices).
Tiling make_tiling(std::uint64_t seed, int count, double spacing_m, int villages_min, int villages_max,
                   const Progress& progress);

}  // namespace giatlas
