// Tests of the one "zone version in force on a date" rule, and that the check, the workspace and
// the map all follow it when a register's versions overlap.
#include "workspace/zone_in_force.h"

#include <catch2/catch.hpp>

#include "check/check_fixture.h"
#include "check/origin_check.h"
#include "geo/gdal.h"
#include "map/scene.h"
#include "test_support.h"
#include "workspace/workspace.h"

using namespace giatlas;

namespace {

ZoneVersion version(const std::string& gi, int n, const std::string& from, const std::string& to) {
  ZoneVersion z;
  z.gi = gi;
  z.version = n;
  z.effective_from = from;
  z.effective_to = to;
  z.geom = test::square(107.0, 29.0, 0.1 * n);
  return z;
}

}  // namespace

TEST_CASE("where two versions of a zone are both in force the highest version wins") {
  // v1 was never closed, v2 overlaps it from 2020, v3 is open-ended from 2024; listed out of order.
  const std::vector<ZoneVersion> all = {
      version("萝卜", 3, "2024-01-01", ""), version("萝卜", 1, "2015-01-01", ""),
      version("萝卜", 2, "2020-01-01", "2030-01-01"), version("茶", 1, "2019-06-01", "")};
  CHECK(zone_version_in_force(all, "萝卜", "2014-12-31") == std::nullopt);
  CHECK(zone_version_in_force(all, "萝卜", "2016-05-05")->version == 1);
  CHECK(zone_version_in_force(all, "萝卜", "2021-01-01")->version == 2);
  CHECK(zone_version_in_force(all, "萝卜", "2025-01-01")->version == 3);
  CHECK(zone_version_in_force(all, "茶", "2025-01-01")->version == 1);
  CHECK(zone_version_in_force(all, "菌", "2025-01-01") == std::nullopt);
  const auto each = zones_in_force(all, "2021-01-01");
  REQUIRE(each.size() == 2);
  CHECK(each[0].gi == "茶");
  CHECK(each[1].gi == "萝卜");
  CHECK(each[1].version == 2);
}

TEST_CASE("a zone version is in force from its first day up to but not on its end day") {
  const ZoneVersion z = version("萝卜", 1, "2020-03-15", "2021-03-15");
  CHECK_FALSE(zone_in_force_on(z, "2020-03-14"));
  CHECK(zone_in_force_on(z, "2020-03-15"));
  CHECK(zone_in_force_on(z, "2021-03-14"));
  CHECK_FALSE(zone_in_force_on(z, "2021-03-15"));
  CHECK(zone_in_force_on(version("萝卜", 1, "", ""), "1990-01-01"));
  ZoneVersion empty = version("萝卜", 1, "2020-01-01", "");
  empty.geom = MultiPolygon{};
  CHECK_FALSE(zone_in_force_on(empty, "2024-01-01"));
}

TEST_CASE("with overlapping versions the check, the workspace and the map use the same zone version") {
  test::TempDir dir;
  const std::string path = dir.file("overlap.gpkg");
  test::make_check_workspace(path, {test::producer_at(1, Point{107.05, 29.05})});
  {  // reopen v1 by hand, as a register edited outside GI Atlas can be: v1 and v2 now overlap
    GdalDataset ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    REQUIRE(ds);
    ds->ExecuteSQL("UPDATE gi_zones SET effective_to = NULL WHERE version = 1", nullptr, nullptr);
  }
  const Workspace ws = Workspace::open(path, true);
  const std::string today = today_iso();
  auto in_force = ws.zone_in_force(test::kGi, today);
  REQUIRE(in_force);
  CHECK(in_force->version == 2);

  CheckOptions o;
  o.date = today;
  const CheckReport report = run_origin_check(ws, o, Progress());
  REQUIRE(report.zones.size() == 1);
  CHECK(report.zones[0].version == 2);

  SceneOptions so;
  so.threads = 1;
  const MapScene scene = build_scene(ws, so);
  const PolygonLayer* zones = scene.polygon_layer("zones");
  REQUIRE(zones);
  REQUIRE(zones->ids.size() == 1);
  CHECK(zones->ids[0] == in_force->id);
}
