// The point index agrees exactly with GEOSPreparedCovers, on vertices, on edges, within 1e-9°
// of them and anywhere else; the orientation predicate's filter agrees with exact arithmetic.
#include <catch2/catch.hpp>

#include <random>

#include "check/orientation.h"
#include "check/point_index.h"
#include "geo/geos.h"
#include "sample/generator.h"
#include "test_support.h"
#include "workspace/workspace.h"

using namespace giatlas;

namespace {

// Test points: random in the box, every kind of near-boundary point, and exact vertices.
std::vector<Point> probe_points(const std::vector<MultiPolygon>& polys, std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto unit = [&] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
  std::vector<Point> edges_a, edges_b;
  Box box;
  for (const auto& m : polys)
    for (const auto& p : m.polygons)
      for (const auto& r : p.rings)
        for (std::size_t i = 0; i + 1 < r.size(); ++i) {
          edges_a.push_back(r[i]);
          edges_b.push_back(r[i + 1]);
          box.expand(r[i]);
        }
  std::vector<Point> out;
  while (out.size() < n) {
    std::size_t e = rng() % edges_a.size();
    const Point& a = edges_a[e];
    const Point& b = edges_b[e];
    switch (rng() % 6) {
      case 0: out.push_back({box.minx + unit() * box.width(), box.miny + unit() * box.height()}); break;
      case 1: out.push_back(a); break;  // exactly a vertex
      case 2: {                          // on the edge (as near as doubles allow)
        double t = unit();
        out.push_back({a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)});
        break;
      }
      case 3: out.push_back({(a.x + b.x) / 2, (a.y + b.y) / 2}); break;
      case 4: {  // within 1e-9 degrees of a vertex
        out.push_back({a.x + (unit() - 0.5) * 2e-9, a.y + (unit() - 0.5) * 2e-9});
        break;
      }
      default: {  // within 1e-9 degrees of an edge point, and on the vertex's horizontal line
        double t = unit();
        Point q{a.x + t * (b.x - a.x) + (unit() - 0.5) * 2e-9, a.y + t * (b.y - a.y) + (unit() - 0.5) * 2e-9};
        if (rng() % 4 == 0) q.y = a.y;
        out.push_back(q);
      }
    }
  }
  return out;
}

void check_agreement(const std::vector<MultiPolygon>& polys, std::size_t n, std::uint64_t seed) {
  PointIndex index(polys);
  GeosContext ctx;
  std::vector<GeosGeom> geoms;
  std::vector<GeosPrepared> prepared;
  std::vector<Box> boxes;
  for (const auto& m : polys) {
    geoms.push_back(to_geos(ctx, m));
    prepared.push_back(geos_prepare(ctx, geoms.back().get()));
    boxes.push_back(bounds(m));
  }
  std::size_t disagreements = 0, owner_problems = 0, boundary_points = 0;
  for (const Point& p : probe_points(polys, n, seed)) {
    GeosGeom g = to_geos(ctx, p);
    int covering = 0;
    std::vector<bool> covers(polys.size(), false);
    for (std::size_t k = 0; k < polys.size(); ++k) {
      if (!boxes[k].contains(p)) continue;
      covers[k] = GEOSPreparedCovers_r(ctx, prepared[k].get(), g.get()) == 1;
      covering += covers[k];
    }
    PointHit hit = index.locate(p);
    if (hit.covered != (covering > 0)) ++disagreements;
    if (hit.covered && !covers[static_cast<std::size_t>(hit.owner)]) ++owner_problems;
    boundary_points += hit.on_boundary;
  }
  CHECK(disagreements == 0);
  CHECK(owner_problems == 0);
  CHECK(boundary_points > n / 10);  // the probes really hit edges and vertices
}

}  // namespace

TEST_CASE("point location agrees 100% with GEOSPreparedCovers on the sample's townships (1,000,000 probes)", "[check]") {
  test::TempDir dir;
  SampleOptions so;
  so.seed = 3;
  so.producers = 10;
  so.census_points = 1;
  so.density = 0.25;
  generate_sample(dir.file("s.gpkg"), so);
  Workspace ws = Workspace::open(dir.file("s.gpkg"), true);
  std::vector<MultiPolygon> towns;
  for (const auto& t : ws.townships()) towns.push_back(t.geom);
  check_agreement(towns, 1000000, 42);
  std::vector<MultiPolygon> zones;
  for (const auto& z : ws.zone_versions()) zones.push_back(z.geom);
  for (std::size_t i = 0; i < zones.size(); ++i) check_agreement({zones[i]}, 5000, 100 + i);
}

