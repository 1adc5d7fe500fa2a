// Vertex and edge snapping with a lazily built grid index.
#include "scope/snapping.h"

#include <algorithm>
#include <cmath>

namespace giatlas {

namespace {

double dist(const Point& a, const Point& b) { return std::hypot(a.x - b.x, a.y - b.y); }

constexpr long long kGridSide = 1 << 20;

}  // namespace

Point closest_on_segment(const Point& p, const Point& a, const Point& b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  if (len2 == 0) return a;
  double t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
  t = std::clamp(t, 0.0, 1.0);
  return {a.x + t * dx, a.y + t * dy};
}

int Snapper::add_layer(const MultiPolygon& m) {
  const int layer = layers_++;
  for (const auto& poly : m.polygons)
    for (const auto& ring : poly.rings)
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) segs_.push_back({ring[i], ring[i + 1], layer});
  indexed_ = false;
  return layer;
}

void Snapper::clear() {
  segs_.clear();
  layers_ = 0;
  indexed_ = false;
  grid_.clear();
}

void Snapper::build_index() const {
  grid_.clear();
  extent_ = Box();
  for (const auto& s : segs_) {
    extent_.expand(s.a);
    extent_.expand(s.b);
  }
  // About four segments per cell on average, and never degenerate.
  const double span = std::max({extent_.width(), extent_.height(), 1e-9});
  const double cells = std::max(1.0, std::sqrt(static_cast<double>(segs_.size()) / 4.0));
  cell_ = span / cells;
  for (std::size_t i = 0; i < segs_.size(); ++i) {
    const auto& s = segs_[i];
    const long long x0 = static_cast<long long>(std::floor((std::min(s.a.x, s.b.x) - extent_.minx) / cell_));
    const long long x1 = static_cast<long long>(std::floor((std::max(s.a.x, s.b.x) - extent_.minx) / cell_));
    const long long y0 = static_cast<long long>(std::floor((std::min(s.a.y, s.b.y) - extent_.miny) / cell_));
    const long long y1 = static_cast<long long>(std::floor((std::max(s.a.y, s.b.y) - extent_.miny) / cell_));
    for (long long x = x0; x <= x1; ++x)
      for (long long y = y0; y <= y1; ++y) grid_[x * kGridSide + y].push_back(i);
  }
  indexed_ = true;
}

template <class Fn>
void Snapper::for_candidates(const Point& p, double tolerance, Fn fn) const {
  if (!indexed_) build_index();
  const double reach = (std::max(extent_.width(), extent_.height()) + 2 * tolerance) / cell_;
  const long long x0 = static_cast<long long>(std::floor((p.x - tolerance - extent_.minx) / cell_));
  const long long x1 = static_cast<long long>(std::floor((p.x + tolerance - extent_.minx) / cell_));
  const long long y0 = static_cast<long long>(std::floor((p.y - tolerance - extent_.miny) / cell_));
  const long long y1 = static_cast<long long>(std::floor((p.y + tolerance - extent_.miny) / cell_));
  // A tolerance wider than the data: a plain scan is cheaper than walking empty cells.
  if (static_cast<double>((x1 - x0 + 1) * (y1 - y0 + 1)) > reach * reach || (x1 - x0) > 4096 ||
      (y1 - y0) > 4096) {
    for (std::size_t i = 0; i < segs_.size(); ++i) fn(segs_[i]);
    return;
  }
  for (long long x = x0; x <= x1; ++x)
    for (long long y = y0; y <= y1; ++y) {
      auto it = grid_.find(x * kGridSide + y);
      if (it == grid_.end()) continue;
      for (std::size_t i : it->second) fn(segs_[i]);
    }
}

Snap Snapper::snap(const Point& p, double tolerance) const {
  Snap best_vertex, best_edge;
  best_vertex.point = best_edge.point = p;
  if (segs_.empty() || !(tolerance >= 0)) return best_vertex;
  auto better = [](const Snap& cur, double d, int layer) {
    return cur.kind == SnapKind::none || d < cur.distance || (d == cur.distance && layer < cur.layer);
  };
  for_candidates(p, tolerance, [&](const Seg& s) {
    for (const Point& v : {s.a, s.b}) {
      const double d = dist(p, v);
      if (d <= tolerance && better(best_vertex, d, s.layer)) best_vertex = {v, SnapKind::vertex, d, s.layer};
    }
    const Point c = closest_on_segment(p, s.a, s.b);
    const double d = dist(p, c);
    if (d <= tolerance && better(best_edge, d, s.layer)) best_edge = {c, SnapKind::edge, d, s.layer};
  });
  if (best_vertex.kind != SnapKind::none) return best_vertex;
  return best_edge;
}

}  // namespace giatlas
