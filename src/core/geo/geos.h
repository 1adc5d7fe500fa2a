// RAII over the GEOS re-entrant C API: one context per thread, owned geometries and prepared
// geometries, and conversion to and from the plain geometry values.
#pragma once
#include <geos_c.h>

#include <memory>
#include <string>

#include "geo/geometry.h"

namespace giatlas {

// A GEOS context handle. Not thread-safe: make one per thread. Errors raised by GEOS are
// collected and turned into giatlas::Error by the helpers below.
class GeosContext {
 public:
  GeosContext();
  ~GeosContext();
  GeosContext(const GeosContext&) = delete;
  GeosContext& operator=(const GeosContext&) = delete;

  GEOSContextHandle_t get() const { return h_; }
  operator GEOSContextHandle_t() const { return h_; }
  // The last error message GEOS reported on this context ("" when none).
  const std::string& last_error() const { return last_error_; }

 private:
  static void on_error(const char* message, void* userdata);
  GEOSContextHandle_t h_;
  std::string last_error_;
};

struct GeosGeomDeleter {
  GEOSContextHandle_t ctx = nullptr;
  void operator()(GEOSGeometry* g) const {
    if (g) GEOSGeom_destroy_r(ctx, g);
  }
};
using GeosGeom = std::unique_ptr<GEOSGeometry, GeosGeomDeleter>;

struct GeosPreparedDeleter {
  GEOSContextHandle_t ctx = nullptr;
  void operator()(const GEOSPreparedGeometry* g) const {
    if (g) GEOSPreparedGeom_destroy_r(ctx, g);
  }
};
using GeosPrepared = std::unique_ptr<const GEOSPreparedGeometry, GeosPreparedDeleter>;

// Takes ownership of a GEOS result; throws Error("<what>: <GEOS message>") when it is null.
GeosGeom geos_take(const GeosContext& ctx, GEOSGeometry* g, const char* what);
GeosPrepared geos_prepare(const GeosContext& ctx, const GEOSGeometry* g);

GeosGeom to_geos(const GeosContext& ctx, const MultiPolygon& m);
GeosGeom to_geos(const GeosContext& ctx, const Polygon& p);
GeosGeom to_geos(const GeosContext& ctx, const Point& p);
GeosGeom to_geos_line(const GeosContext& ctx, const std::vector<Point>& pts);

// Collects every polygon of a Polygon / MultiPolygon / GeometryCollection; other parts
// (lines, points from a degenerate union) are dropped.
MultiPolygon to_multipolygon(const GeosContext& ctx, const GEOSGeometry* g);

GeosGeom geos_from_wkt(const GeosContext& ctx, const std::string& wkt);
std::string geos_to_wkt(const GeosContext& ctx, const GEOSGeometry* g, int precision = 9);

// Validity: "" when valid, else GEOS's reason ("Self-intersection[107.1 29.2]").
std::string invalid_reason(const GeosContext& ctx, const MultiPolygon& m);
// GEOS MakeValid (structure method, keeps collapsed parts out), polygons only.
MultiPolygon make_valid(const GeosContext& ctx, const MultiPolygon& m);
// Union of many polygons (shared edges dissolve).
MultiPolygon union_all(const GeosContext& ctx, const std::vector<MultiPolygon>& parts);

}  // namespace giatlas
