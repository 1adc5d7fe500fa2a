// Tests for the scope statement: units and shares, counts, extent format, areas, outputs.
#include "scope/scope_statement.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <regex>

#include "geo/geodesic.h"
#include "scope/scope_format.h"
#include "scope/zone_from_units.h"
#include "scope/zone_history.h"
#include "scope_fixture.h"

using namespace giatlas;

namespace {
std::string fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}
}  // namespace
using namespace giatlas::test;

namespace {

ZoneVersion zone_of(const std::vector<std::string>& names) {
  ZoneVersion z;
  z.gi = kGi;
  z.version = 1;
  z.effective_from = "2021-06-01";
  z.source = "units";
  const ZoneFromUnits u = zone_from_units(grid_townships(), grid_villages(), names);
  z.units = u.units;
  z.geom = u.geom;
  return z;
}

Metadata meta() {
  Metadata m;
  m.district_name = "武隆区";
  m.synthetic = true;
  return m;
}

}  // namespace

TEST_CASE("a zone of whole townships lists them, counts villages and sums their areas", "[scope]") {
  const auto towns = grid_townships();
  const ScopeStatement s =
      build_scope_statement(zone_of({"仙女山街道", "白马镇", "双河镇"}), towns, grid_villages(), meta());
  REQUIRE(s.township_count == 3);
  CHECK(s.townships[0].name == "仙女山街道");
  CHECK(s.townships[2].name == "双河镇");
  CHECK(s.partial_count == 0);
  for (const auto& u : s.townships) CHECK(u.share == Approx(1.0));
  CHECK(s.village_count == 4);  // only 仙女山街道 and 白马镇 have villages (two each)
  CHECK(s.townships[0].villages_total == 2);
  CHECK(s.townships[2].villages_total == 0);
  const double sum =
      geodesic_area(towns[0].geom) + geodesic_area(towns[1].geom) + geodesic_area(towns[2].geom);
  CHECK(s.area_m2 == Approx(sum).epsilon(1e-9));
  CHECK(s.area_km2 == Approx(sum / 1e6));
  CHECK(s.area_ha == Approx(sum / 1e4));
  CHECK(s.area_mu == Approx(sum * 15 / 10000));
  CHECK(s.extent_text == "东经107°30′00″至107°48′00″，北纬29°12′00″至29°18′00″");
  CHECK(s.centroid.x == Approx(107.65).margin(1e-4));
  CHECK(s.centroid.y == Approx(29.25).margin(1e-3));
  CHECK(s.boundary_vintage == 2021);
}

TEST_CASE("a township only partly covered is marked partial with its share", "[scope]") {
  ZoneVersion z = zone_of({"仙女山街道"});
  z.geom = MultiPolygon{{square(107.5, 29.2, 107.625, 29.3)}};  // all of cell 0, a quarter of cell 1
  const ScopeStatement s = build_scope_statement(z, grid_townships(), grid_villages(), meta());
  REQUIRE(s.township_count == 2);
  CHECK_FALSE(s.townships[0].partial);
  CHECK(s.townships[1].partial);
  CHECK(s.townships[1].share == Approx(0.25).epsilon(1e-3));
  CHECK(s.townships[1].villages_covered == 0);  // its west village is only half inside
  CHECK(s.townships[1].villages_total == 2);
  CHECK(s.partial_count == 1);
  CHECK_THAT(scope_text(s), Catch::Contains("白马镇（部分，约占25.0%）"));
}

TEST_CASE("the plain text reads like an application and the extent has the DMS format", "[scope]") {
  const ScopeStatement s = build_scope_statement(zone_of({"江口镇", "火炉镇"}), grid_townships(), {}, meta());
  const std::string text = scope_text(s);
  CHECK_THAT(text, Catch::StartsWith("地域范围：武隆区江口镇、火炉镇，共2个乡镇，地理坐标为"));
  CHECK_THAT(text, Catch::Contains("平方公里（"));
  CHECK_THAT(text, Catch::Contains("合成示例数据"));
  CHECK(s.village_count == -1);  // no villages known: the count says only 乡镇
  CHECK_THAT(text, !Catch::Contains("行政村"));
  const std::regex extent(
      "东经\\d{3}°\\d{2}′\\d{2}″至\\d{3}°\\d{2}′\\d{2}″，北纬\\d{2}°\\d{2}′\\d{2}″至\\d{2}°\\d{2}′\\d{2}″");
  CHECK(std::regex_search(text, extent));
  ScopeOptions precise;
  precise.second_decimals = 2;
  const ScopeStatement p = build_scope_statement(zone_of({"江口镇"}), grid_townships(), {}, meta(), precise);
  CHECK(std::regex_search(p.extent_text, std::regex("^东经\\d{3}°\\d{2}′\\d{2}\\.\\d{2}″至")));
}

