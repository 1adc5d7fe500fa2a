// Tests for vertex and edge snapping.
#include "scope/snapping.h"

#include <catch2/catch.hpp>

#include "scope_fixture.h"

using namespace giatlas;
using namespace giatlas::test;

TEST_CASE("a vertex within tolerance is preferred over a nearer edge", "[scope]") {
  Snapper s;
  s.add_layer(cell(0, 0));  // corners at 107.5/107.6, 29.2/29.3
  // 0.0005 from the edge x = 107.5, 0.0008 from the corner (107.5, 29.2).
  const Snap snap = s.snap({107.5005, 29.2006}, 0.001);
  CHECK(snap.kind == SnapKind::vertex);
  CHECK(snap.point == Point{107.5, 29.2});
  CHECK(snap.layer == 0);
}

TEST_CASE("a point near an edge but far from vertices projects onto the edge", "[scope]") {
  Snapper s;
  s.add_layer(cell(0, 0));
  const Snap snap = s.snap({107.5004, 29.25}, 0.001);
  CHECK(snap.kind == SnapKind::edge);
  CHECK(snap.point.x == Approx(107.5));
  CHECK(snap.point.y == Approx(29.25));
  CHECK(snap.distance == Approx(0.0004));
}

TEST_CASE("nothing within tolerance means no snap and the point is unchanged", "[scope]") {
  Snapper s;
  s.add_layer(cell(0, 0));
  const Snap snap = s.snap({107.55, 29.25}, 0.001);
  CHECK(snap.kind == SnapKind::none);
  CHECK(snap.point == Point{107.55, 29.25});
  CHECK(Snapper().snap({0, 0}, 1).kind == SnapKind::none);
}

TEST_CASE("snapping reaches other zones' layers and ties go to the earlier layer", "[scope]") {
  Snapper s;
  s.add_layer(cell(0, 0));
  const int zones = s.add_layer(MultiPolygon{{square(107.7, 29.2, 107.8, 29.3)}});
  const Snap other = s.snap({107.7003, 29.2502}, 0.001);
  CHECK(other.kind == SnapKind::edge);
  CHECK(other.layer == zones);
  Snapper tie;
  tie.add_layer(cell(0, 0));
  tie.add_layer(cell(0, 0));
  CHECK(tie.snap({107.5001, 29.2001}, 0.001).layer == 0);
}

TEST_CASE("the grid index finds the same snaps as a scan over many segments", "[scope]") {
  Snapper s;
  for (const auto& t : grid_townships()) s.add_layer(t.geom);
  for (int i = 0; i < 50; ++i) {
    const Point p{107.5 + 0.006 * i, 29.2 + 0.0059 * i};
    const Snap a = s.snap(p, 0.002);
    // The grid lines are every 0.1°, so the expected kind is computable.
    const double dx = std::abs(p.x - (107.5 + std::round((p.x - 107.5) / 0.1) * 0.1));
    const double dy = std::abs(p.y - (29.2 + std::round((p.y - 29.2) / 0.1) * 0.1));
    if (std::hypot(dx, dy) <= 0.002)
      CHECK(a.kind == SnapKind::vertex);
    else if (std::min(dx, dy) <= 0.002)
      CHECK(a.kind == SnapKind::edge);
    else
      CHECK(a.kind == SnapKind::none);
  }
}
