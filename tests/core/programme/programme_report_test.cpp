// The yearly report's numbers against the known history of the sample workspace
// (data/wulong-sample.gpkg; the facts are listed in src/core/sample/programme_history.h).
#include <algorithm>
#include <catch2/catch.hpp>

#include "programme/catalogue.h"
#include "programme/programme_docs.h"
#include "programme/programme_view.h"
#include "programme/targets.h"
#include "test_support.h"
#include "workspace/workspace.h"

using namespace giatlas;

namespace {

const std::string kSample = std::string(GIATLAS_SOURCE_DIR) + "/data/wulong-sample.gpkg";

const DocTable& table(const ReportDoc& d, const std::string& name) {
  for (const DocTable* t : d.tables())
    if (t->name == name) return *t;
  FAIL("the report has no table " << name);
  return *d.tables().front();
}

// The row whose first cell is `key`.
const std::vector<std::string>& row(const DocTable& t, const std::string& key) {
  for (const auto& r : t.rows)
    if (!r.empty() && r[0] == key) return r;
  FAIL("table " << t.name << " has no row " << key);
  return t.rows.front();
}

std::string paragraphs(const ReportDoc& d) {
  std::string s;
  for (const DocBlock& b : d.blocks)
    if (b.kind == DocBlock::paragraph) s += b.text + "\n";
  return s;
}

}  // namespace

TEST_CASE("the 2025 report of the sample shows the plan's end: 3 of 5 trademarks, users and rate met",
          "[programme][sample]") {
  const Workspace ws = Workspace::open(kSample, true);
  const ReportDoc d = programme_report_doc(ws, 2025);
  CHECK(d.title == "武隆区2025年度地理标志工作报告");
  const DocTable& targets = table(d, "目标完成情况");
  CHECK(row(targets, "新增地理标志商标注册（件）")[2] == "3");
  CHECK(row(targets, "新增地理标志商标注册（件）")[4] == "滞后");
  CHECK(row(targets, "地理标志专用标志使用主体（家）")[2] == "6");
  CHECK(row(targets, "地理标志专用标志使用主体（家）")[4] == "已完成");
  CHECK(row(targets, "已注册地理标志专用标志使用率")[2] == "66.7%");
  CHECK(row(targets, "注册后2年内制定标准：逾期未制定（个）")[2] == "0");
  const DocTable& reg = table(d, "本年度新增注册");
  REQUIRE(reg.rows.size() == 1);
  CHECK(reg.rows[0][0] == "武隆老鹰茶");
  CHECK(reg.rows[0][3] == "2025-02-20");
  const DocTable& per_year = table(d, "历年使用率");
  REQUIRE(per_year.rows.size() == 5);
  const char* rates[][3] = {{"2021", "3", "66.7%"},
                            {"2022", "3", "66.7%"},
                            {"2023", "4", "75.0%"},
                            {"2024", "5", "80.0%"},
                            {"2025", "6", "66.7%"}};
  for (const auto& r : rates) {
    CHECK(row(per_year, r[0])[2] == r[1]);
    CHECK(row(per_year, r[0])[4] == r[2]);
  }
  const DocTable& due = table(d, "标准到期情况");
  CHECK(row(due, "武隆高山甘蓝")[5] == "逾期后制定");
  CHECK(row(due, "羊角豆干")[5] == "未到期");
  CHECK(table(d, "本年度发布标准").rows.size() == 1);
  CHECK(row(table(d, "各地理标志授权使用情况"), "武隆高山萝卜")[2] == "3");
  int inspections = 0;
  for (const auto& r : table(d, "检查结果").rows) inspections += std::stoi(r[1]);
  CHECK(inspections == 30);
  CHECK(paragraphs(d).find("本年度完成检查30次") != std::string::npos);
  CHECK(paragraphs(d).find("普查点共300个") != std::string::npos);
}

