// One import code path, every format: GeoPackage, GeoJSON, KML, GPX, OpenFileGDB, XLSX, ODS
// (Shapefile and CSV are covered with their encodings in encoding_test.cpp).
#include <catch2/catch.hpp>

#include <filesystem>

#include "fixtures.h"
#include "io/import.h"
#include "workspace/credit_code.h"

using namespace giatlas;
using giatlas::test::FixtureLayer;

namespace {

namespace fs = std::filesystem;

std::string in_dir(const TempDir& d, const char* name) { return (fs::path(d.path()) / name).string(); }

ImportReport run(Workspace& ws, const std::string& path, ImportKind kind, const std::string& crs = "",
                 const std::string& gi = "") {
  ImportOptions opt;
  opt.kind = kind;
  opt.crs = crs;
  opt.gi = gi;
  ImportReport r = import_into(ws, path, opt, Progress());
  CHECK(r.balanced());
  return r;
}

std::string valid_code(const std::string& first17) { return first17 + credit_code_check_char(first17); }


}  // namespace

TEST_CASE("townships import from a GeoPackage in Gauss-Kruger metres, reprojected to CGCS2000") {
  TempDir dir = TempDir::make("giatlas-fmt");
  FixtureLayer l;
  l.name = "乡镇";
  l.geom = wkbPolygon;
  l.epsg = 4545;
  l.fields = {"名称", "代码"};
  // A ~1 km square around (107.75E, 29.32N) = (475715.639, 3244763.559) in EPSG:4545.
  l.rows = {{{"白马镇", "500156101"},
             "POLYGON ((475215 3244263,476215 3244263,476215 3245263,475215 3245263,475215 3244263))"}};
  const std::string path = in_dir(dir, "towns.gpkg");
  test::write_vector(path, "GPKG", l);
  Workspace ws = test::new_workspace(dir.path());
  const ImportReport r = run(ws, path, ImportKind::Townships);
  CHECK(r.accepted == 1);
  CHECK(r.crs.find("EPSG:4545") == 0);
  const auto towns = ws.townships();
  REQUIRE(towns.size() == 1);
  CHECK(towns[0].kind == "镇");
  const Box b = bounds(towns[0].geom);
  CHECK(b.center().x == Approx(107.75).margin(1e-4));
  CHECK(b.center().y == Approx(29.32).margin(1e-4));
}

TEST_CASE("zones import from GeoJSON with --gi create a candidate GI and a new version each time") {
  TempDir dir = TempDir::make("giatlas-fmt");
  const std::string path = in_dir(dir, "zone.geojson");
  test::write_bytes(path, std::string(R"({"type":"FeatureCollection","features":[)") +
                              R"({"type":"Feature","properties":{"name":"a"},"geometry":{"type":"Polygon","coordinates":[[[107.7,29.3],[107.8,29.3],[107.8,29.4],[107.7,29.4],[107.7,29.3]]]}},)" +
                              R"({"type":"Feature","properties":{"name":"b"},"geometry":{"type":"Polygon","coordinates":[[[107.8,29.3],[107.9,29.3],[107.9,29.4],[107.8,29.4],[107.8,29.3]]]}},)" +
                              R"({"type":"Feature","properties":{"name":"c"},"geometry":null}]})");
  Workspace ws = test::new_workspace(dir.path());
  ImportOptions opt;
  opt.kind = ImportKind::Zones;
  opt.gi = "羊角豆干";
  opt.effective_from = "2024-01-01";
  const ImportReport r = import_into(ws, path, opt, Progress());
  CHECK(r.read == 3);
  CHECK(r.accepted == 2);
  CHECK(r.rejected == 1);
  CHECK(r.problems.at(0).code == "no_geometry");
  REQUIRE(r.created_gis == std::vector<std::string>{"羊角豆干"});
  const auto gi = ws.gi_product("羊角豆干");
  REQUIRE(gi);
  CHECK(gi->status == "candidate");
  auto versions = ws.zone_versions("羊角豆干");
  REQUIRE(versions.size() == 1);
  CHECK(versions[0].source == "imported");
  CHECK(versions[0].geom.polygons.size() == 1);  // the two squares dissolve into one
  opt.effective_from = "2025-01-01";
  const ImportReport r2 = import_into(ws, path, opt, Progress());
  CHECK(r2.created_gis.empty());
  versions = ws.zone_versions("羊角豆干");
  REQUIRE(versions.size() == 2);
  CHECK(versions[1].version == 2);
}

