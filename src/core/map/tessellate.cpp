// Triangulation of polygons with holes through GEOS (see tessellate.h).
#include "map/tessellate.h"

#include <cmath>

#include "error.h"

namespace giatlas {
namespace {

// Appends the first three vertices of every triangle of a GEOS collection of triangles.
void append_triangles(const GeosContext& ctx, const GEOSGeometry* coll, std::vector<Point>& out) {
  const int n = GEOSGetNumGeometries_r(ctx, coll);
  out.reserve(out.size() + static_cast<std::size_t>(std::max(n, 0)) * 3);
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* tri = GEOSGetGeometryN_r(ctx, coll, i);
    const GEOSGeometry* ring = tri ? GEOSGetExteriorRing_r(ctx, tri) : nullptr;
    const GEOSCoordSequence* seq = ring ? GEOSGeom_getCoordSeq_r(ctx, ring) : nullptr;
    unsigned size = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx, seq, &size) || size < 3) continue;
    for (unsigned k = 0; k < 3; ++k) {
      Point p;
      GEOSCoordSeq_getXY_r(ctx, seq, k, &p.x, &p.y);
      out.push_back(p);
    }
  }
}

bool try_triangulate(const GeosContext& ctx, const Polygon& poly, std::vector<Point>& out) {
  try {
    GeosGeom g = to_geos(ctx, poly);
    GEOSGeometry* raw = GEOSConstrainedDelaunayTriangulation_r(ctx, g.get());
    if (!raw) return false;
    GeosGeom tris = geos_take(ctx, raw, "triangulate");
    append_triangles(ctx, tris.get(), out);
    return true;
  } catch (const Error&) {
    return false;
  }
}

}  // namespace

std::vector<Point> triangulate(const GeosContext& ctx, const MultiPolygon& m) {
  std::vector<Point> out;
  for (const Polygon& poly : m.polygons) {
    if (poly.rings.empty() || poly.rings[0].size() < 4) continue;
    if (try_triangulate(ctx, poly, out)) continue;
    // Self-intersecting input: repair, then triangulate each repaired part.
    try {
      MultiPolygon fixed = make_valid(ctx, MultiPolygon{{poly}});
      for (const Polygon& part : fixed.polygons) try_triangulate(ctx, part, out);
    } catch (const Error&) {
      // Left unfilled on purpose (see the header).
    }
  }
  return out;
}

double triangles_area(const std::vector<Point>& t) {
  double sum = 0;
  for (std::size_t i = 0; i + 2 < t.size(); i += 3) {
    const double cross = (t[i + 1].x - t[i].x) * (t[i + 2].y - t[i].y) - (t[i + 2].x - t[i].x) * (t[i + 1].y - t[i].y);
    sum += std::abs(cross) / 2;
  }
  return sum;
}

}  // namespace giatlas
