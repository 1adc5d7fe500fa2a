// Nearest-edge distance in the Gauss–Krüger plane: a bounding-box tree over the projected edges.
#include "check/boundary_distance.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "error.h"

namespace giatlas {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t kLeafSize = 16;  // 8 and 32 measured slower
constexpr std::uint32_t kNoEdge = 0xFFFFFFFFu;

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
  std::uint32_t nearest = kNoEdge;
  return std::sqrt(nearest_distance2(p, nearest));
}

double BoundaryDistance::nearest_distance2(const Point& p, std::uint32_t& nearest) const {
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
  auto measure = [&](std::uint32_t s) {
    const Seg& g = segs_[s];
    return segment_distance2(p.x, p.y, g.ax, g.ay, g.bx, g.by);
  };
  // The hint (the previous point's nearest edge, for points in spatial order) is a real edge:
  // starting from its distance prunes most of the tree at once and cannot change the minimum.
  double best2 = kInf;
  if (nearest < segs_.size()) best2 = measure(nearest);
  std::uint32_t stack[128];
  std::size_t top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const Node& n = nodes_[stack[--top]];
    if (beyond(box_distance2(n), best2)) continue;
    if (n.count > 0) {
      for (std::uint32_t s = n.first; s < n.first + n.count; ++s) {
        const double d2 = measure(s);
        if (d2 < best2) {
          best2 = d2;
          nearest = s;
        }
      }
      continue;
    }
    // Nearer child on top of the stack, so it is measured first.
    const double d0 = box_distance2(nodes_[n.first]), d1 = box_distance2(nodes_[n.first + 1]);
    const std::uint32_t near = d0 <= d1 ? n.first : n.first + 1;
    stack[top++] = near == n.first ? n.first + 1 : n.first;
    stack[top++] = near;
  }
  return best2;
}

double BoundaryDistance::distance_m(const Point& lonlat, OGRCoordinateTransformation& projector) const {
  Point p = lonlat;
  if (!transform_point(projector, p)) return std::numeric_limits<double>::quiet_NaN();
  return distance_projected(p);
}

void BoundaryDistance::distances_m(std::span<const Point> lonlat, OGRCoordinateTransformation& projector,
                                   std::span<double> out) const {
  const std::size_t n = lonlat.size();
  if (n == 0) return;
  Box box;
  for (const Point& p : lonlat)
    if (std::isfinite(p.x) && std::isfinite(p.y)) box.expand(p);
  // Z-order key of each point on a 65,536-cell-per-side grid over the points' box.
  auto cell = [](double v, double lo, double width) -> std::uint32_t {
    const double f = width > 0 ? (v - lo) / width * 65535.0 : 0.0;
    return f > 0 ? static_cast<std::uint32_t>(std::min(f, 65535.0)) : 0u;  // NaN and below: 0
  };
  auto spread = [](std::uint64_t v) {
    v = (v | (v << 16)) & 0x0000FFFF0000FFFFull;
    v = (v | (v << 8)) & 0x00FF00FF00FF00FFull;
    v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0Full;
    v = (v | (v << 2)) & 0x3333333333333333ull;
    v = (v | (v << 1)) & 0x5555555555555555ull;
    return v;
  };
  std::vector<std::pair<std::uint64_t, std::uint32_t>> order(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t key = spread(cell(lonlat[i].x, box.minx, box.width())) |
                              (spread(cell(lonlat[i].y, box.miny, box.height())) << 1);
    order[i] = {key, static_cast<std::uint32_t>(i)};
  }
  std::sort(order.begin(), order.end());
  std::vector<double> xs(n), ys(n);
  std::vector<int> ok(n, 0);
  for (std::size_t k = 0; k < n; ++k) {
    xs[k] = lonlat[order[k].second].x;
    ys[k] = lonlat[order[k].second].y;
  }
  // One call for all: each point goes through the same PROJ operation as a call of its own.
  projector.Transform(static_cast<int>(n), xs.data(), ys.data(), nullptr, ok.data());
  std::uint32_t nearest = kNoEdge;  // carried from point to point as the next one's hint
  for (std::size_t k = 0; k < n; ++k) {
    const bool projected = ok[k] && std::isfinite(xs[k]) && std::isfinite(ys[k]);
    out[order[k].second] = projected ? std::sqrt(nearest_distance2({xs[k], ys[k]}, nearest))
                                     : std::numeric_limits<double>::quiet_NaN();
  }
}

std::size_t BoundaryDistance::memory_bytes() const { return segs_.size() * sizeof(Seg) + nodes_.size() * sizeof(Node); }

}  // namespace giatlas
