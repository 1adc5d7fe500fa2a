// Visit outcomes: recorded with the origin check of the visit day and the measured location,
// corrected and closed by new records only; bad input is refused with nothing written.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <set>

#include "check/origin_check.h"
#include "check/report_writers.h"
#include "error.h"
#include "geo/gdal.h"
#include "inspection/credit_flags.h"
#include "inspection/field_package.h"
#include "inspection/inspection_fixture.h"
#include "inspection/inspection_store.h"
#include "inspection/publication.h"
#include "inspection/visits.h"
#include "programme/inspection_plan.h"
#include "workspace/schema.h"

using namespace giatlas;

namespace {

// Every field of a record, as one string: what "never rewritten" is compared by.
std::string dump(const VisitOutcome& r) {
  std::string s = std::to_string(r.id) + "|" + std::to_string(r.plan_id) + "|" + std::to_string(r.visit_no) + "|" +
                  r.date + "|" + r.inspectors + "|" + r.finding + "|" + r.check_result + "|" + r.check_reason + "|" +
                  r.raw_x + "|" + r.raw_y + "|" + r.raw_crs + "|" + r.action + "|" + r.follow_up + "|" + r.closed + "|" +
                  std::to_string(r.supersedes) + "|" + r.recorded + "|" + r.note;
  for (const auto& e : r.evidence) s += "|" + e;
  return s;
}

InspectionPlan saved(Workspace& ws, const std::string& name, int count = 6) {
  PlanOptions o;
  o.count = count, o.seed = 77, o.date = "2026-06-01";
  InspectionPlan plan = draw_inspection_plan(ws, o, Progress());
  save_named_plan(ws, plan, name);
  return plan;
}

VisitInput visit(const InspectionPlan& plan, int no, const std::string& finding) {
  VisitInput in;
  in.plan = "六月";
  in.visit_no = no;
  in.date = "2026-06-03";
  in.inspectors = plan.visits[static_cast<std::size_t>(no - 1)].inspectors;
  in.finding = finding;
  return in;
}

}  // namespace

TEST_CASE("a visit's outcome keeps the origin check of the visit day and the measured location in its own CRS",
          "[inspection]") {
  test::TempDir dir;
  Workspace ws = test::inspection_workspace(dir);
  InspectionPlan plan = saved(ws, "六月");
  std::ofstream(dir.file("photo1.jpg")) << "jpeg";
  VisitInput in = visit(plan, 1, "mark_misused");
  in.action = "rectification", in.follow_up = "2026-07-01";
  in.x = "107°03′00″", in.y = "29.05", in.crs = "GCJ-02", in.accuracy_m = 5;
  in.evidence = {dir.file("photo1.jpg")};
  VisitOutcome r = record_visit(ws, in, Progress());
  CHECK(r.id > 0);
  CHECK(r.producer_id == plan.visits[0].producer_id);
  CHECK_FALSE(r.check_result.empty());
  CHECK(r.zone_version == 1);
  REQUIRE(r.location);
  CHECK(r.location->x == Approx(107.05).margin(0.01));  // GCJ-02 undone: a few hundred metres off
  CHECK(r.location->x != Approx(107.05).margin(1e-6));
  CHECK(r.raw_crs == "GCJ-02");
  const auto back = visit_outcomes(ws);
  REQUIRE(back.size() == 1);
  CHECK(back[0].raw_x == "107°03′00″");
  CHECK(*back[0].accuracy_m == 5);
  CHECK(back[0].evidence == in.evidence);
  CHECK(back[0].follow_up == "2026-07-01");
}

