// Tests for the zone editing session: drawing with snapping, vertex edits, operations,
// validity (refuse or repair) and undo / redo.
#include "scope/zone_editor.h"

#include <catch2/catch.hpp>

#include "geo/geodesic.h"
#include "scope/zone_ops.h"
#include "scope_fixture.h"

using namespace giatlas;
using namespace giatlas::test;

TEST_CASE("drawing snaps to township vertices and closes on the first vertex", "[scope]") {
  ZoneEditor ed;
  ed.snapper().add_layer(cell(0, 0));
  ed.begin_draw();
  CHECK(ed.add_draft_vertex({107.5003, 29.2002}, 0.001).kind == SnapKind::vertex);
  CHECK(ed.add_draft_vertex({107.6002, 29.2001}, 0.001).kind == SnapKind::vertex);
  CHECK(ed.add_draft_vertex({107.6004, 29.25}, 0.001).kind == SnapKind::edge);
  ed.add_draft_vertex({107.55, 29.28}, 0.001);
  CHECK_FALSE(ed.draft_closed());
  ed.add_draft_vertex({107.5004, 29.2001}, 0.001);  // near the first vertex: closes
  CHECK(ed.draft_closed());
  REQUIRE(ed.draft().size() == 4);
  CHECK(ed.draft()[0] == Point{107.5, 29.2});
  CHECK(ed.draft()[2] == Point{107.6, 29.25});
  const EditResult r = ed.finish_draw();
  CHECK(r.applied);
  CHECK_FALSE(ed.drawing());
  REQUIRE(ed.geometry().polygons.size() == 1);
  CHECK(ed.geometry().polygons[0].rings[0].size() == 5);
  CHECK(ed.undo_label() == "add polygon");
}

TEST_CASE("a self-intersecting drawing is refused with the reason, or repaired on request", "[scope]") {
  ZoneEditor ed;
  ed.begin_draw();
  for (Point p : {Point{107.5, 29.2}, Point{107.6, 29.3}, Point{107.6, 29.2}, Point{107.5, 29.3}})
    ed.add_draft_vertex(p, 0);
  const EditResult refused = ed.finish_draw();
  CHECK_FALSE(refused.applied);
  CHECK_THAT(refused.reason, Catch::Contains("Self-intersection"));
  CHECK(ed.geometry().empty());
  CHECK(ed.drawing());
  const EditResult repaired = ed.finish_draw(DrawMode::add, OnInvalid::repair);
  CHECK(repaired.applied);
  CHECK(repaired.repaired);
  CHECK(ed.validity().empty());
  CHECK(ed.geometry().polygons.size() == 2);  // the bow-tie becomes two triangles
}

TEST_CASE("moving a vertex across the ring is refused and leaves the zone unchanged", "[scope]") {
  ZoneEditor ed(cell(0, 0));
  const auto v = ed.nearest_vertex({107.6001, 29.3001}, 0.001);
  REQUIRE(v);
  const MultiPolygon before = ed.geometry();
  const EditResult r = ed.move_vertex(*v, {107.55, 29.1});  // below the bottom edge: the ring crosses itself
  CHECK_FALSE(r.applied);
  CHECK_FALSE(r.reason.empty());
  CHECK(ed.geometry() == before);
  CHECK_FALSE(ed.can_undo());
  CHECK(ed.move_vertex(*v, {107.62, 29.31}).applied);
  CHECK(ed.geometry().polygons[0].rings[0][v->index] == Point{107.62, 29.31});
}

TEST_CASE("inserting on an edge and deleting vertices keep at least a triangle", "[scope]") {
  ZoneEditor ed(cell(0, 0));
  const auto e = ed.nearest_edge({107.55, 29.2003}, 0.001);
  REQUIRE(e);
  CHECK(ed.insert_vertex(e->after, {107.55, 29.19}).applied);
  CHECK(ed.geometry().polygons[0].rings[0].size() == 6);
  CHECK(ed.delete_vertex({0, 0, 0}).applied);
  CHECK(ed.geometry().polygons[0].rings[0].front() == ed.geometry().polygons[0].rings[0].back());
  CHECK(ed.delete_vertex({0, 0, 1}).applied);
  CHECK(ed.geometry().polygons[0].rings[0].size() == 4);
  CHECK_FALSE(ed.delete_vertex({0, 0, 0}).applied);
  CHECK_THROWS(ed.move_vertex({3, 0, 0}, {0, 0}));
}