TEST_CASE("markdown and JSON carry the same numbers as the statement", "[scope]") {
  const ScopeStatement s =
      build_scope_statement(zone_of({"仙女山街道", "白马镇"}), grid_townships(), grid_villages(), meta());
  const auto j = nlohmann::json::parse(scope_json(s));
  CHECK(j["gi"] == kGi);
  CHECK(j["township_count"] == 2);
  CHECK(j["village_count"] == 4);
  CHECK(j["area"]["km2"].get<double>() == Approx(s.area_km2));
  CHECK(j["extent"]["text"] == s.extent_text);
  CHECK(j["townships"][1]["name"] == "白马镇");
  CHECK(j["effective_to"].is_null());
  const std::string md = scope_markdown(s);
  CHECK_THAT(md, Catch::Contains("| 白马镇 | 500156002 | 镇 | 全境 | " + fixed2(s.townships[1].area_km2) + " | 2/2 |"));
  CHECK_THAT(md, Catch::Contains(s.extent_text));
  CHECK_THROWS(format_scope(s, "pdf"));
}

TEST_CASE("the statement for a saved zone version comes from the workspace", "[scope]") {
  TempDir dir;
  Workspace ws = grid_workspace(dir.file("ws.gpkg"));
  const ZoneFromUnits z = zone_from_units(ws.townships(), ws.villages(), {"仙女山街道", "白马镇"});
  save_zone(ws, z.geom, {kGi, "2021-01-01", "甲", "", "units", z.units, {}, {}, {}, {}});
  const ZoneFromUnits z2 = zone_from_units(ws.townships(), ws.villages(), {"仙女山街道"});
  save_zone(ws, z2.geom, {kGi, "2023-01-01", "乙", "", "units", z2.units, {}, {}, {}, {}});
  const ScopeStatement latest = scope_statement(ws, kGi);
  CHECK(latest.version == 2);
  CHECK(latest.township_count == 1);
  const ScopeStatement first = scope_statement(ws, kGi, 1);
  CHECK(first.township_count == 2);
  CHECK(first.effective_to == "2023-01-01");
  CHECK(first.district == "武隆区");
  CHECK(first.synthetic);
  CHECK_THAT(scope_text(first), Catch::Contains("至2023-01-01止"));
}

TEST_CASE("a workspace whose only unit is the district names the district once and counts no townships",
          "[scope]") {
  Township whole = grid_townships().front();
  whole.name = "武隆区";  // the district outline imported as the one unit
  ZoneVersion z;
  z.gi = kGi, z.version = 1, z.effective_from = "2021-06-01", z.source = "units";
  const ZoneFromUnits u = zone_from_units({whole}, {}, {"武隆区"});
  z.units = u.units, z.geom = u.geom;
  const ScopeStatement s = build_scope_statement(z, {whole}, {}, meta());
  const std::string text = scope_text(s), md = scope_markdown(s);
  CHECK_THAT(text, Catch::StartsWith("地域范围：武隆区全境，地理坐标为"));
  CHECK(text.find("武隆区武隆区") == std::string::npos);
  CHECK(text.find("共1个乡镇") == std::string::npos);
  CHECK(md.find("共1个乡镇") == std::string::npos);
  CHECK(md.find("- 覆盖：武隆区全境") != std::string::npos);
  // A real one-township zone still counts it.
  const ScopeStatement one = build_scope_statement(zone_of({"白马镇"}), grid_townships(), grid_villages(), meta());
  CHECK(scope_text(one).find("，共1个乡镇") != std::string::npos);
}
