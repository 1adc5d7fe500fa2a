// Importing a producer list into a workspace that already has some of its producers: by
// default those rows are rejected with the producer they match, so a list imported twice adds
// nothing; with update_existing they rewrite that producer in place, keeping its id.
#include <catch2/catch.hpp>

#include <filesystem>

#include "fixtures.h"
#include "io/import.h"
#include "workspace/credit_code.h"

using namespace giatlas;

namespace {

std::string code(int n) {
  const std::string body = "93500156MA0000" + std::to_string(100 + n);
  return body + credit_code_check_char(body);
}

std::string row(const std::string& name, const std::string& credit_code, const std::string& gi, const char* lon) {
  return name + "," + credit_code + "," + gi + "," + lon + ",29.3\n";
}

const std::string kHeader = "名称,统一社会信用代码,产品,经度,纬度\n";

const Producer* find(const std::vector<Producer>& ps, const std::string& name) {
  for (const auto& p : ps)
    if (p.name == name) return &p;
  return nullptr;
}

std::int64_t count_code(const ImportReport& r, const std::string& c) {
  std::int64_t n = 0;
  for (const auto& p : r.problems) n += p.code == c;
  return n;
}

}  // namespace

TEST_CASE("producers already in the workspace are rejected by default and updated in place on request") {
  TempDir dir = TempDir::make("giatlas-existing");
  Workspace ws = test::new_workspace(dir.path());
  const std::string first = (std::filesystem::path(dir.path()) / "first.csv").string();
  const std::string second = (std::filesystem::path(dir.path()) / "second.csv").string();
  test::write_bytes(first, kHeader + row("甲合作社", code(1), "武隆高山萝卜", "107.51") +
                               row("乙家庭农场", code(2), "武隆高山萝卜", "107.52") +
                               row("丙种植户", "", "武隆高山萝卜", "107.53") +
                               row("甲合作社", code(1), "武隆猪腰枣", "107.54"));  // same company, other GI
  ImportOptions opt;
  opt.crs = "EPSG:4490";
  ImportReport r1 = import_into(ws, first, opt, Progress());
  // The same credit code for another GI is a within-file duplicate (the existing rule).
  REQUIRE(ws.producer_count() == 3);
  const auto before = ws.producers();

  SECTION("the same list again adds nothing, and says which producer each row matched") {
    ImportReport r2 = import_into(ws, first, opt, Progress());
    CHECK(r2.read == 4);
    CHECK(r2.accepted == 0);
    CHECK(r2.rejected == 4);
    CHECK(count_code(r2, "already_in_workspace") == 3);  // the fourth is the within-file duplicate
    const std::string c_id = "producer #" + std::to_string(find(before, "丙种植户")->id) + " ";
    bool names_the_producer = false;
    for (const auto& p : r2.problems)
      names_the_producer |= p.code == "already_in_workspace" && p.message.find(c_id) != std::string::npos &&
                            p.message.find("name '丙种植户'") != std::string::npos;
    CHECK(names_the_producer);  // a row without a credit code is matched by name and GI
    CHECK(ws.producers() == before);
  }

  SECTION("with update_existing, matched rows rewrite their producer and new rows are added") {
    // 乙 moved and lower-case code, 丙 (no code) has a note now, 丁 is new, 甲 claims another GI.
    std::string lower = code(2);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    test::write_bytes(second, kHeader + row("乙家庭农场新址", lower, "武隆高山萝卜", "107.62") +
                                  row("丙种植户", "", "武隆高山萝卜", "107.63") + row("丁合作社", code(4), "武隆高山萝卜", "107.64") +
                                  row("甲合作社", code(1), "武隆高山白菜", "107.65") +
                                  row("丙种植户", "", "武隆高山萝卜", "107.66"));  // a second row for the same producer
    opt.update_existing = true;
    ImportReport r3 = import_into(ws, second, opt, Progress());
    CHECK(r3.read == 5);
    CHECK(r3.accepted == 4);
    CHECK(r3.rejected == 1);
    CHECK(r3.updated == 2);
    CHECK(count_code(r3, "updates_existing") == 2);
    CHECK(r3.balanced());
    const auto after = ws.producers();
    CHECK(after.size() == 5);  // 3 + 丁 + 甲 for a second GI
    const Producer* b = find(after, "乙家庭农场新址");
    REQUIRE(b);
    CHECK(b->id == find(before, "乙家庭农场")->id);
    REQUIRE(b->location);
    CHECK(b->location->x == Approx(107.62));
    CHECK(find(after, "乙家庭农场") == nullptr);
    const Producer* c = find(after, "丙种植户");
    REQUIRE(c);
    CHECK(c->id == find(before, "丙种植户")->id);
    CHECK(c->location->x == Approx(107.63));  // the first of its two rows; the second was refused
    CHECK(find(after, "丁合作社"));
  }

  SECTION("a dry run with update_existing counts the updates and writes nothing") {
    opt.update_existing = true;
    opt.dry_run = true;
    ImportReport r4 = import_into(ws, first, opt, Progress());
    CHECK(r4.updated == 3);
    CHECK(ws.producers() == before);
  }
  CHECK(r1.accepted == 3);
}

TEST_CASE("every import problem code has a Chinese name") {
  for (const char* code : {"repaired_geometry", "bad_credit_code", "gi_not_in_register", "invalid_location", "bad_value",
                           "assumed_crs", "updates_existing", "no_geometry", "invalid_geometry", "out_of_range",
                           "duplicate_code", "duplicate_credit_code", "missing_name", "missing_gi",
                           "already_in_workspace"}) {
    const std::string zh = import_problem_label_zh(code);
    INFO(code);
    CHECK(zh != code);
    CHECK(static_cast<unsigned char>(zh[0]) >= 0x80);
  }
  CHECK(std::string(import_problem_label_zh("some_future_code")) == "some_future_code");
}
