// Tests of polygon triangulation for the map fills.
#include <catch2/catch.hpp>

#include <cmath>

#include "map/hit_test.h"
#include "map/tessellate.h"

using namespace giatlas;

namespace {
Ring square(double x0, double y0, double s) { return {{x0, y0}, {x0 + s, y0}, {x0 + s, y0 + s}, {x0, y0 + s}, {x0, y0}}; }
double poly_area(const MultiPolygon& m) {
  double a = 0;
  for (const auto& p : m.polygons) {
    a += std::abs(signed_area(p.rings[0]));
    for (std::size_t i = 1; i < p.rings.size(); ++i) a -= std::abs(signed_area(p.rings[i]));
  }
  return a;
}
}  // namespace

TEST_CASE("the triangles of a polygon with a hole sum to its area and avoid the hole", "[map][mapview]") {
  GeosContext ctx;
  MultiPolygon m{{Polygon{{square(0, 0, 10), square(3, 3, 4)}}}};
  const auto tris = triangulate(ctx, m);
  REQUIRE(tris.size() % 3 == 0);
  REQUIRE(!tris.empty());
  CHECK(triangles_area(tris) == Approx(84));
  for (std::size_t i = 0; i < tris.size(); i += 3) {
    const Point c{(tris[i].x + tris[i + 1].x + tris[i + 2].x) / 3, (tris[i].y + tris[i + 1].y + tris[i + 2].y) / 3};
    CHECK(polygon_contains(m, c));
  }
}

TEST_CASE("a concave multipolygon with many vertices is triangulated exactly", "[map][mapview]") {
  GeosContext ctx;
  // A star with 200 points plus a separate square.
  Ring star;
  for (int i = 0; i < 400; ++i) {
    const double a = i * 3.14159265358979 * 2 / 400, r = i % 2 ? 40 : 100;
    star.push_back({r * std::cos(a), r * std::sin(a)});
  }
  star.push_back(star.front());
  MultiPolygon m{{Polygon{{star}}, Polygon{{square(200, 0, 5)}}}};
  const auto tris = triangulate(ctx, m);
  CHECK(tris.size() / 3 == 398 + 2);  // n − 2 triangles per simple ring
  CHECK(triangles_area(tris) == Approx(poly_area(m)).epsilon(1e-9));
}

TEST_CASE("a self-intersecting bow-tie is repaired rather than left with wrong fill", "[map][mapview]") {
  GeosContext ctx;
  MultiPolygon m{{Polygon{{{{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}}}}}};
  const auto tris = triangulate(ctx, m);
  CHECK(triangles_area(tris) == Approx(50));  // two triangles of 25 each
}

TEST_CASE("an empty or degenerate polygon yields no triangles and no error", "[map][mapview]") {
  GeosContext ctx;
  CHECK(triangulate(ctx, MultiPolygon{}).empty());
  CHECK(triangulate(ctx, MultiPolygon{{Polygon{{{{0, 0}, {1, 1}, {0, 0}}}}}}).empty());
}
