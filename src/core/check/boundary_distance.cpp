// Nearest-edge distance in the Gauss–Krüger plane: a bounding-box tree over the projected edges.
#include "check/boundary_distance.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "error.h"

namespace giatlas {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t kLeafSize = 8;

double segment_distance2(double px, double py, double ax, double ay, double bx, double by) {
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  double qx = ax + t * dx - px, qy = ay + t * dy - py;
  return qx * qx + qy * qy;
}

OGRSpatialReference gk_srs(int epsg) {
  OGRSpatialReference s;
  if (s.importFromEPSG(epsg) != OGRERR_NONE) throw Error("unknown coordinate system EPSG:" + std::to_string(epsg));
  s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return s;
}

}  // namespace

BoundaryDistance::BoundaryDistance(const MultiPolygon& zone) {
  Box b = bounds(zone);
  if (!b.valid()) return;
  epsg_ = cgcs2000_gk3_epsg(b.center().x);
  OgrTransform to_gk = make_projector();
  std::vector<Seg> segs;
  for (const auto& poly : zone.polygons) {
    for (const auto& ring : poly.rings) {
      std::vector<Point> pr(ring);
      for (auto& p : pr)
        if (!transform_point(*to_gk, p)) throw Error("zone boundary: cannot project a vertex to EPSG:" + std::to_string(epsg_));
      for (std::size_t i = 0; i + 1 < pr.size(); ++i) segs.push_back({pr[i].x, pr[i].y, pr[i + 1].x, pr[i + 1].y});
    }
  }
  if (segs.empty()) return;
  std::vector<std::uint32_t> order(segs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
  nodes_.reserve(2 * segs.size() / kLeafSize + 2);
  nodes_.emplace_back();
  build(0, order, 0, order.size(), segs);
  segs_.reserve(segs.size());
  for (std::uint32_t i : order) segs_.push_back(segs[i]);
}

void BoundaryDistance::build(std::uint32_t node, std::vector<std::uint32_t>& order, std::size_t begin,
                             std::size_t end, const std::vector<Seg>& segs) {
  Node n{kInf, kInf, -kInf, -kInf, 0, 0};
  for (std::size_t i = begin; i < end; ++i) {
    const Seg& g = segs[order[i]];
    n.minx = std::min({n.minx, g.ax, g.bx});
    n.miny = std::min({n.miny, g.ay, g.by});
    n.maxx = std::max({n.maxx, g.ax, g.bx});
    n.maxy = std::max({n.maxy, g.ay, g.by});
  }
  if (end - begin <= kLeafSize) {
    n.first = static_cast<std::uint32_t>(begin);
    n.count = static_cast<std::uint32_t>(end - begin);
    nodes_[node] = n;
    return;
  }
  // Median split of the edges' midpoints along the box's longer side.
  const bool by_x = n.maxx - n.minx >= n.maxy - n.miny;
  const std::size_t mid = begin + (end - begin) / 2;
  std::nth_element(order.begin() + static_cast<std::ptrdiff_t>(begin), order.begin() + static_cast<std::ptrdiff_t>(mid),
                   order.begin() + static_cast<std::ptrdiff_t>(end), [&](std::uint32_t a, std::uint32_t b) {
                     const Seg &p = segs[a], &q = segs[b];
                     return by_x ? p.ax + p.bx < q.ax + q.bx : p.ay + p.by < q.ay + q.by;
                   });
  n.first = static_cast<std::uint32_t>(nodes_.size());
  nodes_.emplace_back();
  nodes_.emplace_back();
  nodes_[node] = n;
  build(n.first, order, begin, mid, segs);
  build(n.first + 1, order, mid, end, segs);
}

OgrTransform BoundaryDistance::make_projector() const {
  return make_transform(srs_cgcs2000(), gk_srs(epsg_ ? epsg_ : 4545));
}

double BoundaryDistance::distance_projected(const Point& p) const {
  if (segs_.empty()) return kInf;
  // Squared distance from p to a node's box: a lower bound for every edge under it.
  auto box_distance2 = [&](const Node& n) {
    const double dx = std::max({n.minx - p.x, 0.0, p.x - n.maxx});
    const double dy = std::max({n.miny - p.y, 0.0, p.y - n.maxy});
    return dx * dx + dy * dy;
  };
  // A box is skipped only when it is clearly farther than the best edge so far: the margin
  // (far above the rounding of either formula) keeps the nearest edge among those measured,
  // so the result is the exact minimum over all edges.
  auto beyond = [](double lower2, double best2) { return lower2 > best2 * (1 + 1e-9) + 1e-6; };
  double best2 = kInf;
  std::uint32_t stack[128];
  std::size_t top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const Node& n = nodes_[stack[--top]];
    if (beyond(box_distance2(n), best2)) continue;
    if (n.count > 0) {
      for (std::uint32_t s = n.first; s < n.first + n.count; ++s) {
        const Seg& g = segs_[s];
        best2 = std::min(best2, segment_distance2(p.x, p.y, g.ax, g.ay, g.bx, g.by));
      }
      continue;
    }
    // Nearer child on top of the stack, so it is measured first.
    const double d0 = box_distance2(nodes_[n.first]), d1 = box_distance2(nodes_[n.first + 1]);
    const std::uint32_t near = d0 <= d1 ? n.first : n.first + 1;
    stack[top++] = near == n.first ? n.first + 1 : n.first;
    stack[top++] = near;
  }
  return std::sqrt(best2);
}

double BoundaryDistance::distance_m(const Point& lonlat, OGRCoordinateTransformation& projector) const {
  Point p = lonlat;
  if (!transform_point(projector, p)) return std::numeric_limits<double>::quiet_NaN();
  return distance_projected(p);
}

std::size_t BoundaryDistance::memory_bytes() const { return segs_.size() * sizeof(Seg) + nodes_.size() * sizeof(Node); }

}  // namespace giatlas
