// Tests of recording census points with undo/redo, and of census summaries.
#include <catch2/catch.hpp>

#include "census/census_editor.h"
#include "error.h"
#include "test_support.h"
#include "workspace/workspace.h"

using namespace giatlas;
using giatlas::test::square;

namespace {

Workspace two_townships(const test::TempDir& dir) {
  Workspace ws = Workspace::create(dir.file("c.gpkg"), "武隆区");
  std::vector<Township> towns{{0, "白马镇", "500156100", "镇", 2023, square(107.0, 29.0, 1.0)},
                              {0, "仙女山街道", "500156003", "街道", 2023, square(108.0, 29.0, 1.0)}};
  ws.add_townships(towns);
  return ws;
}

CensusPoint radish(double x, double y) {
  CensusPoint p;
  p.product = "高山萝卜";
  p.category = "特色农产品";
  p.location = {x, y};
  p.area_mu = 100;
  return p;
}

}  // namespace

TEST_CASE("a recorded census point is saved at once with its township") {
  test::TempDir dir;
  Workspace ws = two_townships(dir);
  CensusEditor ed(ws);
  std::int64_t id = ed.add(radish(107.5, 29.5));
  auto saved = ws.census_point(id);
  REQUIRE(saved);
  CHECK(saved->township == "白马镇");
  // On the north-south edge shared by the two townships: the one east of it (as the check does).
  std::int64_t edge = ed.add(radish(108.0, 29.5));
  CHECK(ws.census_point(edge)->township == "仙女山街道");
  CHECK_THROWS_AS(ed.add(CensusPoint{}), Error);
}

TEST_CASE("undo and redo walk back and forth through adds, moves, edits and deletes") {
  test::TempDir dir;
  Workspace ws = two_townships(dir);
  CensusEditor ed(ws);
  std::int64_t a = ed.add(radish(107.5, 29.5));
  ed.move(a, {108.5, 29.5});
  CHECK(ws.census_point(a)->township == "仙女山街道");
  CensusPoint changed = *ws.census_point(a);
  changed.households = 42;
  ed.edit(changed);
  ed.remove(a);
  CHECK(ws.census_points().empty());
  CHECK(ed.undo_label() == "delete 高山萝卜 census point");

  ed.undo();  // the delete: the point comes back (with a new id)
  REQUIRE(ws.census_points().size() == 1);
  CHECK(ws.census_points()[0].households == 42);
  ed.undo();  // the edit
  CHECK(ws.census_points()[0].households == 0);
  ed.undo();  // the move
  CHECK(ws.census_points()[0].township == "白马镇");
  ed.undo();  // the add
  CHECK(ws.census_points().empty());
  CHECK_FALSE(ed.can_undo());

  for (int i = 0; i < 4; ++i) ed.redo();
  CHECK(ws.census_points().empty());  // the delete is redone too
  ed.undo();
  CHECK(ws.census_points().size() == 1);
  CHECK(ws.census_points()[0].location == Point{108.5, 29.5});
  // A new change clears the redo history.
  ed.add(radish(107.2, 29.2));
  CHECK_FALSE(ed.can_redo());
}

TEST_CASE("the undo history keeps the newest steps up to its limit") {
  test::TempDir dir;
  Workspace ws = two_townships(dir);
  CensusEditor ed(ws, 3);
  for (int i = 0; i < 5; ++i) ed.add(radish(107.1 + 0.1 * i, 29.5));
  int undone = 0;
  while (ed.can_undo()) ed.undo(), ++undone;
  CHECK(undone == 3);
  CHECK(ws.census_points().size() == 2);
}

TEST_CASE("census summaries add up per township") {
  std::vector<CensusPoint> pts{radish(0, 0), radish(0, 0), radish(0, 0)};
  pts[0].township = "白马镇";
  pts[1].township = "白马镇";
  pts[2].township = "双河镇";
  pts[2].category = "道地药材";
  auto by_town = summarise_census(pts, "township");
  REQUIRE(by_town.size() == 2);
  CHECK(by_town[0].key == "双河镇");
  CHECK(by_town[1].points == 2);
  CHECK(by_town[1].area_mu == 200);
  CHECK(summarise_census(pts, "category").size() == 2);
  CHECK_THROWS_AS(summarise_census(pts, "colour"), Error);
}
