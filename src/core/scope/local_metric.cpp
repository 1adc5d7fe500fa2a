// Local Gauss–Krüger frame.
#include "scope/local_metric.h"

#include "error.h"

namespace giatlas {

namespace {

Ring map_ring(OGRCoordinateTransformation& t, const Ring& r, const char* what) {
  Ring out = r;
  for (auto& p : out)
    if (!transform_point(t, p))
      throw Error(std::string(what) + ": cannot transform " + std::to_string(p.x) + ", " +
                  std::to_string(p.y));
  return out;
}

MultiPolygon map_multi(OGRCoordinateTransformation& t, const MultiPolygon& m, const char* what) {
  MultiPolygon out;
  out.polygons.reserve(m.polygons.size());
  for (const auto& p : m.polygons) {
    Polygon q;
    for (const auto& r : p.rings) q.rings.push_back(map_ring(t, r, what));
    out.polygons.push_back(std::move(q));
  }
  return out;
}

}  // namespace

LocalMetric::LocalMetric(double center_lon) : epsg_(cgcs2000_gk3_epsg(center_lon)) {
  ensure_gdal();
  const OGRSpatialReference geo = srs_cgcs2000();
  const OGRSpatialReference gk = srs_from_user("EPSG:" + std::to_string(epsg_));
  to_metres_ = make_transform(geo, gk);
  to_lonlat_ = make_transform(gk, geo);
}

LocalMetric LocalMetric::for_box(const Box& lonlat_box) {
  if (!lonlat_box.valid()) throw Error("local metric frame: the area is empty");
  return LocalMetric(lonlat_box.center().x);
}

Point LocalMetric::forward(const Point& lonlat) const {
  Point p = lonlat;
  if (!transform_point(*to_metres_, p))
    throw Error("projecting to EPSG:" + std::to_string(epsg_) + ": cannot transform " +
                std::to_string(lonlat.x) + ", " + std::to_string(lonlat.y));
  return p;
}

Point LocalMetric::inverse(const Point& metres) const {
  Point p = metres;
  if (!transform_point(*to_lonlat_, p))
    throw Error("projecting from EPSG:" + std::to_string(epsg_) + ": cannot transform " +
                std::to_string(metres.x) + ", " + std::to_string(metres.y));
  return p;
}

MultiPolygon LocalMetric::forward(const MultiPolygon& lonlat) const {
  return map_multi(*to_metres_, lonlat, "projecting to the local Gauss-Kruger zone");
}

MultiPolygon LocalMetric::inverse(const MultiPolygon& metres) const {
  return map_multi(*to_lonlat_, metres, "projecting back to CGCS2000 lon/lat");
}

Ring LocalMetric::forward(const Ring& lonlat) const {
  return map_ring(*to_metres_, lonlat, "projecting to the local Gauss-Kruger zone");
}

}  // namespace giatlas
