// Tests for degrees-minutes-seconds formatting and the Chinese extent phrase.
#include "geo/dms.h"

#include <catch2/catch.hpp>
#include <regex>

#include "error.h"

using namespace giatlas;

TEST_CASE("whole-second DMS pads minutes and seconds to two digits", "[dms]") {
  CHECK(format_dms(107.0 + 45.0 / 60 + 30.0 / 3600) == "107°45′30″");
  CHECK(format_dms(29.0 + 1.0 / 60 + 10.0 / 3600) == "29°01′10″");
  CHECK(format_dms(0.0) == "0°00′00″");
}

TEST_CASE("rounding 59.9999 seconds carries into the next minute and degree", "[dms]") {
  CHECK(format_dms(29.0 + 59.0 / 60 + 59.9999 / 3600) == "30°00′00″");
  CHECK(format_dms(107.0 + 14.0 / 60 + 59.6 / 3600) == "107°15′00″");
  CHECK(format_dms(107.0 + 14.0 / 60 + 59.4 / 3600) == "107°14′59″");
  CHECK(format_dms(29.0 + 59.0 / 60 + 59.996 / 3600, 2) == "30°00′00.00″");
}

TEST_CASE("hundredths of a second are printed on request", "[dms]") {
  CHECK(format_dms(108.0 + 3.0 / 60 + 45.25 / 3600, 2) == "108°03′45.25″");
  CHECK(format_dms(108.0 + 3.0 / 60 + 5.07 / 3600, 2) == "108°03′05.07″");
}

TEST_CASE("negative angles get a minus sign and bad arguments are errors", "[dms]") {
  CHECK(format_dms(-0.5) == "-0°30′00″");
  CHECK_THROWS_AS(format_dms(1.0, 7), Error);
  CHECK_THROWS_AS(format_dms(std::numeric_limits<double>::quiet_NaN()), Error);
}

TEST_CASE("the extent phrase reads east longitude then north latitude", "[dms]") {
  Box b;
  b.expand(Point{107.0 + 15.0 / 60 + 2.0 / 3600, 29.0 + 1.0 / 60 + 10.0 / 3600});
  b.expand(Point{108.0 + 3.0 / 60 + 45.0 / 3600, 29.0 + 41.0 / 60 + 55.0 / 3600});
  CHECK(format_extent_cn(b) == "东经107°15′02″至108°03′45″，北纬29°01′10″至29°41′55″");
  const std::regex precise("东经\\d+°\\d{2}′\\d{2}\\.\\d{2}″至\\d+°\\d{2}′\\d{2}\\.\\d{2}″，北纬.*″");
  CHECK(std::regex_match(format_extent_cn(b, 2), precise));
  CHECK_THROWS_AS(format_extent_cn(Box()), Error);
}

TEST_CASE("a position is written as 东经 and 北纬", "[dms]") {
  CHECK(format_position_cn({107.5, 29.25}) == "东经107°30′00″，北纬29°15′00″");
  CHECK(format_position_cn({-0.5, -1.0}) == "西经0°30′00″，南纬1°00′00″");
}
