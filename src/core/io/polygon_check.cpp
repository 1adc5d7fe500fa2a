// Polygon validation and repair for imports (see polygon_check.h).
#include "io/polygon_check.h"

#include <ogr_geometry.h>

#include "error.h"
#include "geo/gdal.h"

namespace giatlas {
namespace {

// Counts rings whose first and last point differ, anywhere in the geometry.
int unclosed_rings(const OGRGeometry& g) {
  const auto type = wkbFlatten(g.getGeometryType());
  if (type == wkbPolygon) {
    int n = 0;
    for (const OGRLinearRing* r : *g.toPolygon())
      if (r->getNumPoints() > 0 && !r->get_IsClosed()) ++n;
    return n;
  }
  if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
    int n = 0;
    for (const OGRGeometry* part : *g.toGeometryCollection()) n += unclosed_rings(*part);
    return n;
  }
  return 0;
}

bool is_areal(OGRwkbGeometryType t) {
  t = wkbFlatten(t);
  return t == wkbPolygon || t == wkbMultiPolygon || t == wkbCurvePolygon || t == wkbMultiSurface ||
         t == wkbGeometryCollection;
}

}  // namespace

PolygonOutcome polygon_from_feature(const GeosContext& ctx, const OGRGeometry* g, const ToCgcs2000& to_ws,
                                    bool allow_repair) {
  PolygonOutcome out;
  if (!g || g->IsEmpty()) {
    out.rejected = "no geometry";
    return out;
  }
  if (!is_areal(g->getGeometryType())) {
    out.rejected = std::string("a ") + OGRGeometryTypeToName(g->getGeometryType()) + ", not a polygon";
    return out;
  }
  const int unclosed = unclosed_rings(*g);
  MultiPolygon m = to_multipolygon(*g);
  if (m.empty()) {
    out.rejected = "no polygon in the geometry";
    return out;
  }
  for (const Polygon& p : m.polygons)
    for (const Ring& r : p.rings)
      if (r.size() < 4) {
        out.rejected = "a ring with " + std::to_string(r.size() ? r.size() - 1 : 0) + " distinct points cannot enclose an area";
        return out;
      }
  if (!to_ws.polygons(m)) {
    out.rejected = "coordinates outside the area of the source coordinate system";
    return out;
  }
  std::string reason;
  try {
    reason = invalid_reason(ctx, m);
  } catch (const Error& e) {
    out.rejected = e.what();
    return out;
  }
  if (reason.empty() && unclosed == 0) {
    out.geom = std::move(m);
    return out;
  }
  if (!allow_repair) {
    out.rejected = reason.empty() ? std::to_string(unclosed) + " unclosed ring(s); repair was refused"
                                  : "invalid polygon (" + reason + "); repair was refused";
    return out;
  }
  std::string what = unclosed ? std::to_string(unclosed) + " unclosed ring(s) closed" : "";
  if (!reason.empty()) {
    try {
      m = make_valid(ctx, m);
    } catch (const Error& e) {
      out.rejected = std::string("invalid polygon (") + reason + ") and the repair failed: " + e.what();
      return out;
    }
    if (m.empty()) {
      out.rejected = "invalid polygon (" + reason + ") with no area left after repair";
      return out;
    }
    what += std::string(what.empty() ? "" : "; ") + "repaired with MakeValid: " + reason;
  }
  out.repaired = what;
  out.geom = std::move(m);
  return out;
}

}  // namespace giatlas
