// Terrain through the whole workspace: the sample's band zones, the origin check's altitude and
// its reasons, the scope statement of a band zone, a new band version built and saved, and an
// old (schema 1) workspace upgraded.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "check/origin_check.h"
#include "geo/geodesic.h"
#include "sample/generator.h"
#include "scope/scope_format.h"
#include "scope/scope_statement.h"
#include "terrain/band_zone_build.h"
#include "terrain/dem_import.h"
#include "test_support.h"
#include "workspace/schema.h"
#include "workspace/workspace.h"

using namespace giatlas;

namespace {

std::string small_sample(const test::TempDir& dir) {
  SampleOptions so;
  so.seed = 7;
  so.producers = 400;
  so.census_points = 5;
  so.density = 0.25;
  const std::string path = dir.file("s.gpkg");
  generate_sample(path, so);
  return path;
}

}  // namespace

TEST_CASE("the origin check gives located producers their altitude and says why a grower is off the band", "[terrain]") {
  test::TempDir dir;
  const std::string path = small_sample(dir);
  const Workspace ws = Workspace::open(path, true);
  const CheckReport report = run_origin_check(ws, CheckOptions{}, Progress());
  std::map<std::string, int> causes;
  for (const auto& r : report.rows) {
    INFO(r.name << ": " << r.reason);
    if (r.result == CheckResult::invalid_location) {
      CHECK(std::isnan(r.altitude_m));
      continue;
    }
    // Every located producer has an altitude, or says why not.
    CHECK(std::isnan(r.altitude_m) != std::string(r.altitude_status).empty());
    ++causes[r.cause];
    if (r.cause == "below_band") {
      REQUIRE(r.zone_band.min_m);
      CHECK(r.altitude_m < *r.zone_band.min_m);
      CHECK(r.result == CheckResult::outside);
      CHECK(r.reason.find("below the zone's") != std::string::npos);
      CHECK(r.reason_zh.find("低于保护范围下限") != std::string::npos);
    } else if (r.cause == "above_band") {
      REQUIRE(r.zone_band.max_m);
      CHECK(r.altitude_m > *r.zone_band.max_m);
      CHECK(r.reason_zh.find("高于保护范围上限1600米") != std::string::npos);
    } else if (r.cause == "altitude_unknown") {
      CHECK(std::string(r.altitude_status) == "dem_void");
      CHECK(r.result != CheckResult::inside);
      CHECK(r.reason_zh.find("高程数据空洞") != std::string::npos);
    }
    if (r.result == CheckResult::inside && r.zone_band.any()) {
      // Inside a band zone: its altitude is in the band (up to the contour's interpolation
      // against bilinear sampling, a metre or two right at the line).
      REQUIRE_FALSE(std::isnan(r.altitude_m));
      CHECK(AltitudeBand{r.zone_band.min_m ? std::optional<double>(*r.zone_band.min_m - 5) : std::nullopt,
                         r.zone_band.max_m ? std::optional<double>(*r.zone_band.max_m + 5) : std::nullopt}
                .contains(r.altitude_m));
    }
  }
  CHECK(causes["below_band"] > 0);
  CHECK(causes["above_band"] > 0);
  CHECK(causes["altitude_unknown"] > 0);
  // The filter an inspector uses: only those off the band.
  CheckOptions only;
  only.causes = {"below_band", "above_band"};
  const CheckReport off = run_origin_check(ws, only, Progress());
  CHECK(off.rows.size() == static_cast<std::size_t>(causes["below_band"] + causes["above_band"]));
  CHECK(off.summary.total == static_cast<std::int64_t>(off.rows.size()));
  CHECK(off.rules.find("Filter: only producers whose cause is below_band above_band") != std::string::npos);
}

TEST_CASE("the scope statement of a band zone states the band and each township's part", "[terrain]") {
  test::TempDir dir;
  const std::string path = small_sample(dir);
  const Workspace ws = Workspace::open(path, true);
  const ScopeStatement s = scope_statement(ws, "武隆高山萝卜");
  CHECK(s.band_text == "海拔1200米以上");
  // The listed townships are those of the nine units that have land in the band.
  CHECK(s.township_count >= 5);
  CHECK(s.township_count <= 9);
  double sum = 0;
  for (const auto& u : s.townships) {
    CHECK(u.share > 0);
    CHECK(u.share < 1);
    sum += u.area_km2;
  }
  CHECK(sum == Approx(s.area_km2).epsilon(0.001));
  const std::string text = scope_text(s);
  INFO(text);
  CHECK(text.find("共" + std::to_string(s.township_count) + "个乡镇境内海拔1200米以上区域") != std::string::npos);
  CHECK(text.find("其中海拔1200米以上区域面积：") != std::string::npos);
  CHECK(text.find("（部分") == std::string::npos);
  CHECK(scope_json(s).find("\"altitude_band\"") != std::string::npos);
  const ScopeStatement cabbage = scope_statement(ws, "武隆高山白菜");
  CHECK(scope_text(cabbage).find("海拔1000—1600米区域") != std::string::npos);
}

