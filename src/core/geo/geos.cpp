// GEOS RAII and conversions.
#include "geo/geos.h"

#include <cstdarg>

#include "error.h"

namespace giatlas {

namespace {

GeosGeom make_ring(const GeosContext& ctx, const Ring& r) {
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(r.size()), 2);
  for (unsigned i = 0; i < r.size(); ++i) GEOSCoordSeq_setXY_r(ctx, seq, i, r[i].x, r[i].y);
  return geos_take(ctx, GEOSGeom_createLinearRing_r(ctx, seq), "building a polygon ring");
}

Ring read_ring(const GeosContext& ctx, const GEOSGeometry* ring) {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, ring);
  unsigned n = 0;
  GEOSCoordSeq_getSize_r(ctx, seq, &n);
  Ring r(n);
  for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(ctx, seq, i, &r[i].x, &r[i].y);
  return r;
}

void collect_polygons(const GeosContext& ctx, const GEOSGeometry* g, MultiPolygon& out) {
  int type = GEOSGeomTypeId_r(ctx, g);
  if (type == GEOS_POLYGON) {
    if (GEOSisEmpty_r(ctx, g)) return;
    Polygon p;
    p.rings.push_back(read_ring(ctx, GEOSGetExteriorRing_r(ctx, g)));
    int holes = GEOSGetNumInteriorRings_r(ctx, g);
    for (int i = 0; i < holes; ++i) p.rings.push_back(read_ring(ctx, GEOSGetInteriorRingN_r(ctx, g, i)));
    out.polygons.push_back(std::move(p));
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    int n = GEOSGetNumGeometries_r(ctx, g);
    for (int i = 0; i < n; ++i) collect_polygons(ctx, GEOSGetGeometryN_r(ctx, g, i), out);
  }
}

}  // namespace

GeosContext::GeosContext() : h_(GEOS_init_r()) {
  GEOSContext_setErrorMessageHandler_r(h_, &GeosContext::on_error, this);
}

GeosContext::~GeosContext() { GEOS_finish_r(h_); }

void GeosContext::on_error(const char* message, void* userdata) {
  static_cast<GeosContext*>(userdata)->last_error_ = message ? message : "";
}

GeosGeom geos_take(const GeosContext& ctx, GEOSGeometry* g, const char* what) {
  if (!g) throw Error(std::string(what) + ": " + (ctx.last_error().empty() ? "GEOS failed" : ctx.last_error()));
  return GeosGeom(g, GeosGeomDeleter{ctx.get()});
}

GeosPrepared geos_prepare(const GeosContext& ctx, const GEOSGeometry* g) {
  const GEOSPreparedGeometry* p = GEOSPrepare_r(ctx, g);
  if (!p) throw Error("preparing a geometry: " + ctx.last_error());
  return GeosPrepared(p, GeosPreparedDeleter{ctx.get()});
}

GeosGeom to_geos(const GeosContext& ctx, const Polygon& p) {
  if (p.rings.empty()) return geos_take(ctx, GEOSGeom_createEmptyPolygon_r(ctx), "empty polygon");
  GeosGeom shell = make_ring(ctx, p.rings[0]);
  std::vector<GEOSGeometry*> holes;
  std::vector<GeosGeom> owned;
  for (std::size_t i = 1; i < p.rings.size(); ++i) owned.push_back(make_ring(ctx, p.rings[i]));
  for (auto& h : owned) holes.push_back(h.release());
  GEOSGeometry* poly = GEOSGeom_createPolygon_r(ctx, shell.release(), holes.data(), static_cast<unsigned>(holes.size()));
  return geos_take(ctx, poly, "building a polygon");
}

GeosGeom to_geos(const GeosContext& ctx, const MultiPolygon& m) {
  std::vector<GEOSGeometry*> parts;
  for (const auto& p : m.polygons) parts.push_back(to_geos(ctx, p).release());
  GEOSGeometry* g = GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, parts.data(), static_cast<unsigned>(parts.size()));
  return geos_take(ctx, g, "building a multipolygon");
}

GeosGeom to_geos(const GeosContext& ctx, const Point& p) {
  return geos_take(ctx, GEOSGeom_createPointFromXY_r(ctx, p.x, p.y), "building a point");
}

GeosGeom to_geos_line(const GeosContext& ctx, const std::vector<Point>& pts) {
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(pts.size()), 2);
  for (unsigned i = 0; i < pts.size(); ++i) GEOSCoordSeq_setXY_r(ctx, seq, i, pts[i].x, pts[i].y);
  return geos_take(ctx, GEOSGeom_createLineString_r(ctx, seq), "building a line");
}

MultiPolygon to_multipolygon(const GeosContext& ctx, const GEOSGeometry* g) {
  MultiPolygon m;
  if (g) collect_polygons(ctx, g, m);
  return m;
}

GeosGeom geos_from_wkt(const GeosContext& ctx, const std::string& wkt) {
  GEOSWKTReader* r = GEOSWKTReader_create_r(ctx);
  GEOSGeometry* g = GEOSWKTReader_read_r(ctx, r, wkt.c_str());
  GEOSWKTReader_destroy_r(ctx, r);
  return geos_take(ctx, g, "reading WKT");
}

std::string geos_to_wkt(const GeosContext& ctx, const GEOSGeometry* g, int precision) {
  GEOSWKTWriter* w = GEOSWKTWriter_create_r(ctx);
  GEOSWKTWriter_setRoundingPrecision_r(ctx, w, precision);
  GEOSWKTWriter_setTrim_r(ctx, w, 1);
  char* s = GEOSWKTWriter_write_r(ctx, w, g);
  std::string out = s ? s : "";
  GEOSFree_r(ctx, s);
  GEOSWKTWriter_destroy_r(ctx, w);
  return out;
}

std::string invalid_reason(const GeosContext& ctx, const MultiPolygon& m) {
  GeosGeom g = to_geos(ctx, m);
  if (GEOSisValid_r(ctx, g.get()) == 1) return "";
  char* s = GEOSisValidReason_r(ctx, g.get());
  std::string out = s ? s : "invalid geometry";
  GEOSFree_r(ctx, s);
  return out;
}

MultiPolygon make_valid(const GeosContext& ctx, const MultiPolygon& m) {
  GeosGeom g = to_geos(ctx, m);
  GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(ctx);
  GEOSMakeValidParams_setMethod_r(ctx, params, GEOS_MAKE_VALID_STRUCTURE);
  GEOSMakeValidParams_setKeepCollapsed_r(ctx, params, 0);
  GEOSGeometry* v = GEOSMakeValidWithParams_r(ctx, g.get(), params);
  GEOSMakeValidParams_destroy_r(ctx, params);
  GeosGeom valid = geos_take(ctx, v, "repairing a polygon");
  return to_multipolygon(ctx, valid.get());
}

MultiPolygon union_all(const GeosContext& ctx, const std::vector<MultiPolygon>& parts) {
  std::vector<GEOSGeometry*> geoms;
  for (const auto& m : parts)
    for (const auto& p : m.polygons) geoms.push_back(to_geos(ctx, p).release());
  GeosGeom coll = geos_take(
      ctx, GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, geoms.data(), static_cast<unsigned>(geoms.size())),
      "collecting polygons");
  GeosGeom u = geos_take(ctx, GEOSUnaryUnion_r(ctx, coll.get()), "union of polygons");
  return to_multipolygon(ctx, u.get());
}

}  // namespace giatlas
