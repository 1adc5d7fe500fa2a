// The origin check against the sample generator's planted truth: every planted case comes out
// as the generator meant it, with the planted cause.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "check/origin_check.h"
#include "sample/generator.h"
#include "test_support.h"
#include "workspace/workspace.h"

using namespace giatlas;

TEST_CASE("every planted case of the sample gets the result and cause the generator meant", "[check]") {
  test::TempDir dir;
  SampleOptions so;
  so.seed = 11;
  so.producers = 600;
  so.census_points = 10;
  so.density = 0.25;
  // 5 zones in force (the shipped sample), and 8 (the benchmark's setting, overlapping zones).
  so.zones = GENERATE(5, 8);
  INFO("zones in force: " << so.zones);
  auto truth = generate_sample(dir.file("s.gpkg"), so);
  Workspace ws = Workspace::open(dir.file("s.gpkg"), true);
  CheckReport report = run_origin_check(ws, CheckOptions{}, Progress());
  REQUIRE(report.zones.size() == static_cast<std::size_t>(so.zones));
  std::set<std::string> claimed;
  for (const auto& r : report.rows) claimed.insert(r.gi);
  for (const auto& z : report.zones) CHECK(claimed.count(z.gi) == 1);  // producers claim every zone's GI
  std::map<std::int64_t, const ProducerCheck*> by_id;
  for (const auto& r : report.rows) by_id[r.producer_id] = &r;
  REQUIRE(by_id.size() == truth.size());
  int result_mismatch = 0, cause_mismatch = 0, shift_mismatch = 0;
  std::string log;
  for (const auto& t : truth) {
    const ProducerCheck& r = *by_id.at(t.producer_id);
    if (t.expected != result_code(r.result)) {
      ++result_mismatch;
      log += "producer " + std::to_string(t.producer_id) + " expected " + t.expected + " (" + t.cause + ") got " +
             result_code(r.result) + " (" + r.cause + "): " + r.reason + "\n";
    }
    // GCJ-02 and BD-09 are told apart only by which undoing lands inside first, and a point
    // within the tolerance gets no shift diagnosis: those may differ from the plant, rarely.
    bool shift = t.cause == "gcj02" || t.cause == "bd09" || r.cause == "gcj02" || r.cause == "bd09";
    if (shift && t.cause != r.cause) ++shift_mismatch;
    if (!shift && t.cause != r.cause) {
      ++cause_mismatch;
      log += "producer " + std::to_string(t.producer_id) + " cause expected '" + t.cause + "' got '" + r.cause +
             "' result " + result_code(r.result) + ": " + r.reason + "\n";
    }
  }
  INFO(log);
  CHECK(result_mismatch == 0);
  CHECK(cause_mismatch == 0);
  CHECK(shift_mismatch <= static_cast<int>(truth.size()) / 100);  // at most 1%
  // Every planted shift is found as a shift of some kind unless it landed within the tolerance.
  int shifts_found = 0, shifts = 0;
  for (const auto& t : truth) {
    if (t.cause != "gcj02" && t.cause != "bd09") continue;
    ++shifts;
    const ProducerCheck& r = *by_id.at(t.producer_id);
    if (r.cause == "gcj02" || r.cause == "bd09" || r.result == CheckResult::outside_near_boundary) ++shifts_found;
  }
  CHECK(shifts_found == shifts);

  // Every reason has its Chinese wording, and each class and cause says what it is in Chinese.
  const std::map<std::string, std::string> zh_of_cause = {
      {"swapped", "经纬度"},      {"gcj02", "GCJ-02"},        {"bd09", "BD-09"},
      {"projected", "投影坐标"},  {"missing", "未提交坐标"},  {"unparseable", "无法识别为数字"},
      {"bad_credit_code", "统一社会信用代码"}, {"on_boundary", "边界上"}};
  const std::map<CheckResult, std::string> zh_of_result = {
      {CheckResult::outside_near_boundary, "需现场核查"}, {CheckResult::outside_district, "不在本区范围内"},
      {CheckResult::unknown_gi, "没有生效的保护范围"},    {CheckResult::inside_near_boundary, "距边界"},
      {CheckResult::outside, "保护范围外"}};
  std::set<std::string> causes_seen;
  for (const auto& r : report.rows) {
    INFO(r.reason << " | " << r.reason_zh);
    CHECK(r.reason.empty() == r.reason_zh.empty());
    if (auto it = zh_of_cause.find(r.cause); it != zh_of_cause.end()) {
      CHECK(r.reason_zh.find(it->second) != std::string::npos);
      causes_seen.insert(r.cause);
    }
    if (auto it = zh_of_result.find(r.result); it != zh_of_result.end() && r.cause != "on_boundary")
      CHECK(r.reason_zh.find(it->second) != std::string::npos);
  }
  CHECK(causes_seen.size() == zh_of_cause.size());
}
