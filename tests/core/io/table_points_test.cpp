// Coordinate columns: swapped columns detected and said, per-row CRS, unreadable rows explained.
#include <catch2/catch.hpp>

#include "geo/china_shift.h"
#include "io/table_points.h"

using namespace giatlas;

TEST_CASE("swapped longitude and latitude columns are detected for the whole column and reported") {
  TablePointsInput in;
  in.table_crs = input_crs_from_user("EPSG:4490");
  in.x = {"29.32", "29°19′12″", "29.1", "bad"};
  in.y = {"107.75", "107°45′30″", "107.6", "107.2"};
  const auto res = read_table_points(in);
  CHECK(res.swapped);
  REQUIRE(res.notes.size() == 1);
  CHECK(res.notes[0].find("swapped") != std::string::npos);
  REQUIRE(res.rows[0].location);
  CHECK(res.rows[0].location->x == Approx(107.75));
  CHECK(res.rows[0].location->y == Approx(29.32));
  REQUIRE(res.rows[1].location);
  CHECK(res.rows[1].form == "DMS");
  CHECK_FALSE(res.rows[3].location);
}

TEST_CASE("a single swapped row in a normal table is not fixed but explained") {
  TablePointsInput in;
  in.table_crs = input_crs_from_user("EPSG:4490");
  in.x = {"107.75", "107.70", "29.3"};
  in.y = {"29.32", "29.40", "107.74"};
  const auto res = read_table_points(in);
  CHECK_FALSE(res.swapped);
  CHECK_FALSE(res.rows[2].location);
  CHECK(res.rows[2].issue == "latitude 107.74 out of range: longitude and latitude look swapped");
}

TEST_CASE("a per-row coordinate-system column mixes GCJ-02, BD-09 and CGCS2000 rows") {
  const Point wgs{107.76, 29.33};
  const Point gcj = wgs84_to_gcj02(wgs);
  const Point bd = wgs84_to_bd09(wgs);
  auto s = [](double v) {
    char b[40];
    std::snprintf(b, sizeof b, "%.12f", v);
    return std::string(b);
  };
  TablePointsInput in;
  in.x = {s(gcj.x), s(bd.x), s(wgs.x), s(wgs.x), s(wgs.x)};
  in.y = {s(gcj.y), s(bd.y), s(wgs.y), s(wgs.y), s(wgs.y)};
  in.crs = {"GCJ-02", "百度", "EPSG:4490", "", "nonsense"};
  const auto res = read_table_points(in);
  for (int i : {0, 2}) {
    REQUIRE(res.rows[static_cast<std::size_t>(i)].location);
    CHECK(res.rows[static_cast<std::size_t>(i)].location->x == Approx(wgs.x).margin(1e-9));
    CHECK(res.rows[static_cast<std::size_t>(i)].location->y == Approx(wgs.y).margin(1e-9));
  }
  CHECK(res.rows[0].crs_label == "GCJ-02");
  CHECK_FALSE(res.rows[1].location);  // "百度" is no CRS name we know: said, not guessed
  CHECK(res.rows[1].issue.find("unknown coordinate system") != std::string::npos);
  CHECK(res.rows[3].issue == "no coordinate system for this row");
  CHECK_FALSE(res.rows[4].location);
}

TEST_CASE("empty and unreadable coordinates give reasons, never a location") {
  TablePointsInput in;
  in.table_crs = input_crs_from_user("EPSG:4490");
  in.x = {"", "107.5", "107°75′", "GCJ"};
  in.y = {" ", "", "29.3", "29.3"};
  const auto res = read_table_points(in);
  CHECK(res.rows[0].issue == "no coordinates given");
  for (const auto& r : res.rows) CHECK_FALSE(r.location);
  CHECK(res.rows[2].issue.find("minutes") != std::string::npos);
}

TEST_CASE("metres under a GCJ-02 table are refused rather than guessed") {
  TablePointsInput in;
  in.table_crs = input_crs_from_user("GCJ-02");
  in.x = {"36475715.6"};
  in.y = {"3244763.5"};
  const auto res = read_table_points(in);
  CHECK_FALSE(res.rows[0].location);
  CHECK(res.rows[0].issue.find("GCJ-02") != std::string::npos);
}

