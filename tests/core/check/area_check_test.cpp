// Production areas against zones: results, shares against GEOS in an equal-area projection, the
// zone version of the date, and the producer result that takes its areas into account.
#include <catch2/catch.hpp>

#include <geos_c.h>

#include "check/area_check.h"
#include "check/check_fixture.h"
#include "geo/gdal.h"
#include "geo/geos.h"
#include "test_support.h"
#include "workspace/area_store.h"

using namespace giatlas;
using namespace giatlas::test;

namespace {

ProductionArea area(const std::string& code, MultiPolygon g, std::int64_t producer = 0) {
  ProductionArea a;
  a.code = code;
  a.gi = kGi;
  a.producer_id = producer;
  a.geom = std::move(g);
  return a;
}

// An irregular seven-sided field across the meridian 107.1°E (the edge between v1 and B).
MultiPolygon straddling_field() {
  Ring r{{107.093, 29.051}, {107.0985, 29.0462}, {107.1043, 29.0471}, {107.1071, 29.0523},
         {107.1032, 29.0561}, {107.0991, 29.0574}, {107.0948, 29.0549}, {107.093, 29.051}};
  return MultiPolygon{{Polygon{{r}}}};
}

// The share of `a` inside `zone`, by GEOS in an Albers equal-area projection: the reference.
double equal_area_share(const MultiPolygon& a, const MultiPolygon& zone) {
  OgrTransform t = make_transform(srs_cgcs2000(),
                                  srs_from_user("+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +ellps=GRS80 +units=m"));
  auto project = [&](MultiPolygon m) {
    for (Polygon& p : m.polygons)
      for (Ring& r : p.rings)
        for (Point& q : r) REQUIRE(transform_point(*t, q));
    return m;
  };
  GeosContext ctx;
  GeosGeom ga = to_geos(ctx, project(a)), gz = to_geos(ctx, project(zone));
  GeosGeom cut = geos_take(ctx, GEOSIntersection_r(ctx, ga.get(), gz.get()), "test");
  double whole = 0, in = 0;
  GEOSArea_r(ctx, ga.get(), &whole);
  GEOSArea_r(ctx, cut.get(), &in);
  return in / whole;
}

std::vector<ZoneVersion> fixture_zones(const TempDir& dir) {
  const std::string path = dir.file("ws.gpkg");
  make_check_workspace(path, {});
  return Workspace::open(path, true).zone_versions();
}

std::vector<Township> fixture_townships(const TempDir& dir) {
  return Workspace::open(dir.file("ws.gpkg"), true).townships();
}

}  // namespace

TEST_CASE("area shares agree with GEOS intersection areas in an equal-area projection within 0.01%", "[area_check]") {
  TempDir dir;
  const auto zones = fixture_zones(dir);
  const auto towns = fixture_townships(dir);
  std::vector<ProductionArea> areas = {area("P1", straddling_field()),
                                       area("P2", box_polygon(107.095, 29.01, 107.1006, 29.013)),
                                       area("P3", box_polygon(107.0999, 29.08, 107.13, 29.0833))};
  for (std::size_t i = 0; i < areas.size(); ++i) areas[i].id = static_cast<std::int64_t>(i + 1);
  AreaCheckOptions opt;
  opt.date = "2019-06-01";  // v1: township A only
  opt.threads = 2;
  const AreaCheckReport rep = run_area_check(towns, zones, areas, opt, nullptr, Progress{});
  REQUIRE(rep.rows.size() == 3);
  const MultiPolygon v1 = box_polygon(107.0, 29.0, 107.1, 29.1);
  for (const AreaCheck& r : rep.rows) {
    CHECK(r.result == AreaResult::partly_inside);
    CHECK(r.zone_version == 1);
    const double ref = equal_area_share(areas[static_cast<std::size_t>(r.area_id - 1)].geom, v1);
    INFO(r.code << " share " << r.share << " reference " << ref);
    // Within 0.01% of the area (shares are fractions of it), and within 0.01% of the share itself
    // where the share is not a sliver (a 10 m strip's share depends on how each projection bends the edge).
    CHECK(std::abs(r.share - ref) < 1e-4);
    if (ref > 0.1) CHECK(std::abs(r.share - ref) / ref < 1e-4);
    CHECK(r.inside_m2 + r.outside_m2 == Approx(r.area_m2));
    CHECK(r.outside_mu() == Approx(r.outside_m2 / (10000.0 / 15.0)));
  }
  // The box P2 has 0.0006° of 0.0056° east of the edge: about 10.7% outside.
  CHECK(rep.rows[1].share == Approx(0.0050 / 0.0056).epsilon(2e-3));
}

