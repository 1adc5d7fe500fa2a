// The schema-4 tables: a schema-3 workspace reads with no areas or lots and gains the tables when
// opened for writing; yields are never silently overwritten.
#include <catch2/catch.hpp>

#include "check/area_check.h"
#include "test_support.h"
#include "trace/lot_trace.h"
#include "workspace/area_store.h"
#include "workspace/schema.h"
#include "workspace/workspace.h"

using namespace giatlas;

TEST_CASE("a schema-3 workspace opens read-only without areas and gains them when opened for writing", "[areas]") {
  test::TempDir dir;
  const std::string path = dir.file("old.gpkg");
  {
    Workspace ws = Workspace::create(path, "武隆区");
    std::vector<Township> towns(1);
    towns[0].name = "仙女山街道", towns[0].code = "500156001", towns[0].geom = test::square(107.7, 29.4, 0.1);
    ws.add_townships(towns);
    for (const TableDef& t : workspace_tables())
      if (t.since >= 4)
        for (int i = 0; i < ws.dataset().GetLayerCount(); ++i)
          if (std::string(ws.dataset().GetLayer(i)->GetName()) == t.name) {
            REQUIRE(ws.dataset().DeleteLayer(i) == OGRERR_NONE);
            break;
          }
    ws.dataset().ExecuteSQL("UPDATE giatlas_metadata SET value = '3' WHERE key = 'schema_version'", nullptr, nullptr);
  }
  {
    const Workspace ro = Workspace::open(path, true);
    CHECK(ro.metadata().schema_version == 3);
    CHECK(read_production_areas(ro).empty());
    CHECK(read_lots(ro).empty());
    CHECK(read_gi_yields(ro).empty());
    CHECK(run_area_check(ro, AreaCheckOptions{}, Progress{}).rows.empty());
    CHECK_THROWS_WITH(trace_lot(ro, "L1"), Catch::Contains("no lot 'L1'"));
  }
  Workspace rw = Workspace::open(path);
  CHECK(rw.metadata().schema_version == kSchemaVersion);
  for (const char* t : {table::kProductionAreas, table::kLots, table::kGiYields})
    CHECK(rw.dataset().GetLayerByName(t) != nullptr);
  std::vector<ProductionArea> areas(1);
  areas[0].code = "A1";
  areas[0].geom = test::square(107.71, 29.41, 0.001);
  insert_production_areas(rw, areas);
  CHECK(areas[0].id > 0);
  const auto back = read_production_areas(rw);
  REQUIRE(back.size() == 1);
  CHECK(back[0].geom == areas[0].geom);
}

TEST_CASE("a GI's yield is replaced only when asked, and the old value is kept in the record", "[areas]") {
  test::TempDir dir;
  Workspace ws = Workspace::create(dir.file("y.gpkg"), "武隆区");
  GiYield y;
  y.gi = "武隆高山萝卜";
  y.kg_per_mu = 3000;
  set_gi_yield(ws, y);
  y.kg_per_mu = 2500;
  CHECK_THROWS_WITH(set_gi_yield(ws, y), Catch::Contains("already set (3000 kg/亩"));
  set_gi_yield(ws, y, true);
  CHECK(find_gi_yield(ws, "武隆高山萝卜")->kg_per_mu == 2500);
  CHECK(find_gi_yield(ws, "武隆高山萝卜")->basis.find("replaces 3000") != std::string::npos);
  CHECK(read_gi_yields(ws).size() == 2);
  y.kg_per_mu = 0;
  CHECK_THROWS(set_gi_yield(ws, y, true));
  y.kg_per_mu = 10;
  y.tolerance = -1;
  CHECK_THROWS(set_gi_yield(ws, y, true));
}