TEST_CASE("the 2026 report of the sample shows an overdue standard, one due soon and a new trademark",
          "[programme][sample]") {
  const Workspace ws = Workspace::open(kSample, true);
  const ReportDoc d = programme_report_doc(ws, 2026, "2026-11-30");
  const std::string text = paragraphs(d);
  CHECK(text.find("已逾期未制定标准：羊角豆干（应于2026-04-18前）") != std::string::npos);
  CHECK(text.find("90天内到期：武隆老鹰茶（2027-02-20）") != std::string::npos);
  CHECK(text.find("已注册地理标志7个，其中有在用授权使用主体的4个，使用率57.1%；在用授权使用主体共5家") !=
        std::string::npos);
  const DocTable& targets = table(d, "目标完成情况");
  CHECK(row(targets, "注册后2年内制定标准：逾期未制定（个）")[4] == "滞后");
  CHECK(row(targets, "地理标志专用标志使用主体（家）")[4] == "已完成");
  const DocTable& reg = table(d, "本年度新增注册");
  REQUIRE(reg.rows.size() == 1);
  CHECK(reg.rows[0][0] == "武隆碗碗羊肉");
  CHECK(row(table(d, "标准到期情况"), "武隆碗碗羊肉")[5] == "按期制定");
  int inspections = 0;
  for (const auto& r : table(d, "检查结果").rows) inspections += std::stoi(r[1]);
  CHECK(inspections == 36);
  // The catalogue by category and status: four registered agricultural products of seven.
  const auto& farm = row(table(d, "资源库状态汇总"), "特色农产品");
  CHECK(farm[5] == "5");  // 萝卜, 白菜, 猪腰枣, 甘蓝, 老鹰茶
  CHECK(farm[3] == "1");  // 辣椒, a candidate
}

TEST_CASE("halfway through the plan the sample's trademarks were on track, then fell behind",
          "[programme][sample]") {
  const Workspace ws = Workspace::open(kSample, true);
  const ProgrammeFacts f = programme_facts(ws);
  const auto on = [&](const char* date) { return evaluate_targets(programme_targets(ws), f, date).front(); };
  CHECK(on("2022-12-31").value == 2);
  CHECK(on("2022-12-31").status == TargetStatus::on_track);  // 2 ≥ 5 × 729/1825
  CHECK(on("2024-12-31").status == TargetStatus::behind);    // still 2, 4 expected
  CHECK(on("2025-12-31").value == 3);
}

TEST_CASE("the report writes as one self-contained HTML file and as a PDF", "[programme][sample]") {
  test::TempDir dir;
  const Workspace ws = Workspace::open(kSample, true);
  const ReportDoc d = programme_report_doc(ws, 2025);
  write_doc(d, dir.file("r.html"), "programme report");
  const std::string html = test::slurp(dir.file("r.html"));
  CHECK(html.find("<svg") != std::string::npos);  // the choropleth is inline
  CHECK(html.find("src=") == std::string::npos);  // nothing outside the file
  CHECK(html.find("href=") == std::string::npos);
  CHECK(html.find("<td>武隆老鹰茶</td><td>地理标志证明商标</td>") != std::string::npos);
  write_doc(d, dir.file("r.pdf"), "programme report");
  const std::string pdf = test::slurp(dir.file("r.pdf"));
  REQUIRE(pdf.size() > 10000);
  CHECK(pdf.rfind("%PDF-", 0) == 0);
}

TEST_CASE("the programme window's view of the sample: years, register, catalogue and ranking",
          "[programme][sample]") {
  const Workspace ws = Workspace::open(kSample, true);
  const ProgrammeView v = programme_view(ws, "2025-12-31");
  REQUIRE(v.years.size() == 5);
  const int trademarks[] = {0, 2, 0, 0, 1};
  for (std::size_t i = 0; i < 5; ++i) CHECK(v.years[i].new_trademarks == trademarks[i]);
  CHECK(v.years[3].use_rate == Approx(0.8));
  CHECK(v.register_rows.size() == 11);
  CHECK(v.catalogue.size() == 18);
  REQUIRE(v.candidates.size() == 8);
  CHECK(v.candidates.front().name == "武隆黄精");
  // 武隆高山辣椒 and 武隆天麻 tie on total: the balanced one (lowest score 3 against 2) ranks first.
  auto rank_of = [&](const char* n) {
    for (const auto& c : v.candidates)
      if (c.name == n) return c.rank;
    return 0;
  };
  CHECK(rank_of("武隆高山辣椒") < rank_of("武隆天麻"));
  CHECK_FALSE(v.texts().empty());
}

