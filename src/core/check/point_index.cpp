// Grid point location with exact crossing tests in boundary cells.
#include "check/point_index.h"

#include <algorithm>
#include <cmath>

#include "check/orientation.h"
#include "error.h"

namespace giatlas {

namespace {
constexpr std::size_t kMaxCells = 4u << 20;
}

PointIndex::PointIndex(const std::vector<MultiPolygon>& polygons, double cells_per_edge)
    : polygon_count_(polygons.size()) {
  std::vector<Edge> edges;
  for (std::size_t k = 0; k < polygons.size(); ++k) {
    for (const auto& poly : polygons[k].polygons) {
      for (const auto& ring : poly.rings) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
          const Point& a = ring[i];
          const Point& b = ring[i + 1];
          if (!std::isfinite(a.x) || !std::isfinite(a.y)) throw Error("point index: non-finite vertex");
          if (a == b) continue;  // repeated vertex: no edge
          edges.push_back({a.x, a.y, b.x, b.y, static_cast<std::uint32_t>(k), 0});
          box_.expand(a);
          box_.expand(b);
        }
      }
    }
  }
  edge_count_ = edges.size();
  if (edges.empty()) return;

  // Grid extent: the bounds plus a small pad so no vertex sits on the outer grid line.
  double w = std::max(box_.width(), 1e-9), h = std::max(box_.height(), 1e-9);
  grid_ = {box_.minx - w * 1e-6, box_.miny - h * 1e-6, box_.maxx + w * 1e-6, box_.maxy + h * 1e-6};
  double target = std::clamp(static_cast<double>(edges.size()) * cells_per_edge, 16.0,
                             static_cast<double>(kMaxCells));
  double aspect = grid_.width() / grid_.height();
  nx_ = static_cast<std::size_t>(std::clamp(std::sqrt(target * aspect), 1.0, 65535.0));
  ny_ = static_cast<std::size_t>(std::clamp(target / static_cast<double>(nx_), 1.0, 65535.0));
  cw_ = grid_.width() / static_cast<double>(nx_);
  ch_ = grid_.height() / static_cast<double>(ny_);
  inv_cw_ = 1.0 / cw_;
  inv_ch_ = 1.0 / ch_;
  // Any point is computed into a cell or row within a few ulps of its true one; edges are
  // registered with this margin so that rounding can never hide an edge from a query.
  const double mx = cw_ * 1e-6, my = ch_ * 1e-6;

  // Rows: every edge whose y-range meets the row (with margin), grouped by polygon.
  std::vector<std::uint32_t> count(ny_ + 1, 0);
  auto row_range = [&](const Edge& e, std::size_t& r0, std::size_t& r1) {
    r0 = row_of(std::min(e.ay, e.by) - my);
    r1 = row_of(std::max(e.ay, e.by) + my);
  };
  for (const auto& e : edges) {
    std::size_t r0 = 0, r1 = 0;
    row_range(e, r0, r1);
    for (std::size_t r = r0; r <= r1; ++r) ++count[r + 1];
  }
  row_start_.assign(ny_ + 1, 0);
  for (std::size_t r = 0; r < ny_; ++r) row_start_[r + 1] = row_start_[r] + count[r + 1];
  row_edges_.resize(row_start_[ny_]);
  std::vector<std::uint32_t> fill(row_start_.begin(), row_start_.end() - 1);
  for (const auto& e : edges) {
    std::size_t r0 = 0, r1 = 0;
    row_range(e, r0, r1);
    for (std::size_t r = r0; r <= r1; ++r) row_edges_[fill[r]++] = e;
  }
  for (std::size_t r = 0; r < ny_; ++r)
    std::stable_sort(row_edges_.begin() + row_start_[r], row_edges_.begin() + row_start_[r + 1],
                     [](const Edge& a, const Edge& b) { return a.poly < b.poly; });

  // Cells: boundary when an edge's bounding box meets the cell (with margin); each boundary
  // cell lists its edges.
  cells_.assign(nx_ * ny_, 0);
  std::vector<std::uint32_t> per_cell(nx_ * ny_ + 1, 0);
  for (auto& e : edges) {
    std::size_t c0 = col_of(std::min(e.ax, e.bx) - mx), c1 = col_of(std::max(e.ax, e.bx) + mx);
    e.col0 = static_cast<std::uint32_t>(c0);
    std::size_t r0 = 0, r1 = 0;
    row_range(e, r0, r1);
    for (std::size_t r = r0; r <= r1; ++r)
      for (std::size_t c = c0; c <= c1; ++c) {
        cells_[r * nx_ + c] = kBoundary;
        ++per_cell[r * nx_ + c + 1];
      }
  }
  cell_start_.assign(nx_ * ny_ + 1, 0);
  for (std::size_t i = 0; i < nx_ * ny_; ++i) cell_start_[i + 1] = cell_start_[i] + per_cell[i + 1];
  cell_edges_.resize(cell_start_.back());
  std::vector<std::uint32_t> at(cell_start_.begin(), cell_start_.end() - 1);
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = edges[i];
    std::size_t c1 = col_of(std::max(e.ax, e.bx) + mx);
    std::size_t r0 = 0, r1 = 0;
    row_range(e, r0, r1);
    for (std::size_t r = r0; r <= r1; ++r)
      for (std::size_t c = e.col0; c <= c1; ++c) cell_edges_[at[r * nx_ + c]++] = static_cast<std::uint32_t>(i);
  }
  // Edge-free cells take the status of their centre, exactly as a query would find it.
  for (std::size_t r = 0; r < ny_; ++r) {
    for (std::size_t c = 0; c < nx_; ++c) {
      std::uint32_t& cell = cells_[r * nx_ + c];
      if (cell == kBoundary) continue;
      Point centre{grid_.minx + (static_cast<double>(c) + 0.5) * cw_,
                   grid_.miny + (static_cast<double>(r) + 0.5) * ch_};
      int odd = 0;
      PointHit hit = scan_row(r, centre, &odd);
      if (odd > 1) cell = kBoundary;  // overlapping polygons: always take the exact path
      else cell = hit.owner < 0 ? 0u : static_cast<std::uint32_t>(hit.owner) + 1;
    }
  }
  edges_ = std::move(edges);
}

