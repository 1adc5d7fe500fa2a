// Tests for zones built from administrative units.
#include "scope/zone_from_units.h"

#include <catch2/catch.hpp>

#include "error.h"
#include "geo/geodesic.h"
#include "scope_fixture.h"

using namespace giatlas;
using namespace giatlas::test;

namespace {

std::size_t distinct_vertices(const Ring& r) { return r.size() - 1; }

}  // namespace

TEST_CASE("the union of two adjacent townships dissolves the shared edge", "[scope]") {
  const auto towns = grid_townships();
  const ZoneFromUnits z = zone_from_units(towns, {}, {"仙女山街道", "白马镇"});
  REQUIRE(z.geom.polygons.size() == 1);
  REQUIRE(z.geom.polygons[0].rings.size() == 1);
  // A 0.2° × 0.1° rectangle: 4 corners, plus at most the two (collinear) ends of the old edge.
  CHECK(distinct_vertices(z.geom.polygons[0].rings[0]) >= 4);
  CHECK(distinct_vertices(z.geom.polygons[0].rings[0]) <= 6);
  CHECK(geodesic_area(z.geom) ==
        Approx(geodesic_area(towns[0].geom) + geodesic_area(towns[1].geom)).epsilon(1e-9));
  CHECK(z.units == std::vector<std::string>{towns[0].code, towns[1].code});
  CHECK(z.unit_names == std::vector<std::string>{"仙女山街道", "白马镇"});
  CHECK(z.vintage == 2021);
  CHECK(z.findings.empty());
}

TEST_CASE("units are found by code or name, duplicates count once, unknown names are errors", "[scope]") {
  const auto towns = grid_townships();
  const auto villages = grid_villages();
  const ZoneFromUnits z = zone_from_units(towns, villages, {towns[4].code, "火炉镇", villages[0].code});
  CHECK(z.units.size() == 2);
  CHECK(z.geom.polygons.size() == 2);  // the centre cell and a village far from it
  CHECK_THROWS_WITH(zone_from_units(towns, villages, {"白马镇", "不存在镇"}), Catch::Contains("不存在镇"));
  CHECK_THROWS_AS(zone_from_units(towns, villages, {}), Error);
}

TEST_CASE("a ring of townships around an unselected one leaves an enclave hole, not a gap", "[scope]") {
  const auto towns = grid_townships();
  std::vector<std::string> ring;
  for (int i = 0; i < 9; ++i)
    if (i != 4) ring.push_back(towns[static_cast<std::size_t>(i)].code);
  ZoneFromUnitsOptions opt;
  opt.close_holes = true;
  const ZoneFromUnits z = zone_from_units(towns, {}, ring, opt);
  REQUIRE(z.geom.polygons.size() == 1);
  CHECK(z.geom.polygons[0].rings.size() == 2);  // the enclave stays a hole even with close_holes
  REQUIRE(z.findings.size() == 1);
  CHECK(z.findings[0].code == "enclave_hole");
  CHECK(z.findings[0].area_m2 == Approx(geodesic_area(towns[4].geom)).epsilon(1e-6));
}

TEST_CASE("a gap between imperfect source polygons is reported and closed on request", "[scope]") {
  // Four cells whose inner corners leave a small diamond uncovered by any unit.
  const double g = 0.001;  // about 100 m
  std::vector<Township> towns(4);
  const double x = 107.6, y = 29.3;
  towns[0].geom = {{Polygon{
      {{{x - 0.1, y - 0.1}, {x, y - 0.1}, {x, y - g}, {x - g, y}, {x - 0.1, y}, {x - 0.1, y - 0.1}}}}}};
  towns[1].geom = {
      {Polygon{{{{x, y - 0.1}, {x + 0.1, y - 0.1}, {x + 0.1, y}, {x + g, y}, {x, y - g}, {x, y - 0.1}}}}}};
  towns[2].geom = {
      {Polygon{{{{x + g, y}, {x + 0.1, y}, {x + 0.1, y + 0.1}, {x, y + 0.1}, {x, y + g}, {x + g, y}}}}}};
  towns[3].geom = {
      {Polygon{{{{x - 0.1, y}, {x - g, y}, {x, y + g}, {x, y + 0.1}, {x - 0.1, y + 0.1}, {x - 0.1, y}}}}}};
  const char* codes[] = {"T0", "T1", "T2", "T3"};
  const char* names[] = {"甲镇", "乙镇", "丙镇", "丁镇"};
  for (std::size_t i = 0; i < 4; ++i) {
    towns[i].code = codes[i];
    towns[i].name = names[i];
  }
  const std::vector<std::string> all{"T0", "T1", "T2", "T3"};
  const ZoneFromUnits kept = zone_from_units(towns, {}, all);
  REQUIRE(kept.findings.size() == 1);
  CHECK(kept.findings[0].code == "gap_hole");
  CHECK(kept.findings[0].area_m2 > 1000);
  CHECK(kept.geom.polygons[0].rings.size() == 2);

  ZoneFromUnitsOptions close;
  close.close_holes = true;
  const ZoneFromUnits closed = zone_from_units(towns, {}, all, close);
  REQUIRE(closed.findings.size() == 1);
  CHECK(closed.findings[0].code == "gap_hole_closed");
  CHECK(closed.geom.polygons[0].rings.size() == 1);
  CHECK(geodesic_area(closed.geom) ==
        Approx(geodesic_area(kept.geom) + kept.findings[0].area_m2).epsilon(1e-9));

  close.close_holes_below_m2 = 10;  // smaller than the gap: it stays
  CHECK(zone_from_units(towns, {}, all, close).findings[0].code == "gap_hole");
}

TEST_CASE("a tiny detached part is reported as a sliver and dropped on request", "[scope]") {
  auto towns = grid_townships();
  towns[0].geom.polygons.push_back(square(107.3, 29.0, 107.3002, 29.0002));  // about 20 m × 22 m
  const ZoneFromUnits z = zone_from_units(towns, {}, {"仙女山街道"});
  REQUIRE(z.findings.size() == 1);
  CHECK(z.findings[0].code == "sliver");
  CHECK(z.geom.polygons.size() == 2);
  ZoneFromUnitsOptions drop;
  drop.drop_slivers = true;
  const ZoneFromUnits d = zone_from_units(towns, {}, {"仙女山街道"}, drop);
  CHECK(d.findings[0].code == "sliver_dropped");
  CHECK(d.geom.polygons.size() == 1);
}

TEST_CASE("a long thin part is reported as thin", "[scope]") {
  std::vector<Township> towns(1);
  towns[0].code = "T";
  towns[0].name = "细长镇";
  towns[0].geom = {{square(107.5, 29.2, 107.6, 29.2001)}};  // 10 km by 11 m
  const ZoneFromUnits z = zone_from_units(towns, {}, {"T"});
  REQUIRE(z.findings.size() == 1);
  CHECK(z.findings[0].code == "thin_part");
}
