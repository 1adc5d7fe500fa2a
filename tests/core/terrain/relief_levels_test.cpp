// Relief levels of detail for the desktop map: sizes, registration, voids, the level a view
// picks, and the tint ramp.
#include "terrain/relief_levels.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace giatlas;

namespace {

// A 40 × 30 grid of 0.001° cells, a plane rising eastwards 10 m per cell, with one void.
DemGrid ramp_grid() {
  DemGrid g(40, 30, 107.0, 29.5, 0.001, 0.001);
  for (int r = 0; r < g.rows(); ++r)
    for (int c = 0; c < g.cols(); ++c) g.set(c, r, static_cast<float>(500 + 10 * c));
  g.set(5, 5, std::nanf(""));
  return g;
}

}  // namespace

TEST_CASE("each relief level samples every step-th cell and stays registered with the grid", "[terrain]") {
  const DemGrid g = ramp_grid();
  const std::vector<ReliefLevel> levels = relief_levels(g, {1, 4});
  REQUIRE(levels.size() == 2);
  CHECK(levels[0].shade.width == 40);
  CHECK(levels[0].shade.height == 30);
  CHECK(levels[1].shade.width == 10);
  CHECK(levels[1].shade.height == 8);
  CHECK(levels[1].cell_m == Approx(levels[0].cell_m * 4));
  // The fine level covers the grid exactly.
  CHECK(levels[0].shade.area.minx == Approx(g.west()));
  CHECK(levels[0].shade.area.maxy == Approx(g.north()));
  // A coarse pixel's centre lies on the centre of the cell it shows.
  const ReliefImage& c = levels[1].shade;
  const double px = c.area.width() / c.width;
  CHECK(c.area.minx + 0.5 * px == Approx(g.cell_centre(0, 0).x));
  CHECK(c.area.minx + 2.5 * px == Approx(g.cell_centre(8, 0).x));
  CHECK(c.area.maxy - 0.5 * px == Approx(g.cell_centre(0, 0).y));
  // Altitudes come along for the tint; the void is a void in both images.
  CHECK(levels[1].altitude[1] == Approx(540));
  CHECK(std::isnan(levels[0].altitude[5 * 40 + 5]));
  CHECK(levels[0].shade.rgba[(5 * 40 + 5) * 4 + 3] == 0);
  CHECK(levels[0].shade.rgba[(6 * 40 + 6) * 4 + 3] == 255);
}

TEST_CASE("the tint is never baked into a level, so the viewer can switch it per frame", "[terrain]") {
  const DemGrid g = ramp_grid();
  ReliefOptions o;
  o.tint = true;
  const ReliefImage img = relief_levels(g, {2}, o)[0].shade;
  const std::size_t i = (3 * img.width + 3) * 4;
  CHECK(img.rgba[i] == img.rgba[i + 1]);
  CHECK(img.rgba[i + 1] == img.rgba[i + 2]);
}

TEST_CASE("a view draws the coarsest relief level whose pixel is no larger than a screen pixel",
          "[terrain]") {
  std::vector<ReliefLevel> levels(3);
  levels[0].cell_m = 30, levels[1].cell_m = 60, levels[2].cell_m = 120;
  CHECK(pick_relief_level(levels, 10) == 0);  // zoomed in beyond the data: the finest
  CHECK(pick_relief_level(levels, 30) == 0);
  CHECK(pick_relief_level(levels, 70) == 1);
  CHECK(pick_relief_level(levels, 500) == 2);
}

TEST_CASE("the tint ramp follows the hypsometric colours from 0 m to its top", "[terrain]") {
  const std::vector<std::uint8_t> ramp = hypsometric_ramp(11, 2000);
  REQUIRE(ramp.size() == 44);
  std::uint8_t low[3], high[3];
  hypsometric_colour(0, low);
  hypsometric_colour(2000, high);
  CHECK(ramp[0] == low[0]);
  CHECK(ramp[1] == low[1]);
  CHECK(ramp[40] == high[0]);
  CHECK(ramp[43] == 255);
}
