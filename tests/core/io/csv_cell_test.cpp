// Tests of the CSV text-cell rule (formula injection neutralised, RFC 4180 quoting) in the rule
// itself and in every CSV GI Atlas writes: check report, import report, inspection plan.
#include "io/csv_cell.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "check/check_fixture.h"
#include "check/origin_check.h"
#include "check/report_writers.h"
#include "io/import_report.h"
#include "programme/inspection_plan.h"
#include "test_support.h"

using namespace giatlas;

namespace {

const std::string kAttack = "=cmd|'/C calc'!A0";

std::string slurp(const std::string& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

std::string line_with(const std::string& text, const std::string& needle) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.find(needle) != std::string::npos) return line;
  return "";
}

}  // namespace

TEST_CASE("a text cell that a spreadsheet would run as a formula gets a leading quote") {
  CHECK(csv_text(kAttack) == "'" + kAttack);
  CHECK(csv_text("+86 023 7777") == "'+86 023 7777");
  CHECK(csv_text("-104.5") == "'-104.5");  // coordinates as typed are text
  CHECK(csv_text("@SUM(A1:A9)") == "'@SUM(A1:A9)");
  CHECK(csv_text("\tx") == "'\tx");
  CHECK(csv_text("\r=1+1") == "\"'\r=1+1\"");
  CHECK(csv_text("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  CHECK(csv_text("武隆区=合作社") == "武隆区=合作社");  // only the first character matters
  CHECK(csv_text("a,b") == "\"a,b\"");
  CHECK(csv_text("") == "");
  CHECK_FALSE(starts_like_formula("1-2"));
}

TEST_CASE(
    "the check report neutralises a formula in a producer's name and keeps negative numbers as numbers") {
  test::TempDir dir;
  std::vector<Producer> ps;
  ps.push_back(test::producer_at(1, Point{107.05, 29.05}));
  ps.push_back(test::producer_at(2, Point{-0.5, -12.25}));  // far outside: negative lon/lat and a distance
  ps[0].name = kAttack;
  ps[1].name = "-负号开头的合作社";
  test::make_check_workspace(dir.file("w.gpkg"), ps);
  const Workspace ws = Workspace::open(dir.file("w.gpkg"), true);
  CheckOptions o;
  o.date = "2021-06-01";
  write_check_report(run_origin_check(ws, o, Progress()), dir.file("r.csv"));
  const std::string csv = slurp(dir.file("r.csv"));
  CHECK(line_with(csv, "calc").rfind("'" + kAttack + ",", 0) == 0);
  const std::string far = line_with(csv, "负号开头");
  CHECK(far.rfind("'-负号开头的合作社,", 0) == 0);
  CHECK(far.find(",-0.5,-12.25,") != std::string::npos);  // lon, lat: numbers, not prefixed
  CHECK(far.find("'-0.5") == std::string::npos);
}

TEST_CASE("the import report neutralises formulas in file names and messages but not row numbers") {
  test::TempDir dir;
  ImportReport r;
  ImportProblem p;
  p.where = "=evil.csv row 3";
  p.row = 3;
  p.code = "out_of_range";
  p.message = "-999 is not a latitude";
  p.rejected = true;
  r.problems.push_back(p);
  write_report_csv(r, dir.file("problems.csv"));
  const std::string csv = slurp(dir.file("problems.csv"));
  CHECK(csv.find("\n'=evil.csv row 3,3,rejected,out_of_range,'-999 is not a latitude,") != std::string::npos);
}

TEST_CASE("the inspection plan CSV neutralises formulas in names and inspectors") {
  test::TempDir dir;
  InspectionPlan plan;
  plan.options.date = "2026-03-01";
  PlannedVisit v;
  v.producer_id = 7;
  v.producer_name = kAttack;
  v.credit_code = "@X";
  v.gi = "武隆高山萝卜";
  v.township = "+乡";
  v.inspectors = {"-甲", "乙"};
  v.date = "2026-03-01";
  plan.visits.push_back(v);
  write_plan(plan, dir.file("plan.csv"));
  const std::string csv = slurp(dir.file("plan.csv"));
  CHECK(line_with(csv, "calc") == "1,7,'" + kAttack + ",'@X,武隆高山萝卜,'+乡,'-甲;乙,2026-03-01,");
}
