// Tests of the map styles' JSON form (saved in the workspace as "map.styles").
#include <catch2/catch.hpp>

#include "error.h"
#include "map/style.h"

using namespace giatlas;

TEST_CASE("map styles survive a JSON round trip unchanged", "[map][mapview]") {
  MapStyles s = default_map_styles();
  s.layers["townships"].fill = {1, 2, 3, 4};
  s.layers["producers"].symbol = PointSymbol::diamond;
  s.layers["zones"].opacity = 0.3f;
  s.layers["census_points"].label_field = "product";
  s.order = {"zones", "townships", "villages", "production_areas", "census_points", "producers", "resources"};
  s.check_result["outside"] = {255, 0, 0, 255};
  CHECK(styles_from_json(styles_to_json(s)) == s);
}

TEST_CASE("missing style keys keep their defaults", "[map][mapview]") {
  const MapStyles s = styles_from_json(R"({"layers": {"zones": {"opacity": 0.8}}})");
  const MapStyles d = default_map_styles();
  CHECK(s.layers.at("zones").opacity == Approx(0.8f));
  CHECK(s.layers.at("zones").outline == d.layers.at("zones").outline);
  CHECK(s.layers.at("townships") == d.layers.at("townships"));
  CHECK(s.order == d.order);
}

TEST_CASE("malformed style JSON is a readable error, not a crash", "[map][mapview]") {
  CHECK_THROWS_AS(styles_from_json("{not json"), Error);
  CHECK_THROWS_WITH(styles_from_json(R"({"layers": {"zones": {"fill": "red"}}})"), Catch::Contains("bad colour"));
  CHECK_THROWS_WITH(styles_from_json(R"({"layers": {"zones": {"opacity": "x"}}})"), Catch::Contains("map styles"));
  CHECK_THROWS_WITH(styles_from_json(R"({"layers": {"zones": {"symbol": "star"}}})"), Catch::Contains("star"));
}

TEST_CASE("zone colours cycle through the palette", "[map][mapview]") {
  const MapStyles s = default_map_styles();
  CHECK(zone_colour(s, 0) == s.zone_palette[0]);
  CHECK(zone_colour(s, s.zone_palette.size() + 1) == s.zone_palette[1]);
}