TEST_CASE("point location agrees with GEOS on lattice polygons with holes and horizontal edges", "[check]") {
  // Integer coordinates and half-integer probes hit vertices, horizontal and vertical edges
  // and collinear cases exactly.
  Polygon outer{{Ring{{0, 0}, {10, 0}, {10, 4}, {6, 4}, {6, 7}, {10, 7}, {10, 10}, {0, 10}, {3, 5}, {0, 0}},
                 Ring{{2, 2}, {4, 2}, {4, 3}, {2, 3}, {2, 2}}}};
  Polygon second{{Ring{{10, 0}, {14, 0}, {14, 10}, {10, 10}, {10, 7}, {12, 5}, {10, 4}, {10, 0}}}};
  std::vector<MultiPolygon> polys{MultiPolygon{{outer}}, MultiPolygon{{second}}};
  PointIndex index(polys);
  GeosContext ctx;
  GeosGeom g0 = to_geos(ctx, polys[0]), g1 = to_geos(ctx, polys[1]);
  GeosPrepared p0 = geos_prepare(ctx, g0.get()), p1 = geos_prepare(ctx, g1.get());
  int owners[2] = {0, 0};
  for (int i = -2; i <= 32; ++i) {
    for (int j = -2; j <= 24; ++j) {
      Point p{i * 0.5, j * 0.5};
      GeosGeom g = to_geos(ctx, p);
      bool c0 = GEOSPreparedCovers_r(ctx, p0.get(), g.get()) == 1;
      bool c1 = GEOSPreparedCovers_r(ctx, p1.get(), g.get()) == 1;
      PointHit hit = index.locate(p);
      INFO("point " << p.x << " " << p.y);
      CHECK(hit.covered == (c0 || c1));
      if (hit.owner == 0) CHECK(c0);
      if (hit.owner == 1) CHECK(c1);
      if (hit.owner >= 0) ++owners[hit.owner];
      // A point on the shared edge x = 10 goes to the polygon east of it.
      if (p.x == 10 && p.y > 0 && p.y < 4) CHECK(hit.owner == 1);
    }
  }
  CHECK(owners[0] > 0);
  CHECK(owners[1] > 0);
}

TEST_CASE("the filtered orientation agrees with exact arithmetic on near-degenerate triples", "[check]") {
  std::mt19937_64 rng(9);
  auto unit = [&] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
  int zeros = 0;
  for (int i = 0; i < 20000; ++i) {
    Point a{107 + unit(), 29 + unit()}, b{107 + unit(), 29 + unit()};
    double t = unit();
    Point c{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
    if (i % 2) c.x = std::nextafter(c.x, 200.0);
    int o = orientation(a, b, c);
    CHECK(o == orientation_exact(a, b, c));
    zeros += o == 0;
  }
  CHECK(orientation({0, 0}, {1, 1}, {2, 2}) == 0);
  CHECK(orientation({0, 0}, {1, 0}, {0, 1}) == 1);
  CHECK(orientation({0, 0}, {1, 0}, {0, -1}) == -1);
  CHECK(orientation({0.1, 0.1}, {0.2, 0.2}, {107.3, 107.3}) == 0);  // exactly collinear, far apart
  CHECK(zeros < 20000);
}

namespace {

// A w x h tiling of unit squares, numbered row by row from the south-west.
std::vector<MultiPolygon> unit_squares(int w, int h) {
  std::vector<MultiPolygon> out;
  for (int j = 0; j < h; ++j)
    for (int i = 0; i < w; ++i) {
      double x = i, y = j;
      out.push_back(MultiPolygon{{Polygon{{Ring{{x, y}, {x + 1, y}, {x + 1, y + 1}, {x, y + 1}, {x, y}}}}}});
    }
  return out;
}

}  // namespace

TEST_CASE("a shared edge goes to the square east or north of it, with 10 and with 300 polygons", "[check]") {
  // 10 polygons pack the grid in 4 bits a cell; 300 do not fit 8 bits, so edge-free cells of
  // the higher-numbered ones are stored as records: both layouts must answer alike.
  for (auto [w, h] : {std::pair{5, 2}, std::pair{20, 15}}) {
    PointIndex index(unit_squares(w, h));
    int wrong = 0;
    for (int a = -2; a <= 4 * w + 2; ++a)
      for (int b = -2; b <= 4 * h + 2; ++b) {
        Point p{a * 0.25, b * 0.25};
        PointHit hit = index.locate(p);
        bool inside = p.x >= 0 && p.x <= w && p.y >= 0 && p.y <= h;
        int expected = -1;
        if (inside) {
          // Nudged east then north; on the outer east or north side, the lowest-numbered
          // square whose boundary holds the point (the one south-west of it).
          int i = std::min(static_cast<int>(std::floor(p.x)), w - 1);
          int j = std::min(static_cast<int>(std::floor(p.y)), h - 1);
          if (p.x == w && p.y == std::floor(p.y) && p.y > 0) j = static_cast<int>(p.y) - 1;
          if (p.y == h && p.x == std::floor(p.x) && p.x > 0) i = static_cast<int>(p.x) - 1;
          expected = j * w + i;
        }
        bool on = inside && (p.x == std::floor(p.x) || p.y == std::floor(p.y));
        if (hit.covered != inside || hit.owner != expected || hit.on_boundary != on) ++wrong;
      }
    INFO(w << " x " << h << " squares");
    CHECK(wrong == 0);
  }
}
