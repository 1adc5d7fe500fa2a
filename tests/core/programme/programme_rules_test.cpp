// The programme's rules as pure functions: standards due dates, use rate, target status,
// candidate ranking and catalogue transitions.
#include <catch2/catch.hpp>

#include "programme/calendar.h"
#include "programme/candidates.h"
#include "programme/catalogue.h"
#include "programme/register_book.h"
#include "programme/standards_due.h"
#include "programme/targets.h"
#include "programme/use_rate.h"

using namespace giatlas;

namespace {

GiProtection reg(const char* gi, const char* date, const char* type = "地理标志证明商标") {
  return GiProtection{0, gi, type, std::string("N-") + gi, date, "国家知识产权局", ""};
}

GiStandard std_of(const char* gi, const char* date) {
  return GiStandard{0, gi, std::string("S-") + gi, "", "地方标准", date};
}

MarkUser user(const char* gi, const char* approved, const char* expiry = "", const char* status = "active") {
  return MarkUser{0, gi, 0, "u", "", approved, status, expiry, "", {}};
}

const StandardDue& row(const std::vector<StandardDue>& v, const std::string& gi) {
  for (const auto& d : v)
    if (d.gi == gi) return d;
  FAIL("no row for " << gi);
  return v.front();
}

}  // namespace

TEST_CASE("calendar arithmetic keeps 29 February honest", "[programme]") {
  CHECK(add_years("2024-02-29", 2) == "2026-02-28");
  CHECK(add_years("2023-06-08", 2) == "2025-06-08");
  CHECK(add_days("2026-11-30", 90) == "2027-02-28");
  CHECK(days_between("2024-12-31", "2025-01-01") == 1);
  CHECK(iso_from_day_number(day_number("2000-03-01")) == "2000-03-01");
}

TEST_CASE("a standard is due 2 years after registration, or after the plan's start for older GIs",
          "[programme]") {
  const std::vector<GiProtection> p = {reg("新", "2023-06-08"), reg("旧", "2015-05-01"),
                                       reg("早", "2022-01-10"), reg("未", "2027-01-01")};
  const auto due = standards_due(p, {}, "2021-01-01", "2024-01-01");
  CHECK(due.size() == 3);  // not yet registered on the date: not listed
  CHECK(row(due, "新").due == "2025-06-08");
  CHECK(row(due, "旧").due == "2023-01-01");  // the plan's start + 2 years, not 2017
  CHECK(row(due, "旧").state == StandardState::overdue);
  CHECK(row(due, "旧").days_left == -365);
  CHECK(row(due, "早").due == "2024-01-10");
  CHECK(row(due, "早").state == StandardState::due_soon);
  CHECK(row(due, "新").state == StandardState::pending);
  // Ordered by due date.
  CHECK(due.front().gi == "旧");
}

TEST_CASE("the due-soon window is 90 days inclusive and a published standard ends the clock", "[programme]") {
  const std::vector<GiProtection> p = {reg("A", "2023-06-08")};
  CHECK(standards_due(p, {}, "2021-01-01", add_days("2025-06-08", -90)).front().state ==
        StandardState::due_soon);
  CHECK(standards_due(p, {}, "2021-01-01", add_days("2025-06-08", -91)).front().state ==
        StandardState::pending);
  CHECK(standards_due(p, {}, "2021-01-01", "2025-06-08").front().state == StandardState::due_soon);
  CHECK(standards_due(p, {}, "2021-01-01", "2025-06-09").front().state == StandardState::overdue);
  CHECK(standards_due(p, {std_of("A", "2025-06-08")}, "2021-01-01", "2026-01-01").front().state ==
        StandardState::on_time);
  CHECK(standards_due(p, {std_of("A", "2025-09-01")}, "2021-01-01", "2026-01-01").front().state ==
        StandardState::late);
  // A standard published after the as-of date does not count yet.
  CHECK(standards_due(p, {std_of("A", "2025-09-01")}, "2021-01-01", "2025-08-01").front().state ==
        StandardState::overdue);
}

