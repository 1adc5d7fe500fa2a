// The sample's synthetic terrain: a deterministic DEM with Wulong's kind of relief — a river
// gorge near 200 m crossing the district, tributary valleys, karst plateaus at 1,000–1,500 m and
// a ridge massif up to about 2,000 m — with a few voids, as real SRTM-style DEMs have.
// SYNTHETIC: not the real terrain of Wulong District.
#pragma once
#include <cstdint>
#include <limits>

#include "geo/geometry.h"
#include "terrain/dem.h"

namespace giatlas {

struct SynthTerrainOptions {
  std::uint64_t seed = 2021;
  Box area;                        // lon/lat area to cover (a margin is added)
  double cell_deg = 1.0 / 1200.0;  // DEFAULT 3″ (about 90 m)
  // DEFAULT (nan): the ridge massif's summit at 30% east, 72% north of the area; else there.
  Point massif{std::numeric_limits<double>::quiet_NaN(), 0};
};

// The altitude of the synthetic surface at a lon/lat position, metres (no voids).
double synthetic_altitude(std::uint64_t seed, const Box& area, const Point& massif, const Point& lonlat);

// The grid of synthetic_altitude at cell centres, rounded to 0.1 m. No voids yet.
DemGrid synthetic_dem(const SynthTerrainOptions& options);

// Makes a round void of `radius_m` around `centre` (cells whose centres are within it).
void punch_void(DemGrid& grid, const Point& centre, double radius_m);

}  // namespace giatlas
