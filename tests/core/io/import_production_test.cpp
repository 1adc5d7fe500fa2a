// Production areas and lots through the importer: every row accounted for, GPX tracks closed or
// rejected, GCJ-02 KML shifted back, producers matched by credit code or name and unmatched ones
// kept with a warning.
#include <catch2/catch.hpp>

#include <filesystem>

#include "fixtures.h"
#include "geo/china_shift.h"
#include "geo/geodesic.h"
#include "io/import.h"
#include "workspace/area_store.h"
#include "workspace/credit_code.h"

using namespace giatlas;
using giatlas::test::FixtureLayer;

namespace {

namespace fs = std::filesystem;

std::string in_dir(const TempDir& d, const char* name) { return (fs::path(d.path()) / name).string(); }
std::string valid_code(const std::string& first17) { return first17 + credit_code_check_char(first17); }

const std::string kCodeA = valid_code("93500156MA0000101");
const std::string kCodeB = valid_code("93500156MA0000102");

// A workspace with two producers of 武隆高山萝卜: 甲合作社 (kCodeA) and 乙农场 (kCodeB).
Workspace workspace_with_producers(const TempDir& dir) {
  Workspace ws = test::new_workspace(dir.path());
  std::vector<Producer> ps(2);
  ps[0].name = "甲合作社";
  ps[0].credit_code = kCodeA;
  ps[0].gi = "武隆高山萝卜";
  ps[1].name = "乙农场";
  ps[1].credit_code = kCodeB;
  ps[1].gi = "武隆高山萝卜";
  ws.add_producers(ps);
  return ws;
}

ImportReport run(Workspace& ws, const std::string& path, ImportKind kind, const std::string& crs = "",
                 std::map<std::string, std::string> fields = {}, const std::string& gi = "") {
  ImportOptions opt;
  opt.kind = kind;
  opt.crs = crs;
  opt.gi = gi;
  opt.fields = std::move(fields);
  ImportReport r = import_into(ws, path, opt, Progress());
  CHECK(r.balanced());
  return r;
}

bool has_problem(const ImportReport& r, const std::string& code, bool rejected) {
  for (const ImportProblem& p : r.problems)
    if (p.code == code && p.rejected == rejected) return true;
  return false;
}

}  // namespace

TEST_CASE("areas import from GeoJSON: producers matched by credit code or name, unmatched ones kept") {
  TempDir dir = TempDir::make("giatlas-areas");
  const std::string path = in_dir(dir, "bases.geojson");
  test::write_bytes(path, R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"地块编号":"D1","基地名称":"东坡基地","统一社会信用代码":")" + kCodeA + R"(","作物":"萝卜","面积":"12.5","调查日期":"2026-03-01"},
 "geometry":{"type":"Polygon","coordinates":[[[107.70,29.30],[107.71,29.30],[107.71,29.31],[107.70,29.31],[107.70,29.30]]]}},
{"type":"Feature","properties":{"地块编号":"D2","生产者":"乙农场"},
 "geometry":{"type":"MultiPolygon","coordinates":[[[[107.72,29.30],[107.73,29.30],[107.73,29.31],[107.72,29.30]]],[[[107.74,29.30],[107.75,29.30],[107.75,29.31],[107.74,29.30]]]]}},
{"type":"Feature","properties":{"地块编号":"D3","生产者":"丙公司"},
 "geometry":{"type":"Polygon","coordinates":[[[107.76,29.30],[107.77,29.30],[107.77,29.31],[107.76,29.31],[107.76,29.30]]]}},
{"type":"Feature","properties":{"地块编号":"D4","生产者":"甲合作社"},
 "geometry":{"type":"Polygon","coordinates":[[[107.70,29.40],[107.71,29.41],[107.71,29.40],[107.70,29.41],[107.70,29.40]]]}},
{"type":"Feature","properties":{"地块编号":"D1","生产者":"甲合作社"},
 "geometry":{"type":"Polygon","coordinates":[[[107.70,29.30],[107.71,29.30],[107.71,29.31],[107.70,29.30]]]}},
{"type":"Feature","properties":{"地块编号":"D6"},"geometry":{"type":"Point","coordinates":[107.7,29.3]}},
{"type":"Feature","properties":{"地块编号":"D7"},"geometry":null}
]})");
  Workspace ws = workspace_with_producers(dir);
  const ImportReport r = run(ws, path, ImportKind::Areas, "", {}, "武隆高山萝卜");
  CHECK(r.read == 7);
  CHECK(r.accepted == 4);
  CHECK(r.rejected == 3);
  CHECK(has_problem(r, "unmatched_producer", false));  // 丙公司 and the D4 bow-tie kept
  CHECK(has_problem(r, "repaired_geometry", false));   // D4 is a bow-tie
  CHECK(has_problem(r, "duplicate_code", true));
  CHECK(has_problem(r, "invalid_geometry", true));     // a point
  CHECK(has_problem(r, "no_geometry", true));
  const auto areas = read_production_areas(ws);
  REQUIRE(areas.size() == 4);
  const auto producers = ws.producers();
  CHECK(areas[0].code == "D1");
  CHECK(areas[0].producer_id == producers[0].id);
  CHECK(areas[0].producer_name == "甲合作社");
  CHECK(areas[0].declared_mu == 12.5);
  CHECK(areas[0].survey_date == "2026-03-01");
  CHECK(areas[0].crop == "萝卜");
  CHECK(areas[1].producer_id == producers[1].id);  // by name
  CHECK(areas[1].geom.polygons.size() == 2);
  CHECK(areas[2].producer_id == 0);  // 丙公司: not in the workspace, kept
  CHECK(areas[2].producer_name == "丙公司");
  CHECK(areas[2].source.find("bases.geojson") != std::string::npos);

  SECTION("importing the same file again adds nothing: every code is already there") {
    const ImportReport again = run(ws, path, ImportKind::Areas, "", {}, "武隆高山萝卜");
    CHECK(again.accepted == 0);
    CHECK(read_production_areas(ws).size() == 4);
  }
}

