// The programme's records in a workspace: the schema-2 upgrade, the checked front doors
// (resources, catalogue steps, protections, standards, users, scores, targets), imports and
// the catalogue export as XLSX read back through GDAL.
#include <catch2/catch.hpp>

#include "error.h"
#include "geo/gdal.h"
#include "programme/candidates.h"
#include "programme/catalogue.h"
#include "programme/programme_docs.h"
#include "programme/programme_import.h"
#include "programme/programme_store.h"
#include "programme/register_book.h"
#include "programme/targets.h"
#include "test_support.h"
#include "workspace/gi_register.h"
#include "workspace/schema.h"
#include "workspace/workspace.h"

using namespace giatlas;

namespace {

Workspace small_workspace(const test::TempDir& dir) {
  Workspace ws = Workspace::create(dir.file("p.gpkg"), "武隆区", "500156");
  std::vector<Township> towns(2);
  towns[0].name = "仙女山街道", towns[0].code = "500156001", towns[0].geom = test::square(107.7, 29.4, 0.1);
  towns[1].name = "双河镇", towns[1].code = "500156002", towns[1].geom = test::square(107.8, 29.4, 0.1);
  ws.add_townships(towns);
  return ws;
}

GiResource resource(const char* name, const char* category = "特色农产品") {
  GiResource r;
  r.name = name, r.category = category, r.townships = {"仙女山街道"}, r.survey_date = "2021-05-01";
  return r;
}

}  // namespace

TEST_CASE("a schema-2 workspace reads with no programme and gains its tables when opened for writing",
          "[programme]") {
  test::TempDir dir;
  const std::string path = dir.file("old.gpkg");
  {
    Workspace ws = Workspace::create(path, "武隆区");
    GiProduct g;
    g.name = "武隆高山萝卜", g.status = "registered", g.registration_no = "AGI-1",
    g.registration_date = "2013-12-01";
    g.standard_no = "DB50/T 1", g.standard_date = "2014-06-01";
    ws.add_gi_product(g);
    // Every table of schema 3 and later goes (by name: later schemas append theirs after these).
    for (const TableDef& t : workspace_tables())
      if (t.since >= 3)
        for (int i = 0; i < ws.dataset().GetLayerCount(); ++i)
          if (std::string(ws.dataset().GetLayer(i)->GetName()) == t.name) {
            REQUIRE(ws.dataset().DeleteLayer(i) == OGRERR_NONE);
            break;
          }
    OGRLayer* census = ws.dataset().GetLayerByName(table::kCensus);
    REQUIRE(census->DeleteField(census->GetLayerDefn()->GetFieldIndex("resource_id")) == OGRERR_NONE);
    ws.dataset().ExecuteSQL("UPDATE giatlas_metadata SET value = '2' WHERE key = 'schema_version'", nullptr,
                            nullptr);
  }
  {
    const Workspace ro = Workspace::open(path, true);
    CHECK(ro.metadata().schema_version == 2);
    CHECK(read_resources(ro).empty());
    CHECK(ro.census_points().empty());
    // The old register's own registration and standard count for the rules.
    REQUIRE(gi_protections(ro).size() == 1);
    CHECK(gi_protections(ro).front().registration_date == "2013-12-01");
    REQUIRE(gi_standards(ro).size() == 1);
    std::size_t later = 0;
    for (const TableDef& t : workspace_tables()) later += t.since >= 3;
    CHECK(ro.tables().size() == workspace_tables().size() - later);
  }
  Workspace rw = Workspace::open(path);
  CHECK(rw.metadata().schema_version == kSchemaVersion);
  for (const char* t : {table::kResources, table::kResourceStatus, table::kProtections, table::kStandards,
                        table::kMarkUsers, table::kTargets, table::kScores})
    CHECK(rw.dataset().GetLayerByName(t) != nullptr);
  CHECK(rw.dataset().GetLayerByName(table::kCensus)->GetLayerDefn()->GetFieldIndex("resource_id") >= 0);
  // No duplicate: the register's entry and a table row with the same number are one protection.
  GiProtection again{0, "武隆高山萝卜", "农产品地理标志", "AGI-1", "2013-12-01", "农业农村部", ""};
  CHECK_THROWS_WITH(add_protection(rw, again), Catch::Contains("already recorded"));
}

