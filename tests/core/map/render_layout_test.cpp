// Tests for the printed map's page layout and nice numbers.
#include <catch2/catch.hpp>

#include "error.h"
#include "map/print_layout.h"

using namespace giatlas;

TEST_CASE("paper sizes are A4 and A3 in points, turned for landscape", "[map]") {
  CHECK(paper_points("A4", false).w == Approx(595.28).margin(0.01));
  CHECK(paper_points("a4", false).h == Approx(841.89).margin(0.01));
  CHECK(paper_points("A3", true).w == Approx(1190.55).margin(0.01));
  CHECK_THROWS_AS(paper_points("Letter", false), Error);
}

TEST_CASE("the map scale is rounded up to a nice denominator and the extent still fits", "[map]") {
  const PageRect frame{50, 80, 700, 420};
  Box ext{400000, 3200000, 480000, 3260000};  // 80 km × 60 km
  const PageTransform t = fit_nice_scale(ext, frame);
  // 60 km on 420 pt (148.2 mm) needs 1:404 950 at least; the next nice scale is 1:500 000.
  CHECK(t.scale_denominator() == Approx(500000));
  CHECK(ext.width() * t.k <= frame.w);
  CHECK(ext.height() * t.k <= frame.h);
  const Point c = t.to_page(ext.center());
  CHECK(c.x == Approx(frame.x + frame.w / 2));
  CHECK(c.y == Approx(frame.y + frame.h / 2));
  const Point back = t.to_map(t.to_page({410000, 3250000}));
  CHECK(back.x == Approx(410000));
  CHECK(back.y == Approx(3250000));
  CHECK_THROWS_AS(fit_nice_scale(Box(), frame), Error);
}

TEST_CASE("scale bar steps and graticule steps are round numbers", "[map]") {
  CHECK(nice_step_below(23000) == 20000);
  CHECK(nice_step_below(7.3) == 5);
  CHECK(nice_step_below(1.0) == 1);
  CHECK(nice_step_below(0.0) == 0);
  CHECK(graticule_step_deg(0.9, 3) == Approx(20.0 / 60));
  CHECK(graticule_step_deg(0.2, 4) == Approx(5.0 / 60));
  CHECK(graticule_step_deg(30, 4) == 5.0);
  CHECK(scale_text(250000) == "1:250 000");
  CHECK(scale_text(1000) == "1:1 000");
  CHECK(scale_text(500) == "1:500");
}
