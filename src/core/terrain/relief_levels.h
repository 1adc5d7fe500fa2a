// Levels of detail of a DEM's relief for an interactive map: for each `step` (every step-th
// cell) a hillshade and the altitudes at the same cells, so that a viewer can upload them once
// as textures and tint them on the GPU; and the hypsometric tint as a colour ramp.
#pragma once
#include <cstdint>
#include <vector>

#include "terrain/relief.h"

namespace giatlas {

struct ReliefLevel {
  int step = 1;                 // DEM cells per pixel along each axis
  double cell_m = 0;            // east–west size of one pixel at the grid's centre, metres
  ReliefImage shade;            // grey hillshade (relief.h); area = the pixels' outer edges
  std::vector<float> altitude;  // metres per pixel, row-major from the north-west; NaN = void
};

// One level per entry of `steps` (each >= 1, any order; the result keeps that order). The
// shade is hillshade(dem, options without tint, step); its `area` is set so that pixel centres
// lie on the sampled cells' centres (a coarse level stays registered with the fine one).
// Throws Cancelled when `progress` is cancelled. Progress stage: "hillshade".
std::vector<ReliefLevel> relief_levels(const DemGrid& dem, const std::vector<int>& steps,
                                       const ReliefOptions& options = {},
                                       const Progress& progress = Progress());

// The level a view at `m_per_px` ground metres per pixel should draw: the coarsest whose
// pixel is still no larger than a screen pixel, else the finest. REQUIRES: !levels.empty().
std::size_t pick_relief_level(const std::vector<ReliefLevel>& levels, double m_per_px);

// The hypsometric tint (hypsometric_colour) sampled at `n` altitudes evenly spaced over
// [0, max_m], as RGBA bytes (alpha 255): a lookup texture for a shader. REQUIRES: n >= 2.
std::vector<std::uint8_t> hypsometric_ramp(int n, double max_m);

}  // namespace giatlas