TEST_CASE("a resource walks the catalogue by dated records and becomes a registered GI", "[programme]") {
  test::TempDir dir;
  Workspace ws = small_workspace(dir);
  add_resource(ws, resource("武隆老鹰茶"), "普查组");
  CHECK_THROWS_WITH(add_resource(ws, resource("武隆老鹰茶")),
                    Catch::Contains("already in the resource library"));
  CHECK_THROWS_WITH(add_resource(ws, resource("X", "水果")), Catch::Contains("category '水果'"));
  GiResource far = resource("Y");
  far.townships = {"火星乡"};
  CHECK_THROWS_WITH(add_resource(ws, far), Catch::Contains("township '火星乡' is not in the workspace"));

  CHECK_THROWS_WITH(change_catalogue_status(ws, "武隆老鹰茶", "applying", "2021-12-01"),
                    Catch::Contains("one step at a time"));
  change_catalogue_status(ws, "武隆老鹰茶", "catalogued", "2021-12-20");
  CHECK_THROWS_WITH(change_catalogue_status(ws, "武隆老鹰茶", "candidate", "2021-12-19"),
                    Catch::Contains("before its latest record"));
  change_catalogue_status(ws, "武隆老鹰茶", "candidate", "2022-03-01");
  // From candidate on, the register has the GI and its status follows.
  REQUIRE(ws.gi_product("武隆老鹰茶"));
  CHECK(ws.gi_product("武隆老鹰茶")->status == "candidate");
  change_catalogue_status(ws, "武隆老鹰茶", "applying", "2023-09-01");
  CHECK(ws.gi_product("武隆老鹰茶")->status == "applying");
  CHECK_THROWS_WITH(change_catalogue_status(ws, "武隆老鹰茶", "registered", "2025-02-20"),
                    Catch::Contains("needs its registration"));
  change_catalogue_status(ws, "武隆老鹰茶", "registered", "2025-02-20", "", "",
                          GiProtection{0, "", "地理标志证明商标", "TM-6", "", "国家知识产权局", "茶叶协会"});
  CHECK(ws.gi_product("武隆老鹰茶")->status == "registered");
  CHECK(ws.gi_product("武隆老鹰茶")->registration_date == "2025-02-20");
  // Every step is kept.
  const auto records = read_status_records(ws);
  REQUIRE(records.size() == 5);
  CHECK(records.front().status == "resource");
  CHECK(records.front().recorded_by == "普查组");
  CHECK(current_status(records, records.front().resource_id)->status == "registered");
  const auto cat = catalogue(ws);
  REQUIRE(cat.size() == 1);
  CHECK(cat.front().status == "registered");
  CHECK(cat.front().status_date == "2025-02-20");
}

TEST_CASE("standards, protections and users are checked before they are written", "[programme]") {
  test::TempDir dir;
  Workspace ws = small_workspace(dir);
  GiProduct g;
  g.name = "武隆高山萝卜";
  add_new_gi(ws, g);
  CHECK_THROWS_WITH(add_standard(ws, GiStandard{0, "不存在", "S1", "", "", "2024-01-01"}),
                    Catch::Contains("not in the register"));
  CHECK_THROWS_WITH(add_standard(ws, GiStandard{0, "武隆高山萝卜", "S1", "", "省标准", "2024-01-01"}),
                    Catch::Contains("level '省标准'"));
  CHECK_THROWS_WITH(add_standard(ws, GiStandard{0, "武隆高山萝卜", "S1", "", "", "2024-13-01"}),
                    Catch::Contains("not YYYY-MM-DD"));
  CHECK(add_standard(ws, GiStandard{0, "武隆高山萝卜", "S1", "", "", "2024-01-01"}).level == "地方标准");
  CHECK_THROWS_WITH(add_protection(ws, GiProtection{0, "武隆高山萝卜", "商标", "N1", "2020-01-01", "", ""}),
                    Catch::Contains("type '商标'"));

  std::vector<Producer> producers(1);
  producers[0].name = "武隆区甲合作社", producers[0].gi = "武隆高山萝卜",
  producers[0].credit_code = "93500156MA5U000000";
  ws.add_producers(producers);
  MarkUser u;
  u.gi = "武隆高山萝卜", u.name = "甲", u.credit_code = "93500156MA5U000000", u.approved = "2024-03-01";
  u.expiry = "2024-01-01";
  CHECK_THROWS_WITH(add_mark_user(ws, u), Catch::Contains("is not after approval"));
  u.expiry = "2027-02-28";
  u.status = "paused";
  CHECK_THROWS_WITH(add_mark_user(ws, u), Catch::Contains("status 'paused'"));
  u.status = "";
  const MarkUser saved = add_mark_user(ws, u);
  CHECK(saved.status == "active");
  CHECK(saved.producer_id == producers[0].id);  // linked by credit code: the origin check sees it
  CHECK(ws.producers().front().authorised);
  CHECK(ws.producers().front().authorised_since == "2024-03-01");
  const MarkUser changed = set_mark_user_status(ws, saved.id, "suspended", "");
  CHECK(read_mark_users(ws).front().status == "suspended");
  CHECK(changed.note.find("active→suspended") != std::string::npos);
}

