// Topology-preserving simplification and level-of-detail choice (see simplify.h).
#include "map/simplify.h"

#include "error.h"

namespace giatlas {

MultiPolygon simplify_polygons(const GeosContext& ctx, const MultiPolygon& m, double tolerance) {
  if (tolerance <= 0 || m.empty()) return m;
  MultiPolygon out;
  // Per polygon, so that one polygon GEOS rejects keeps its full detail instead of vanishing.
  for (const Polygon& poly : m.polygons) {
    try {
      GeosGeom g = to_geos(ctx, poly);
      GeosGeom s = geos_take(ctx, GEOSTopologyPreserveSimplify_r(ctx, g.get(), tolerance), "simplify");
      MultiPolygon part = to_multipolygon(ctx, s.get());
      for (Polygon& p : part.polygons)
        if (!p.rings.empty() && p.rings[0].size() >= 4) out.polygons.push_back(std::move(p));
    } catch (const Error&) {
      out.polygons.push_back(poly);
    }
  }
  return out;
}

std::vector<double> lod_tolerances(const LodOptions& o) {
  std::vector<double> t{0.0};
  double tol = o.first;
  for (int i = 1; i < o.levels; ++i, tol *= o.step) t.push_back(tol);
  return t;
}

int pick_lod(const std::vector<double>& tolerances, double m_per_px, double max_error_px) {
  int best = 0;
  for (std::size_t i = 0; i < tolerances.size(); ++i)
    if (tolerances[i] <= max_error_px * m_per_px) best = static_cast<int>(i);
  return best;
}

}  // namespace giatlas
