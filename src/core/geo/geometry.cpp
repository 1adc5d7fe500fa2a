// Plain geometry helpers.
#include "geo/geometry.h"

#include <algorithm>

namespace giatlas {

std::size_t MultiPolygon::vertex_count() const {
  std::size_t n = 0;
  for (const auto& p : polygons)
    for (const auto& r : p.rings) n += r.size();
  return n;
}

void Box::expand(const Point& p) {
  minx = std::min(minx, p.x);
  miny = std::min(miny, p.y);
  maxx = std::max(maxx, p.x);
  maxy = std::max(maxy, p.y);
}

void Box::expand(const Box& b) {
  if (!b.valid()) return;
  minx = std::min(minx, b.minx);
  miny = std::min(miny, b.miny);
  maxx = std::max(maxx, b.maxx);
  maxy = std::max(maxy, b.maxy);
}

Box bounds(const Ring& r) {
  Box b;
  for (const auto& p : r) b.expand(p);
  return b;
}

Box bounds(const Polygon& p) {
  Box b;
  if (!p.rings.empty()) b = bounds(p.rings.front());
  return b;
}

Box bounds(const MultiPolygon& m) {
  Box b;
  for (const auto& p : m.polygons) b.expand(bounds(p));
  return b;
}

double signed_area(const Ring& r) {
  double a = 0;
  for (std::size_t i = 0; i + 1 < r.size(); ++i) a += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
  return a / 2;
}

}  // namespace giatlas