TEST_CASE("an assessor's scale or reach score that contradicts the data needs a reason", "[programme]") {
  test::TempDir dir;
  Workspace ws = small_workspace(dir);
  GiResource r = resource("武隆黄精", "道地药材");
  r.area_mu = 2800;  // data scale 3
  add_resource(ws, r);
  change_catalogue_status(ws, "武隆黄精", "catalogued", "2021-12-20");
  CandidateScore s;
  s.criterion = "scale", s.score = 5;
  CHECK_THROWS_WITH(record_score(ws, "武隆黄精", s), Catch::Contains("data give scale 3"));
  s.override_reason = "林下种植未计入面积";
  record_score(ws, "武隆黄精", s);
  s.criterion = "taste";
  CHECK_THROWS_WITH(record_score(ws, "武隆黄精", s), Catch::Contains("criterion 'taste'"));
  s.criterion = "distinct", s.score = 6;
  CHECK_THROWS_WITH(record_score(ws, "武隆黄精", s), Catch::Contains("1 to 5"));
  const auto ranking = candidate_ranking(ws);
  REQUIRE(ranking.size() == 1);
  CHECK(ranking[0].scores[1].score == 5);
  CHECK(ranking[0].scores[1].source == "assessor");
  CHECK(ranking[0].scores[2].source == "data");  // reach from the data: 1 township, no producers
  CHECK(ranking[0].scores[2].score == 1);
  CHECK_FALSE(ranking[0].complete);
  set_candidate_weights(ws, CriterionWeights{2, 1, 1, 1, 1, 1});
  CHECK(candidate_weights(ws)[0] == 2);
}

TEST_CASE("targets are data: the plan's defaults until the workspace sets its own", "[programme]") {
  test::TempDir dir;
  Workspace ws = small_workspace(dir);
  REQUIRE(programme_targets(ws).size() == 4);
  CHECK(programme_targets(ws)[0].threshold == 5);
  ProgrammeTarget t;
  t.key = "new_trademarks", t.threshold = 8, t.period_from = "2026-01-01", t.period_to = "2030-12-31";
  set_target(ws, t);
  CHECK(programme_targets(ws)[0].threshold == 8);
  CHECK(programme_targets(ws)[0].metric == "new_trademarks");
  CHECK(programme_targets(ws)[0].period_to == "2030-12-31");
  t.key = "use_rate", t.threshold = 1.5, t.period_from = "", t.period_to = "";
  CHECK_THROWS_WITH(set_target(ws, t), Catch::Contains("share from 0 to 1"));
  t.key = "x", t.metric = "happiness", t.threshold = 1;
  CHECK_THROWS_WITH(set_target(ws, t), Catch::Contains("metric 'happiness'"));
  CHECK(read_target_rows(ws).size() == 1);
}

TEST_CASE("authorised users import from CSV with every row accounted for", "[programme]") {
  test::TempDir dir;
  Workspace ws = small_workspace(dir);
  GiProduct g;
  g.name = "武隆猪腰枣";
  add_new_gi(ws, g);
  const std::string csv = dir.file("users.csv");
  {
    std::ofstream f(csv);
    f << "使用主体,统一社会信用代码,批准日期,有效期至,状态\n"
         "武隆区乙公司,91500156MA5U111111,2021/11/20,,使用中\n"
         "=HYPERLINK(\"x\"),,2022-01-01,,\n"
         "丙,,,,\n"
         "丁,,2023-05-01,2022-01-01,\n";
  }
  const ProgrammeImportResult r = import_mark_users(ws, csv, "武隆猪腰枣");
  CHECK(r.read == 4);
  CHECK(r.accepted == 2);
  REQUIRE(r.rejected.size() == 2);
  CHECK_THAT(r.rejected[0], Catch::Contains("row 4") && Catch::Contains("approval date is missing"));
  CHECK_THAT(r.rejected[1], Catch::Contains("row 5") && Catch::Contains("not after approval"));
  const auto users = read_mark_users(ws);
  REQUIRE(users.size() == 2);
  CHECK(users[0].approved == "2021-11-20");
  CHECK(users[0].status == "active");

  // The catalogue and a user's formula-like name stay text in CSV and XLSX.
  add_resource(ws, resource("=cmd|'/C calc'!A0"));
  add_resource(ws, resource("武隆猪腰枣"));
  const ReportDoc doc = catalogue_doc(ws);
  CHECK(doc_csv(doc).find("'=cmd") != std::string::npos);
  const std::string xlsx = dir.file("catalogue.xlsx");
  write_doc(doc, xlsx, "catalogue");
  ensure_gdal();
  GdalDataset ds(
      GDALDataset::Open(xlsx.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  REQUIRE(ds);
  OGRLayer* sheet = ds->GetLayer(0);
  REQUIRE(sheet);
  CHECK(sheet->GetFeatureCount(TRUE) == 2);
  CHECK(sheet->GetLayerDefn()->GetFieldIndex("名称") >= 0);
  sheet->ResetReading();
  OgrFeature first(sheet->GetNextFeature());
  const int name = sheet->GetLayerDefn()->GetFieldIndex("名称");
  CHECK(std::string(first->GetFieldAsString(name)) == "'=cmd|'/C calc'!A0");
  CHECK_THROWS_WITH(write_doc(doc, dir.file("c.docx"), "catalogue"),
                    Catch::Contains("unknown format '.docx'"));
}
