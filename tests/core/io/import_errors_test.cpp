// Failure behaviour of imports: rollback, clear errors for bad files, repair or refusal of
// invalid polygons, the accounting invariant, and a fuzz run of mutated CSV lines.
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

#include "error.h"
#include "fixtures.h"
#include "io/import.h"

using namespace giatlas;
using giatlas::test::FixtureLayer;

namespace {

namespace fs = std::filesystem;

std::string in_dir(const TempDir& d, const char* name) { return (fs::path(d.path()) / name).string(); }

const std::string kCsvHeader = "名称,统一社会信用代码,产品,经度,纬度,授权,授权日期\n";

std::string producer_csv(int rows) {
  std::string s = kCsvHeader;
  for (int i = 0; i < rows; ++i)
    s += "生产者" + std::to_string(i) + ",,武隆高山萝卜,107." + std::to_string(10 + i % 80) + ",29.3,是,2021-01-01\n";
  return s;
}

}  // namespace

TEST_CASE("a cancelled import leaves the workspace exactly as it was") {
  TempDir dir = TempDir::make("giatlas-err");
  Workspace ws = test::new_workspace(dir.path());
  const std::string csv = in_dir(dir, "p.csv");
  test::write_bytes(csv, producer_csv(50));
  ImportOptions opt;
  opt.crs = "EPSG:4490";
  import_into(ws, csv, opt, Progress());  // 50 rows in
  REQUIRE(ws.producer_count() == 50);
  const auto before = ws.producers();

  // Cancel once the rows are written but before the commit.
  Progress* self = nullptr;
  Progress progress([&self](const std::string& stage, double) {
    if (stage == "import: writing") self->cancel();
  });
  self = &progress;
  CHECK_THROWS_AS(import_into(ws, csv, opt, progress), Cancelled);
  CHECK(ws.producer_count() == 50);
  CHECK(ws.producers() == before);
}

TEST_CASE("a zone import that fails half-way rolls back the candidate GI it created") {
  TempDir dir = TempDir::make("giatlas-err");
  Workspace ws = test::new_workspace(dir.path());
  const std::string path = in_dir(dir, "z.geojson");
  test::write_bytes(path, R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"gi":"新产品"},"geometry":{"type":"Polygon","coordinates":[[[107.7,29.3],[107.8,29.3],[107.8,29.4],[107.7,29.3]]]}},
{"type":"Feature","properties":{"gi":"另一个"},"geometry":{"type":"Polygon","coordinates":[[[107.7,29.3],[107.8,29.3],[107.8,29.4],[107.7,29.3]]]}}]})");
  ImportOptions opt;
  opt.kind = ImportKind::Zones;
  opt.effective_from = "not a date";  // the workspace refuses it after the first GI was added
  CHECK_THROWS(import_into(ws, path, opt, Progress()));
  CHECK(ws.gi_products().empty());
  CHECK(ws.zone_versions().empty());
}

TEST_CASE("a failed import does not change the workspace file's bytes") {
  TempDir dir = TempDir::make("giatlas-err");
  const std::string ws_path = in_dir(dir, "ws.gpkg");
  Workspace::create(ws_path, "武隆区", "500156");
  const std::string before = test::read_bytes(ws_path);
  {
    Workspace ws = Workspace::open(ws_path);
    const std::string bad = in_dir(dir, "bad.csv");
    test::write_bytes(bad, producer_csv(3));
    ImportOptions opt;  // no CRS: refused before anything is written
    CHECK_THROWS_WITH(import_into(ws, bad, opt, Progress()), Catch::Contains("no coordinate system"));
  }
  CHECK(test::read_bytes(ws_path) == before);
}

