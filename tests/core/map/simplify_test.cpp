// Tests of the map's level-of-detail simplification.
#include <catch2/catch.hpp>

#include <cmath>

#include "map/simplify.h"

using namespace giatlas;

namespace {
// A 10 km square whose edges wiggle by ±2 m every 10 m (8,000 vertices).
MultiPolygon wiggly_square() {
  Ring r;
  const int per_side = 1000;
  auto wiggle = [](int i) { return (i % 2 ? 2.0 : -2.0); };
  for (int i = 0; i < per_side; ++i) r.push_back({i * 10.0, wiggle(i)});
  for (int i = 0; i < per_side; ++i) r.push_back({10000 + wiggle(i), i * 10.0});
  for (int i = 0; i < per_side; ++i) r.push_back({10000 - i * 10.0, 10000 + wiggle(i)});
  for (int i = 0; i < per_side; ++i) r.push_back({wiggle(i), 10000 - i * 10.0});
  r.push_back(r.front());
  Ring hole{{4000, 4000}, {6000, 4000}, {6000, 6000}, {4000, 6000}, {4000, 4000}};
  return MultiPolygon{{Polygon{{r, hole}}}};
}
}  // namespace

TEST_CASE("simplifying drops vertices, keeps the hole and changes the area by little", "[map][mapview]") {
  GeosContext ctx;
  const MultiPolygon m = wiggly_square();
  const MultiPolygon s = simplify_polygons(ctx, m, 8.0);
  REQUIRE(s.polygons.size() == 1);
  CHECK(s.polygons[0].rings.size() == 2);
  CHECK(s.vertex_count() < m.vertex_count() / 10);
  const double a = std::abs(signed_area(s.polygons[0].rings[0])) - std::abs(signed_area(s.polygons[0].rings[1]));
  CHECK(a == Approx(1e8 - 4e6).epsilon(0.01));
  CHECK(invalid_reason(ctx, s).empty());
}

TEST_CASE("a zero tolerance returns the geometry unchanged", "[map][mapview]") {
  GeosContext ctx;
  const MultiPolygon m = wiggly_square();
  CHECK(simplify_polygons(ctx, m, 0) == m);
}

TEST_CASE("the view picks the coarsest level that stays under a pixel", "[map][mapview]") {
  const auto t = lod_tolerances();
  REQUIRE(t == std::vector<double>{0, 8, 24, 72, 216, 648});
  CHECK(pick_lod(t, 1.0) == 0);    // 1 m per pixel: full detail
  CHECK(pick_lod(t, 8.0) == 1);    // 8 m error = 1 px
  CHECK(pick_lod(t, 100.0) == 3);
  CHECK(pick_lod(t, 5000.0) == 5);
  CHECK(pick_lod(t, 16.0, 0.5) == 1);  // a stricter view asks for finer detail
}