TEST_CASE("areas import from GPX: a closed track becomes a polygon, an open one is rejected with its gap") {
  TempDir dir = TempDir::make("giatlas-areas");
  const std::string path = in_dir(dir, "walk.gpx");
  // Track 1 ends 5 m from its start (closed); track 2 ends ~300 m away (open); track 3 is two segments.
  test::write_bytes(path, R"(<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>田块一</name><cmt>)" + kCodeA + R"(</cmt><trkseg>
<trkpt lat="29.3000" lon="107.7000"/><trkpt lat="29.3000" lon="107.7020"/><trkpt lat="29.3020" lon="107.7020"/>
<trkpt lat="29.3020" lon="107.7000"/><trkpt lat="29.30004" lon="107.70001"/></trkseg></trk>
<trk><name>田块二</name><cmt>)" + kCodeB + R"(</cmt><trkseg>
<trkpt lat="29.3100" lon="107.7100"/><trkpt lat="29.3100" lon="107.7130"/><trkpt lat="29.3130" lon="107.7130"/>
<trkpt lat="29.3130" lon="107.7110"/></trkseg></trk>
<trk><name>田块三</name><cmt>)" + kCodeB + R"(</cmt><trkseg>
<trkpt lat="29.3200" lon="107.7200"/><trkpt lat="29.3200" lon="107.7220"/></trkseg><trkseg>
<trkpt lat="29.3220" lon="107.7220"/><trkpt lat="29.3220" lon="107.7200"/><trkpt lat="29.3200" lon="107.7200"/></trkseg></trk>
</gpx>)");
  Workspace ws = workspace_with_producers(dir);
  const ImportReport r = run(ws, path, ImportKind::Areas, "", {{"credit_code", "cmt"}});
  CHECK(r.layer == "tracks");
  CHECK(r.read == 3);
  CHECK(r.accepted == 2);
  CHECK(r.rejected == 1);
  bool found = false;
  for (const ImportProblem& p : r.problems)
    if (p.code == "open_track") {
      found = true;
      CHECK(p.rejected);
      CHECK(p.message.find("m apart") != std::string::npos);
    }
  CHECK(found);
  CHECK(has_problem(r, "track_closed", false));
  const auto areas = read_production_areas(ws);
  REQUIRE(areas.size() == 2);
  CHECK(areas[0].name == "田块一");
  CHECK(areas[0].producer_id == ws.producers()[0].id);
  // About 195 m × 222 m.
  CHECK(geodesic_area(areas[0].geom) == Approx(194.0 * 222.0).epsilon(0.03));
  CHECK(areas[1].name == "田块三");
}

