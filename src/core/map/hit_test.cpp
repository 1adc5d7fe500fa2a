// Point-in-polygon and box tests over a scene's layers (see hit_test.h).
#include "map/hit_test.h"

#include <algorithm>
#include <cmath>

namespace giatlas {
namespace {

bool ring_crosses(const Ring& r, const Point& p) {
  bool in = false;
  for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
    if ((r[i].y > p.y) != (r[j].y > p.y) &&
        p.x < (r[j].x - r[i].x) * (p.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
      in = !in;
  }
  return in;
}

bool segments_cross(const Point& a, const Point& b, const Point& c, const Point& d) {
  auto orient = [](const Point& p, const Point& q, const Point& r) {
    const double v = (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    return (v > 0) - (v < 0);
  };
  return orient(a, b, c) != orient(a, b, d) && orient(c, d, a) != orient(c, d, b);
}

bool polygon_meets_box(const MultiPolygon& m, const Box& box) {
  if (polygon_contains(m, box.center())) return true;
  const Point corners[4] = {{box.minx, box.miny}, {box.maxx, box.miny}, {box.maxx, box.maxy}, {box.minx, box.maxy}};
  for (const Polygon& p : m.polygons)
    for (const Ring& r : p.rings)
      for (std::size_t i = 0; i + 1 < r.size(); ++i) {
        if (box.contains(r[i])) return true;
        for (int k = 0; k < 4; ++k)
          if (segments_cross(r[i], r[i + 1], corners[k], corners[(k + 1) % 4])) return true;
      }
  return false;
}

}  // namespace

bool polygon_contains(const MultiPolygon& m, const Point& p) {
  for (const Polygon& poly : m.polygons) {
    bool in = false;
    for (const Ring& r : poly.rings)
      if (r.size() >= 3 && ring_crosses(r, p)) in = !in;
    if (in) return true;
  }
  return false;
}

std::vector<std::size_t> pick_polygons(const PolygonLayer& layer, const Point& p) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < layer.size(); ++i)
    if (layer.boxes[i].contains(p) && polygon_contains(layer.geom[i], p)) out.push_back(i);
  return out;
}

std::vector<std::size_t> pick_points(const PointLayer& layer, const Point& p, double radius) {
  std::vector<std::pair<double, std::size_t>> hits;
  for (std::size_t i = 0; i < layer.size(); ++i) {
    if (!layer.pos[i]) continue;
    const double d = std::hypot(layer.pos[i]->x - p.x, layer.pos[i]->y - p.y);
    if (d <= radius) hits.push_back({d, i});
  }
  std::sort(hits.begin(), hits.end());
  std::vector<std::size_t> out;
  for (const auto& h : hits) out.push_back(h.second);
  return out;
}

std::vector<std::size_t> select_polygons(const PolygonLayer& layer, const Box& box) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < layer.size(); ++i)
    if (layer.boxes[i].intersects(box) && polygon_meets_box(layer.geom[i], box)) out.push_back(i);
  return out;
}

std::vector<std::size_t> select_points(const PointLayer& layer, const Box& box) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < layer.size(); ++i)
    if (layer.pos[i] && box.contains(*layer.pos[i])) out.push_back(i);
  return out;
}

}  // namespace giatlas
