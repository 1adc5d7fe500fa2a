// Tests of zone versioning: saving never overwrites, effective dates chain, date lookup.
#include <catch2/catch.hpp>

#include "error.h"
#include "test_support.h"
#include "workspace/workspace.h"

using namespace giatlas;
using giatlas::test::square;

namespace {

ZoneVersion zone(const std::string& from, double size) {
  ZoneVersion z;
  z.gi = "武隆高山萝卜";
  z.effective_from = from;
  z.units = {"500156003", "500156109"};
  z.source = "units";
  z.author = "测试";
  z.geom = square(107.7, 29.3, size);
  return z;
}

}  // namespace

TEST_CASE("saving a zone adds a version and closes the previous one without touching its geometry") {
  test::TempDir dir;
  Workspace ws = Workspace::create(dir.file("z.gpkg"), "武隆区");
  GiProduct gi;
  gi.name = "武隆高山萝卜";
  ws.add_gi_product(gi);
  ZoneVersion v1 = ws.save_zone_version(zone("2013-12-01", 0.1));
  ZoneVersion v2 = ws.save_zone_version(zone("2021-03-15", 0.2));
  ZoneVersion v3 = ws.save_zone_version(zone("2025-01-01", 0.3));
  CHECK(v1.version == 1);
  CHECK(v2.version == 2);
  CHECK(v3.version == 3);
  auto all = ws.zone_versions("武隆高山萝卜");
  REQUIRE(all.size() == 3);
  CHECK(all[0].geom == square(107.7, 29.3, 0.1));
  CHECK(all[1].geom == square(107.7, 29.3, 0.2));
  CHECK(all[0].effective_to == all[1].effective_from);
  CHECK(all[1].effective_to == all[2].effective_from);
  CHECK(all[2].effective_to.empty());
  CHECK(all[0].units == std::vector<std::string>{"500156003", "500156109"});

  CHECK(ws.zone_in_force("武隆高山萝卜", "2013-11-30") == std::nullopt);
  CHECK(ws.zone_in_force("武隆高山萝卜", "2013-12-01")->version == 1);
  CHECK(ws.zone_in_force("武隆高山萝卜", "2021-03-14")->version == 1);
  CHECK(ws.zone_in_force("武隆高山萝卜", "2021-03-15")->version == 2);
  CHECK(ws.zone_in_force("武隆高山萝卜", "2030-01-01")->version == 3);
}

TEST_CASE("a zone version that would take effect before the one in force is refused") {
  test::TempDir dir;
  Workspace ws = Workspace::create(dir.file("z.gpkg"), "武隆区");
  GiProduct gi;
  gi.name = "武隆高山萝卜";
  ws.add_gi_product(gi);
  ws.save_zone_version(zone("2021-03-15", 0.1));
  CHECK_THROWS_WITH(ws.save_zone_version(zone("2020-01-01", 0.2)), Catch::Contains("must take effect after version 1"));
  auto all = ws.zone_versions();
  REQUIRE(all.size() == 1);
  CHECK(all[0].effective_to.empty());
}

TEST_CASE("a zone for a GI that is not in the register is refused") {
  test::TempDir dir;
  Workspace ws = Workspace::create(dir.file("z.gpkg"), "武隆区");
  CHECK_THROWS_WITH(ws.save_zone_version(zone("2021-03-15", 0.1)), Catch::Contains("not in the GI register"));
}
