// Zones saved from a selection of units and from the zone editor (scope/zone_requests.h): the
// functions the CLI's `zone build` and the desktop's zone tools share. What each records, and
// that a refused save writes nothing.
#include "scope/zone_requests.h"

#include <catch2/catch.hpp>

#include "error.h"
#include "scope/zone_editor.h"
#include "scope_fixture.h"

using namespace giatlas;
using test::kGi;

TEST_CASE("a zone saved from selected units records its source, units, date, author and note",
          "[scope][zone_save]") {
  test::TempDir dir;
  Workspace ws = test::grid_workspace(dir.file("w.gpkg"));
  const SavedUnitsZone saved = save_units_zone(ws, ws.townships(), ws.villages(), {"500156001", "白马镇"},
                                               kGi, {"2024-01-01", "测绘员", "两镇"});
  CHECK(saved.zone.units == std::vector<std::string>{"500156001", "500156002"});
  CHECK(saved.version.version == 1);
  const ZoneVersion back = find_zone_version(ws, kGi, 1);
  CHECK(back.source == "units");
  CHECK(back.units == saved.zone.units);
  CHECK(back.effective_from == "2024-01-01");
  CHECK(back.author == "测绘员");
  CHECK(back.note == "两镇");
  CHECK(back.geom.polygons.size() == 1);  // the shared edge dissolves
  CHECK_FALSE(back.min_altitude_m);
}

TEST_CASE("the CLI's request and the one-call save record the same units zone", "[scope][zone_save]") {
  test::TempDir dir;
  Workspace ws = test::grid_workspace(dir.file("w.gpkg"));
  const ZoneFromUnits z = zone_from_units(ws.townships(), ws.villages(), {"双河镇"});
  const ZoneSaveRequest req = units_save_request(z, kGi, {"", "a", "n"});
  CHECK(req.source == "units");
  CHECK(req.units == std::vector<std::string>{"500156003"});
  CHECK(req.effective_from.empty());  // today, by save_zone_version's default
  CHECK_FALSE(req.min_altitude_m);
  CHECK_FALSE(req.max_altitude_m);
  CHECK(req.dem.empty());
}

TEST_CASE(
    "a units zone for an unknown GI, unit, empty selection or stale date is refused and nothing is written",
    "[scope][zone_save]") {
  test::TempDir dir;
  Workspace ws = test::grid_workspace(dir.file("w.gpkg"));
  const auto towns = ws.townships();
  const auto villages = ws.villages();
  save_units_zone(ws, towns, villages, {"白马镇"}, kGi, {"2024-01-01", "", ""});
  CHECK_THROWS_WITH(save_units_zone(ws, towns, villages, {"白马镇"}, "不存在", {}),
                    Catch::Contains("'不存在' is not in the GI register"));
  CHECK_THROWS_WITH(save_units_zone(ws, towns, villages, {"白马镇", "无此镇"}, kGi, {}),
                    Catch::Contains("无此镇"));
  CHECK_THROWS_AS(save_units_zone(ws, towns, villages, {}, kGi, {}), Error);
  CHECK_THROWS_WITH(save_units_zone(ws, towns, villages, {"双河镇"}, kGi, {"2023-06-01", "", ""}),
                    Catch::Contains("must take effect after version 1"));
  CHECK_THROWS_WITH(save_units_zone(ws, towns, villages, {"双河镇"}, kGi, {"2025-02-30", "", ""}),
                    Catch::Contains("invalid effective date '2025-02-30'"));
  const auto versions = ws.zone_versions(kGi);
  REQUIRE(versions.size() == 1);
  CHECK(versions.front().units == std::vector<std::string>{"500156002"});
  CHECK(versions.front().effective_to.empty());
}

TEST_CASE("a zone drawn in the editor is saved as a new drawn version with its note", "[scope][zone_save]") {
  test::TempDir dir;
  Workspace ws = test::grid_workspace(dir.file("w.gpkg"));
  save_units_zone(ws, ws.townships(), ws.villages(), {"仙女山街道"}, kGi, {"2024-01-01", "", ""});
  ZoneEditor ed(find_zone_version(ws, kGi).geom);
  REQUIRE(ed.add(test::cell(1, 0), OnInvalid::refuse).applied);
  const ZoneVersion v =
      save_zone(ws, ed.geometry(), drawn_save_request(kGi, {"2025-01-01", "测绘员", "扩大到东侧"}));
  CHECK(v.version == 2);
  const ZoneVersion back = find_zone_version(ws, kGi, 2);
  CHECK(back.source == "drawn");
  CHECK(back.units.empty());
  CHECK(back.note == "扩大到东侧");
  CHECK(back.author == "测绘员");
  CHECK(find_zone_version(ws, kGi, 1).effective_to == "2025-01-01");
}

TEST_CASE("an empty or invalid drawn zone is refused and nothing is written", "[scope][zone_save]") {
  test::TempDir dir;
  Workspace ws = test::grid_workspace(dir.file("w.gpkg"));
  CHECK_THROWS_WITH(save_zone(ws, MultiPolygon{}, drawn_save_request(kGi, {})),
                    Catch::Contains("the zone is empty"));
  const MultiPolygon bowtie{
      {Polygon{{Ring{{107.5, 29.2}, {107.6, 29.3}, {107.6, 29.2}, {107.5, 29.3}, {107.5, 29.2}}}}}};
  CHECK_THROWS_WITH(save_zone(ws, bowtie, drawn_save_request(kGi, {})), Catch::Contains("is not valid"));
  CHECK(ws.zone_versions(kGi).empty());
}
