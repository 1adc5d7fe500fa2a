// Tests of label anchors (inside the polygon) and placement (no overlaps, hidden when too big).
#include <catch2/catch.hpp>

#include "map/hit_test.h"
#include "map/labels.h"

using namespace giatlas;

namespace {
MultiPolygon rect(double x0, double y0, double x1, double y1) {
  return MultiPolygon{{Polygon{{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}}};
}
}  // namespace

TEST_CASE("the label point of a C-shaped polygon lies inside it, not at its centroid", "[map][mapview]") {
  GeosContext ctx;
  // A "C": the centroid falls in the notch.
  MultiPolygon c{{Polygon{{{{0, 0}, {100, 0}, {100, 20}, {20, 20}, {20, 80}, {100, 80}, {100, 100}, {0, 100}, {0, 0}}}}}};
  const LabelAnchor a = label_anchor(ctx, c);
  REQUIRE(a.valid());
  CHECK(polygon_contains(c, a.at));
  // The widest spot is a corner of the C: a circle touching both outer walls and the inner
  // corner (20, 20) has r = 20·√2 / (1 + √2) ≈ 11.7.
  CHECK(a.radius == Approx(11.716).margin(0.3));
}

TEST_CASE("labels never overlap and a lower-priority clash is hidden", "[map][mapview]") {
  GeosContext ctx;
  Viewport v;
  v.center = {0, 0};
  v.m_per_px = 1;
  v.width = 1000;
  v.height = 1000;
  std::vector<LabelCandidate> c(3);
  c[0].anchor = label_anchor(ctx, rect(-200, -200, 0, 0));
  c[1].anchor = label_anchor(ctx, rect(-190, -190, 10, 10));  // nearly on top of the first
  c[2].anchor = label_anchor(ctx, rect(100, 100, 300, 300));
  for (auto& x : c) x.width_px = 80, x.height_px = 20;
  c[0].priority = 1;
  c[1].priority = 2;
  c[2].priority = 0;
  const auto placed = place_labels(c, v);
  REQUIRE(placed.size() == 2);
  CHECK(placed[0].candidate == 1);
  CHECK(placed[1].candidate == 2);
  for (std::size_t i = 0; i < placed.size(); ++i)
    for (std::size_t j = i + 1; j < placed.size(); ++j) CHECK(!placed[i].screen.intersects(placed[j].screen));
}

TEST_CASE("a label wider than its polygon on screen is hidden until zoomed in", "[map][mapview]") {
  GeosContext ctx;
  Viewport v;
  v.center = {50, 50};
  v.width = 800;
  v.height = 600;
  std::vector<LabelCandidate> c(1);
  c[0].anchor = label_anchor(ctx, rect(0, 0, 100, 100));
  c[0].width_px = 60;
  c[0].height_px = 16;
  v.m_per_px = 10;  // polygon is 10 px wide
  CHECK(place_labels(c, v).empty());
  v.m_per_px = 1;  // 100 px wide
  REQUIRE(place_labels(c, v).size() == 1);
  const Box b = place_labels(c, v)[0].screen;
  CHECK(b.center().x == Approx(400).margin(1));
  CHECK(b.width() == Approx(60));
}