std::size_t PointIndex::row_of(double y) const {
  double r = std::floor((y - grid_.miny) * inv_ch_);
  if (!(r > 0)) return 0;
  if (r >= static_cast<double>(ny_ - 1)) return ny_ - 1;
  return static_cast<std::size_t>(r);
}

std::size_t PointIndex::col_of(double x) const {
  double c = std::floor((x - grid_.minx) * inv_cw_);
  if (!(c > 0)) return 0;
  if (c >= static_cast<double>(nx_ - 1)) return nx_ - 1;
  return static_cast<std::size_t>(c);
}

PointHit PointIndex::scan_row(std::size_t row, const Point& p, int* odd) const {
  PointHit hit;
  int boundary_poly = -1;
  const Edge* it = row_edges_.data() + row_start_[row];
  const Edge* end = row_edges_.data() + row_start_[row + 1];
  while (it != end) {
    std::uint32_t poly = it->poly;
    bool parity = false, on_edge = false;
    for (; it != end && it->poly == poly; ++it) {
      const Edge& e = *it;
      bool above_a = e.ay > p.y, above_b = e.by > p.y;
      if (above_a != above_b) {
        double lo = std::min(e.ax, e.bx), hi = std::max(e.ax, e.bx);
        if (p.x > hi) continue;  // crossing is west of p, and p is not on the edge
        if (p.x < lo) {
          parity = !parity;  // crossing is east of p
          continue;
        }
        int o = orientation({e.ax, e.ay}, {e.bx, e.by}, p);
        if (o == 0) {
          on_edge = true;
        } else if ((e.by > e.ay) == (o > 0)) {
          parity = !parity;
        }
      } else if (e.ay == p.y && e.by == p.y) {
        if (p.x >= std::min(e.ax, e.bx) && p.x <= std::max(e.ax, e.bx)) on_edge = true;
      } else if ((e.ax == p.x && e.ay == p.y) || (e.bx == p.x && e.by == p.y)) {
        on_edge = true;
      }
    }
    if (parity) {
      if (odd) ++*odd;
      if (hit.owner < 0) hit.owner = static_cast<int>(poly);  // polygons come in order
    }
    if (on_edge) {
      hit.on_boundary = true;
      if (boundary_poly < 0) boundary_poly = static_cast<int>(poly);
    }
  }
  if (hit.owner < 0) hit.owner = boundary_poly;
  hit.covered = hit.owner >= 0;
  return hit;
}

