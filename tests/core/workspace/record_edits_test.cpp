// Register and producer edits saved against the row they began from (workspace/record_edits.h):
// two people edit the same row through two connections; the second save is refused naming the
// fields the first changed, writes nothing, and the second person's values stay theirs to use.
#include "workspace/record_edits.h"

#include <catch2/catch.hpp>

#include "error.h"
#include "test_support.h"
#include "workspace/workspace.h"

using namespace giatlas;

namespace {

struct TwoDesks {
  test::TempDir dir;
  std::string path = dir.file("w.gpkg");
  GiProduct gi;
  Producer producer;
  TwoDesks() {
    Workspace ws = Workspace::create(path, "武隆区");
    gi.name = "武隆高山萝卜";
    gi.category = "特色农产品";
    gi.protection_type = "农产品地理标志";
    gi.status = "candidate";
    ws.add_gi_product(gi);
    producer.name = "仙女山萝卜合作社";
    producer.gi = gi.name;
    producer.raw_x = "107.8";
    producer.raw_y = "29.4";
    producer.raw_crs = "EPSG:4490";
    producer.location = Point{107.8, 29.4};
    std::vector<Producer> rows{producer};
    ws.add_producers(rows);
    producer = rows.front();
  }
};

}  // namespace

TEST_CASE("a register entry saved after someone else changed it is refused and nothing is written",
          "[workspace][record_edits]") {
  TwoDesks t;
  Workspace ana = Workspace::open(t.path), bo = Workspace::open(t.path);
  const GiProduct ana_before = *ana.gi_product(t.gi.id), bo_before = *bo.gi_product(t.gi.id);
  GiProduct ana_after = ana_before, bo_after = bo_before;
  ana_after.holder = "武隆区农业农村委员会";
  bo_after.holder = "武隆区蔬菜协会";
  bo_after.status = "applying";
  save_gi_product_edit(ana, ana_before, ana_after);
  try {
    save_gi_product_edit(bo, bo_before, bo_after);
    FAIL("the stale edit was saved");
  } catch (const EditConflict& e) {
    CHECK_THAT(e.what(), Catch::Contains("save GI product '武隆高山萝卜': changed since you began editing it (holder)") &&
                             Catch::Contains("your values are not saved"));
    CHECK(e.row_id() == t.gi.id);
  }
  CHECK(bo.gi_product(t.gi.id)->holder == "武隆区农业农村委员会");
  CHECK(bo.gi_product(t.gi.id)->status == "candidate");
  // Seen, and saved again from the row as it is now.
  GiProduct now = *bo.gi_product(t.gi.id), again = now;
  again.status = bo_after.status;
  save_gi_product_edit(bo, now, again);
  CHECK(ana.gi_product(t.gi.id)->status == "applying");
  CHECK(ana.gi_product(t.gi.id)->holder == "武隆区农业农村委员会");
}

TEST_CASE("a producer's corrected location saved over someone else's change is refused",
          "[workspace][record_edits]") {
  TwoDesks t;
  Workspace ana = Workspace::open(t.path), bo = Workspace::open(t.path);
  const Producer before = *bo.producer(t.producer.id);
  CHECK(before == *ana.producer(t.producer.id));
  Producer ana_after = before, bo_after = before;
  ana_after.note = "地址已核实";
  ana_after.location = Point{107.81, 29.41};
  bo_after.location = Point{107.79, 29.39};
  save_producer_edit(ana, before, ana_after);
  CHECK_THROWS_WITH(save_producer_edit(bo, before, bo_after),
                    Catch::Contains("changed since you began editing it (location, note)"));
  CHECK(bo.producer(t.producer.id)->location == Point{107.81, 29.41});
  // The same change made twice is no conflict: the row already holds it.
  CHECK_NOTHROW(save_producer_edit(bo, before, ana_after));
  CHECK(changed_fields(before, bo_after) == std::vector<std::string>{"location"});
}

TEST_CASE("an edit of a row that was deleted, or of another row, is refused", "[workspace][record_edits]") {
  TwoDesks t;
  Workspace ws = Workspace::open(t.path);
  Producer ghost = t.producer;
  ghost.id = 999;
  CHECK_THROWS_WITH(save_producer_edit(ws, ghost, ghost), Catch::Contains("no longer exists"));
  Producer other = t.producer;
  other.id = t.producer.id + 1;
  CHECK_THROWS_WITH(save_producer_edit(ws, t.producer, other), Catch::Contains("different rows"));
}