TEST_CASE("a split keeps the chosen pieces and add, subtract and clip change the area", "[scope]") {
  ZoneEditor ed(cell(0, 0));
  const std::vector<Point> cut{{107.55, 29.1}, {107.55, 29.4}};
  const auto pieces = ed.split_preview(cut);
  REQUIRE(pieces.size() == 2);
  CHECK(geodesic_area(pieces[0]) == Approx(geodesic_area(ed.geometry()) / 2).epsilon(1e-3));
  const double whole = geodesic_area(ed.geometry());
  CHECK(ed.split_keep(cut, {0}).applied);
  CHECK(geodesic_area(ed.geometry()) == Approx(whole / 2).epsilon(1e-3));
  CHECK_FALSE(ed.split_keep({{107.0, 29.0}, {107.1, 29.1}}, {0}).applied);  // misses the zone

  CHECK(ed.add(cell(1, 0)).applied);
  const double after_add = geodesic_area(ed.geometry());
  CHECK(after_add == Approx(whole * 1.5).epsilon(1e-3));
  CHECK(ed.subtract(MultiPolygon{{square(107.6, 29.2, 107.65, 29.3)}}).applied);
  CHECK(geodesic_area(ed.geometry()) == Approx(whole).epsilon(1e-3));
  CHECK(ed.clip_to(MultiPolygon{{square(107.5, 29.2, 107.7, 29.25)}}).applied);
  CHECK(geodesic_area(ed.geometry()) == Approx(whole / 2).epsilon(1e-3));
}

TEST_CASE("buffering by metres grows the zone by about perimeter times distance", "[scope]") {
  ZoneEditor ed(cell(0, 0));
  const double a0 = geodesic_area(ed.geometry());
  const double p0 = geodesic_perimeter(ed.geometry());
  REQUIRE(ed.buffer(100).applied);
  const double grown = geodesic_area(ed.geometry()) - a0;
  CHECK(grown == Approx(p0 * 100 + M_PI * 100 * 100).epsilon(0.01));
  REQUIRE(ed.buffer(-100).applied);
  CHECK(geodesic_area(ed.geometry()) == Approx(a0).epsilon(0.001));
}

TEST_CASE("undo and redo walk back and forth through more than a hundred steps", "[scope]") {
  ZoneEditor ed(cell(0, 0));
  std::vector<MultiPolygon> states{ed.geometry()};
  const auto v = *ed.nearest_vertex({107.6, 29.3}, 1e-9);
  for (int i = 1; i <= 150; ++i) {
    REQUIRE(ed.move_vertex(v, {107.6 + 0.0001 * i, 29.3 + 0.0001 * i}).applied);
    states.push_back(ed.geometry());
  }
  CHECK(ed.undo_steps() == 150);
  for (int i = 149; i >= 0; --i) {
    REQUIRE(ed.undo());
    CHECK(ed.geometry() == states[static_cast<std::size_t>(i)]);
  }
  CHECK_FALSE(ed.undo());
  for (int i = 1; i <= 120; ++i) {
    REQUIRE(ed.redo());
    CHECK(ed.geometry() == states[static_cast<std::size_t>(i)]);
  }
  CHECK(ed.redo_steps() == 30);
  // A new edit clears what could be redone.
  REQUIRE(ed.add(cell(1, 0)).applied);
  CHECK_FALSE(ed.can_redo());
  REQUIRE(ed.undo());
  CHECK(ed.geometry() == states[120]);
}

TEST_CASE("the undo history is bounded by its limit and drops the oldest steps", "[scope]") {
  ZoneEditorOptions opt;
  opt.undo_limit = 120;
  ZoneEditor ed(cell(0, 0), opt);
  const auto v = *ed.nearest_vertex({107.6, 29.3}, 1e-9);
  for (int i = 1; i <= 130; ++i) REQUIRE(ed.move_vertex(v, {107.6 + 0.0001 * i, 29.3}).applied);
  CHECK(ed.undo_steps() == 120);
  while (ed.undo()) {
  }
  CHECK(ed.geometry().polygons[0].rings[0][v.index].x == Approx(107.6 + 0.0001 * 10));
}

TEST_CASE("clipping to the district trims a zone drawn past the township edges", "[scope]") {
  ZoneEditor ed(MultiPolygon{{square(107.45, 29.15, 107.55, 29.25)}});  // overhangs the grid's corner
  const MultiPolygon district = district_area(grid_townships());
  REQUIRE(district.polygons.size() == 1);
  REQUIRE(ed.clip_to(district).applied);
  CHECK(geodesic_area(ed.geometry()) ==
        Approx(geodesic_area(square(107.5, 29.2, 107.55, 29.25))).epsilon(1e-6));
  CHECK(bounds(ed.geometry()).minx == Approx(107.5));
}