TEST_CASE("the catalogue on a past date shows each resource's status then", "[programme][sample]") {
  const Workspace ws = Workspace::open(kSample, true);
  auto status_of = [](const std::vector<CatalogueRow>& rows, const char* name) {
    for (const auto& r : rows)
      if (r.resource.name == name) return r.status;
    return std::string("(absent)");
  };
  CHECK(status_of(catalogue(ws), "武隆碗碗羊肉") == "registered");
  CHECK(status_of(catalogue(ws, "2025-12-31"), "武隆碗碗羊肉") == "applying");
  CHECK(status_of(catalogue(ws, "2023-06-30"), "武隆天麻") == "catalogued");  // dropped back in 2023
  CHECK(status_of(catalogue(ws, "2024-06-30"), "武隆天麻") == "candidate");
  CHECK(status_of(catalogue(ws, "2021-03-01"), "武隆天麻") == "(absent)");  // surveyed in August 2021
}

TEST_CASE("the report's charts label both axes with their units and carry the sample's yearly numbers",
          "[programme][sample]") {
  test::TempDir dir;
  const Workspace ws = Workspace::open(kSample, true);
  const ReportDoc d = programme_report_doc(ws, 2025);
  std::vector<const DocChart*> charts;
  for (const DocBlock& b : d.blocks)
    if (b.kind == DocBlock::chart) charts.push_back(&b.chart_data);
  REQUIRE(charts.size() == 3);
  for (const DocChart* c : charts) {
    CHECK(chart_axis_title(c->x_label, c->x_unit) == "年份（年）");
    CHECK(c->categories == std::vector<std::string>{"2021", "2022", "2023", "2024", "2025"});
  }
  CHECK(chart_axis_title(charts[0]->y_label, charts[0]->y_unit) == "新增地理标志商标（件）");
  CHECK(charts[0]->values == std::vector<double>{0, 2, 0, 0, 1});
  CHECK(chart_axis_title(charts[1]->y_label, charts[1]->y_unit) == "专用标志使用率（%）");
  CHECK(chart_value_text(*charts[1], charts[1]->values[3]) == "80%");
  CHECK(charts[1]->target == Approx(0.5));
  CHECK(chart_axis_title(charts[2]->y_label, charts[2]->y_unit) == "在用授权使用主体（家）");
  // 2023: one user suspended from September 2023 to March 2024 (dated records) does not count.
  CHECK(charts[2]->values == std::vector<double>{4, 4, 4, 7, 6});  // the table 历年使用率's last column
  for (std::size_t i = 0; i < 5; ++i)
    CHECK(table(d, "历年使用率").rows[i][5] == chart_value_text(*charts[2], charts[2]->values[i]));
  CHECK(chart_scale(*charts[2]) == std::pair<double, double>{10, 2});  // 7 users at most, target 5: 0–10 by 2

  write_doc(d, dir.file("r.html"), "programme report");
  const std::string html = test::slurp(dir.file("r.html"));
  CHECK(html.find(">年份（年）</text>") != std::string::npos);
  CHECK(html.find(">专用标志使用率（%）</text>") != std::string::npos);
  CHECK(html.find(">在用授权使用主体（家）</text>") != std::string::npos);
  CHECK(html.find("<title>2024：80%</title>") != std::string::npos);
  CHECK(html.find("<text class=\"ytick\" x=\"58.0\" y=\"20.0\" text-anchor=\"end\">100%</text>") !=
        std::string::npos);
  CHECK(html.find("<title>2022：2</title>") != std::string::npos);
}
