// Tests of the one date validation and of each front door that uses it (check, plan, zone save).
#include "workspace/iso_date.h"

#include <catch2/catch.hpp>

#include "check/check_fixture.h"
#include "check/origin_check.h"
#include "error.h"
#include "io/value_text.h"
#include "programme/inspection_plan.h"
#include "test_support.h"
#include "workspace/workspace.h"

using namespace giatlas;

TEST_CASE("a date is valid only when it names a real calendar day") {
  CHECK(is_iso_date("2026-02-28"));
  CHECK(is_iso_date("2024-02-29"));
  CHECK(is_iso_date("2000-02-29"));
  CHECK(is_iso_date("2026-12-31"));
  CHECK_FALSE(is_iso_date("2026-02-31"));
  CHECK_FALSE(is_iso_date("2026-02-29"));
  CHECK_FALSE(is_iso_date("1900-02-29"));
  CHECK_FALSE(is_iso_date("2026-04-31"));
  CHECK_FALSE(is_iso_date("2026-13-01"));
  CHECK_FALSE(is_iso_date("2026-00-10"));
  CHECK_FALSE(is_iso_date("2026-01-00"));
  CHECK_FALSE(is_iso_date("2026-1-01"));
  CHECK_FALSE(is_iso_date("2026/01/01"));
  CHECK_FALSE(is_iso_date("2026-01-0a"));
  CHECK_FALSE(is_iso_date("+026-01-01"));
  CHECK_FALSE(is_iso_date("2026-01-01 "));
  CHECK_FALSE(is_iso_date(""));
}

TEST_CASE("the check, the plan, a zone save and the importer all refuse the 31st of February") {
  test::TempDir dir;
  const std::string path = dir.file("dates.gpkg");
  test::make_check_workspace(path, {test::producer_at(1, Point{107.05, 29.05})});
  Workspace ws = Workspace::open(path);
  CheckOptions co;
  co.date = "2026-02-31";
  CHECK_THROWS_WITH(run_origin_check(ws, co, Progress()), Catch::Contains("2026-02-31"));
  co.date = "2026-02-28";
  CHECK_NOTHROW(run_origin_check(ws, co, Progress()));

  PlanOptions po;
  po.count = 1;
  po.date = "2026-02-31";
  po.inspectors_per_visit = 1;
  Inspector a;
  a.name = "甲";
  a.active = true;
  CHECK_THROWS_WITH(draw_inspection_plan(ws.producers(), {a}, po, {}), Catch::Contains("2026-02-31"));

  ZoneVersion z = ws.zone_versions().back();
  z.effective_from = "2031-02-31";
  CHECK_THROWS_WITH(ws.save_zone_version(z), Catch::Contains("2031-02-31"));

  CHECK(parse_date("2026/2/31") == std::nullopt);
  CHECK(parse_date("2024/2/29") == std::string("2024-02-29"));
}
