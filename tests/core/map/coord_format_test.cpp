// Tests of status-bar coordinate and scale text.
#include <catch2/catch.hpp>

#include "map/coord_format.h"

using namespace giatlas;

TEST_CASE("DMS text carries the hemisphere letter and rounds into the minutes", "[map][mapview]") {
  CHECK(format_lon_dms(107.75, 0) == "107°45′00″E");
  CHECK(format_lat_dms(-29.5, 0) == "29°30′00″S");
  CHECK(format_lat_dms(29.999999, 1) == "30°00′00.0″N");
}

TEST_CASE("scales are shown rounded with thousands separators", "[map][mapview]") {
  CHECK(format_scale(25012.3) == "1:25,000");
  CHECK(format_scale(1234567) == "1:1,230,000");
  CHECK(format_scale(512) == "1:512");
}