TEST_CASE("areas drawn in a phone app come as GCJ-02 KML and are shifted back to CGCS2000") {
  TempDir dir = TempDir::make("giatlas-areas");
  const std::string path = in_dir(dir, "phone.kml");
  // The field's true corners, shifted to GCJ-02 as a phone map shows them.
  const Point sw = wgs84_to_gcj02({107.75, 29.32}), ne = wgs84_to_gcj02({107.752, 29.322});
  auto c = [](const Point& p) { return std::to_string(p.x) + "," + std::to_string(p.y); };
  test::write_bytes(path, R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><name>基地</name>
<Placemark><name>仙女山基地</name><description>)" + kCodeA + R"(</description><Polygon><outerBoundaryIs><LinearRing><coordinates>)" +
                                 c(sw) + " " + c({ne.x, sw.y}) + " " + c(ne) + " " + c({sw.x, ne.y}) + " " + c(sw) +
                                 R"(</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
</Folder></Document></kml>)");
  Workspace ws = workspace_with_producers(dir);
  const ImportReport r = run(ws, path, ImportKind::Areas, "GCJ-02", {{"credit_code", "description"}});
  CHECK(r.accepted == 1);
  CHECK(r.crs.find("GCJ-02") == 0);
  const auto areas = read_production_areas(ws);
  REQUIRE(areas.size() == 1);
  const Box b = bounds(areas[0].geom);
  CHECK(b.minx == Approx(107.75).margin(2e-6));  // the shift is undone to well under a metre
  CHECK(b.miny == Approx(29.32).margin(2e-6));
  CHECK(areas[0].producer_id == ws.producers()[0].id);
  CHECK(areas[0].source.find("GCJ-02") != std::string::npos);
}

TEST_CASE("areas import from a shapefile with a declared projected CRS") {
  TempDir dir = TempDir::make("giatlas-areas");
  FixtureLayer l;
  l.name = "bases";
  l.geom = wkbPolygon;
  l.epsg = 4545;
  l.fields = {"DKBM", "NAME", "USCC"};
  l.creation_options = {"ENCODING=UTF-8"};
  l.rows = {{{"S1", "南坡", kCodeB}, "POLYGON ((475215 3244263,475415 3244263,475415 3244463,475215 3244463,475215 3244263))"}};
  const std::string path = in_dir(dir, "bases.shp");
  test::write_vector(path, "ESRI Shapefile", l);
  Workspace ws = workspace_with_producers(dir);
  const ImportReport r = run(ws, path, ImportKind::Areas);
  CHECK(r.accepted == 1);
  const auto areas = read_production_areas(ws);
  REQUIRE(areas.size() == 1);
  CHECK(areas[0].code == "S1");
  CHECK(areas[0].producer_id == ws.producers()[1].id);
  CHECK(geodesic_area(areas[0].geom) == Approx(40000).epsilon(0.002));
}

TEST_CASE("lots import from CSV: every row accepted or rejected with its line and reason") {
  TempDir dir = TempDir::make("giatlas-lots");
  const std::string path = in_dir(dir, "lots.csv");
  test::write_bytes(path, "批次号,统一社会信用代码,生产者,产品,采收日期,数量(kg),地块编号\n"
                          "L1," + kCodeA + ",,武隆高山萝卜,2026-09-10,1200,D1;D2\n"
                          "L2,,乙农场,武隆高山萝卜,2026/9/12,\"3,400\",D2、D9\n"
                          "L3,,丁公司,武隆高山萝卜,2026-09-12,800,\n"
                          "L1," + kCodeA + ",,武隆高山萝卜,2026-09-11,100,D1\n"
                          ",,乙农场,武隆高山萝卜,2026-09-11,100,D1\n"
                          "L6,,乙农场,武隆高山萝卜,不详,100,D1\n"
                          "L7,,乙农场,武隆高山萝卜,2026-09-11,-5,D1\n");
  Workspace ws = workspace_with_producers(dir);
  std::vector<ProductionArea> areas(2);
  areas[0].code = "D1";
  areas[1].code = "D2";
  insert_production_areas(ws, areas);
  const ImportReport r = run(ws, path, ImportKind::Lots);
  CHECK(r.read == 7);
  CHECK(r.accepted == 3);
  CHECK(r.rejected == 4);
  CHECK(has_problem(r, "duplicate_code", true));
  CHECK(has_problem(r, "missing_code", true));
  CHECK(has_problem(r, "bad_date", true));
  CHECK(has_problem(r, "bad_quantity", true));
  CHECK(has_problem(r, "unknown_area", false));  // D9
  CHECK(has_problem(r, "unmatched_producer", false));  // 丁公司
  CHECK(has_problem(r, "no_areas", false));
  for (const ImportProblem& p : r.problems)
    if (p.code == "bad_quantity") CHECK(p.where.find("row 8") != std::string::npos);
  const auto lots = read_lots(ws);
  REQUIRE(lots.size() == 3);
  CHECK(lots[0].code == "L1");
  CHECK(lots[0].producer_id == ws.producers()[0].id);
  CHECK(lots[0].area_codes == std::vector<std::string>{"D1", "D2"});
  CHECK(lots[1].harvest_date == "2026-09-12");
  CHECK(lots[1].quantity_kg == 3400);
  CHECK(lots[1].area_codes == std::vector<std::string>{"D2", "D9"});
  CHECK(lots[2].producer_id == 0);
  CHECK(lots[2].producer_name == "丁公司");
}