TEST_CASE("truncated, corrupt, empty and unsupported files give one clear error naming the file") {
  TempDir dir = TempDir::make("giatlas-err");
  Workspace ws = test::new_workspace(dir.path());
  ImportOptions opt;
  opt.kind = ImportKind::Townships;
  opt.crs = "EPSG:4490";

  // A real shapefile, then its .shp cut in the middle of a record.
  FixtureLayer l;
  l.name = "towns";
  l.geom = wkbPolygon;
  l.epsg = 4490;
  l.fields = {"name"};
  for (int i = 0; i < 20; ++i)
    l.rows.push_back({{"t" + std::to_string(i)}, "POLYGON ((107.7 29.3,107.8 29.3,107.8 29.4,107.7 29.4,107.7 29.3))"});
  const std::string shp = in_dir(dir, "towns.shp");
  test::write_vector(shp, "ESRI Shapefile", l);
  const std::string whole = test::read_bytes(shp);
  test::write_bytes(shp, whole.substr(0, whole.size() / 2 + 7));

  const std::string random_bytes = in_dir(dir, "noise.gpkg");
  test::write_bytes(random_bytes, std::string("SQLite format 3\0garbage", 23) + std::string(3000, '\x5a'));
  const std::string empty = in_dir(dir, "empty.geojson");
  test::write_bytes(empty, "");
  const std::string cut_json = in_dir(dir, "cut.geojson");
  test::write_bytes(cut_json, R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Pol)");
  const std::string unknown = in_dir(dir, "notes.docx");
  test::write_bytes(unknown, "PK\x03\x04 not really a document");

  for (const std::string& path : {shp, random_bytes, empty, cut_json, unknown, in_dir(dir, "missing.shp")}) {
    INFO(path);
    try {
      import_into(ws, path, opt, Progress());
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(std::string(e.what()).find(fs::path(path).filename().string()) != std::string::npos);
    }
  }
  CHECK(ws.townships().empty());
  CHECK(test::read_bytes(cut_json).size() > 10);  // sources untouched
}

TEST_CASE("invalid polygons are repaired and reported, or rejected with the reason when repair is refused") {
  TempDir dir = TempDir::make("giatlas-err");
  const std::string path = in_dir(dir, "z.geojson");
  // A bow-tie, a polygon whose hole lies outside its shell, and a valid square.
  test::write_bytes(path, R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"名称":"bowtie"},"geometry":{"type":"Polygon","coordinates":[[[107.7,29.3],[107.8,29.4],[107.8,29.3],[107.7,29.4],[107.7,29.3]]]}},
{"type":"Feature","properties":{"名称":"hole outside"},"geometry":{"type":"Polygon","coordinates":[[[107.7,29.3],[107.8,29.3],[107.8,29.4],[107.7,29.4],[107.7,29.3]],[[108.0,29.0],[108.1,29.0],[108.1,29.1],[108.0,29.0]]]}},
{"type":"Feature","properties":{"名称":"fine"},"geometry":{"type":"Polygon","coordinates":[[[107.9,29.3],[108.0,29.3],[108.0,29.4],[107.9,29.4],[107.9,29.3]]]}}]})");
  ImportOptions opt;
  opt.kind = ImportKind::Townships;
  SECTION("repair allowed (the default)") {
    Workspace ws = test::new_workspace(dir.path());
    const ImportReport r = import_into(ws, path, opt, Progress());
    CHECK(r.accepted == 3);
    CHECK(r.warned == 2);
    for (int i = 0; i < 2; ++i) {
      CHECK(r.problems.at(static_cast<std::size_t>(i)).code == "repaired_geometry");
      CHECK(r.problems.at(static_cast<std::size_t>(i)).message.find("MakeValid") != std::string::npos);
      CHECK(r.problems.at(static_cast<std::size_t>(i)).where.find("z.geojson feature") == 0);
    }
    const auto towns = ws.townships();
    REQUIRE(towns.size() == 3);
    CHECK(towns[0].geom.polygons.size() == 2);  // the bow-tie becomes two triangles
  }
  SECTION("repair refused") {
    Workspace ws = test::new_workspace(dir.path());
    opt.allow_repair = false;
    const ImportReport r = import_into(ws, path, opt, Progress());
    CHECK(r.accepted == 1);
    CHECK(r.rejected == 2);
    CHECK(r.problems.at(0).code == "invalid_geometry");
    CHECK(r.problems.at(0).message.find("Self-intersection") != std::string::npos);
    CHECK(ws.townships().size() == 1);
  }
}

