// CRS round trips into the workspace CRS: CGCS2000 Gauss–Krüger zones (3- and 6-degree, with
// and without the zone prefix), Xian 1980 and Beijing 1954 GK, Web Mercator, WGS84, GCJ-02/BD-09.
#include <catch2/catch.hpp>

#include "error.h"
#include "geo/china_shift.h"
#include "geo/crs_input.h"
#include "io/table_points.h"

using namespace giatlas;

namespace {

// Projects a CGCS2000 lon/lat into `epsg` with PROJ (traditional axis order).
Point project(const Point& lonlat, int epsg) {
  OgrTransform t = make_transform(srs_cgcs2000(), srs_from_user("EPSG:" + std::to_string(epsg)));
  Point p = lonlat;
  REQUIRE(transform_point(*t, p));
  return p;
}

void check_back(const InputCrs& crs, const Point& projected, const Point& expected, double tol_deg = 1e-8) {
  ToCgcs2000 to(crs);
  Point p = projected;
  REQUIRE(to.point(p));
  CHECK(p.x == Approx(expected.x).margin(tol_deg));
  CHECK(p.y == Approx(expected.y).margin(tol_deg));
}

std::string num(double v) {
  char b[48];
  std::snprintf(b, sizeof b, "%.4f", v);
  return b;
}

}  // namespace

TEST_CASE("every CGCS2000 3-degree zone round-trips, with and without the zone prefix") {
  for (int epsg = 4534; epsg <= 4554; ++epsg) {
    const int zone = 25 + (epsg - 4534);
    const Point ll{3.0 * zone + 0.7, 30.25};
    INFO("EPSG:" << epsg);
    const Point en = project(ll, epsg);
    check_back(input_crs_from_user("EPSG:" + std::to_string(epsg)), en, ll);
    // The same position with the zone number prefixed, typed as text in a CGCS2000 table.
    auto z = gk_zone_from_prefixed_easting(zone * 1e6 + en.x);
    REQUIRE(z);
    CHECK(z->three_degree);
    CHECK(z->zone == zone);
    CHECK(z->epsg == 4513 + (zone - 25));
    TablePointsInput in;
    in.x = {num(zone * 1e6 + en.x)};
    in.y = {num(en.y)};
    in.table_crs = input_crs_from_user("EPSG:4490");
    const auto res = read_table_points(in);
    REQUIRE(res.rows[0].location);
    CHECK(res.rows[0].location->x == Approx(ll.x).margin(1e-6));
    CHECK(res.rows[0].location->y == Approx(ll.y).margin(1e-6));
    CHECK(res.rows[0].form == "metres");
  }
}

TEST_CASE("every CGCS2000 6-degree zone round-trips, prefixed and not") {
  for (int zone = 13; zone <= 23; ++zone) {
    const Point ll{6.0 * zone - 3.0 - 1.2, 35.5};
    INFO("zone " << zone);
    const int prefixed = 4491 + (zone - 13);
    const int plain = 4502 + (zone - 13);
    const Point pe = project(ll, prefixed);
    CHECK(pe.x > zone * 1e6);
    check_back(input_crs_from_user(std::to_string(prefixed)), pe, ll);
    check_back(input_crs_from_user("EPSG:" + std::to_string(plain)), project(ll, plain), ll);
    auto z = gk_zone_from_prefixed_easting(pe.x);
    REQUIRE(z);
    CHECK_FALSE(z->three_degree);
    CHECK(z->epsg == prefixed);
    CHECK(z->central_meridian == 6.0 * zone - 3.0);
  }
}

TEST_CASE("Xian 1980 and Beijing 1954 Gauss-Kruger, Web Mercator and WGS84 round-trip") {
  const Point wulong{107.76, 29.33};
  for (int epsg : {2381, 2433, 3857, 4326, 4610, 4214}) {
    INFO("EPSG:" << epsg);
    check_back(input_crs_from_user("EPSG:" + std::to_string(epsg)), project(wulong, epsg), wulong, 1e-7);
  }
}

TEST_CASE("the documented Wulong reference point reads back from Gauss-Kruger zone 36 metres") {
  // STACK.md: (107.75E, 29.32N) -> EPSG:4545 x=475715.639 y=3244763.559.
  check_back(input_crs_from_user("EPSG:4545"), {475715.639, 3244763.559}, {107.75, 29.32}, 1e-7);
  TablePointsInput in;
  in.table_crs = input_crs_from_user("EPSG:4490");
  in.x = {"36475715.639", "475715.639", "475715.639"};
  in.y = {"3244763.559", "3244763.559", "3244763.559"};
  in.hint_lon = 107.8;
  auto res = read_table_points(in);
  REQUIRE(res.rows[0].location);
  CHECK(res.rows[0].location->x == Approx(107.75).margin(1e-7));
  CHECK(res.rows[0].crs_label == "EPSG:4524");  // zone 36, CM 108°E, prefixed
  // Without a prefix the district's zone is assumed, and said.
  REQUIRE(res.rows[1].location);
  CHECK(res.rows[1].location->y == Approx(29.32).margin(1e-7));
  CHECK(res.rows[1].issue.find("assumed") != std::string::npos);
  // Without a prefix and without a district hint the row is unreadable, with the reason.
  in.hint_lon = std::numeric_limits<double>::quiet_NaN();
  res = read_table_points(in);
  CHECK_FALSE(res.rows[1].location);
  CHECK(res.rows[1].issue.find("zone is unknown") != std::string::npos);
}

TEST_CASE("GCJ-02 and BD-09 are accepted as input CRS names, case and hyphen free") {
  for (const char* n : {"GCJ-02", "gcj02", "Gcj_02", "GCJ 02"}) CHECK(china_shift_from_name(n) == ChinaShift::Gcj02);
  for (const char* n : {"BD-09", "bd09", "BD09LL"}) CHECK(china_shift_from_name(n) == ChinaShift::Bd09);
  CHECK_FALSE(china_shift_from_name("EPSG:4326"));
  const Point wgs{107.76, 29.33};
  check_back(input_crs_from_user("GCJ-02"), wgs84_to_gcj02(wgs), wgs, 1e-9);
  check_back(input_crs_from_user("bd09"), wgs84_to_bd09(wgs), wgs, 1e-9);
  CHECK(input_crs_from_user("GCJ02").label == "GCJ-02");
  CHECK_THROWS_AS(input_crs_from_user("EPSG:999999"), Error);
  CHECK_THROWS_AS(input_crs_from_user("not a crs"), Error);
}

TEST_CASE("prefixed eastings that name no Chinese zone are refused") {
  CHECK_FALSE(gk_zone_from_prefixed_easting(475715.6));   // no prefix
  CHECK_FALSE(gk_zone_from_prefixed_easting(24475715.6)); // 24: neither series
  CHECK_FALSE(gk_zone_from_prefixed_easting(50475715.6)); // beyond zone 45
  CHECK_FALSE(gk_zone_from_prefixed_easting(36950000.0)); // no plausible easting after the prefix
  CHECK(gk_zone_from_prefixed_easting(19500000.0)->central_meridian == 111.0);
}