TEST_CASE("an area's result follows the zone version in force on the date", "[area_check]") {
  TempDir dir;
  const auto zones = fixture_zones(dir);
  const auto towns = fixture_townships(dir);
  std::vector<ProductionArea> areas = {area("A-in", box_polygon(107.02, 29.02, 107.03, 29.03)),
                                       area("B-in", box_polygon(107.15, 29.02, 107.16, 29.03)),
                                       area("edge", straddling_field()),
                                       area("far", box_polygon(108.0, 29.5, 108.01, 29.51)),
                                       area("nogi", box_polygon(107.02, 29.02, 107.03, 29.03))};
  areas[4].gi = "没有的产品";
  for (std::size_t i = 0; i < areas.size(); ++i) areas[i].id = static_cast<std::int64_t>(i + 1);
  AreaCheckOptions opt;
  opt.date = "2019-06-01";
  AreaCheckReport r19 = run_area_check(towns, zones, areas, opt, nullptr, Progress{});
  CHECK(r19.rows[0].result == AreaResult::inside);
  CHECK(r19.rows[0].share == 1.0);
  CHECK(r19.rows[1].result == AreaResult::outside);
  CHECK(r19.rows[1].outside_m2 == Approx(r19.rows[1].area_m2));
  CHECK(r19.rows[2].result == AreaResult::partly_inside);
  CHECK(r19.rows[3].result == AreaResult::outside_district);
  CHECK(r19.rows[4].result == AreaResult::unknown_gi);
  CHECK(r19.rows[2].reason.find("zone version 1") != std::string::npos);
  CHECK(r19.rows[2].reason_zh.find("亩") != std::string::npos);
  opt.date = "2021-06-01";  // v2: A ∪ B
  AreaCheckReport r21 = run_area_check(towns, zones, areas, opt, nullptr, Progress{});
  CHECK(r21.rows[1].result == AreaResult::inside);
  CHECK(r21.rows[2].result == AreaResult::inside);
  CHECK(r21.rows[2].zone_version == 2);
  CHECK(r21.by_result[static_cast<int>(AreaResult::inside)] == 3);
}

TEST_CASE("a producer whose point is inside but whose base is half outside is a finding", "[area_check]") {
  TempDir dir;
  const auto zones = fixture_zones(dir);
  const auto towns = fixture_townships(dir);
  std::vector<ProductionArea> areas = {area("X1", box_polygon(107.02, 29.02, 107.03, 29.03), 1),
                                       area("X2", box_polygon(107.095, 29.02, 107.105, 29.03), 1),
                                       area("Y1", box_polygon(107.02, 29.05, 107.03, 29.06), 2),
                                       area("Z1", box_polygon(107.15, 29.05, 107.16, 29.06), 3)};
  for (std::size_t i = 0; i < areas.size(); ++i) areas[i].id = static_cast<std::int64_t>(i + 1);
  AreaCheckOptions opt;
  opt.date = "2019-06-01";
  const AreaCheckReport rep = run_area_check(towns, zones, areas, opt, nullptr, Progress{});
  std::vector<ProducerCheck> points(4);
  for (int i = 0; i < 4; ++i) {
    points[static_cast<std::size_t>(i)].producer_id = i + 1;
    points[static_cast<std::size_t>(i)].result = CheckResult::inside;
  }
  const auto res = producer_area_results(points, rep.rows);
  REQUIRE(res.size() == 4);
  CHECK(res[0].code == "areas_partly_outside");
  CHECK(res[0].finding);
  CHECK(res[0].outside_m2 == Approx(rep.rows[1].outside_m2));
  CHECK(res[0].reason.find("X2 50") != std::string::npos);
  CHECK(res[1].code == "areas_inside");
  CHECK_FALSE(res[1].finding);
  CHECK(res[2].code == "areas_outside");
  CHECK(res[3].code == "no_areas");
}

TEST_CASE("a DEM gives a band zone's areas their altitude range", "[area_check]") {
  TempDir dir;
  auto zones = fixture_zones(dir);
  const auto towns = fixture_townships(dir);
  for (ZoneVersion& z : zones) z.min_altitude_m = 1000;
  // Altitude rises eastwards: 900 m at 107.0 to 1100 m at 107.2.
  auto dem = std::make_shared<DemGrid>(200, 100, 107.0, 29.1, 0.001, 0.001);
  for (int r = 0; r < 100; ++r)
    for (int c = 0; c < 200; ++c) dem->set(c, r, static_cast<float>(900 + c));
  std::vector<ProductionArea> areas = {area("low", box_polygon(107.05, 29.02, 107.15, 29.03))};
  areas[0].id = 1;
  AreaCheckOptions opt;
  opt.date = "2021-06-01";
  const AreaCheckReport rep = run_area_check(towns, zones, areas, opt, dem, Progress{});
  REQUIRE(std::isfinite(rep.rows[0].alt_min_m));
  CHECK(rep.rows[0].alt_min_m == Approx(950).margin(1.0));
  CHECK(rep.rows[0].alt_max_m == Approx(1050).margin(1.0));
  CHECK(rep.rows[0].reason.find("off the band") != std::string::npos);
  AreaCheckReport none = run_area_check(towns, zones, areas, opt, nullptr, Progress{});
  CHECK(none.rows[0].altitude_status == "no_dem");
}
