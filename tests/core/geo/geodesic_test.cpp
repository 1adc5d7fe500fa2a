// Tests for geodesic area, perimeter and distance on the CGCS2000 ellipsoid, against values
// computed independently: the closed-form area of a lon/lat cell, and an equal-area projection.
#include "geo/geodesic.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "geo/gdal.h"
#include "geo/geos.h"

using namespace giatlas;

namespace {

// Area between the equator and latitude phi on an ellipsoid of revolution, per radian of
// longitude (the authalic integral): b² [ sinφ / (2(1 − e² sin²φ)) + ln((1 + e sinφ)/(1 − e sinφ)) / (4e) ].
double zone_integral(double phi, double a, double f) {
  const double b = a * (1 - f);
  const double e2 = f * (2 - f);
  const double e = std::sqrt(e2);
  const double s = std::sin(phi);
  return b * b * (s / (2 * (1 - e2 * s * s)) + std::log((1 + e * s) / (1 - e * s)) / (4 * e));
}

double cell_area(double lon0, double lat0, double lon1, double lat1) {
  constexpr double deg = M_PI / 180;
  return (lon1 - lon0) * deg *
         (zone_integral(lat1 * deg, kCgcs2000A, kCgcs2000F) -
          zone_integral(lat0 * deg, kCgcs2000A, kCgcs2000F));
}

Ring cell(double lon0, double lat0, double lon1, double lat1) {
  return {{lon0, lat0}, {lon1, lat0}, {lon1, lat1}, {lon0, lat1}, {lon0, lat0}};
}

}  // namespace

TEST_CASE("a lon/lat cell's geodesic area matches the closed-form ellipsoid area within 0.01%",
          "[geodesic]") {
  // Edges along parallels are not geodesics, so the cell is densified to follow them.
  const Ring r = densify_lonlat(cell(107.2, 29.0, 108.1, 29.7), 0.001);
  const double expected = cell_area(107.2, 29.0, 108.1, 29.7);
  CHECK(geodesic_area(r) == Approx(expected).epsilon(1e-4));
  CHECK(expected > 6.0e9);  // about 6,800 km²: the test itself is not vacuous
  CHECK(expected < 7.5e9);
}

TEST_CASE("geodesic area matches an Albers equal-area projection through PROJ within 0.01%", "[geodesic]") {
  ensure_gdal();
  const Polygon shape{
      {{{107.3, 29.1}, {107.9, 29.05}, {108.05, 29.5}, {107.6, 29.68}, {107.25, 29.4}, {107.3, 29.1}},
       {{107.5, 29.3}, {107.6, 29.3}, {107.6, 29.4}, {107.5, 29.4}, {107.5, 29.3}}}};
  Polygon dense;
  for (const auto& ring : shape.rings) dense.rings.push_back(densify_lonlat(ring, 0.0005));
  const OGRSpatialReference aea = srs_from_user(
      "+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +a=6378137 +rf=298.257222101 +units=m +no_defs");
  const OgrTransform t = make_transform(srs_cgcs2000(), aea);
  MultiPolygon projected{{dense}};
  for (auto& ring : projected.polygons[0].rings)
    for (auto& p : ring) REQUIRE(transform_point(*t, p));
  GeosContext ctx;
  double planar = 0;
  GEOSArea_r(ctx, to_geos(ctx, projected).get(), &planar);
  CHECK(geodesic_area(dense) == Approx(planar).epsilon(1e-4));
  // A hole is subtracted.
  CHECK(geodesic_area(dense) < geodesic_area(dense.rings[0]));
}

TEST_CASE("ring orientation and a closing duplicate do not change the area", "[geodesic]") {
  Ring ccw = cell(107.5, 29.2, 107.6, 29.3);
  Ring cw(ccw.rbegin(), ccw.rend());
  Ring open(ccw.begin(), ccw.end() - 1);
  CHECK(geodesic_area(ccw) == Approx(geodesic_area(cw)));
  CHECK(geodesic_area(ccw) == Approx(geodesic_area(open)));
  MultiPolygon two{{Polygon{{ccw}}, Polygon{{cell(107.7, 29.2, 107.8, 29.3)}}}};
  CHECK(geodesic_area(two) == Approx(geodesic_area(ccw) + geodesic_area(cell(107.7, 29.2, 107.8, 29.3))));
}

TEST_CASE("geodesic distance along a meridian and perimeter of a cell", "[geodesic]") {
  // One degree of latitude near 29.5°N on CGCS2000 is about 110.8 km.
  const double d = geodesic_distance({107.5, 29.0}, {107.5, 30.0});
  CHECK(d == Approx(110840).epsilon(1e-3));
  const Ring r = cell(107.5, 29.0, 107.6, 29.1);
  const double expected =
      geodesic_distance({107.5, 29.0}, {107.6, 29.0}) + geodesic_distance({107.6, 29.0}, {107.6, 29.1}) +
      geodesic_distance({107.6, 29.1}, {107.5, 29.1}) + geodesic_distance({107.5, 29.1}, {107.5, 29.0});
  CHECK(geodesic_perimeter(r) == Approx(expected).epsilon(1e-9));
  CHECK(geodesic_area(Ring{{107.5, 29.0}, {107.6, 29.0}}) == 0);
}
