// The binary COPY reader's date: days since 2000-01-01 as to_char(d, 'YYYY-MM-DD') writes them
// (the whole reader is checked against GDAL's on a real server in tests/e2e/postgis_workspace.sh).
#include <catch2/catch.hpp>

#include <climits>

#include "workspace/iso_date.h"
#include "workspace/pg_copy_reader.h"

using namespace giatlas;

TEST_CASE("a binary COPY date reads as the calendar date the server means") {
  CHECK(pg_date_text(0) == "2000-01-01");
  CHECK(pg_date_text(-1) == "1999-12-31");
  CHECK(pg_date_text(59) == "2000-02-29");  // 2000 is a leap year (divisible by 400)
  CHECK(pg_date_text(60) == "2000-03-01");
  CHECK(pg_date_text(366) == "2001-01-01");
  CHECK(pg_date_text(36525 + 58) == "2100-02-28");  // 2100 is not a leap year: no 29 February
  CHECK(pg_date_text(36525 + 59) == "2100-03-01");
  CHECK(pg_date_text(9556) == "2026-03-01");
  CHECK(pg_date_text(-10957) == "1970-01-01");
  CHECK(pg_date_text(-730119) == "0001-01-01");
  CHECK(pg_date_text(-730120).empty());  // 1 BC: no year the workspace writes
  CHECK(pg_date_text(INT_MAX).empty());  // the server's infinity
  CHECK(pg_date_text(INT_MIN).empty());  // and -infinity
  // Every day from 1990 to 2040 is one after the other, and a valid ISO date.
  std::string prev = pg_date_text(-3653 - 1);
  for (int d = -3653; d < 14610; ++d) {
    const std::string s = pg_date_text(d);
    REQUIRE(is_iso_date(s));
    REQUIRE(s > prev);
    prev = s;
  }
}