TEST_CASE("townships import from KML, whose CRS is WGS84 by definition") {
  TempDir dir = TempDir::make("giatlas-fmt");
  const std::string path = in_dir(dir, "towns.kml");
  test::write_bytes(path, R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><name>乡镇</name>
<Placemark><name>白马镇</name><Polygon><outerBoundaryIs><LinearRing><coordinates>107.7,29.3 107.8,29.3 107.8,29.4 107.7,29.4 107.7,29.3</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
<Placemark><name>仙女山街道</name><Polygon><outerBoundaryIs><LinearRing><coordinates>107.8,29.3 107.9,29.3 107.9,29.4 107.8,29.4 107.8,29.3</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
</Folder></Document></kml>)");
  Workspace ws = test::new_workspace(dir.path());
  const ImportReport r = run(ws, path, ImportKind::Townships);
  CHECK(r.accepted == 2);
  CHECK(r.crs.find("EPSG:4326") == 0);
  const auto towns = ws.townships();
  REQUIRE(towns.size() == 2);
  CHECK(towns[1].name == "仙女山街道");
  CHECK(towns[1].kind == "街道");
}

TEST_CASE("producers import from GPX waypoints, the layer choice said in the report") {
  TempDir dir = TempDir::make("giatlas-fmt");
  const std::string path = in_dir(dir, "visits.gpx");
  test::write_bytes(path, R"(<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="29.32" lon="107.75"><name>甲合作社</name></wpt>
<wpt lat="29.40" lon="107.70"><name>乙农场</name></wpt>
</gpx>)");
  Workspace ws = test::new_workspace(dir.path());
  const ImportReport r = run(ws, path, ImportKind::Producers);
  CHECK(r.layer == "waypoints");
  CHECK(r.accepted == 2);
  const auto ps = ws.producers();
  REQUIRE(ps.size() == 2);
  REQUIRE(ps[0].location);
  CHECK(ps[0].location->x == Approx(107.75));
  CHECK(ps[0].raw_x == "107.75");
  CHECK(ps[0].raw_crs == "EPSG:4326");
}

TEST_CASE("townships import from an OpenFileGDB geodatabase") {
  TempDir dir = TempDir::make("giatlas-fmt");
  FixtureLayer l;
  l.name = "towns";
  l.geom = wkbMultiPolygon;
  l.epsg = 4490;
  l.fields = {"name", "code"};
  l.rows = {{{"Baima", "500156101"}, std::string("MULTIPOLYGON (((107.7 29.3,107.7 29.4,107.8 29.4,107.8 29.3,107.7 29.3)))")},
            {{"Xiannvshan", "500156102"}, std::string("MULTIPOLYGON (((107.8 29.3,107.8 29.4,107.9 29.4,107.9 29.3,107.8 29.3)))")}};
  const std::string path = in_dir(dir, "towns.gdb");
  test::write_vector(path, "OpenFileGDB", l);
  Workspace ws = test::new_workspace(dir.path());
  const ImportReport r = run(ws, path, ImportKind::Townships);
  CHECK(r.accepted == 2);
  CHECK(ws.townships().size() == 2);
}

