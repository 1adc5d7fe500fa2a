// Grid point location: a cell lookup, then exact crossing tests against one cell's edges.
#include "check/point_index.h"

#include <algorithm>
#include <cmath>

#include "check/orientation.h"

namespace giatlas {

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
  const std::size_t cell = cell_in_box(p);
  const std::uint32_t hot = hot_at(cell);
  if (hot == 0) return {};
  if (hot != hot_mask_) return {static_cast<int>(hot) - 1, true};
  const std::size_t r = cell / nx_, c = cell % nx_;
  PointHit hit;
  if (from_centre(boundary_cell(cell), r, c, p, &hit)) return hit;
  return scan_cells(r, c, p);
}

namespace {
// Bits set in v. std::popcount becomes a library call on a baseline x86-64 build (no
// POPCNT instruction assumed); this stays inline.
inline std::uint32_t bit_count(std::uint64_t v) {
  v = v - ((v >> 1) & 0x5555555555555555ull);
  v = (v & 0x3333333333333333ull) + ((v >> 2) & 0x3333333333333333ull);
  v = (v + (v >> 4)) & 0x0F0F0F0F0F0F0F0Full;
  return static_cast<std::uint32_t>((v * 0x0101010101010101ull) >> 56);
}
}  // namespace

const PointIndex::BoundaryCell& PointIndex::boundary_cell(std::size_t cell) const {
  const RankWord& w = other_[cell >> 6];
  const std::uint64_t below = w.bits & ((std::uint64_t{1} << (cell & 63)) - 1);
  return bcells_[w.before + bit_count(below)];
}

bool PointIndex::from_centre(const BoundaryCell& b, std::size_t row, std::size_t col, const Point& p,
                             PointHit* hit) const {
  if (b.ref_begin == kNoRef) return false;
  // The centre C is on no edge and its polygons are known; p's polygons differ from C's by the
  // parity of the edges the segment C-p crosses, all of which are registered in this cell
  // (p is in the cell up to rounding, which the registration margin covers).
  const Point C = centre(row, col);
  const double sx0 = std::min(C.x, p.x), sx1 = std::max(C.x, p.x);
  const double sy0 = std::min(C.y, p.y), sy1 = std::max(C.y, p.y);
  constexpr std::uint32_t kSlots = 16;
  std::uint32_t poly[kSlots];
  bool odd[kSlots];
  std::uint32_t used = 0;
  if (b.ref_end - b.ref_begin > kSlots) return false;
  for (std::uint32_t i = b.ref_begin; i < b.ref_end; ++i) {
    poly[used] = ref_polys_[i];
    odd[used++] = true;
  }
  for (const Edge* e = cell_edges_.data() + b.edge_begin, *end = cell_edges_.data() + b.edge_end; e != end; ++e) {
    const double ex0 = std::min(e->ax, e->bx), ex1 = std::max(e->ax, e->bx);
    const double ey0 = std::min(e->ay, e->by), ey1 = std::max(e->ay, e->by);
    if (ex1 < sx0 || ex0 > sx1 || ey1 < sy0 || ey0 > sy1) continue;  // misses segment C-p and p
    const Point a{e->ax, e->ay}, z{e->bx, e->by};
    const int op = orientation(a, z, p);
    // p on the edge's line (on the edge, or collinear beyond it): the ownership rule or an
    // exact ray count decides, in scan_cells().
    if (op == 0) return false;
    // C (strictly off every edge here, its side stored at build time) and p on the same side
    // of the edge's line: no crossing. Most candidate edges stop here, after one predicate.
    if ((op > 0) == static_cast<bool>(e->centre_left)) continue;
    // A vertex on the line C-p counts as right of it (a consistent symbolic perturbation), so
    // a segment through a vertex crosses exactly one of the two edges there, or none.
    if ((orientation(C, p, a) > 0) == (orientation(C, p, z) > 0)) continue;
    std::uint32_t s = 0;
    while (s < used && poly[s] != e->poly) ++s;
    if (s == used) {
      if (used == kSlots) return false;
      poly[used] = e->poly;
      odd[used++] = false;
    }
    odd[s] = !odd[s];
  }
  PointHit h;
  for (std::uint32_t i = 0; i < used; ++i)
    if (odd[i] && (h.owner < 0 || poly[i] < static_cast<std::uint32_t>(h.owner))) h.owner = static_cast<int>(poly[i]);
  h.covered = h.owner >= 0;
  *hit = h;
  return true;
}

PointHit PointIndex::scan_cells(std::size_t row, std::size_t col, const Point& p) const {
  // The first edge-free cell east of p: its status holds on its whole closed area, so at the
  // ray's end point q. Past the grid, q is outside every polygon.
  std::size_t end = col + 1;
  while (end < nx_ && hot_at(row * nx_ + end) == hot_mask_) ++end;
  std::uint32_t q_status = end < nx_ ? hot_at(row * nx_ + end) : 0u;
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
    const BoundaryCell& b = boundary_cell(row * nx_ + c);
    for (std::uint32_t i = b.edge_begin; i < b.edge_end; ++i) {
      const Edge& e = cell_edges_[i];
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
  return hot_.size() + other_.size() * sizeof(RankWord) + bcells_.size() * sizeof(BoundaryCell) + cell_edges_.size() * sizeof(Edge) +
         ref_polys_.size() * sizeof(std::uint32_t) + row_start_.size() * sizeof(std::uint32_t) +
         row_edges_.size() * sizeof(Edge);
}

}  // namespace giatlas
