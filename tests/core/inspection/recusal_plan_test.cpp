// 回避 in the random draw, the plan document that states its method, and verification by re-draw.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>

#include "error.h"
#include "inspection/inspection_fixture.h"
#include "inspection/inspection_store.h"
#include "programme/inspection_plan.h"
#include "programme/plan_document.h"

using namespace giatlas;

TEST_CASE("回避: over many seeds no visit pairs an inspector with a producer of their township or a relation",
          "[inspection]") {
  std::vector<Producer> producers;
  for (int i = 1; i <= 60; ++i) {
    Producer p;
    p.id = i;
    p.name = "生产者" + std::to_string(i);
    p.gi = "萝卜";
    p.credit_code = test::valid_code(i);
    p.township = i % 3 == 0 ? "西镇" : i % 3 == 1 ? "东镇" : "南乡";
    producers.push_back(p);
  }
  std::vector<Inspector> roster;
  for (int i = 1; i <= 6; ++i) {
    Inspector x;
    x.id = i;
    x.name = "执法员" + std::to_string(i);
    x.township = i <= 2 ? "西镇" : i <= 4 ? "东镇" : "南乡";
    roster.push_back(x);
  }
  roster[0].relations = {"7", test::valid_code(8)};  // related to producers 7 and 8 (by id and by code)
  std::map<std::string, const Inspector*> by_name;
  for (const auto& r : roster) by_name[r.name] = &r;
  std::size_t recusals = 0;
  for (std::uint64_t seed = 0; seed < 300; ++seed) {
    PlanOptions o;
    o.count = 30, o.seed = seed, o.date = "2026-05-01";
    InspectionPlan plan = draw_inspection_plan(producers, roster, o);
    REQUIRE(plan.visits.size() == 30);
    recusals += static_cast<std::size_t>(plan.recusals);
    for (const auto& v : plan.visits) {
      REQUIRE(v.inspectors.size() == 2);
      CHECK(v.inspectors[0] != v.inspectors[1]);
      const Producer& p = producers[static_cast<std::size_t>(v.producer_id - 1)];
      for (const auto& n : v.inspectors) {
        CHECK(by_name[n]->township != p.township);
        CHECK_FALSE(must_recuse(*by_name[n], p));
        if (n == "执法员1") CHECK((p.id != 7 && p.id != 8));
      }
    }
  }
  CHECK(recusals > 0);
  // The rule itself: own township, relation by id, relation by credit code in any case.
  Inspector a;
  a.township = "西镇";
  a.relations = {"12", test::valid_code(3)};
  Producer p;
  p.id = 12, p.township = "东镇";
  CHECK(must_recuse(a, p));
  p.id = 13, p.credit_code = test::valid_code(3);
  for (char& c : p.credit_code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK(must_recuse(a, p));
  p.credit_code = "", p.township = "西镇";
  CHECK(must_recuse(a, p));
  p.township = "";
  CHECK_FALSE(must_recuse(a, p));
}

TEST_CASE("a roster that 回避 leaves too small for a visit is a clear error naming the producer", "[inspection]") {
  std::vector<Producer> producers(1);
  producers[0].id = 5, producers[0].name = "甲合作社", producers[0].township = "西镇", producers[0].gi = "萝卜";
  std::vector<Inspector> roster(3);
  for (int i = 0; i < 3; ++i) roster[static_cast<std::size_t>(i)].id = i + 1, roster[static_cast<std::size_t>(i)].name = "员" + std::to_string(i);
  roster[0].township = roster[1].township = "西镇";
  PlanOptions o;
  o.count = 1, o.seed = 1, o.date = "2026-05-01";
  CHECK_THROWS_WITH(draw_inspection_plan(producers, roster, o),
                    Catch::Contains("回避 leaves 1 of 3 active inspectors for producer #5 '甲合作社' (西镇); 2 are needed"));
  roster[1].township = "东镇";
  CHECK(draw_inspection_plan(producers, roster, o).visits.front().inspectors.size() == 2);
}

TEST_CASE("without recusals the draw is the one plans always had", "[inspection]") {
  // Known output of the draw before 回避 existed (seed 42, 10 producers, 4 inspectors, 3 visits).
  std::vector<Producer> producers;
  for (int i = 1; i <= 10; ++i) {
    Producer p;
    p.id = i, p.name = "p" + std::to_string(i), p.gi = "g";
    producers.push_back(p);
  }
  std::vector<Inspector> roster;
  for (int i = 1; i <= 4; ++i) {
    Inspector x;
    x.id = i, x.name = "i" + std::to_string(i);
    roster.push_back(x);
  }
  PlanOptions o;
  o.count = 3, o.seed = 42, o.date = "2026-01-01";
  InspectionPlan a = draw_inspection_plan(producers, roster, o);
  for (auto& r : roster) r.township = "别处";  // a township no producer has: nobody recused
  InspectionPlan b = draw_inspection_plan(producers, roster, o);
  REQUIRE(a.visits.size() == b.visits.size());
  for (std::size_t i = 0; i < a.visits.size(); ++i) {
    CHECK(a.visits[i].producer_id == b.visits[i].producer_id);
    CHECK(a.visits[i].inspectors == b.visits[i].inspectors);
  }
  CHECK(b.recusals == 0);
}

TEST_CASE("an untouched plan CSV verifies; an edited one, or one drawn from other producers, does not",
          "[inspection]") {
  test::TempDir dir;
  Workspace ws = test::inspection_workspace(dir);
  PlanOptions o;
  o.count = 8, o.seed = 20260501, o.date = "2026-05-01";
  InspectionPlan plan = draw_inspection_plan(ws, o, Progress());
  const std::string csv = dir.file("plan.csv");
  write_plan(plan, csv);
  const std::string text = test::slurp(csv);
  // The document states the method, the seed, the eligible population and the draw.
  CHECK(text.find("# seed: 20260501") != std::string::npos);
  CHECK(text.find("# eligible: 40") != std::string::npos);
  CHECK(text.find("# population_digest: " + plan.population_digest) != std::string::npos);
  CHECK(text.find("# method: ") != std::string::npos);
  CHECK(text.find("回避") != std::string::npos);
  CHECK(plan_html_text(plan).find("std::mt19937_64 seeded with 20260501") != std::string::npos);

  PlanVerification v = verify_plan_csv(ws, csv, Progress());
  CHECK(v.matches);
  CHECK(v.differences.empty());

  // One inspector swapped in one row: it no longer verifies, and the row is named.
  std::string edited = text;
  const auto row = edited.find("\n1,");
  REQUIRE(row != std::string::npos);
  const auto who = edited.find(plan.visits[0].inspectors[0], row);
  edited.replace(who, plan.visits[0].inspectors[0].size(), plan.visits[0].inspectors[0] == "执法员9" ? "执法员10" : "执法员9");
  std::ofstream(dir.file("edited.csv"), std::ios::binary) << edited;
  v = verify_plan_csv(ws, dir.file("edited.csv"), Progress());
  CHECK_FALSE(v.matches);
  REQUIRE(v.differences.size() == 1);
  CHECK(v.differences[0].rfind("visit 1:", 0) == 0);

  // A row dropped: the count differs.
  std::string dropped = text.substr(0, text.rfind('\n', text.size() - 2) + 1);
  std::ofstream(dir.file("dropped.csv"), std::ios::binary) << dropped;
  CHECK_FALSE(verify_plan_csv(ws, dir.file("dropped.csv"), Progress()).matches);

  // A producer added since the draw: the population is not the one drawn from.
  std::vector<Producer> more(1);
  more[0].name = "新户", more[0].gi = "萝卜", more[0].township = "西镇";
  ws.add_producers(more);
  v = verify_plan_csv(ws, csv, Progress());
  CHECK_FALSE(v.matches);
  CHECK(v.differences.front().find("eligible population differs") != std::string::npos);

  // Not a plan at all.
  std::ofstream(dir.file("other.csv")) << "a,b\n1,2\n";
  CHECK_THROWS_WITH(verify_plan_csv(ws, dir.file("other.csv"), Progress()), Catch::Contains("the column line is not"));
}

TEST_CASE("a campaign keeps to its GIs, townships and window, and plans are saved, listed and advanced",
          "[inspection]") {
  test::TempDir dir;
  Workspace ws = test::inspection_workspace(dir);
  PlanOptions o;
  o.count = 6, o.seed = 3;
  o.gis = {"萝卜"}, o.townships = {"东镇"}, o.window_from = "2026-09-01", o.window_to = "2026-09-03";
  InspectionPlan plan = draw_inspection_plan(ws, o, Progress());
  CHECK(plan.eligible == 20);
  REQUIRE(plan.visits.size() == 6);
  std::set<std::string> days;
  for (const auto& v : plan.visits) {
    CHECK(v.township == "东镇");
    CHECK(v.date >= "2026-09-01");
    CHECK(v.date <= "2026-09-03");
    days.insert(v.date);
    for (const auto& n : v.inspectors)  // 东镇's own inspectors (5 to 8) are recused
      CHECK((n != "执法员5" && n != "执法员6" && n != "执法员7" && n != "执法员8"));
  }
  CHECK(days.size() == 3);
  CHECK(plan.options.date == "2026-09-01");
  o.window_to = "2026-08-01";
  CHECK_THROWS_WITH(draw_inspection_plan(ws, o, Progress()), Catch::Contains("ends before it begins"));
  o.window_to = "2026-09-03";

  SavedPlan p = save_named_plan(ws, plan, "秋收专项");
  CHECK(p.kind == "campaign");
  CHECK(p.status == "draft");
  CHECK_THROWS_WITH(save_named_plan(ws, plan, "秋收专项"), Catch::Contains("already exists"));
  PlanOptions r;
  r.count = 4, r.seed = 9, r.date = "2026-05-01";
  CHECK(save_named_plan(ws, draw_inspection_plan(ws, r, Progress()), "春季随机").kind == "random");
  const auto all = saved_plans(ws);
  REQUIRE(all.size() == 2);
  CHECK(plan_visits(ws, all[0].id).size() == 6);
  CHECK(plan_visits(ws, all[1].id).size() == 4);
  // The saved options re-draw the same plan.
  InspectionPlan again = draw_inspection_plan(ws, plan_from_options_text(all[0].options, "t").options, Progress());
  REQUIRE(again.visits.size() == 6);
  for (std::size_t i = 0; i < 6; ++i) CHECK(again.visits[i].producer_id == plan.visits[i].producer_id);

  set_plan_status(ws, "秋收专项", "published");
  CHECK(saved_plan(ws, "秋收专项")->status == "published");
  CHECK_THROWS_WITH(set_plan_status(ws, "秋收专项", "draft"), Catch::Contains("only move forward"));
  CHECK_THROWS_WITH(set_plan_status(ws, "秋收专项", "done"), Catch::Contains("not draft, published or closed"));
  set_plan_status(ws, "秋收专项", "closed");
  CHECK(saved_plan(ws, "秋收专项")->status == "closed");
}
