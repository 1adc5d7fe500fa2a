// Level of detail for the map: each polygon is simplified once per level at load time, and the
// view picks the level whose tolerance is below half a pixel at the current scale.
#pragma once
#include <vector>

#include "geo/geometry.h"
#include "geo/geos.h"

namespace giatlas {

// Simplifies `m` with a tolerance in its own units, keeping the topology (no self-intersections,
// holes stay inside). Rings that would collapse are dropped; tolerance <= 0 returns `m` as is.
MultiPolygon simplify_polygons(const GeosContext& ctx, const MultiPolygon& m, double tolerance);

// Tolerances of the levels of detail, finest first: level 0 is the full geometry (0), then
// each level is `step` times coarser than the one before, starting at `first`.
// DEFAULT: 6 levels, first 8 m, step 3 (0, 8, 24, 72, 216, 648 m) — 1:5,000 to 1:5,000,000
// with each level at most three times finer than the view needs.
struct LodOptions {
  int levels = 6;
  double first = 8.0;
  double step = 3.0;
};
std::vector<double> lod_tolerances(const LodOptions& options = LodOptions());

// The coarsest level whose tolerance stays below `max_error_px` pixels at `m_per_px`.
// DEFAULT: one pixel — a 1-pixel shift of an antialiased edge is not visible, and it halves
// the vertices drawn compared with half a pixel.
int pick_lod(const std::vector<double>& tolerances, double m_per_px, double max_error_px = 1.0);

}  // namespace giatlas