TEST_CASE("corrections and closures are new records: nothing recorded is ever overwritten", "[inspection]") {
  test::TempDir dir;
  Workspace ws = test::inspection_workspace(dir);
  InspectionPlan plan = saved(ws, "六月");
  VisitOutcome first = record_visit(ws, visit(plan, 1, "mark_misused"), Progress());
  const std::string first_dump = dump(visit_outcomes(ws).at(0));
  // A second first record for the same visit is refused; a correction names the current record.
  CHECK_THROWS_WITH(record_visit(ws, visit(plan, 1, "conforming"), Progress()), Catch::Contains("--corrects " + std::to_string(first.id)));
  VisitInput fix = visit(plan, 1, "labelling");
  fix.corrects = first.id;
  VisitOutcome second = record_visit(ws, fix, Progress());
  CHECK(second.supersedes == first.id);
  // Correcting a superseded record is refused.
  fix.corrects = first.id;
  CHECK_THROWS_WITH(record_visit(ws, fix, Progress()), Catch::Contains("is not the current record"));
  VisitOutcome closed = close_visit(ws, second.id, "2026-06-20", "整改完成");
  CHECK(closed.supersedes == second.id);
  CHECK(closed.closed == "2026-06-20");
  CHECK(closed.finding == "labelling");
  CHECK_THROWS_WITH(close_visit(ws, second.id, "2026-06-21", ""), Catch::Contains("superseded"));
  CHECK_THROWS_WITH(close_visit(ws, closed.id, "2026-06-21", ""), Catch::Contains("was closed on 2026-06-20"));

  const auto history = visit_outcomes(ws);
  REQUIRE(history.size() == 3);
  CHECK(dump(history[0]) == first_dump);  // the first record, untouched
  CHECK(history[0].finding == "mark_misused");
  CHECK(history[1].finding == "labelling");
  const auto current = current_outcomes(ws, "六月");
  REQUIRE(current.size() == 1);
  CHECK(current[0].id == closed.id);
}

TEST_CASE("a visit with bad input is refused with one line and nothing is written", "[inspection]") {
  test::TempDir dir;
  Workspace ws = test::inspection_workspace(dir);
  InspectionPlan plan = saved(ws, "六月");
  auto refused = [&](VisitInput in, const char* why) {
    CHECK_THROWS_WITH(record_visit(ws, in, Progress()), Catch::Contains(why));
    CHECK(visit_outcomes(ws).empty());
  };
  VisitInput in = visit(plan, 1, "conforming");
  in.plan = "无此计划";
  refused(in, "no plan named");
  in = visit(plan, 1, "conforming");
  in.visit_no = 99;
  refused(in, "the plan has visits 1 to 6");
  refused(visit(plan, 1, "fine"), "is not one of conforming");
  in = visit(plan, 1, "conforming");
  in.inspectors.resize(1);
  refused(in, "at least 2 inspectors");
  in = visit(plan, 1, "conforming");
  in.inspectors[1] = "路人";
  refused(in, "'路人' is not an active inspector");
  in = visit(plan, 1, "conforming");
  in.date = "2026-02-30";
  refused(in, "is not a day");
  in = visit(plan, 1, "conforming");
  in.follow_up = "2026-05-01";
  refused(in, "follow-up date is before the visit");
  in = visit(plan, 1, "conforming");
  in.x = "107.05", in.crs = "EPSG:4326";
  refused(in, "needs x, y and its coordinate system");
  in.y = "north";
  refused(in, "measured latitude");
  in = visit(plan, 1, "conforming");
  in.evidence = {dir.file("missing.jpg")};
  refused(in, "evidence file");
  in = visit(plan, 1, "conforming");
  in.action = "fine";
  refused(in, "action 'fine'");
}

