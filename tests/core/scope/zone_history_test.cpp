// Tests for zone versions: saving never overwrites, effective dates chain, comparison.
#include "scope/zone_history.h"

#include <catch2/catch.hpp>

#include "error.h"
#include "geo/geodesic.h"
#include "scope/zone_from_units.h"
#include "scope_fixture.h"

using namespace giatlas;
using namespace giatlas::test;

TEST_CASE("each save makes a new version and effective dates chain without overwriting", "[scope]") {
  TempDir dir;
  Workspace ws = grid_workspace(dir.file("ws.gpkg"));
  const auto towns = ws.townships();
  const ZoneFromUnits z1 = zone_from_units(towns, {}, {"仙女山街道", "白马镇"});
  ZoneSaveRequest req{kGi, "2020-01-01", "测绘员甲", "初版", "units", z1.units, {}, {}, {}, {}};
  const ZoneVersion v1 = save_zone(ws, z1.geom, req);
  CHECK(v1.version == 1);

  const ZoneFromUnits z2 = zone_from_units(towns, {}, {"仙女山街道", "白马镇", "双河镇"});
  req.effective_from = "2022-07-01";
  req.units = z2.units;
  req.note = "扩大到双河镇";
  CHECK(save_zone(ws, z2.geom, req).version == 2);

  const ZoneFromUnits z3 = zone_from_units(towns, {}, {"白马镇", "双河镇"});
  req.effective_from = "2024-03-15";
  req.units = z3.units;
  CHECK(save_zone(ws, z3.geom, req).version == 3);

  const auto history = zone_history(ws, kGi);
  REQUIRE(history.size() == 3);
  for (std::size_t i = 0; i + 1 < history.size(); ++i)
    CHECK(history[i].effective_to == history[i + 1].effective_from);
  CHECK(history.back().effective_to.empty());
  CHECK(history[0].geom == z1.geom);  // the first version's geometry is untouched
  CHECK(history[0].units == z1.units);
  CHECK(history[0].author == "测绘员甲");
  CHECK(history[1].note == "扩大到双河镇");
  CHECK(find_zone_version(ws, kGi).version == 3);
  CHECK(find_zone_version(ws, kGi, 2).units.size() == 3);
  CHECK_THROWS_WITH(find_zone_version(ws, kGi, 9), Catch::Contains("versions: 1, 2, 3"));
}

TEST_CASE("a save dated before the version in force, an empty or an invalid zone is refused", "[scope]") {
  TempDir dir;
  Workspace ws = grid_workspace(dir.file("ws.gpkg"));
  ZoneSaveRequest req{kGi, "2023-01-01", "甲", "", "drawn", {}, {}, {}, {}, {}};
  save_zone(ws, cell(0, 0), req);
  req.effective_from = "2022-01-01";
  CHECK_THROWS_AS(save_zone(ws, cell(1, 0), req), Error);
  req.effective_from = "2024-01-01";
  CHECK_THROWS_AS(save_zone(ws, MultiPolygon{}, req), Error);
  const MultiPolygon bowtie{
      {Polygon{{{{107.5, 29.2}, {107.6, 29.3}, {107.6, 29.2}, {107.5, 29.3}, {107.5, 29.2}}}}}};
  CHECK_THROWS_WITH(save_zone(ws, bowtie, req), Catch::Contains("not valid"));
  req.gi = "不存在的产品";
  CHECK_THROWS_AS(save_zone(ws, cell(1, 0), req), Error);
  CHECK(zone_history(ws, kGi).size() == 1);
  CHECK_THROWS_AS(zone_history(ws, "不存在的产品"), Error);
}

TEST_CASE("comparing two versions gives the area added and removed", "[scope]") {
  ZoneVersion a, b;
  a.version = 1;
  b.version = 2;
  a.gi = b.gi = kGi;
  a.geom = MultiPolygon{{square(107.5, 29.2, 107.7, 29.3)}};  // cells 0 and 1
  b.geom = MultiPolygon{{square(107.6, 29.2, 107.8, 29.3)}};  // cells 1 and 2
  const ZoneComparison c = compare_zone_versions(a, b);
  CHECK(c.from_version == 1);
  CHECK(c.to_version == 2);
  CHECK(c.added_km2 == Approx(geodesic_area(cell(2, 0)) / 1e6).epsilon(1e-6));
  CHECK(c.removed_km2 == Approx(geodesic_area(cell(0, 0)) / 1e6).epsilon(1e-6));
  CHECK(c.added_km2 > 90);  // about 97 km × 11 km: the comparison is not trivially zero
  CHECK(c.net_km2() == Approx(c.to_km2 - c.from_km2).epsilon(1e-6));
  REQUIRE(c.added.polygons.size() == 1);
  CHECK(bounds(c.added).minx == Approx(107.7));
  CHECK(bounds(c.removed).maxx == Approx(107.6));
}
