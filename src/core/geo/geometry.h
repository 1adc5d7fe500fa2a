// Plain geometry values used across the core: points, rings, polygons, boxes (no C handles).
#pragma once
#include <cstdint>
#include <limits>
#include <vector>

namespace giatlas {

// A position. In the workspace x = longitude, y = latitude (EPSG:4490, traditional GIS order);
// in projected work x = easting, y = northing in metres.
struct Point {
  double x = 0;
  double y = 0;
  friend bool operator==(const Point&, const Point&) = default;
};

// A closed ring: front() == back(). Orientation is not guaranteed.
using Ring = std::vector<Point>;

// rings[0] is the shell, the rest are holes.
struct Polygon {
  std::vector<Ring> rings;
  friend bool operator==(const Polygon&, const Polygon&) = default;
};

struct MultiPolygon {
  std::vector<Polygon> polygons;
  bool empty() const { return polygons.empty(); }
  std::size_t vertex_count() const;
  friend bool operator==(const MultiPolygon&, const MultiPolygon&) = default;
};

struct Box {
  double minx = std::numeric_limits<double>::infinity();
  double miny = std::numeric_limits<double>::infinity();
  double maxx = -std::numeric_limits<double>::infinity();
  double maxy = -std::numeric_limits<double>::infinity();
  bool valid() const { return minx <= maxx && miny <= maxy; }
  void expand(const Point& p);
  void expand(const Box& b);
  bool contains(const Point& p) const { return p.x >= minx && p.x <= maxx && p.y >= miny && p.y <= maxy; }
  bool intersects(const Box& b) const {
    return b.minx <= maxx && b.maxx >= minx && b.miny <= maxy && b.maxy >= miny;
  }
  double width() const { return maxx - minx; }
  double height() const { return maxy - miny; }
  Point center() const { return {(minx + maxx) / 2, (miny + maxy) / 2}; }
};

Box bounds(const Ring& r);
Box bounds(const Polygon& p);
Box bounds(const MultiPolygon& m);

// Signed planar area of a ring (positive = counter-clockwise), in squared input units.
double signed_area(const Ring& r);

}  // namespace giatlas