TEST_CASE("a coordinate typed as 1e308 is explained as exponent notation, not as minutes") {
  TablePointsInput in;
  in.table_crs = input_crs_from_user("EPSG:4490");
  in.x = {"107.75", "1e308", "107.70"};
  in.y = {"29.32", "29.40", "1e999"};
  const auto res = read_table_points(in);
  CHECK_FALSE(res.rows[1].location);
  CHECK(res.rows[1].issue == "longitude 1e+308 (exponent notation) out of range: not a valid coordinate");
  CHECK_FALSE(res.rows[2].location);
  CHECK(res.rows[2].issue.find("exponent notation beyond any number: not a valid coordinate") != std::string::npos);
  for (const auto& row : res.rows) CHECK(row.issue.find("minutes") == std::string::npos);
}

TEST_CASE("one swapped-looking row among rows that cannot tell does not swap the table") {
  TablePointsInput in;
  in.table_crs = input_crs_from_user("EPSG:4490");
  // Rows 1 and 2 have both values in the latitude range (no vote either way); row 3 looks swapped.
  in.x = {"30.1", "35.2", "29.3"};
  in.y = {"40.5", "45.6", "107.7"};
  const auto res = read_table_points(in);
  CHECK_FALSE(res.swapped);
  REQUIRE(res.notes.size() == 1);
  CHECK(res.notes[0] ==
        "some rows look swapped (1 of 3 rows with readable coordinates), not the two thirds needed to swap the "
        "columns: each such row is reported");
  CHECK_FALSE(res.rows[2].location);
  CHECK(res.rows[2].issue.find("look swapped") != std::string::npos);
}

TEST_CASE("swapping a whole table needs two thirds of the readable rows and at least two of them") {
  CHECK(clear_swap_majority(1, 1));
  CHECK_FALSE(clear_swap_majority(1, 2));
  CHECK(clear_swap_majority(2, 3));
  CHECK_FALSE(clear_swap_majority(2, 4));
  CHECK(clear_swap_majority(67, 100));
  CHECK_FALSE(clear_swap_majority(66, 100));
  CHECK_FALSE(clear_swap_majority(0, 0));
  CHECK_FALSE(clear_swap_majority(3, 2));
}

TEST_CASE("every unreadable or assumed row carries a stable code beside its sentence") {
  TablePointsInput in;
  in.table_crs = input_crs_from_user("EPSG:4490");
  in.hint_lon = 107.75;
  in.x = {"", "107.5", "107.75", "107.75", "36475715.6", "475715.6", "9475715.6", "107.75", "29.3"};
  in.y = {"", "29.3", "95.5", "29.3E", "3244763.5", "3244763.5", "3244763.5", "abc", "107.5"};
  in.crs = {"", "火星坐标", "", "", "", "", "", "", ""};
  const auto res = read_table_points(in);
  REQUIRE(res.rows.size() == 9);
  CHECK(res.rows[0].code == "no_coordinates");
  CHECK(res.rows[1].code == "unknown_crs");
  CHECK(res.rows[2].code == "out_of_range");
  CHECK(res.rows[3].code == "wrong_hemisphere");
  CHECK(res.rows[4].code.empty());  // zone 36 from the prefixed easting: nothing assumed
  CHECK(res.rows[4].location);
  CHECK(res.rows[5].code == "assumed_zone");
  CHECK(res.rows[5].location);
  CHECK(res.rows[6].code == "unknown_zone");
  CHECK_FALSE(res.rows[7].code.empty());
  CHECK_FALSE(res.rows[7].location);
  CHECK(res.rows[8].code == "out_of_range");  // one swapped row: not swapped for it, explained
  CHECK(res.rows[8].issue.find("look swapped") != std::string::npos);
  for (std::size_t i = 0; i < res.rows.size(); ++i) {
    INFO("row " << i);
    CHECK(res.rows[i].code.empty() == res.rows[i].issue.empty());
  }
}
