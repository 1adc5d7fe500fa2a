// Local Gauss–Krüger frame.
#include "scope/local_metric.h"

#include <cmath>
#include <vector>

#include "error.h"

namespace giatlas {

namespace {

// One call of PROJ for the whole ring (per-point calls cost several times more on large layers).
Ring map_ring(OGRCoordinateTransformation& t, const Ring& r, const char* what) {
  const std::size_t n = r.size();
  std::vector<double> x(n), y(n);
  std::vector<int> ok(n, 0);
  for (std::size_t i = 0; i < n; ++i) x[i] = r[i].x, y[i] = r[i].y;
  const bool all = n == 0 || t.Transform(n, x.data(), y.data(), nullptr, ok.data());
  Ring out(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!all || !ok[i] || !std::isfinite(x[i]) || !std::isfinite(y[i]))
      throw Error(std::string(what) + ": cannot transform " + std::to_string(r[i].x) + ", " +
                  std::to_string(r[i].y));
    out[i] = {x[i], y[i]};
  }
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