TEST_CASE("publication masks individuals' names, removes phone numbers and keeps firms' registered names",
          "[inspection]") {
  CHECK(mask_entity_name("张三丰", "") == "张*某");
  CHECK(mask_entity_name("李四家庭农场", "") == "李*某家庭农场");
  CHECK(mask_entity_name("王五 13800138000", "") == "王*某");
  CHECK(mask_entity_name("萝卜专业合作社", test::valid_code(1)) == "萝卜专业合作社");
  CHECK(mask_entity_name("萝卜专业合作社", "not-a-code") == "萝*某");
  CHECK(strip_phone_numbers("赵六（电话：023-7777 8888）") == "赵六");
  CHECK(strip_phone_numbers("联系 +86 138-0013-8000 转") == "联系  转");
  CHECK(strip_phone_numbers("2026年产量 300 吨") == "2026年产量 300 吨");

  test::TempDir dir;
  Workspace ws = test::inspection_workspace(dir);
  InspectionPlan plan = saved(ws, "六月", 10);
  record_visit(ws, visit(plan, 1, "outside_zone"), Progress());
  publish_plan_results(ws, "六月", dir.file("pub.html"));
  publish_plan_results(ws, "六月", dir.file("pub.csv"));
  const std::string html = test::slurp(dir.file("pub.html"));
  const std::string csv = test::slurp(dir.file("pub.csv"));
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("data:image/png;base64,") != std::string::npos);  // the map, embedded
  CHECK(html.find("std::mt19937_64 seeded with 77") != std::string::npos);  // the method is stated
  CHECK(csv.find("visit,inspected_entity,credit_code,gi,date,result,action") != std::string::npos);
  for (const auto& v : plan.visits) {
    if (v.credit_code.empty()) {
      CHECK(html.find(v.producer_name) == std::string::npos);  // a household's name never appears
      CHECK(csv.find(v.producer_name) == std::string::npos);
      CHECK(csv.find("张*某家庭农场") != std::string::npos);
    } else {
      CHECK(csv.find(v.producer_name + "," + v.credit_code) != std::string::npos);
    }
  }
  CHECK(csv.find("产地不在保护范围内 outside_zone") != std::string::npos);
  CHECK(csv.find("未检查 not yet inspected") != std::string::npos);
  CHECK_THROWS_WITH(publish_plan_results(ws, "六月", dir.file("pub.txt")), Catch::Contains("unknown format"));
}

TEST_CASE("credit flags come from misuse findings, expire by the rule, and weight the next plan", "[inspection]") {
  test::TempDir dir;
  Workspace ws = test::inspection_workspace(dir);
  InspectionPlan plan = saved(ws, "六月");
  record_visit(ws, visit(plan, 1, "mark_misused"), Progress());
  record_visit(ws, visit(plan, 2, "conforming"), Progress());
  record_visit(ws, visit(plan, 3, "labelling"), Progress());
  CHECK(flag_rule(ws).years == 2);
  auto flags = credit_flags(ws, "2026-06-03", flag_rule(ws));
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].producer_id == plan.visits[0].producer_id);
  CHECK(flags[0].finding == "mark_misused");
  CHECK(flags[0].date == "2026-06-03");
  CHECK(flags[0].expires == "2028-06-03");
  CHECK(flags[0].live);
  CHECK(credit_flags(ws, "2028-06-02", flag_rule(ws))[0].live);
  CHECK_FALSE(credit_flags(ws, "2028-06-03", flag_rule(ws))[0].live);  // the expiry day itself: gone
  CHECK(credit_flags(ws, "2026-06-02", flag_rule(ws)).empty());        // not yet found
  set_flag_rule(ws, FlagRule{1});
  CHECK(flag_rule(ws).years == 1);
  CHECK_FALSE(credit_flags(ws, "2027-06-03", flag_rule(ws))[0].live);
  CHECK_THROWS(set_flag_rule(ws, FlagRule{0}));
  ws.set_setting("credit_flag_years", "soon");
  CHECK_THROWS_WITH(flag_rule(ws), Catch::Contains("credit_flag_years"));
  ws.set_setting("credit_flag_years", "2");

  // The flagged producer is drawn far more often when flags weigh 50.
  int plain = 0, weighted = 0;
  for (std::uint64_t seed = 0; seed < 60; ++seed) {
    PlanOptions o;
    o.count = 2, o.seed = seed, o.date = "2026-07-01";
    for (int w : {1, 50}) {
      o.flag_weight = w;
      for (const auto& v : draw_inspection_plan(ws, o, Progress()).visits)
        if (v.producer_id == flags[0].producer_id) ++(w == 1 ? plain : weighted);
    }
  }
  CHECK(weighted > 3 * plain);
  CHECK(weighted > 40);
}