TEST_CASE("a band zone built from townships is saved as a new version that keeps its band and DEM", "[terrain]") {
  test::TempDir dir;
  const std::string path = small_sample(dir);
  Workspace ws = Workspace::open(path);
  const auto dem = load_workspace_dem(ws);
  REQUIRE(dem);
  const UnitsBandZone z = units_band_zone(ws, *dem, {"仙女山街道", "双河镇"}, {1300.0, 1700.0});
  REQUIRE_FALSE(z.zone.geom.empty());
  CHECK(z.zone.band_m2 < z.zone.units_m2);
  CHECK(z.zone.band_m2 == Approx(geodesic_area(z.zone.geom)));
  const ZoneVersion v = save_zone(ws, z.zone.geom, band_save_request(z, "武隆高山萝卜", "2026-01-01", "测绘员", ""));
  CHECK(v.version == 4);
  const ZoneVersion back = find_zone_version(ws, "武隆高山萝卜", 4);
  CHECK(back.min_altitude_m == 1300.0);
  CHECK(back.max_altitude_m == 1700.0);
  CHECK(back.dem.find("s.dem.tif") != std::string::npos);
  CHECK(back.units.size() == 2);
  CHECK(scope_text(scope_statement(ws, "武隆高山萝卜", 4)).find("海拔1300—1700米区域") != std::string::npos);
}

TEST_CASE("a schema-1 workspace reads without bands and is upgraded when opened for writing", "[terrain]") {
  test::TempDir dir;
  const std::string path = dir.file("old.gpkg");
  {
    Workspace ws = Workspace::create(path, "武隆区");
    OGRLayer* zones = ws.dataset().GetLayerByName(table::kZones);
    for (const char* f : {"min_altitude", "max_altitude", "dem"})
      REQUIRE(zones->DeleteField(zones->GetLayerDefn()->GetFieldIndex(f)) == OGRERR_NONE);
    ws.dataset().ExecuteSQL("UPDATE giatlas_metadata SET value = '1' WHERE key = 'schema_version'", nullptr, nullptr);
  }
  {
    const Workspace ro = Workspace::open(path, true);
    CHECK(ro.metadata().schema_version == 1);
    CHECK(ro.zone_versions().empty());
  }
  Workspace rw = Workspace::open(path);
  CHECK(rw.metadata().schema_version == kSchemaVersion);
  CHECK(rw.dataset().GetLayerByName(table::kZones)->GetLayerDefn()->GetFieldIndex("min_altitude") >= 0);
}

TEST_CASE("a band with only a minimum is saved with no maximum, as the zone tools' Save does", "[terrain]") {
  test::TempDir dir;
  Workspace ws = Workspace::open(small_sample(dir));
  const auto dem = load_workspace_dem(ws);
  REQUIRE(dem);
  AltitudeBand band;
  band.min_m = 1200.0;
  const UnitsBandZone z = units_band_zone(ws, *dem, {"500156109", "500156003"}, band);
  REQUIRE_FALSE(z.zone.geom.empty());
  const int next = find_zone_version(ws, "武隆高山萝卜").version + 1;
  const ZoneVersion v = save_zone(ws, z.zone.geom, band_save_request(z, "武隆高山萝卜", "", "GI Atlas", ""));
  CHECK(v.version == next);
  const ZoneVersion back = find_zone_version(ws, "武隆高山萝卜", next);
  CHECK(back.source == "units");
  CHECK(back.min_altitude_m == 1200.0);
  CHECK_FALSE(back.max_altitude_m);
  CHECK(back.units == std::vector<std::string>{"500156109", "500156003"});
}

TEST_CASE("a band zone for a GI not in the register is refused and nothing is written", "[terrain]") {
  test::TempDir dir;
  Workspace ws = Workspace::open(small_sample(dir));
  const auto dem = load_workspace_dem(ws);
  REQUIRE(dem);
  const std::size_t before = ws.zone_versions().size();
  const UnitsBandZone z = units_band_zone(ws, *dem, {"仙女山街道"}, {1300.0, std::nullopt});
  CHECK_THROWS_WITH(save_zone(ws, z.zone.geom, band_save_request(z, "不存在", "", "", "")),
                    Catch::Contains("'不存在' is not in the GI register"));
  CHECK(ws.zone_versions().size() == before);
}