TEST_CASE("accepted plus rejected equals read on a producer file full of bad rows") {
  TempDir dir = TempDir::make("giatlas-err");
  const std::string csv = in_dir(dir, "p.csv");
  test::write_bytes(csv, kCsvHeader +
                             "甲,91500156MA5U7ABC1X,武隆高山萝卜,107.75,29.32,是,2021-01-01\n"  // bad check char
                             "乙,,不存在的产品,107.75,29.32,也许,明天\n"                        // unknown GI, bad yes/no, bad date
                             "丙,,武隆高山萝卜,,,是,\n"                                          // no location
                             ",,武隆高山萝卜,107.75,29.32,是,\n"                                 // no name
                             "丁,91500156MA5U7ABC1X,武隆高山萝卜,107.75,29.32,是,\n"             // duplicate credit code
                             "戊,,武隆高山萝卜,107°75′,29.32,是,\n"                              // bad minutes
                             "己,,武隆高山萝卜,107.75,29.32,是,2021年3月5日\n");                 // fine
  Workspace ws = test::new_workspace(dir.path());
  GiProduct g;
  g.name = "武隆高山萝卜";
  g.status = "registered";
  ws.add_gi_product(g);
  ImportOptions opt;
  opt.crs = "EPSG:4490";
  const ImportReport r = import_into(ws, csv, opt, Progress());
  CHECK(r.read == 7);
  CHECK(r.accepted + r.rejected == r.read);
  CHECK(r.rejected == 2);
  CHECK(r.accepted == 5);
  CHECK(r.warned == 4);
  auto has = [&](const std::string& code, const std::string& where) {
    return std::any_of(r.problems.begin(), r.problems.end(),
                       [&](const ImportProblem& p) { return p.code == code && p.where == where; });
  };
  CHECK(has("bad_credit_code", "p.csv row 2"));
  CHECK(has("gi_not_in_register", "p.csv row 3"));
  CHECK(has("bad_value", "p.csv row 3"));
  CHECK(has("invalid_location", "p.csv row 4"));
  CHECK(has("missing_name", "p.csv row 5"));
  CHECK(has("duplicate_credit_code", "p.csv row 6"));
  CHECK(has("invalid_location", "p.csv row 7"));
  CHECK(ws.producer_count() == 5);
  const auto ps = ws.producers();
  CHECK(ps.back().authorised_since == "2021-03-05");

  // The report as CSV and as text.
  const std::string out = in_dir(dir, "report.csv");
  write_report_csv(r, out);
  const std::string text = test::read_bytes(out);
  CHECK(text.rfind("\xEF\xBB\xBFwhere,row,status,code,message,code_zh\n", 0) == 0);
  CHECK(text.find(",missing_name,") != std::string::npos);
  CHECK(text.find(",缺少名称\n") != std::string::npos);
  CHECK(std::count(text.begin(), text.end(), '\n') == static_cast<long>(r.problems.size()) + 1);
  const std::string summary = format_report(r, 3);
  CHECK(summary.find("rows read: 7") != std::string::npos);
  CHECK(summary.find("more (write them all with --report)") != std::string::npos);
}

TEST_CASE("read_producers reads a producer list without a workspace") {
  TempDir dir = TempDir::make("giatlas-err");
  const std::string csv = in_dir(dir, "p.csv");
  test::write_bytes(csv, "name,lng,lat,坐标系\nA,107.75,29.32,GCJ-02\nB,107.75,29.32,\n");
  std::vector<Producer> ps;
  const ImportReport r = read_producers(csv, ImportOptions{}, ps, Progress());
  CHECK(r.balanced());
  REQUIRE(ps.size() == 2);
  REQUIRE(ps[0].location);
  CHECK(ps[0].raw_crs == "GCJ-02");
  CHECK(ps[0].location->x < 107.75);  // GCJ-02 is shifted east of WGS84 here
  CHECK_FALSE(ps[1].location);
  CHECK(ps[1].location_issue == "no coordinate system for this row");
}

TEST_CASE("thousands of random and mutated CSV lines import without a crash and always balance") {
  TempDir dir = TempDir::make("giatlas-err");
  std::mt19937 rng(7781);
  const std::string good = producer_csv(40);
  const std::string pieces[] = {",", "\"", "\n", "°", "′", "度", "\xFF\xFE", "-", "1", "29.3", "107.7", "是", " ", "\r\n",
                                "\"\"", "名称", ";", "\t", "\xE4\xB8"};
  std::int64_t total_read = 0;
  int refused_for_quotes = 0;
  Workspace ws = test::new_workspace(dir.path());
  for (int round = 0; round < 60; ++round) {
    std::string s = good;
    const int edits = 20 + static_cast<int>(rng() % 60);
    for (int k = 0; k < edits; ++k) {
      const std::size_t pos = kCsvHeader.size() + rng() % (s.size() - kCsvHeader.size());
      switch (rng() % 3) {
        case 0: s.insert(pos, pieces[rng() % std::size(pieces)]); break;
        case 1: s.erase(pos, 1 + rng() % 5); break;
        default: s[pos] = static_cast<char>(rng() % 256); break;
      }
    }
    const std::string path = in_dir(dir, "fuzz.csv");
    test::write_bytes(path, s);
    ImportOptions opt;
    opt.crs = round % 3 == 0 ? "GCJ-02" : "EPSG:4490";
    opt.dry_run = round % 2 == 0;
    // Stray bytes make a file invalid UTF-8, which then reads as GB18030 and loses its headers
    // (an Error, also fine); naming the encoding sends the broken bytes on into the row code.
    if (round % 4 != 0) opt.encoding = "UTF-8";
    try {
      const ImportReport r = import_into(ws, path, opt, Progress());
      CHECK(r.balanced());
      total_read += r.read;
    } catch (const Error& e) {
      const std::string m = e.what();
      CHECK(m.find("fuzz.csv") != std::string::npos);
      if (m.find("a quote opened here") != std::string::npos) {
        CHECK(m.find("fuzz.csv line ") != std::string::npos);
        ++refused_for_quotes;
      }
    }
  }
  // Files whose stray quotes swallow rows are refused before the row code (io/csv_quotes.h);
  // the others still send hundreds of mutated lines through it.
  CHECK(refused_for_quotes > 0);
  CHECK(total_read > 500);
}

