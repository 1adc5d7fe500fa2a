// The workspace's map styles as the desktop loads and saves them (saved_map_styles,
// save_map_styles): the same functions `giatlas-cli styles`, `render` and `check` read.
#include <catch2/catch.hpp>

#include "error.h"
#include "map/feature_colour.h"
#include "map/qgis_styles.h"
#include "test_support.h"
#include "workspace/workspace.h"

using namespace giatlas;

TEST_CASE("a workspace without saved styles loads the default styles", "[map][styles]") {
  test::TempDir dir;
  const Workspace ws = Workspace::create(dir.file("s.gpkg"), "武隆区");
  CHECK(saved_map_styles(ws) == default_map_styles());
}

TEST_CASE("styles saved from the map load back unchanged after reopening", "[map][styles]") {
  test::TempDir dir;
  const std::string path = dir.file("s.gpkg");
  MapStyles changed = default_map_styles();
  changed.layers["townships"].opacity = 0.42f;
  changed.layers["villages"].visible = false;
  {
    Workspace ws = Workspace::create(path, "武隆区");
    save_map_styles(ws, changed);
  }
  const Workspace ro = Workspace::open(path, true);
  CHECK(saved_map_styles(ro) == changed);
}

TEST_CASE("a broken styles setting is a clear error, not silently the defaults", "[map][styles]") {
  test::TempDir dir;
  Workspace ws = Workspace::create(dir.file("s.gpkg"), "武隆区");
  ws.set_setting("map.styles", "{not json");
  CHECK_THROWS_AS(saved_map_styles(ws), Error);
}

TEST_CASE("styles are not saved into a read-only workspace and the file is unchanged", "[map][styles]") {
  test::TempDir dir;
  const std::string path = dir.file("s.gpkg");
  Workspace::create(path, "武隆区");
  const std::string before = test::slurp(path);
  {
    Workspace ro = Workspace::open(path, true);
    CHECK_THROWS_AS(save_map_styles(ro, default_map_styles()), Error);
  }
  CHECK(test::slurp(path) == before);
}
