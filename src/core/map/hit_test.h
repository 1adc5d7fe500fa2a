// Which features are under the cursor or inside a dragged box: identify and selection on the map.
#pragma once
#include <cstddef>
#include <vector>

#include "map/scene.h"

namespace giatlas {

// True when `p` is inside `m` (even–odd over all rings, so holes are outside).
bool polygon_contains(const MultiPolygon& m, const Point& p);

// Features of a polygon layer containing `p` (map metres), in layer order.
std::vector<std::size_t> pick_polygons(const PolygonLayer& layer, const Point& p);
// Points of a layer within `radius` map metres of `p`, nearest first.
std::vector<std::size_t> pick_points(const PointLayer& layer, const Point& p, double radius);

// Features inside a map box: points inside it, polygons that intersect it.
std::vector<std::size_t> select_polygons(const PolygonLayer& layer, const Box& box);
std::vector<std::size_t> select_points(const PointLayer& layer, const Box& box);

}  // namespace giatlas
