// Contour lines for the map: interval by scale, index lines, labels, outline segments, and the
// zones' cartography (outline colour = legend colour, hatching per GI).
#include "map/contour_mesh.h"

#include <catch2/catch.hpp>

#include "map/feature_colour.h"
#include "test_support.h"

using namespace giatlas;

TEST_CASE("the contour interval grows with the scale and stops at small scales", "[map]") {
  CHECK(contour_interval_for_scale(10000) == 10);
  CHECK(contour_interval_for_scale(50000) == 20);
  CHECK(contour_interval_for_scale(100000) == 50);
  CHECK(contour_interval_for_scale(200000) == 100);
  CHECK(contour_interval_for_scale(400000) == 0);
}

TEST_CASE("every fifth level is an index contour, labelled in the middle of its length", "[map]") {
  const LocalProjection proj{107.5, 29.3};
  // Two straight lines 0.05° (about 4.8 km) long, at 1000 m (index) and 1020 m.
  std::vector<ContourLine> lines = {
      {1000, {{107.50, 29.30}, {107.55, 29.30}}},
      {1020, {{107.50, 29.31}, {107.52, 29.31}, {107.55, 29.31}}},
      {900, {{107.50, 29.32}, {107.5001, 29.32}}}};  // index, too short for a label
  const ContourMesh m = make_contour_mesh(lines, proj, 20, Box{107.4, 29.2, 107.6, 29.4});
  CHECK(m.index_segments.size() == 2 * 4);  // 1000 m and 900 m, one segment each
  CHECK(m.segments.size() == 2 * 4);        // 1020 m: two segments
  REQUIRE(m.labels.size() == 1);
  CHECK(m.labels[0].text == "1000");
  const Point mid = proj.to_map({107.525, 29.30});
  CHECK(m.labels[0].at.x == Approx(mid.x).margin(1));
  CHECK(m.labels[0].at.y == Approx(mid.y).margin(1));
  CHECK(m.area.minx == Approx(107.4));
}

TEST_CASE("an outline has one segment per ring edge, closing open rings", "[map]") {
  const LocalProjection proj{107.5, 29.3};
  MultiPolygon open_ring{{Polygon{{Ring{{107.5, 29.3}, {107.6, 29.3}, {107.6, 29.4}}}}}};
  CHECK(outline_segments(test::square(107.5, 29.3, 0.1), proj).size() == 4 * 4);
  CHECK(outline_segments(open_ring, proj).size() == 3 * 4);
}

TEST_CASE("zones are outlined in their legend colour and hatched per GI over a faint wash", "[map]") {
  const MapStyles styles = default_map_styles();
  PolygonLayer zones;
  zones.name = "zones";
  zones.ids = {1, 2, 3};
  zones.classes = {"高山萝卜", "高山白菜", "高山萝卜"};
  const std::vector<Rgba> outlines = polygon_outlines(styles, zones);
  const std::vector<Rgba> fills = polygon_fills(styles, zones);
  const std::vector<std::uint8_t> patterns = polygon_patterns(zones);
  CHECK(outlines[0] == zone_colour(styles, 0));
  CHECK(outlines[1] == zone_colour(styles, 1));
  CHECK(outlines[2] == outlines[0]);
  CHECK(fills[1].r == zone_colour(styles, 1).r);
  CHECK(fills[1].a < 64);             // a wash: overlapping zones do not mix into a new colour
  CHECK(patterns[0] != patterns[1]);  // overlapping zones cross-hatch
  CHECK(patterns[0] == patterns[2]);
  CHECK(patterns[0] > 0);
  PolygonLayer towns;
  towns.name = "townships";
  towns.ids = {1};
  towns.classes = {""};
  const Rgba t = polygon_fills(styles, towns)[0];
  CHECK(t.r == t.g);  // neutral
  CHECK(t.g == t.b);
  CHECK(t.a < 200);  // the relief shows through
  CHECK(polygon_patterns(towns)[0] == 0);
  CHECK(polygon_outlines(styles, towns)[0] == styles.layers.at("townships").outline);
}
