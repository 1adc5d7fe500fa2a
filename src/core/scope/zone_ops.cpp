// GEOS-backed zone geometry operations.
#include "scope/zone_ops.h"

#include <algorithm>

#include "error.h"
#include "geo/geodesic.h"
#include "geo/geos.h"
#include "scope/local_metric.h"

namespace giatlas {

namespace {

using BinaryOp = GEOSGeometry* (*)(GEOSContextHandle_t, const GEOSGeometry*, const GEOSGeometry*);

MultiPolygon overlay(const MultiPolygon& a, const MultiPolygon& b, BinaryOp op, const char* what) {
  GeosContext ctx;
  GeosGeom ga = to_geos(ctx, a);
  GeosGeom gb = to_geos(ctx, b);
  GeosGeom r = geos_take(ctx, op(ctx, ga.get(), gb.get()), what);
  return to_multipolygon(ctx, r.get());
}

}  // namespace

MultiPolygon zone_union(const MultiPolygon& a, const MultiPolygon& b) {
  if (a.empty()) return b.empty() ? a : union_all(GeosContext(), {b});
  return overlay(a, b, GEOSUnion_r, "adding to the zone");
}

MultiPolygon zone_difference(const MultiPolygon& a, const MultiPolygon& b) {
  if (a.empty() || b.empty()) return a;
  return overlay(a, b, GEOSDifference_r, "subtracting from the zone");
}

MultiPolygon zone_intersection(const MultiPolygon& a, const MultiPolygon& b) {
  if (a.empty() || b.empty()) return {};
  return overlay(a, b, GEOSIntersection_r, "clipping the zone");
}

std::vector<MultiPolygon> split_by_line(const MultiPolygon& m, const std::vector<Point>& line) {
  if (line.size() < 2) throw Error("split: the cutting line needs at least two points");
  if (m.empty()) return {};
  GeosContext ctx;
  GeosGeom zone = to_geos(ctx, m);
  GeosGeom boundary = geos_take(ctx, GEOSBoundary_r(ctx, zone.get()), "split: zone boundary");
  GeosGeom cut = to_geos_line(ctx, line);
  // Union of linework nodes every crossing, which the polygonizer needs.
  GeosGeom noded = geos_take(ctx, GEOSUnion_r(ctx, boundary.get(), cut.get()), "split: noding the line");
  const GEOSGeometry* inputs[] = {noded.get()};
  GeosGeom faces = geos_take(ctx, GEOSPolygonize_r(ctx, inputs, 1), "split: polygonizing");
  GeosPrepared prepared = geos_prepare(ctx, zone.get());

  std::vector<std::pair<double, MultiPolygon>> pieces;
  const int n = GEOSGetNumGeometries_r(ctx, faces.get());
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* face = GEOSGetGeometryN_r(ctx, faces.get(), i);
    GeosGeom inner = geos_take(ctx, GEOSPointOnSurface_r(ctx, face), "split: interior point");
    if (GEOSPreparedContainsProperly_r(ctx, prepared.get(), inner.get()) != 1) continue;  // a hole or outside
    MultiPolygon piece = to_multipolygon(ctx, face);
    pieces.emplace_back(geodesic_area(piece), std::move(piece));
  }
  std::stable_sort(pieces.begin(), pieces.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<MultiPolygon> out;
  for (auto& [area, piece] : pieces) out.push_back(std::move(piece));
  return out;
}

MultiPolygon buffer_metres(const MultiPolygon& m, double metres, int quadrant_segments) {
  if (m.empty() || metres == 0) return m;
  const LocalMetric frame = LocalMetric::for_box(bounds(m));
  GeosContext ctx;
  GeosGeom projected = to_geos(ctx, frame.forward(m));
  GeosGeom grown =
      geos_take(ctx, GEOSBuffer_r(ctx, projected.get(), metres, quadrant_segments), "buffering the zone");
  return frame.inverse(to_multipolygon(ctx, grown.get()));
}

MultiPolygon district_area(const std::vector<Township>& townships) {
  std::vector<MultiPolygon> parts;
  for (const auto& t : townships) parts.push_back(t.geom);
  if (parts.empty()) return {};
  GeosContext ctx;
  return union_all(ctx, parts);
}

Point zone_centroid(const MultiPolygon& m) {
  if (m.empty()) throw Error("centroid: the zone is empty");
  const LocalMetric frame = LocalMetric::for_box(bounds(m));
  GeosContext ctx;
  GeosGeom projected = to_geos(ctx, frame.forward(m));
  GeosGeom c = geos_take(ctx, GEOSGetCentroid_r(ctx, projected.get()), "centroid of the zone");
  Point p;
  GEOSGeomGetX_r(ctx, c.get(), &p.x);
  GEOSGeomGetY_r(ctx, c.get(), &p.y);
  return frame.inverse(p);
}

}  // namespace giatlas
