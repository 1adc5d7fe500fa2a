// Tests of the producer row streamer: the SQLite read gives the producers OGR gives, on the
// shipped sample, on rows written in this process (inside an open transaction too), and a
// corrupt geometry blob is one clear Error.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "error.h"
#include "test_support.h"
#include "workspace/workspace.h"

using namespace giatlas;

namespace {

std::vector<Producer> fast_read(const Workspace& ws) {
  std::vector<Producer> out;
  ws.for_each_producer([&](Producer&& p) { out.push_back(std::move(p)); });
  return out;
}

std::vector<Producer> ogr_read(const Workspace& ws) {
  std::vector<Producer> out;
  ws.for_each_producer_ogr([&](Producer&& p) { out.push_back(std::move(p)); });
  return out;
}

Producer producer(const std::string& name, std::optional<Point> where) {
  Producer p;
  p.name = name;
  p.credit_code = "91500156MA5U7XKX2L";
  p.gi = "武隆高山萝卜";
  p.raw_x = where ? std::to_string(where->x) : "";
  p.raw_y = where ? std::to_string(where->y) : "";
  p.location = where;
  return p;
}

}  // namespace

TEST_CASE("the fast producer reader gives the same producers as OGR on the sample workspace") {
  Workspace ws = Workspace::open(std::string(GIATLAS_SOURCE_DIR) + "/data/wulong-sample.gpkg", true);
  const std::vector<Producer> fast = fast_read(ws), ogr = ogr_read(ws);
  REQUIRE(fast.size() == ogr.size());
  REQUIRE(fast.size() == static_cast<std::size_t>(ws.producer_count()));
  std::size_t located = 0, authorised = 0, dated = 0;
  for (std::size_t i = 0; i < fast.size(); ++i) {
    INFO("producer " << ogr[i].id);
    CHECK(fast[i] == ogr[i]);
    located += fast[i].location.has_value();
    authorised += fast[i].authorised;
    dated += !fast[i].authorised_since.empty();
  }
  // The sample holds each kind of row the comparison must cover.
  CHECK(located > 0);
  CHECK(located < fast.size());
  CHECK(authorised > 0);
  CHECK(dated > 0);
}

TEST_CASE("the fast producer reader sees rows written in this process, inside an open transaction too") {
  test::TempDir dir;
  Workspace ws = Workspace::create(dir.file("w.gpkg"), "武隆区", "500156");
  Producer full = producer("武隆区李记合作社", Point{107.75, 29.45});
  full.authorised = true;
  full.authorised_since = "2020-02-29";
  full.raw_crs = "EPSG:4326";
  full.township = "仙女山街道";
  full.note = "电话, \"核实\"";
  std::vector<Producer> rows{full, producer("无坐标农户", std::nullopt), producer("=cmd", Point{-1e-300, 90})};
  ws.add_producers(rows);
  CHECK(fast_read(ws) == rows);
  CHECK(fast_read(ws) == ogr_read(ws));
  {
    Workspace::Transaction tx(ws);
    std::vector<Producer> more{producer("新农户", Point{108.0, 29.0})};
    ws.add_producers(more);
    const auto inside = fast_read(ws);
    REQUIRE(inside.size() == 4);
    CHECK(inside.back() == more[0]);
    CHECK(inside == ogr_read(ws));
  }  // rolled back
  CHECK(fast_read(ws) == rows);
}

TEST_CASE("a corrupt geometry blob in the producers table is one clear error") {
  test::TempDir dir;
  const std::string path = dir.file("w.gpkg");
  std::int64_t id = 0;
  {
    Workspace ws = Workspace::create(path, "武隆区", "500156");
    std::vector<Producer> rows{producer("甲", Point{107.75, 29.45}), producer("乙", Point{107.8, 29.5})};
    ws.add_producers(rows);
    id = rows[1].id;
  }
  {
    // Damage the second row's blob with plain SQLite (the spatial-index triggers need GDAL's
    // functions, so they go first).
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
    std::vector<std::string> triggers;
    sqlite3_stmt* q = nullptr;
    REQUIRE(sqlite3_prepare_v2(raw, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'producers'",
                               -1, &q, nullptr) == SQLITE_OK);
    while (sqlite3_step(q) == SQLITE_ROW) triggers.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)));
    sqlite3_finalize(q);
    for (const auto& t : triggers)
      CHECK(sqlite3_exec(raw, ("DROP TRIGGER \"" + t + "\"").c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    const std::string update = "UPDATE producers SET geom = X'47500003E2100000' WHERE fid = " + std::to_string(id);
    CHECK(sqlite3_exec(raw, update.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
  }
  Workspace ws = Workspace::open(path, true);
  std::vector<std::string> names;
  CHECK_THROWS_WITH(ws.for_each_producer([&](Producer&& p) { names.push_back(p.name); }),
                    Catch::Contains("producers, fid " + std::to_string(id) + ": corrupt geometry") &&
                        Catch::Contains("shorter than its header"));
  CHECK(names == std::vector<std::string>{"甲"});
}
