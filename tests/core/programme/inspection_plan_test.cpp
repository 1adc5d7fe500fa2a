// The random inspection plan: reproducible from its seed, sized as asked, each producer at
// most once, inspectors drawn from the roster without repeating a team back to back.
#include <catch2/catch.hpp>

#include <set>

#include "error.h"
#include "programme/fair_draw.h"
#include "programme/inspection_plan.h"

using namespace giatlas;

namespace {

std::vector<Producer> producers(int n) {
  std::vector<Producer> v;
  for (int i = 1; i <= n; ++i) {
    Producer p;
    p.id = i;
    p.name = "生产者" + std::to_string(i);
    p.gi = i % 3 == 0 ? "武隆猪腰枣" : "武隆高山萝卜";
    v.push_back(p);
  }
  return v;
}

std::vector<Inspector> roster(int n) {
  std::vector<Inspector> v;
  for (int i = 1; i <= n; ++i) {
    Inspector x;
    x.id = i;
    x.name = "执法员" + std::to_string(i);
    v.push_back(x);
  }
  return v;
}

std::vector<std::int64_t> ids(const InspectionPlan& p) {
  std::vector<std::int64_t> v;
  for (const auto& x : p.visits) v.push_back(x.producer_id);
  return v;
}

}  // namespace

TEST_CASE("the same seed gives the same plan, whatever the input order", "[plan]") {
  PlanOptions o;
  o.count = 40;
  o.seed = 2021;
  o.date = "2025-06-01";
  auto ps = producers(500);
  auto a = draw_inspection_plan(ps, roster(6), o);
  std::reverse(ps.begin(), ps.end());
  auto b = draw_inspection_plan(ps, roster(6), o);
  CHECK(ids(a) == ids(b));
  for (std::size_t i = 0; i < a.visits.size(); ++i) CHECK(a.visits[i].inspectors == b.visits[i].inspectors);
}

TEST_CASE("different seeds give different plans", "[plan]") {
  PlanOptions o;
  o.count = 40;
  o.seed = 1;
  auto a = draw_inspection_plan(producers(500), roster(6), o);
  o.seed = 2;
  auto b = draw_inspection_plan(producers(500), roster(6), o);
  CHECK(ids(a) != ids(b));
}

TEST_CASE("a plan has the asked count or ratio and each producer at most once", "[plan]") {
  PlanOptions o;
  o.seed = 7;
  o.count = 120;
  auto a = draw_inspection_plan(producers(300), roster(4), o);
  CHECK(a.visits.size() == 120);
  auto v = ids(a);
  CHECK(std::set<std::int64_t>(v.begin(), v.end()).size() == v.size());
  o.count = 0;
  o.ratio = 0.05;
  CHECK(draw_inspection_plan(producers(300), roster(4), o).visits.size() == 15);
  o.ratio = 1.0;
  auto all = draw_inspection_plan(producers(300), roster(4), o);
  CHECK(all.visits.size() == 300);
  o.count = 1000;  // more than there are: everyone once
  CHECK(draw_inspection_plan(producers(300), roster(4), o).visits.size() == 300);
  o.count = 0;
  o.ratio = 0;
  CHECK_THROWS_AS(draw_inspection_plan(producers(10), roster(4), o), Error);
  o.count = 5;
  CHECK_THROWS_AS(draw_inspection_plan(producers(10), roster(1), o), Error);
}

TEST_CASE("each visit has two distinct inspectors and never the same pair twice in a row", "[plan]") {
  PlanOptions o;
  o.seed = 99;
  o.count = 200;
  auto a = draw_inspection_plan(producers(300), roster(3), o);
  for (std::size_t i = 0; i < a.visits.size(); ++i) {
    REQUIRE(a.visits[i].inspectors.size() == 2);
    CHECK(a.visits[i].inspectors[0] != a.visits[i].inspectors[1]);
    if (i) CHECK(a.visits[i].inspectors != a.visits[i - 1].inspectors);
  }
}

TEST_CASE("stratified plans give each GI its share and weights favour findings", "[plan]") {
  PlanOptions o;
  o.seed = 5;
  o.count = 30;
  o.stratify_by_gi = true;
  auto a = draw_inspection_plan(producers(300), roster(4), o);  // 100 猪腰枣, 200 萝卜
  int zao = 0;
  for (const auto& v : a.visits) zao += v.gi == "武隆猪腰枣";
  CHECK(zao == 10);
  std::map<std::int64_t, std::string> findings;
  for (int i = 1; i <= 300; ++i) findings[i] = i <= 30 ? "outside" : "inside";
  o.stratify_by_gi = false;
  o.finding_weight = 20;
  auto b = draw_inspection_plan(producers(300), roster(4), o, findings);
  int flagged = 0;
  for (const auto& v : b.visits) flagged += v.check_result == "outside";
  CHECK(flagged >= 12);  // expected ~20 of 30 with weight 20; 3 without weights
}

TEST_CASE("the bounded draw is uniform and fixed by the standard generator", "[plan]") {
  std::mt19937_64 rng(42);
  int counts[3] = {0, 0, 0};
  for (int i = 0; i < 30000; ++i) ++counts[fair_below(rng, 3)];
  for (int c : counts) CHECK(c == Approx(10000).margin(400));
  std::mt19937_64 again(42), other(42);
  CHECK(fair_below(again, 1000003) == fair_below(other, 1000003));
}
