// The report writers: CSV header and rows, GeoJSON and GeoPackage read back through OGR with
// their fields, the HTML page with its summary, and atomic writes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/origin_check.h"
#include "check/report_writers.h"
#include "check_fixture.h"
#include "error.h"
#include "geo/gdal.h"
#include "test_support.h"

using namespace giatlas;
using giatlas::test::slurp;

namespace {

CheckReport fixture_report(const test::TempDir& dir) {
  std::vector<Producer> ps;
  ps.push_back(test::producer_at(1, Point{107.05, 29.05}));
  ps.push_back(test::producer_at(2, Point{107.15, 29.05}));
  ps.push_back(test::producer_at(3, std::nullopt));
  ps[1].name = "带,逗号\"的名称";
  test::make_check_workspace(dir.file("w.gpkg"), ps);
  Workspace ws = Workspace::open(dir.file("w.gpkg"), true);
  CheckOptions o;
  o.date = "2018-06-01";
  return run_origin_check(ws, o, Progress());
}


}  // namespace

TEST_CASE("the CSV report starts with the contract columns and has one row per producer", "[check]") {
  test::TempDir dir;
  CheckReport r = fixture_report(dir);
  write_check_report(r, dir.file("r.csv"));
  std::string text = slurp(dir.file("r.csv"));
  CHECK(text.rfind("name,credit_code,gi,result,reason,distance_m,township,zone_version,lon,lat", 0) == 0);
  CHECK(std::count(text.begin(), text.end(), '\n') == 4);
  CHECK(text.find("\"带,逗号\"\"的名称\"") != std::string::npos);
  CHECK(text.find(",outside,") != std::string::npos);
  CHECK(text.find(",invalid_location,") != std::string::npos);
}

TEST_CASE("GeoJSON and GeoPackage reports read back through OGR with the same fields", "[check]") {
  test::TempDir dir;
  CheckReport r = fixture_report(dir);
  for (const char* name : {"r.geojson", "r.gpkg"}) {
    write_check_report(r, dir.file(name));
    ensure_gdal();
    GdalDataset ds(static_cast<GDALDataset*>(GDALOpenEx(dir.file(name).c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("origin_check");
    REQUIRE(layer);
    CHECK(layer->GetFeatureCount() == 3);
    for (const auto& col : check_csv_columns()) CHECK(layer->GetLayerDefn()->GetFieldIndex(col.c_str()) >= 0);
    int points = 0;
    layer->ResetReading();
    while (OgrFeature f{layer->GetNextFeature()}) {
      if (f->GetGeometryRef()) ++points;
      CHECK(result_from_code(f->GetFieldAsString("result")).has_value());
    }
    CHECK(points == 2);
  }
  // No temporary files are left beside the reports.
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    CHECK(e.path().filename().string().find(".tmp") == std::string::npos);
}

TEST_CASE("the HTML report states the rules and the summary and lists each result", "[check]") {
  test::TempDir dir;
  CheckReport r = fixture_report(dir);
  write_check_report(r, dir.file("r.html"));
  std::string h = slurp(dir.file("r.html"));
  CHECK(h.find("<!DOCTYPE html>") == 0);
  CHECK(h.find("counts as inside") != std::string::npos);
  CHECK(h.find("2018-06-01") != std::string::npos);
  CHECK(h.find("区域外") != std::string::npos);
  CHECK(h.find("id=\"invalid_location\"") != std::string::npos);
  CHECK(h.find("甲镇") != std::string::npos);
  CHECK(h.find("http") == std::string::npos);  // self-contained: nothing fetched
  CHECK(check_summary_text(r).find("outside_district") != std::string::npos);
  CHECK_THROWS_AS(write_check_report(r, dir.file("r.docx")), Error);
  CHECK_FALSE(std::filesystem::exists(dir.file("r.docx")));
}

TEST_CASE("the HTML list of a result stops at 5,000 rows and says how many more the CSV has", "[check]") {
  test::TempDir dir;
  CheckReport r = fixture_report(dir);
  const ProducerCheck outside = r.rows[1];
  REQUIRE(outside.result == CheckResult::outside);
  REQUIRE_FALSE(outside.reason_zh.empty());
  r.rows.assign(5003, outside);
  r.summary = CheckSummary{};
  for (const auto& row : r.rows) r.summary.add(row);
  write_check_report(r, dir.file("big.html"));
  const std::string h = slurp(dir.file("big.html"));
  std::size_t listed = 0;
  for (std::size_t at = 0; (at = h.find(outside.reason_zh, at)) != std::string::npos; at += outside.reason_zh.size()) ++listed;
  CHECK(listed == 5000);
  CHECK(h.find("另有 3 行未列出") != std::string::npos);
  CHECK(h.find("3 more; the CSV report lists every row") != std::string::npos);
}
