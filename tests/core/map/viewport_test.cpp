// Tests of the map view's world/screen maths: round trips, scale, zoom about the cursor, fit.
#include <catch2/catch.hpp>

#include "map/viewport.h"

using namespace giatlas;

TEST_CASE("screen and map coordinates round-trip through the viewport", "[map][mapview]") {
  Viewport v;
  v.center = {1000, -500};
  v.m_per_px = 12.5;
  v.width = 800;
  v.height = 600;
  const Point s = v.to_screen({1500, -200});
  CHECK(s.x == Approx(440));
  CHECK(s.y == Approx(276));  // north is up: larger y in map, smaller y on screen
  const Point m = v.to_map(s);
  CHECK(m.x == Approx(1500));
  CHECK(m.y == Approx(-200));
  CHECK(v.to_map({400, 300}).x == Approx(1000));
}

TEST_CASE("the scale denominator follows the DPI: 1 px at 96 DPI is 0.2646 mm", "[map][mapview]") {
  Viewport v;
  v.dpi = 96;
  v.m_per_px = 0.0254 / 96 * 25000;  // 1:25,000
  CHECK(v.scale_denominator() == Approx(25000));
  v.set_scale_denominator(50000);
  CHECK(v.m_per_px == Approx(0.0254 / 96 * 50000));
  v.dpi = 192;  // HiDPI: same scale needs half the metres per pixel
  v.set_scale_denominator(50000);
  CHECK(v.m_per_px == Approx(0.0254 / 192 * 50000));
}

TEST_CASE("zooming keeps the map point under the cursor fixed", "[map][mapview]") {
  Viewport v;
  v.center = {0, 0};
  v.m_per_px = 50;
  const Point cursor{100, 650};
  const Point before = v.to_map(cursor);
  v.zoom_about(cursor, 2.0);
  CHECK(v.m_per_px == Approx(25));
  const Point after = v.to_map(cursor);
  CHECK(after.x == Approx(before.x));
  CHECK(after.y == Approx(before.y));
}

TEST_CASE("zoom is clamped to the interactive scale range", "[map][mapview]") {
  Viewport v;
  v.zoom_about({0, 0}, 1e9);
  CHECK(v.scale_denominator() == Approx(kMinScaleDenominator));
  v.zoom_about({0, 0}, 1e-12);
  CHECK(v.scale_denominator() == Approx(kMaxScaleDenominator));
}

TEST_CASE("fit shows the whole box with a margin and box zoom shows the dragged rectangle", "[map][mapview]") {
  Viewport v;
  v.width = 1000;
  v.height = 500;
  Box b{0, 0, 40000, 10000};
  v.fit(b, 50);
  const Box vis = v.visible();
  CHECK(vis.minx <= 0);
  CHECK(vis.maxx >= 40000);
  CHECK(vis.miny <= 0);
  CHECK(vis.maxy >= 10000);
  CHECK(v.m_per_px == Approx(40000.0 / 900));
  const Point a = v.to_screen({10000, 2000}), c = v.to_screen({20000, 7000});
  v.zoom_to_screen_rect(c, a);
  CHECK(v.center.x == Approx(15000));
  CHECK(v.center.y == Approx(4500));
  CHECK(v.m_per_px == Approx(10000.0 / 1000));
}

TEST_CASE("dragging the map by some pixels moves it under the cursor", "[map][mapview]") {
  Viewport v;
  v.m_per_px = 10;
  const Point grabbed = v.to_map({300, 300});
  v.pan_pixels(25, -40);
  const Point now = v.to_map({325, 260});
  CHECK(now.x == Approx(grabbed.x));
  CHECK(now.y == Approx(grabbed.y));
}

TEST_CASE("the local projection keeps metres and round-trips lon/lat", "[map][mapview]") {
  LocalProjection p{107.75, 29.35};
  const Point m = p.to_map({107.85, 29.35});
  // 0.1° of longitude at 29.35°N is about 9.7 km.
  CHECK(m.x == Approx(9696).margin(20));
  CHECK(m.y == Approx(0).margin(1e-9));
  const Point back = p.to_lonlat(p.to_map({107.2, 29.7}));
  CHECK(back.x == Approx(107.2));
  CHECK(back.y == Approx(29.7));
}