TEST_CASE("producers import from XLSX and ODS sheets with Chinese headers, rows numbered as in the sheet") {
  for (const char* driver : {"XLSX", "ODS"}) {
    INFO(driver);
    TempDir dir = TempDir::make("giatlas-fmt");
    FixtureLayer l;
    l.name = "授权用户";
    l.fields = {"企业名称", "统一社会信用代码", "产品", "东经", "北纬", "授权日期", "是否授权"};
    l.rows = {
        {{"甲合作社", valid_code("91500156MA5U7ABC1"), "武隆高山萝卜", "107°45′30″", "29°19′12″", "2021/3/5", "是"}, ""},
        {{"乙公司", "123", "武隆高山萝卜", "107.70", "29.40", "", "否"}, ""},
        {{"丙农场", "", "", "107.70", "129.40", "", ""}, ""},
        {{"", "", "", "107.70", "29.40", "", ""}, ""},
    };
    const std::string path = in_dir(dir, std::string("p.").append(driver == std::string("XLSX") ? "xlsx" : "ods").c_str());
    test::write_vector(path, driver, l);
    Workspace ws = test::new_workspace(dir.path());
    const ImportReport r = run(ws, path, ImportKind::Producers, "EPSG:4490");
    CHECK(r.read == 4);
    CHECK(r.accepted == 3);
    CHECK(r.rejected == 1);
    CHECK(r.warned == 3);  // GI not in register (1, 2), bad credit code (2), unreadable location (3)
    const auto reject = std::find_if(r.problems.begin(), r.problems.end(), [](auto& p) { return p.rejected; });
    REQUIRE(reject != r.problems.end());
    CHECK(reject->where == std::string("p.") + (driver == std::string("XLSX") ? "xlsx" : "ods") + " sheet 授权用户 row 5");
    const auto ps = ws.producers();
    REQUIRE(ps.size() == 3);
    CHECK(ps[0].authorised);
    CHECK(ps[0].authorised_since == "2021-03-05");
    REQUIRE(ps[0].location);
    CHECK(ps[0].location->x == Approx(107.0 + 45.0 / 60 + 30.0 / 3600).margin(1e-9));
    CHECK(ps[0].raw_x == "107°45′30″");
    CHECK_FALSE(ps[2].location);
    CHECK(ps[2].raw_y == "129.40");
    CHECK(ps[2].location_issue.find("out of range") != std::string::npos);
  }
}

TEST_CASE("census points import from a GeoPackage point layer and inspectors from a plain CSV") {
  TempDir dir = TempDir::make("giatlas-fmt");
  FixtureLayer l;
  l.name = "census";
  l.geom = wkbPoint;
  l.epsg = 4490;
  l.fields = {"产品", "乡镇", "年产量", "面积", "户数"};
  l.rows = {{{"武隆高山萝卜", "白马镇", "120.5", "300", "12"}, "POINT (107.75 29.32)"},
            {{"武隆高山白菜", "仙女山街道", "lots", "", ""}, "POINT (107.70 29.40)"},
            {{"武隆猪腰枣", "", "", "", ""}, ""}};
  const std::string gpkg = in_dir(dir, "census.gpkg");
  test::write_vector(gpkg, "GPKG", l);
  Workspace ws = test::new_workspace(dir.path());
  const ImportReport r = run(ws, gpkg, ImportKind::Census);
  CHECK(r.accepted == 2);
  CHECK(r.rejected == 1);
  const auto cs = ws.census_points();
  REQUIRE(cs.size() == 2);
  CHECK(cs[0].annual_output_t == Approx(120.5));
  CHECK(cs[0].households == 12);

  const std::string csv = in_dir(dir, "inspectors.csv");
  test::write_bytes(csv, "姓名,执法单位,执法证号,在职\n张三,武隆区市场监管局,500001,是\n李四,武隆区市场监管局,500001,是\n王五,,500002,否\n");
  const ImportReport ri = run(ws, csv, ImportKind::Inspectors);
  CHECK(ri.accepted == 2);
  CHECK(ri.rejected == 1);
  CHECK(ri.problems.at(0).code == "duplicate_code");
  const auto ins = ws.inspectors();
  REQUIRE(ins.size() == 2);
  CHECK_FALSE(ins[1].active);
}

TEST_CASE("townships import from a KMZ (zipped KML)") {
  TempDir dir = TempDir::make("giatlas-fmt");
  const std::string path = in_dir(dir, "towns.kmz");
  const std::string kml = R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>白马镇</name><Polygon><outerBoundaryIs><LinearRing><coordinates>107.7,29.3 107.8,29.3 107.8,29.4 107.7,29.4 107.7,29.3</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>)";
  {
    ensure_gdal();
    VSILFILE* f = VSIFOpenL(("/vsizip/" + path + "/doc.kml").c_str(), "wb");
    REQUIRE(f != nullptr);
    CHECK(VSIFWriteL(kml.data(), 1, kml.size(), f) == kml.size());
    VSIFCloseL(f);
  }
  Workspace ws = test::new_workspace(dir.path());
  const ImportReport r = run(ws, path, ImportKind::Townships);
  CHECK(r.accepted == 1);
  const auto towns = ws.townships();
  REQUIRE(towns.size() == 1);
  CHECK(towns[0].name == "白马镇");
}