PointHit PointIndex::locate(const Point& p) const {
  if (edge_count_ == 0 || !box_.contains(p)) return {};
  std::size_t r = row_of(p.y);
  std::uint32_t cell = cells_[r * nx_ + col_of(p.x)];
  if (cell == kBoundary) return scan_cells(r, col_of(p.x), p);
  if (cell == 0) return {};
  return {static_cast<int>(cell - 1), true};
}

PointHit PointIndex::scan_cells(std::size_t row, std::size_t col, const Point& p) const {
  // The first edge-free cell east of p: its status holds on its whole closed area, so at the
  // ray's end point q. Past the grid, q is outside every polygon.
  std::size_t end = col + 1;
  while (end < nx_ && cells_[row * nx_ + end] == kBoundary) ++end;
  std::uint32_t q_status = end < nx_ ? cells_[row * nx_ + end] : 0u;
  const Point q{end < nx_ ? grid_.minx + static_cast<double>(end) * cw_ : grid_.maxx + cw_, p.y};

  // Odd/even per polygon, for the few polygons met on the way.
  constexpr int kSlots = 16;
  std::uint32_t poly[kSlots];
  bool odd[kSlots];
  int used = 0;
  auto slot = [&](std::uint32_t k) -> int {
    for (int i = 0; i < used; ++i)
      if (poly[i] == k) return i;
    if (used == kSlots) return -1;
    poly[used] = k;
    odd[used] = false;
    return used++;
  };
  if (q_status != 0) odd[slot(q_status - 1)] = true;
  int boundary_poly = -1;
  for (std::size_t c = col; c < end; ++c) {
    std::size_t cell = row * nx_ + c;
    for (std::uint32_t i = cell_start_[cell]; i < cell_start_[cell + 1]; ++i) {
      const Edge& e = edges_[cell_edges_[i]];
      if (c == col) {
        // Only p's own cell can hold an edge through p.
        bool on = false;
        if ((e.ay > p.y) != (e.by > p.y)) {
          on = p.x >= std::min(e.ax, e.bx) && p.x <= std::max(e.ax, e.bx) &&
               orientation({e.ax, e.ay}, {e.bx, e.by}, p) == 0;
        } else if (e.ay == p.y && e.by == p.y) {
          on = p.x >= std::min(e.ax, e.bx) && p.x <= std::max(e.ax, e.bx);
        } else {
          on = (e.ax == p.x && e.ay == p.y) || (e.bx == p.x && e.by == p.y);
        }
        if (on && (boundary_poly < 0 || e.poly < static_cast<std::uint32_t>(boundary_poly)))
          boundary_poly = static_cast<int>(e.poly);
      }
      // Count each edge once: in the first visited cell that lists it.
      if (c != std::max<std::size_t>(e.col0, col)) continue;
      if ((e.ay > p.y) == (e.by > p.y)) continue;
      bool up = e.by > e.ay;
      auto east_of = [&](const Point& r) {  // the edge crosses the line y = p.y east of r
        if (r.x < std::min(e.ax, e.bx)) return true;
        if (r.x > std::max(e.ax, e.bx)) return false;
        int o = orientation({e.ax, e.ay}, {e.bx, e.by}, r);
        return o != 0 && (up == (o > 0));
      };
      if (east_of(p) && !east_of(q)) {
        int s = slot(e.poly);
        if (s < 0) return scan_row(row, p, nullptr);  // many polygons here: the long way
        odd[s] = !odd[s];
      }
    }
  }
  PointHit hit;
  for (int i = 0; i < used; ++i)
    if (odd[i] && (hit.owner < 0 || poly[i] < static_cast<std::uint32_t>(hit.owner))) hit.owner = static_cast<int>(poly[i]);
  hit.on_boundary = boundary_poly >= 0;
  if (hit.owner < 0) hit.owner = boundary_poly;
  hit.covered = hit.owner >= 0;
  return hit;
}

std::size_t PointIndex::memory_bytes() const {
  return edges_.size() * sizeof(Edge) + (cell_start_.size() + cell_edges_.size()) * sizeof(std::uint32_t) + cells_.size() * sizeof(std::uint32_t) + row_start_.size() * sizeof(std::uint32_t) +
         row_edges_.size() * sizeof(Edge);
}

}  // namespace giatlas
