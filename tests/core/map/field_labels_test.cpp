// Field names and check results in the interface language.
#include "map/field_labels.h"

#include <catch2/catch.hpp>

#include "map/scene.h"
#include "workspace/workspace.h"

using namespace giatlas;

TEST_CASE("every column the map's tables show has a Chinese label; English keeps the field names", "[map]") {
  const Workspace ws = Workspace::open(std::string(GIATLAS_SOURCE_DIR) + "/data/wulong-sample.gpkg", true);
  MapScene scene = build_scene(ws);
  std::map<std::int64_t, ProducerResult> results;
  apply_check_results(scene, results);  // adds the check columns
  int columns = 0;
  auto check = [&](const AttributeTable& t) {
    for (const std::string& c : t.columns) {
      ++columns;
      INFO(c);
      CHECK(field_label(c, true) != c);
      CHECK(field_label(c, false) == c);
    }
  };
  for (const auto& l : scene.polygons) check(l.table);
  for (const auto& l : scene.points) check(l.table);
  CHECK(columns > 20);
  CHECK(field_label("check result", true) == "核查结果");
  CHECK(field_value_label("check result", "inside_near_boundary", true) == "区域内（近边界）");
  CHECK(field_value_label("check result", "inside_near_boundary", false) == "inside_near_boundary");
  CHECK(field_value_label("authorised", "yes", true) == "是");
  CHECK(field_value_label("name", "inside", true) == "inside");  // only coded fields are translated
}
