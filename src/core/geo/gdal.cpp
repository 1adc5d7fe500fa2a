// GDAL/OGR handles and CRS helpers.
#include "geo/gdal.h"

#include <cmath>
#include <mutex>

#include "error.h"

namespace giatlas {

void ensure_gdal() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    CPLSetConfigOption("OGR_GPKG_FOREIGN_KEY_CHECK", "NO");
  });
}

OGRSpatialReference srs_from_user(const std::string& text) {
  OGRSpatialReference srs;
  if (text.empty() || srs.SetFromUserInput(text.c_str()) != OGRERR_NONE)
    throw Error("unknown coordinate system '" + text + "'");
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

OGRSpatialReference srs_cgcs2000() {
  OGRSpatialReference srs;
  srs.importFromEPSG(4490);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

OgrTransform make_transform(const OGRSpatialReference& from, const OGRSpatialReference& to) {
  OGRCoordinateTransformation* t = OGRCreateCoordinateTransformation(&from, &to);
  if (!t) {
    const char* a = from.GetName();
    const char* b = to.GetName();
    throw Error(std::string("no coordinate transformation from '") + (a ? a : "?") + "' to '" + (b ? b : "?") + "'");
  }
  return OgrTransform(t);
}

bool transform_point(OGRCoordinateTransformation& t, Point& p) {
  double x = p.x, y = p.y;
  if (!t.Transform(1, &x, &y)) return false;
  if (!std::isfinite(x) || !std::isfinite(y)) return false;
  p = {x, y};
  return true;
}

int cgcs2000_gk3_epsg(double lon) {
  int cm = static_cast<int>(std::lround(lon / 3.0)) * 3;
  if (cm < 75) cm = 75;
  if (cm > 135) cm = 135;
  return 4534 + (cm - 75) / 3;
}

namespace {

Ring ring_from_ogr(const OGRLinearRing& r) {
  Ring out(static_cast<std::size_t>(r.getNumPoints()));
  for (int i = 0; i < r.getNumPoints(); ++i) out[static_cast<std::size_t>(i)] = {r.getX(i), r.getY(i)};
  if (!out.empty() && !(out.front() == out.back())) out.push_back(out.front());
  return out;
}

void add_polygon(const OGRPolygon& p, MultiPolygon& m) {
  if (p.IsEmpty()) return;
  Polygon poly;
  poly.rings.push_back(ring_from_ogr(*p.getExteriorRing()));
  for (int i = 0; i < p.getNumInteriorRings(); ++i) poly.rings.push_back(ring_from_ogr(*p.getInteriorRing(i)));
  m.polygons.push_back(std::move(poly));
}

void collect(const OGRGeometry& g, MultiPolygon& m) {
  auto type = wkbFlatten(g.getGeometryType());
  if (type == wkbPolygon) {
    add_polygon(*g.toPolygon(), m);
  } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
    for (const OGRGeometry* part : *g.toGeometryCollection()) collect(*part, m);
  } else if (type == wkbCurvePolygon || type == wkbMultiSurface || type == wkbCompoundCurve) {
    OgrGeometry linear(g.getLinearGeometry());
    if (linear) collect(*linear, m);
  }
}

}  // namespace

MultiPolygon to_multipolygon(const OGRGeometry& g) {
  MultiPolygon m;
  collect(g, m);
  return m;
}

OgrGeometry to_ogr(const MultiPolygon& m) {
  auto mp = std::make_unique<OGRMultiPolygon>();
  for (const auto& p : m.polygons) {
    auto poly = std::make_unique<OGRPolygon>();
    for (const auto& r : p.rings) {
      auto ring = std::make_unique<OGRLinearRing>();
      ring->setNumPoints(static_cast<int>(r.size()), FALSE);
      for (std::size_t i = 0; i < r.size(); ++i) ring->setPoint(static_cast<int>(i), r[i].x, r[i].y);
      poly->addRingDirectly(ring.release());
    }
    mp->addGeometryDirectly(poly.release());
  }
  return OgrGeometry(mp.release());
}

namespace {
void collect_failures(CPLErr level, CPLErrorNum, const char* message) {
  if (level < CE_Failure) return;
  auto* log = static_cast<std::vector<std::string>*>(CPLGetErrorHandlerUserData());
  if (log) log->push_back(message ? message : "");
}
}  // namespace

GdalErrorLog::GdalErrorLog() { CPLPushErrorHandlerEx(collect_failures, &failures_); }
GdalErrorLog::~GdalErrorLog() { CPLPopErrorHandler(); }
std::string GdalErrorLog::first() const { return failures_.empty() ? CPLGetLastErrorMsg() : failures_.front(); }

}  // namespace giatlas