TEST_CASE("the use rate counts registered GIs with at least one current authorised user", "[programme]") {
  std::vector<GiProduct> regs(3);
  regs[0].name = "A", regs[1].name = "B", regs[2].name = "C";
  regs[2].status = "revoked";
  const std::vector<GiProtection> p = {reg("A", "2015-01-01"), reg("A", "2022-01-01", "农产品地理标志"),
                                       reg("B", "2023-01-01"), reg("C", "2016-01-01"),
                                       reg("D", "2026-01-01")};
  const std::vector<MarkUser> users = {user("A", "2020-01-01", "2022-12-31"),
                                       user("A", "2021-01-01", "", "suspended"), user("B", "2023-05-01"),
                                       user("B", "2023-06-01"), user("C", "2016-05-01")};
  const UseRate r2022 = use_rate(regs, {}, p, users, "2022-06-30");
  CHECK(r2022.registered == 1);  // C is revoked, B not yet registered
  CHECK(r2022.with_users == 1);
  CHECK(r2022.rate == Approx(1.0));
  const UseRate r2023 = use_rate(regs, {}, p, users, "2023-12-31");
  CHECK(r2023.registered == 2);
  CHECK(r2023.with_users == 1);  // A's only active user expired; suspended users do not count
  CHECK(r2023.current_users == 2);
  CHECK(r2023.rate == Approx(0.5));
  CHECK(use_rate(regs, {}, p, users, "2000-01-01").rate ==
        0);  // nothing registered: 0, not a division by zero
  CHECK(mark_user_current(user("A", "2020-01-01", "2022-12-31"), "2022-12-31"));
  CHECK_FALSE(mark_user_current(user("A", "2020-01-01", "2022-12-31"), "2023-01-01"));
}

TEST_CASE("a target is met, on track or behind by the share of its period that has passed", "[programme]") {
  ProgrammeTarget t;
  t.metric = "new_trademarks", t.threshold = 5, t.period_from = "2021-01-01", t.period_to = "2025-12-31";
  CHECK(target_status(t, 5, "2023-01-01") == TargetStatus::met);
  // 2023-07-02 is half-way: 2.5 expected.
  CHECK(target_status(t, 3, "2023-07-02") == TargetStatus::on_track);
  CHECK(target_status(t, 2, "2023-07-02") == TargetStatus::behind);
  CHECK(target_status(t, 4, "2025-12-31") == TargetStatus::behind);  // the period is over
  CHECK(target_status(t, 0, "2020-06-01") == TargetStatus::on_track);
  ProgrammeTarget s;
  s.metric = "standards_overdue", s.threshold = 0, s.period_from = "2021-01-01", s.period_to = "2025-12-31";
  CHECK(target_status(s, 0, "2022-01-01") == TargetStatus::met);
  CHECK(target_status(s, 1, "2022-01-01") == TargetStatus::behind);
}

TEST_CASE("targets are measured on the register's facts", "[programme]") {
  ProgrammeFacts f;
  f.reg.resize(2);
  f.reg[0].name = "A", f.reg[1].name = "B";
  f.protections = {reg("A", "2014-01-01", "农产品地理标志"), reg("A", "2022-03-01"),
                   reg("B", "2024-01-01", "地理标志集体商标")};
  f.users = {user("A", "2022-01-01"), user("A", "2023-01-01")};
  const auto results = evaluate_targets(default_targets(), f, "2025-12-31");
  REQUIRE(results.size() == 4);
  CHECK(results[0].target.key == "new_trademarks");
  CHECK(results[0].value == 2);  // the 2014 agricultural-product GI is neither new nor a trademark
  CHECK(results[0].status == TargetStatus::behind);
  CHECK(results[1].value == 2);  // current mark users
  CHECK(results[2].value == Approx(0.5));
  CHECK(results[2].status == TargetStatus::met);
  CHECK(results[3].value == 1);  // A was due 2023-01-01; B is due 2026-01-01, one day later
  CHECK(results[3].status == TargetStatus::behind);
}

