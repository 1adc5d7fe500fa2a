// Optimistic concurrency for zones (Workspace::save_zone_version with based_on): two people open
// the same GI's zone at version 1 through two connections to one workspace; the first save
// becomes version 2, the second is refused naming who saved version 2 and when, writes nothing,
// and is saved as version 3 once based on version 2.
#include <catch2/catch.hpp>

#include "error.h"
#include "scope/zone_history.h"
#include "scope/zone_requests.h"
#include "scope_fixture.h"
#include "workspace/edit_conflict.h"

using namespace giatlas;
using test::kGi;

TEST_CASE("a zone saved from version 1 after someone saved version 2 is refused with who and when",
          "[scope][zone_conflict]") {
  test::TempDir dir;
  const std::string path = dir.file("w.gpkg");
  {
    Workspace ws = test::grid_workspace(path);
    save_zone(ws, test::cell(0, 0), drawn_save_request(kGi, {"2024-01-01", "甲", "", std::nullopt}));
  }
  Workspace ana = Workspace::open(path);  // two connections, as two desktops would have
  Workspace bo = Workspace::open(path);
  const int seen_by_ana = find_zone_version(ana, kGi).version;
  const int seen_by_bo = find_zone_version(bo, kGi).version;
  REQUIRE(seen_by_ana == 1);
  REQUIRE(seen_by_bo == 1);

  const ZoneVersion v2 =
      save_zone(ana, test::cell(1, 0), drawn_save_request(kGi, {"2024-02-01", "ana", "", seen_by_ana}));
  CHECK(v2.version == 2);
  CHECK_FALSE(v2.saved_by.empty());
  CHECK(v2.saved_at.size() == 20);  // YYYY-MM-DDTHH:MM:SSZ

  const MultiPolygon mine = test::cell(2, 0);
  try {
    save_zone(bo, mine, drawn_save_request(kGi, {"2024-03-01", "bo", "", seen_by_bo}));
    FAIL("the stale save was accepted");
  } catch (const EditConflict& e) {
    CHECK(e.newer_version() == 2);
    CHECK(e.who() == v2.saved_by);
    CHECK(e.when() == v2.saved_at);
    CHECK_THAT(e.what(), Catch::Contains("edited from version 1, but version 2 was saved meanwhile by " +
                                        v2.saved_by + " at " + v2.saved_at) &&
                             Catch::Contains("nothing saved"));
  }
  REQUIRE(zone_history(bo, kGi).size() == 2);  // nothing written
  CHECK(find_zone_version(bo, kGi, 1).effective_to == "2024-02-01");

  // Compared, then saved on top of theirs as version 3.
  const ZoneComparison c = compare_with_unsaved(find_zone_version(bo, kGi, 2), mine);
  CHECK(c.from_version == 2);
  CHECK(c.removed_km2 == Approx(c.from_km2).epsilon(1e-9));  // the two cells do not overlap
  CHECK(c.added_km2 == Approx(c.to_km2).epsilon(1e-9));
  const ZoneVersion v3 = save_zone(bo, mine, drawn_save_request(kGi, {"2024-03-01", "bo", "", 2}));
  CHECK(v3.version == 3);
  CHECK(find_zone_version(ana, kGi, 2).geom == test::cell(1, 0));  // theirs kept as it was
}

TEST_CASE("a first zone drawn while someone saved one, or from a version that is gone, is refused",
          "[scope][zone_conflict]") {
  test::TempDir dir;
  Workspace ws = test::grid_workspace(dir.file("w.gpkg"));
  save_zone(ws, test::cell(0, 0), drawn_save_request(kGi, {"2024-01-01", "", "", 0}));
  CHECK_THROWS_AS(save_zone(ws, test::cell(1, 0), drawn_save_request(kGi, {"2024-02-01", "", "", 0})), EditConflict);
  CHECK_THROWS_WITH(save_zone(ws, test::cell(1, 0), drawn_save_request(kGi, {"2024-02-01", "", "", 7})),
                    Catch::Contains("edited from version 7, which no longer exists"));
  CHECK(zone_history(ws, kGi).size() == 1);
  // Without a base version (a zone made afresh from units) no check applies.
  CHECK(save_zone(ws, test::cell(1, 0), drawn_save_request(kGi, {"2024-02-01", "", "", std::nullopt})).version == 2);
}