TEST_CASE("an unclosed ring is closed and reported, or rejected when repair is refused") {
  TempDir dir = TempDir::make("giatlas-err");
  FixtureLayer l;
  l.name = "towns";
  l.geom = wkbPolygon;
  l.epsg = 4490;
  l.fields = {"name"};
  l.rows = {{{"open"}, "POLYGON ((107.7 29.3,107.8 29.3,107.8 29.4,107.7 29.4))"}};
  const std::string path = in_dir(dir, "open.gpkg");
  test::write_vector(path, "GPKG", l);
  ImportOptions opt;
  opt.kind = ImportKind::Townships;
  Workspace ws = test::new_workspace(dir.path());
  ImportReport r = import_into(ws, path, opt, Progress());
  if (r.problems.empty()) {
    // The GeoPackage writer closed the ring itself: nothing to repair, nothing to say.
    CHECK(r.accepted == 1);
  } else {
    CHECK(r.problems[0].code == "repaired_geometry");
    CHECK(r.problems[0].message.find("unclosed") != std::string::npos);
    opt.allow_repair = false;
    opt.dry_run = true;
    r = import_into(ws, path, opt, Progress());
    CHECK(r.rejected == 1);
  }
  const auto towns = ws.townships();
  REQUIRE(towns.size() == 1);
  const Ring& ring = towns[0].geom.polygons.at(0).rings.at(0);
  CHECK(ring.front() == ring.back());
}

TEST_CASE("zones named by a GI field become one new version per GI") {
  TempDir dir = TempDir::make("giatlas-err");
  const std::string path = in_dir(dir, "zones.geojson");
  test::write_bytes(path, R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"产品":"武隆高山萝卜","生效日期":"2023年5月1日"},"geometry":{"type":"Polygon","coordinates":[[[107.7,29.3],[107.8,29.3],[107.8,29.4],[107.7,29.4],[107.7,29.3]]]}},
{"type":"Feature","properties":{"产品":"武隆猪腰枣"},"geometry":{"type":"Polygon","coordinates":[[[107.9,29.3],[108.0,29.3],[108.0,29.4],[107.9,29.4],[107.9,29.3]]]}},
{"type":"Feature","properties":{"产品":"武隆高山萝卜"},"geometry":{"type":"Polygon","coordinates":[[[107.5,29.3],[107.6,29.3],[107.6,29.4],[107.5,29.4],[107.5,29.3]]]}},
{"type":"Feature","properties":{"产品":""},"geometry":{"type":"Polygon","coordinates":[[[107.5,29.3],[107.6,29.3],[107.6,29.4],[107.5,29.4],[107.5,29.3]]]}}]})");
  Workspace ws = test::new_workspace(dir.path());
  GiProduct g;
  g.name = "武隆高山萝卜";
  g.status = "registered";
  ws.add_gi_product(g);
  ImportOptions opt;
  opt.kind = ImportKind::Zones;
  const ImportReport r = import_into(ws, path, opt, Progress());
  CHECK(r.read == 4);
  CHECK(r.accepted == 3);
  CHECK(r.rejected == 1);
  CHECK(r.problems.at(0).code == "missing_gi");
  CHECK(r.created_gis == std::vector<std::string>{"武隆猪腰枣"});
  const auto radish = ws.zone_versions("武隆高山萝卜");
  REQUIRE(radish.size() == 1);
  CHECK(radish[0].effective_from == "2023-05-01");
  CHECK(radish[0].geom.polygons.size() == 2);  // two separate parts, one version
  CHECK(ws.zone_versions("武隆猪腰枣").size() == 1);
  CHECK(ws.gi_product("武隆猪腰枣")->status == "candidate");
}
