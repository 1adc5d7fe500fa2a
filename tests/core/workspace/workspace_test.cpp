// Tests of the workspace GeoPackage: round trips of every table, errors, transactions.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "error.h"
#include "test_support.h"
#include "workspace/schema.h"
#include "workspace/workspace.h"

using namespace giatlas;
using giatlas::test::square;

namespace {

MultiPolygon square_with_hole(double x, double y, double s) {
  MultiPolygon m = square(x, y, s);
  double h = s / 4;
  m.polygons[0].rings.push_back(Ring{{x + h, y + h}, {x + h, y + 2 * h}, {x + 2 * h, y + 2 * h}, {x + 2 * h, y + h}, {x + h, y + h}});
  return m;
}

}  // namespace

TEST_CASE("a new workspace has every table and its metadata") {
  test::TempDir dir;
  Workspace ws = Workspace::create(dir.file("w.gpkg"), "武隆区", "500156");
  Metadata m = ws.metadata();
  CHECK(m.schema_version == kSchemaVersion);
  CHECK(m.district_name == "武隆区");
  CHECK(m.district_code == "500156");
  CHECK_FALSE(m.synthetic);
  CHECK(m.created.size() == 20);
  auto tables = ws.tables();
  REQUIRE(tables.size() == workspace_tables().size());
  for (const auto& t : tables) CHECK(t.rows == (t.name == "giatlas_metadata" ? 7 : 0));
  CHECK_THROWS_WITH(Workspace::create(dir.file("w.gpkg"), "x"), Catch::Contains("already exists"));
}

TEST_CASE("every field of every table survives a write and a reopen") {
  test::TempDir dir;
  const std::string path = dir.file("round.gpkg");
  std::vector<Township> towns{{0, "仙女山街道", "500156003", "街道", 2023, square_with_hole(107.7, 29.4, 0.1)},
                              {0, "白马镇", "500156100", "镇", 2021, square(107.8, 29.4, 0.1)}};
  std::vector<Village> villages{{0, "木根村", "500156003201", "500156003", square(107.7, 29.4, 0.02)}};
  GiProduct gi{0, "武隆高山萝卜", "特色农产品", "农产品地理标志", "registered", "AGI-1", "2013-12-01",
               "武隆区高山蔬菜产业协会", "DB50/T 1-2014", "2014-06-01"};
  std::vector<CensusPoint> census{{0, "高山萝卜", "特色农产品", "仙女山街道", "2024-05-06", "张三", 120.5, 300, 42,
                                   "备注", Point{107.75, 29.45}}};
  Producer with_location;
  with_location.name = "武隆区仙女山李记高山萝卜种植专业合作社";
  with_location.credit_code = "91350100M000100Y43";
  with_location.gi = "武隆高山萝卜";
  with_location.authorised = true;
  with_location.authorised_since = "2020-02-29";
  with_location.raw_x = "107°45′00″E";
  with_location.raw_y = "29°27′00″N";
  with_location.raw_crs = "EPSG:4326";
  with_location.location = Point{107.75, 29.45};
  with_location.township = "仙女山街道";
  with_location.note = "电话核实";
  Producer without_location;
  without_location.name = "无坐标农户";
  without_location.gi = "武隆高山萝卜";
  without_location.raw_x = "东经107度";
  without_location.raw_crs = "GCJ-02";
  without_location.location_issue = "cannot read latitude ''";
  std::vector<Producer> producers{with_location, without_location};
  std::vector<Inspector> inspectors{{0, "王明", "武隆区市场监督管理局", "500156-1001", true, "", {}},
                                    {0, "李华", "武隆区农业农村委员会", "500156-1002", false, "", {}}};
  {
    Workspace ws = Workspace::create(path, "武隆区", "500156", true);
    ws.add_townships(towns);
    ws.add_villages(villages);
    ws.add_gi_product(gi);
    ws.add_census_points(census);
    ws.add_producers(producers);
    ws.add_inspectors(inspectors);
    std::vector<Inspection> inspections{{0, producers[0].id, producers[0].name, "2026-11-02", "王明", "武隆高山萝卜", 2,
                                         "outside_near_boundary", 12.5, "现场核查"}};
    ws.add_inspections(inspections);
    ws.set_setting("map.styles", "{\"a\":1}");
  }
  Workspace ws = Workspace::open(path);
  CHECK(ws.metadata().synthetic);
  CHECK(ws.townships() == towns);
  CHECK(ws.villages() == villages);
  REQUIRE(ws.gi_products().size() == 1);
  CHECK(ws.gi_products()[0] == gi);
  CHECK(ws.census_points() == census);
  CHECK(ws.producers() == producers);
  CHECK_FALSE(ws.producers()[1].location.has_value());
  CHECK(ws.inspectors() == inspectors);
  REQUIRE(ws.inspections().size() == 1);
  CHECK(ws.inspections()[0].distance_m == 12.5);
  CHECK(ws.inspections()[0].producer_id == producers[0].id);
  CHECK(ws.setting("map.styles") == "{\"a\":1}");
  CHECK(ws.setting("missing", "fallback") == "fallback");
  std::int64_t streamed = 0;
  ws.for_each_producer([&](Producer&& p) { streamed += p.id; });
  CHECK(streamed == producers[0].id + producers[1].id);
  CHECK(ws.producer_count() == 2);
}