TEST_CASE("field packages open back in GDAL with the visits in nearest-neighbour order and the zone", "[inspection]") {
  test::TempDir dir;
  Workspace ws = test::inspection_workspace(dir);
  PlanOptions o;
  o.count = 12, o.seed = 5, o.window_from = "2026-09-01", o.window_to = "2026-09-02";
  InspectionPlan plan = draw_inspection_plan(ws, o, Progress());
  for (const char* ext : {"kml", "gpx", "gpkg"}) {
    const std::string path = dir.file(std::string("field.") + ext);
    FieldPackageSummary s = write_field_package(ws, plan, path);
    CHECK(s.visits == 12);
    CHECK(s.days == 2);
    CHECK(s.zones == 1);
    GdalDataset ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
    REQUIRE(ds);
    const bool gpx = std::string(ext) == "gpx";
    OGRLayer* pts = ds->GetLayerByName(gpx ? "waypoints" : "visits");
    REQUIRE(pts);
    CHECK(pts->GetFeatureCount() == 12);
    OGRLayer* zl = ds->GetLayerByName(gpx ? "tracks" : "zones");
    REQUIRE(zl);
    CHECK(zl->GetFeatureCount() == 1);
    pts->ResetReading();
    OgrFeature f(pts->GetNextFeature());
    REQUIRE(f);
    CHECK(std::string(f->GetFieldAsString("name")).rfind("D1-1 ", 0) == 0);
  }
  CHECK_THROWS_WITH(write_field_package(ws, plan, dir.file("f.shp")), Catch::Contains("unknown format"));

  // The route: from each day's first visit, always the nearest next (here on a line).
  InspectionPlan line;
  line.visits.resize(4);
  for (auto& v : line.visits) v.date = "2026-01-01";
  std::vector<std::optional<Point>> at = {Point{107.0, 29.0}, Point{107.3, 29.0}, Point{107.1, 29.0}, Point{107.2, 29.0}};
  const auto route = nearest_neighbour_route(line, at);
  REQUIRE(route.size() == 4);
  CHECK(route[0].visit == 0);
  CHECK(route[1].visit == 2);
  CHECK(route[2].visit == 3);
  CHECK(route[3].visit == 1);
  CHECK(route[1].leg_m == Approx(9700).margin(200));
}

TEST_CASE("a schema-3 workspace reads without the plan tables and gains them when opened for writing",
          "[inspection]") {
  test::TempDir dir;
  const std::string path = dir.file("old.gpkg");
  {
    Workspace ws = test::inspection_workspace(dir);
    (void)ws;
  }
  std::filesystem::copy_file(dir.file("ws.gpkg"), path);
  {
    GdalDataset ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
    REQUIRE(ds);
    for (const TableDef& t : workspace_tables()) {
      if (t.since < 4) continue;
      for (int i = 0; i < ds->GetLayerCount(); ++i)
        if (std::string(ds->GetLayer(i)->GetName()) == t.name) REQUIRE(ds->DeleteLayer(i) == OGRERR_NONE);
    }
    OGRLayer* ins = ds->GetLayerByName(table::kInspectors);
    REQUIRE(ins->DeleteField(ins->GetLayerDefn()->GetFieldIndex("relations")) == OGRERR_NONE);
    REQUIRE(ins->DeleteField(ins->GetLayerDefn()->GetFieldIndex("township")) == OGRERR_NONE);
    ds->ExecuteSQL("UPDATE giatlas_metadata SET value = '3' WHERE key = 'schema_version'", nullptr, nullptr);
  }
  {
    const Workspace ro = Workspace::open(path, true);
    CHECK(ro.metadata().schema_version == 3);
    CHECK(saved_plans(ro).empty());
    CHECK(visit_outcomes(ro).empty());
    REQUIRE(ro.inspectors().size() == 10);
    CHECK(ro.inspectors()[0].township.empty());
  }
  Workspace rw = Workspace::open(path);
  CHECK(rw.metadata().schema_version == kSchemaVersion);
  PlanOptions o;
  o.count = 2, o.seed = 1, o.date = "2026-01-01";
  save_named_plan(rw, draw_inspection_plan(rw, o, Progress()), "升级后");
  CHECK(saved_plans(rw).size() == 1);
}

