// The GI resources on the map: placed by their census points, else by their townships' centroids,
// coloured by category, listed in the attribute table and found by identify's hit test.
#include "programme/resource_places.h"

#include <catch2/catch.hpp>

#include "map/feature_colour.h"
#include "map/field_labels.h"
#include "map/scene.h"
#include "map/style.h"
#include "programme/catalogue.h"
#include "test_support.h"
#include "workspace/workspace.h"

using namespace giatlas;

namespace {

GiResource resource(std::int64_t id, std::string name, std::vector<std::string> townships) {
  GiResource r;
  r.id = id;
  r.name = std::move(name);
  r.townships = std::move(townships);
  return r;
}

}  // namespace

TEST_CASE("a resource sits at the mean of its census points, else at its townships' centroids",
          "[programme]") {
  std::vector<Township> towns(2);
  towns[0].name = "甲镇", towns[0].geom = test::square(107.0, 29.0, 0.2);  // centroid near 107.1, 29.1
  towns[1].name = "乙镇", towns[1].geom = test::square(107.4, 29.0, 0.2);  // near 107.5, 29.1
  const std::vector<GiResource> res = {resource(1, "A", {"甲镇", "乙镇"}), resource(2, "B", {"甲镇"}),
                                       resource(3, "C", {"火星乡"})};
  std::vector<CensusPoint> census(2);
  census[0].resource_id = 2, census[0].location = {107.02, 29.02};
  census[1].resource_id = 2, census[1].location = {107.06, 29.04};
  const std::vector<CatalogueStatusRecord> records = {{1, 1, "resource", "2021-01-01", "", ""},
                                                      {2, 1, "catalogued", "2022-01-01", "", ""}};
  const auto p = place_resources(res, records, census, towns);
  REQUIRE(p.size() == 3);
  REQUIRE(p[0].lonlat);
  CHECK(p[0].placed_by == "townships");
  CHECK(p[0].lonlat->x == Approx(107.3).margin(0.01));
  CHECK(p[0].lonlat->y == Approx(29.1).margin(0.01));
  CHECK(p[0].status == "catalogued");
  REQUIRE(p[1].lonlat);
  CHECK(p[1].placed_by == "census_points");
  CHECK(p[1].census_points == 2);
  CHECK(p[1].lonlat->x == Approx(107.04));
  CHECK(p[1].lonlat->y == Approx(29.03));
  CHECK_FALSE(p[2].lonlat);  // a township the workspace lacks: listed, not placed
  CHECK(p[2].placed_by.empty());
}

TEST_CASE("the sample's resources are a map layer coloured by category, with a row per resource",
          "[programme][sample]") {
  const Workspace ws = Workspace::open(std::string(GIATLAS_SOURCE_DIR) + "/data/wulong-sample.gpkg", true);
  const MapScene scene = build_scene(ws);
  const PointLayer* l = scene.point_layer("resources");
  REQUIRE(l);
  CHECK(l->size() == 18);  // the sample's library
  CHECK(l->table.rows.size() == 18);
  const int name = l->table.column("name"), status = l->table.column("catalogue status");
  REQUIRE(name >= 0);
  REQUIRE(status >= 0);
  bool found = false;
  for (std::size_t i = 0; i < l->size(); ++i)
    if (l->table.rows[i][static_cast<std::size_t>(name)] == "武隆老鹰茶") {
      found = true;
      CHECK(l->table.rows[i][static_cast<std::size_t>(status)] == "已注册");
      CHECK(l->pos[i].has_value());
      CHECK(l->classes[i] == "特色农产品");
    }
  CHECK(found);
  const MapStyles styles = default_map_styles();
  const auto colours = point_colours(styles, *l);
  for (std::size_t i = 0; i < l->size(); ++i) CHECK(colours[i] == styles.census_category.at(l->classes[i]));
  CHECK(field_value_label("placed by", "townships", true) == "产地乡镇中心");
}