TEST_CASE("opening a file that is not a workspace gives one clear error") {
  test::TempDir dir;
  std::ofstream(dir.file("notes.txt")) << "not a geopackage";
  CHECK_THROWS_WITH(Workspace::open(dir.file("notes.txt")), Catch::Contains("is not a GI Atlas workspace"));
  CHECK_THROWS_WITH(Workspace::open(dir.file("missing.gpkg")), Catch::Contains("no such file"));
  // A GeoPackage without the metadata table is not a workspace either.
  ensure_gdal();
  {
    GdalDataset ds(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(dir.file("plain.gpkg").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ds->CreateLayer("roads", nullptr, wkbLineString, nullptr);
  }
  CHECK_THROWS_WITH(Workspace::open(dir.file("plain.gpkg")), Catch::Contains("no giatlas_metadata table"));
}

TEST_CASE("a workspace from a newer schema version is refused with the versions named") {
  test::TempDir dir;
  const std::string path = dir.file("new.gpkg");
  Workspace::create(path, "武隆区");
  {
    GdalDataset ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    ds->ExecuteSQL("UPDATE giatlas_metadata SET value = '7' WHERE key = 'schema_version'", nullptr, nullptr);
  }
  CHECK_THROWS_WITH(Workspace::open(path), Catch::Contains("newer GI Atlas (schema version 7; this build reads up to " +
                                                           std::to_string(kSchemaVersion) + ")"));
}

TEST_CASE("a transaction that is not committed leaves the workspace as it was") {
  test::TempDir dir;
  Workspace ws = Workspace::create(dir.file("tx.gpkg"), "武隆区");
  {
    Workspace::Transaction tx(ws);
    std::vector<Township> towns{{0, "白马镇", "500156100", "镇", 2023, square(107.8, 29.4, 0.1)}};
    ws.add_townships(towns);
    CHECK(ws.townships().size() == 1);
  }
  CHECK(ws.townships().empty());
  {
    Workspace::Transaction tx(ws);
    std::vector<Township> towns{{0, "白马镇", "500156100", "镇", 2023, square(107.8, 29.4, 0.1)}};
    ws.add_townships(towns);
    tx.commit();
  }
  CHECK(ws.townships().size() == 1);
}

TEST_CASE("an invalid date is refused instead of being stored") {
  test::TempDir dir;
  Workspace ws = Workspace::create(dir.file("d.gpkg"), "武隆区");
  std::vector<CensusPoint> census(1);
  census[0].product = "猪腰枣";
  census[0].survey_date = "2023-02-30";
  CHECK_THROWS_WITH(ws.add_census_points(census), Catch::Contains("invalid date '2023-02-30'"));
  CHECK(ws.census_points().empty());
}

TEST_CASE("a register entry outside the register's vocabulary is refused") {
  test::TempDir dir;
  Workspace ws = Workspace::create(dir.file("r.gpkg"), "武隆区");
  GiProduct g;
  g.name = "武隆高山萝卜";
  g.category = "水果";
  CHECK_THROWS_WITH(ws.add_gi_product(g), Catch::Contains("category '水果' is not one of"));
  g.category = "特色农产品";
  g.status = "approved";
  CHECK_THROWS_WITH(ws.add_gi_product(g), Catch::Contains("status 'approved'"));
  g.status = "candidate";
  ws.add_gi_product(g);
  g.status = "registered";
  g.registration_date = "2024-13-01";
  CHECK_THROWS_WITH(ws.update_gi_product(g), Catch::Contains("registration date"));
  CHECK(ws.gi_product("武隆高山萝卜")->status == "candidate");
  g.registration_date = "2024-12-01";
  CHECK_THROWS_WITH(ws.add_gi_product(g), Catch::Contains("already in the register"));
}