TEST_CASE("the check report's map numbers every listed producer not plainly inside as its list does",
          "[inspection][map]") {
  test::TempDir dir;
  Workspace ws = test::inspection_workspace(dir);
  std::vector<Producer> off(3);
  for (int i = 0; i < 3; ++i) {
    off[static_cast<std::size_t>(i)].name = "区外" + std::to_string(i);
    off[static_cast<std::size_t>(i)].gi = "萝卜";
    off[static_cast<std::size_t>(i)].location = Point{107.15 + 0.01 * i, 29.02 + 0.02 * i};
  }
  // And a crowd: eight growers within 100 m of each other, outside the zone.
  for (int i = 0; i < 8; ++i) {
    Producer p;
    p.name = "扎堆" + std::to_string(i);
    p.gi = "萝卜";
    p.location = Point{107.16 + 0.0002 * i, 29.085 + 0.0001 * (i % 3)};
    off.push_back(p);
  }
  ws.add_producers(off);
  CheckOptions co;
  co.date = "2026-05-01";
  const CheckReport report = run_origin_check(ws, co, Progress());
  const auto markers = check_report_markers(report);
  std::set<std::int64_t> not_inside;
  for (const auto& r : report.rows)
    if (r.result != CheckResult::inside && r.location) not_inside.insert(r.producer_id);
  REQUIRE(markers.size() == not_inside.size());
  REQUIRE(markers.size() >= 3);
  for (std::size_t k = 0; k < markers.size(); ++k) {
    CHECK(markers[k].second.number == static_cast<int>(k + 1));
    CHECK(not_inside.count(report.rows[markers[k].first].producer_id) == 1);
  }
  write_check_html(report, dir.file("r.html"), &ws);
  const std::string html = test::slurp(dir.file("r.html"));
  CHECK(html.find("data:image/png;base64,") != std::string::npos);
  // Each numbered row of the list names the producer the marker of that number stands for.
  for (const auto& [i, m] : markers) {
    const std::string cell = "<tr><td class=n>" + std::to_string(m.number) + "</td><td>" + report.rows[i].name + "</td>";
    CHECK(html.find(cell) != std::string::npos);
  }
  // The map draws exactly those numbers, each at its producer, in red.
  std::vector<ReportMarker> ms;
  for (const auto& [i, m] : markers) ms.push_back(m);
  const ReportMap full = draw_report_map(ws, {"萝卜"}, "2026-05-01", ms);
  // The fixture's producers crowd together: insets repeat some markers, with the same numbers.
  CHECK(full.insets >= 1);
  ReportMap map = full;
  std::erase_if(map.markers, [](const DrawnMarker& d) { return d.inset != 0; });
  REQUIRE(map.markers.size() == ms.size());
  std::set<int> numbers;
  for (const auto& m : ms) numbers.insert(m.number);
  for (const auto& d : full.markers) {
    CHECK(numbers.count(d.number) == 1);
    CHECK(d.py < full.height);
    if (d.inset) CHECK(d.py > map.markers.front().py);  // insets lie under the map
  }
  CHECK(full.markers.size() > ms.size());
  VSILFILE* f = VSIFileFromMemBuffer("/vsimem/report_map.png", reinterpret_cast<GByte*>(const_cast<char*>(map.png.data())),
                                     static_cast<vsi_l_offset>(map.png.size()), FALSE);
  REQUIRE(f);
  VSIFCloseL(f);
  {
    GdalDataset png(static_cast<GDALDataset*>(GDALOpen("/vsimem/report_map.png", GA_ReadOnly)));
    REQUIRE(png);
    CHECK(png->GetRasterXSize() == map.width);
    std::size_t seen = 0;
    for (std::size_t k = 0; k < map.markers.size(); ++k) {
      CHECK(map.markers[k].number == ms[k].number);
      // A marker drawn later within 25 px may cover this one: its colour is not checked.
      bool covered = false;
      for (std::size_t j = k + 1; j < map.markers.size(); ++j)
        covered = covered || std::hypot(map.markers[j].px - map.markers[k].px, map.markers[j].py - map.markers[k].py) < 25;
      if (covered) continue;
      ++seen;
      const int x = static_cast<int>(std::lround(map.markers[k].px)), y = static_cast<int>(std::lround(map.markers[k].py)) - 7;
      REQUIRE(x >= 0);
      REQUIRE(x < map.width);
      REQUIRE(y >= 0);
      GByte rgb[3];
      for (int b = 0; b < 3; ++b)
        REQUIRE(png->GetRasterBand(b + 1)->RasterIO(GF_Read, x, y, 1, 1, &rgb[b], 1, 1, GDT_Byte, 0, 0) == CE_None);
      CHECK(int(rgb[0]) > 180);
      CHECK(int(rgb[1]) < 80);
      CHECK(int(rgb[2]) < 80);
    }
    CHECK(seen >= 3);
  }
  VSIUnlink("/vsimem/report_map.png");
}
