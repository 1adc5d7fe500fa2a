// Keeping inspections in the workspace: a drawn plan saved as planned visits (save_plan, behind
// `giatlas-cli plan --save` and the plan window's Save) and a check's results saved as
// inspection records (save_as_inspections, behind `giatlas-cli check --save` and the
// check window's Save). A refused save writes nothing.
#include <catch2/catch.hpp>

#include "check/origin_check.h"
#include "error.h"
#include "programme/inspection_plan.h"
#include "test_support.h"
#include "workspace/workspace.h"

using namespace giatlas;

namespace {

InspectionPlan small_plan(const std::string& date) {
  std::vector<Producer> producers;
  for (int i = 1; i <= 6; ++i) {
    Producer p;
    p.id = i;
    p.name = "生产者" + std::to_string(i);
    p.gi = "武隆高山萝卜";
    producers.push_back(p);
  }
  std::vector<Inspector> roster;
  for (int i = 1; i <= 3; ++i) {
    Inspector x;
    x.id = i;
    x.name = "执法员" + std::to_string(i);
    roster.push_back(x);
  }
  PlanOptions o;
  o.count = 4;
  o.seed = 11;
  o.date = date;
  return draw_inspection_plan(producers, roster, o);
}

}  // namespace

TEST_CASE("a saved plan becomes one planned inspection per visit, with its inspectors and seed",
          "[programme]") {
  test::TempDir dir;
  Workspace ws = Workspace::create(dir.file("p.gpkg"), "武隆区");
  const InspectionPlan plan = small_plan("2025-05-01");
  REQUIRE(save_plan(ws, plan) == 4);
  const auto rows = ws.inspections();
  REQUIRE(rows.size() == 4);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CHECK(rows[i].producer_id == plan.visits[i].producer_id);
    CHECK(rows[i].result == "planned");
    CHECK(rows[i].date == "2025-05-01");
    CHECK(rows[i].inspector.find(';') != std::string::npos);  // two inspectors
    CHECK(rows[i].note == "random plan, seed 11");
  }
}

TEST_CASE("a plan with a bad date, or saved into a read-only workspace, is refused and nothing is written",
          "[programme]") {
  test::TempDir dir;
  const std::string path = dir.file("p.gpkg");
  Workspace::create(path, "武隆区");
  {
    Workspace ws = Workspace::open(path);
    InspectionPlan plan = small_plan("2025-05-01");
    plan.visits.back().date = "2025-02-30";
    CHECK_THROWS_WITH(save_plan(ws, plan), Catch::Contains("invalid date '2025-02-30'"));
    CHECK(ws.inspections().empty());
  }
  const std::string before = test::slurp(path);
  {
    Workspace ro = Workspace::open(path, true);
    CHECK_THROWS_AS(save_plan(ro, small_plan("2025-05-01")), Error);
    CHECK(ro.inspections().empty());
  }
  CHECK(test::slurp(path) == before);
}

TEST_CASE("a check report saved into a read-only workspace is refused and nothing is written",
          "[programme]") {
  test::TempDir dir;
  const std::string path = dir.file("c.gpkg");
  Workspace::create(path, "武隆区");
  CheckReport report;
  report.options.date = "2025-05-01";
  ProducerCheck row;
  row.producer_id = 1;
  row.name = "生产者1";
  report.rows.push_back(row);
  const std::string before = test::slurp(path);
  {
    Workspace ro = Workspace::open(path, true);
    CHECK_THROWS_AS(save_as_inspections(ro, report), Error);
  }
  CHECK(test::slurp(path) == before);
  Workspace ws = Workspace::open(path);
  CHECK(save_as_inspections(ws, report) == 1);
  REQUIRE(ws.inspections().size() == 1);
  CHECK(ws.inspections().front().inspector == "origin check");
}
