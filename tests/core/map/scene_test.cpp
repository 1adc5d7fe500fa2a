// Tests of the map scene built from a workspace: layers, levels of detail, triangles, hit
// testing, check colours and legend.
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

#include "map/feature_colour.h"
#include "map/hit_test.h"
#include "map/scene.h"
#include "map/tessellate.h"
#include "workspace/workspace.h"

using namespace giatlas;

namespace {

std::filesystem::path temp_dir() {
  std::random_device rd;
  auto p = std::filesystem::temp_directory_path() / ("giatlas_scene_" + std::to_string(rd()));
  std::filesystem::create_directories(p);
  return p;
}

MultiPolygon square(double x0, double y0, double s) {
  return MultiPolygon{{Polygon{{{{x0, y0}, {x0 + s, y0}, {x0 + s, y0 + s}, {x0, y0 + s}, {x0, y0}}}}}};
}

// Two townships side by side (0.1° squares), a zone over the first, two producers.
std::string make_workspace(const std::filesystem::path& dir) {
  const std::string path = (dir / "w.gpkg").string();
  Workspace ws = Workspace::create(path, "测试区", "500156", true);
  std::vector<Township> towns(2);
  towns[0] = {0, "甲镇", "500156100", "镇", 2021, square(107.5, 29.3, 0.1)};
  towns[1] = {0, "乙乡", "500156200", "乡", 2021, square(107.6, 29.3, 0.1)};
  ws.add_townships(towns);
  GiProduct gi;
  gi.name = "测试萝卜";
  gi.category = "特色农产品";
  gi.status = "registered";
  ws.add_gi_product(gi);
  ZoneVersion z;
  z.gi = "测试萝卜";
  z.effective_from = "2020-01-01";
  z.source = "drawn";
  z.geom = square(107.5, 29.3, 0.1);
  ws.save_zone_version(z);
  std::vector<Producer> ps(2);
  ps[0].name = "inside farm";
  ps[0].gi = "测试萝卜";
  ps[0].location = Point{107.55, 29.35};
  ps[1].name = "outside farm";
  ps[1].gi = "测试萝卜";
  ps[1].location = Point{107.65, 29.35};
  ws.add_producers(ps);
  return path;
}

}  // namespace

TEST_CASE("a workspace becomes map layers with fills that cover each polygon exactly", "[map][mapview]") {
  const auto dir = temp_dir();
  const Workspace ws = Workspace::open(make_workspace(dir), true);
  const MapScene scene = build_scene(ws, SceneOptions{LodOptions(), 2});
  const PolygonLayer* towns = scene.polygon_layer("townships");
  REQUIRE(towns);
  REQUIRE(towns->size() == 2);
  CHECK(towns->labels[0] == "甲镇");
  REQUIRE(towns->lods.size() == 6);
  // Level 0 triangles of township 0 add up to its area in map metres (~9.7 km × 11.1 km).
  const LodMesh& lod0 = towns->lods[0];
  std::vector<Point> tris;
  for (std::uint32_t k = 0; k < lod0.tri_ranges[0].count; ++k) {
    const std::size_t v = lod0.tri_ranges[0].first + k;
    tris.push_back({lod0.triangles[2 * v], lod0.triangles[2 * v + 1]});
  }
  const Box b = towns->boxes[0];
  CHECK(triangles_area(tris) == Approx(b.width() * b.height()).epsilon(1e-4));
  CHECK(lod0.seg_ranges[0].count == 4);
  CHECK(towns->anchors[0].valid());
  CHECK(scene.polygon_layer("zones")->size() == 1);
  CHECK(scene.point_layer("producers")->size() == 2);
  std::filesystem::remove_all(dir);
}

TEST_CASE("clicking inside a township picks it, and a box selects the points inside", "[map][mapview]") {
  const auto dir = temp_dir();
  const Workspace ws = Workspace::open(make_workspace(dir), true);
  const MapScene scene = build_scene(ws);
  const PolygonLayer& towns = *scene.polygon_layer("townships");
  const Point in_second = scene.proj.to_map({107.65, 29.31});
  CHECK(pick_polygons(towns, in_second) == std::vector<std::size_t>{1});
  CHECK(pick_polygons(towns, scene.proj.to_map({107.9, 29.31})).empty());
  const PointLayer& prod = *scene.point_layer("producers");
  CHECK(pick_points(prod, scene.proj.to_map({107.5501, 29.35}), 50).size() == 1);
  Box box;
  box.expand(scene.proj.to_map({107.6, 29.3}));
  box.expand(scene.proj.to_map({107.7, 29.4}));
  CHECK(select_points(prod, box) == std::vector<std::size_t>{1});
  CHECK(select_polygons(towns, box).size() == 2);  // the shared edge touches the first
  std::filesystem::remove_all(dir);
}

TEST_CASE("check results colour the producers and show in their attributes", "[map][mapview]") {
  const auto dir = temp_dir();
  const Workspace ws = Workspace::open(make_workspace(dir), true);
  MapScene scene = build_scene(ws);
  const MapStyles styles = default_map_styles();
  const PointLayer& prod = *scene.point_layer("producers");
  CHECK(point_colours(styles, prod)[0] == styles.check_result.at("unchecked"));
  apply_check_results(scene, {{prod.ids[0], {"inside", "", "", "1250.0"}},
                              {prod.ids[1], {"outside", "outside the zone by 200 m", "below_band", "640.0"}}});
  const std::vector<Rgba> colours = point_colours(styles, prod);
  CHECK(colours[0] == styles.check_result.at("inside"));
  CHECK(colours[1] == styles.check_result.at("outside"));
  const int reason = prod.table.column("check reason");
  REQUIRE(reason >= 0);
  CHECK(prod.table.rows[1][static_cast<std::size_t>(reason)] == "outside the zone by 200 m");
  const int cause = prod.table.column("check cause"), altitude = prod.table.column("altitude (m)");
  REQUIRE(cause >= 0);
  REQUIRE(altitude >= 0);
  CHECK(prod.table.rows[1][static_cast<std::size_t>(cause)] == "below_band");
  CHECK(prod.table.rows[1][static_cast<std::size_t>(altitude)] == "640.0");
  const auto legend = legend_entries(styles, scene, "producers");
  REQUIRE(legend.size() == 2);
  CHECK(legend[0].first == "inside");
  const Rgba fill = polygon_fills(styles, *scene.polygon_layer("zones"))[0];
  const Rgba gi = zone_colour(styles, 0);
  CHECK((fill.r == gi.r && fill.g == gi.g && fill.b == gi.b));
  CHECK(fill.a == styles.layers.at("zones").fill.a);  // a faint wash: the outline carries the colour
  CHECK(polygon_outlines(styles, *scene.polygon_layer("zones"))[0] == gi);
  std::filesystem::remove_all(dir);
}