TEST_CASE("catalogue statuses move one step at a time, and only the stated ways back", "[programme]") {
  CHECK(catalogue_transition_problem("", "resource").empty());
  CHECK_FALSE(catalogue_transition_problem("", "candidate").empty());
  CHECK(catalogue_transition_problem("resource", "catalogued").empty());
  CHECK(catalogue_transition_problem("catalogued", "candidate").empty());
  CHECK(catalogue_transition_problem("candidate", "applying").empty());
  CHECK(catalogue_transition_problem("applying", "registered").empty());
  CHECK(catalogue_transition_problem("registered", "revoked").empty());
  CHECK(catalogue_transition_problem("revoked", "applying").empty());
  CHECK(catalogue_transition_problem("applying", "candidate").empty());    // refused or withdrawn
  CHECK(catalogue_transition_problem("candidate", "catalogued").empty());  // dropped
  CHECK(catalogue_transition_problem("catalogued", "resource").empty());
  CHECK_THAT(catalogue_transition_problem("resource", "registered"),
             Catch::Contains("one step at a time (next: catalogued)"));
  CHECK_THAT(catalogue_transition_problem("candidate", "candidate"), Catch::Contains("already"));
  CHECK_THAT(catalogue_transition_problem("registered", "applying"), Catch::Contains("can only be revoked"));
  CHECK_THAT(catalogue_transition_problem("applying", "revoked"), Catch::Contains("only a registered GI"));
  CHECK_THAT(catalogue_transition_problem("resource", "approved"), Catch::Contains("not one of"));
}

TEST_CASE("the current catalogue status is the latest record by date, then by id", "[programme]") {
  const std::vector<CatalogueStatusRecord> recs = {{1, 7, "resource", "2021-01-01", "", ""},
                                                   {2, 7, "catalogued", "2021-12-20", "", ""},
                                                   {3, 7, "candidate", "2021-12-20", "", ""},
                                                   {4, 8, "resource", "2022-01-01", "", ""}};
  CHECK(current_status(recs, 7)->status == "candidate");
  CHECK(current_status(recs, 8)->status == "resource");
  CHECK_FALSE(current_status(recs, 9));
}

namespace {
CandidateSheet sheet(const char* name, std::array<int, kCriteria> s) {
  CandidateSheet c;
  c.name = name;
  for (std::size_t i = 0; i < kCriteria; ++i) c.scores[i].score = s[i];
  return c;
}
}  // namespace

TEST_CASE("candidates rank by weighted total; ties go to the balanced one, then by name", "[programme]") {
  const CriterionWeights equal{1, 1, 1, 1, 1, 1};
  const auto r = rank_candidates(
      {sheet("乙", {3, 3, 3, 3, 3, 3}), sheet("甲", {5, 1, 3, 3, 3, 3}), sheet("丙", {5, 5, 5, 5, 5, 4}),
       sheet("丁", {3, 3, 3, 3, 3, 3}), sheet("戊", {5, 5, 5, 5, 5, 0})},
      equal);
  REQUIRE(r.size() == 5);
  CHECK(r[0].name == "丙");
  CHECK(r[0].total == Approx(29.0 / 6));
  CHECK(r[0].rank == 1);
  // 乙, 丁 and 甲 all total 3: the balanced two (lowest score 3) before 甲 (lowest 1), by name between them.
  CHECK(r[1].name == "丁");  // U+4E01 < U+4E59
  CHECK(r[2].name == "乙");
  CHECK(r[1].rank == 2);
  CHECK(r[2].rank == 2);  // a tie that remains shares the rank
  CHECK(r[3].name == "甲");
  CHECK(r[3].rank == 4);
  // An incomplete sheet ranks last whatever its total.
  CHECK(r[4].name == "戊");
  CHECK_FALSE(r[4].complete);
  // Weights change the order: scale counts five times.
  const auto w = rank_candidates({sheet("甲", {5, 1, 3, 3, 3, 3}), sheet("乙", {1, 4, 3, 3, 3, 3})},
                                 CriterionWeights{1, 5, 1, 1, 1, 1});
  CHECK(w[0].name == "乙");
}

TEST_CASE("scale and reach data scores follow the stated thresholds", "[programme]") {
  CHECK(data_scale_score(0) == 1);
  CHECK(data_scale_score(499) == 1);
  CHECK(data_scale_score(500) == 2);
  CHECK(data_scale_score(9999) == 4);
  CHECK(data_scale_score(10000) == 5);
  CHECK(data_reach_score(1, 0) == 1);
  CHECK(data_reach_score(4, 0) == 3);
  CHECK(data_reach_score(1, 150) == 5);
  CHECK(data_reach_score(11, 3) == 5);
  CHECK_THROWS_WITH(parse_weights("1,1,1"), Catch::Contains("six numbers"));
  CHECK_THROWS_WITH(parse_weights("1,1,1,1,1,x"), Catch::Contains("'x'"));
  CHECK_THROWS_WITH(parse_weights("0,0,0,0,0,0"), Catch::Contains("positive"));
  CHECK(parse_weights("1,2,1,1,1,0.5")[5] == 0.5);
}
