// Building the point index: the grid, the rows' and the boundary cells' edge lists, and the
// status of every cell centre from one sweep per row.
#include <algorithm>
#include <bit>
#include <cmath>

#include "check/orientation.h"
#include "check/point_index.h"
#include "error.h"

namespace giatlas {

namespace {
constexpr std::size_t kMaxCells = 4u << 20;
}

PointIndex::PointIndex(const std::vector<MultiPolygon>& polygons, double cells_per_edge)
    : polygon_count_(polygons.size()) {
  if (polygons.size() >= kTag) throw Error("point index: too many polygons");
  // Edges are collected polygon by polygon, so every list built from them below stays sorted
  // by polygon (scan_row relies on it).
  std::vector<Edge> edges;
  for (std::size_t k = 0; k < polygons.size(); ++k) {
    for (const auto& poly : polygons[k].polygons) {
      for (const auto& ring : poly.rings) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
          const Point& a = ring[i];
          const Point& b = ring[i + 1];
          if (!std::isfinite(a.x) || !std::isfinite(a.y)) throw Error("point index: non-finite vertex");
          if (a == b) continue;  // repeated vertex: no edge
          edges.push_back({a.x, a.y, b.x, b.y, static_cast<std::uint32_t>(k), 0, 0});
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
  mx_ = cw_ * 1e-6;
  my_ = ch_ * 1e-6;
  register_edges(edges);
  classify_cells();
  compact_cells();
}

// From cells_ to the byte grid and the rank table; boundary records reordered to grid order.
// An edge-free cell of a polygon whose number does not fit the packed status becomes a record with no edges and that
// polygon as its centre's.
void PointIndex::compact_cells() {
  const std::size_t n = cells_.size();
  std::vector<BoundaryCell> ordered;
  hot_bits_ = polygon_count_ <= 2 ? 2 : (polygon_count_ <= 14 ? 4 : 8);
  hot_shift_ = hot_bits_ == 2 ? 2 : (hot_bits_ == 4 ? 1 : 0);
  hot_mask_ = (1u << hot_bits_) - 1;
  hot_.assign((n >> hot_shift_) + 1, 0);
  other_.assign((n + 63) / 64, RankWord{0, 0});
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t v = cells_[i];
    const unsigned shift = static_cast<unsigned>(i & ((1u << hot_shift_) - 1)) * hot_bits_;
    const std::uint32_t status = v < hot_mask_ ? v : hot_mask_;
    hot_[i >> hot_shift_] = static_cast<std::uint8_t>(hot_[i >> hot_shift_] | (status << shift));
    if (status != hot_mask_) continue;
    other_[i >> 6].bits |= std::uint64_t{1} << (i & 63);
    if (v >= kTag) {
      ordered.push_back(bcells_[v & ~kTag]);
    } else {
      const auto at = static_cast<std::uint32_t>(ref_polys_.size());
      ref_polys_.push_back(v - 1);
      ordered.push_back({0, 0, at, at + 1});
    }
  }
  std::uint32_t before = 0;
  for (auto& w : other_) {
    w.before = before;
    before += static_cast<std::uint32_t>(std::popcount(w.bits));
  }
  bcells_ = std::move(ordered);
  cells_ = {};
}

void PointIndex::register_edges(std::vector<Edge>& edges) {
  auto row_range = [&](const Edge& e, std::size_t& r0, std::size_t& r1) {
    r0 = row_of(std::min(e.ay, e.by) - my_);
    r1 = row_of(std::max(e.ay, e.by) + my_);
  };
  // Rows: every edge whose y-range meets the row (with margin).
  std::vector<std::uint32_t> count(ny_ + 1, 0);
  for (const auto& e : edges) {
    std::size_t r0 = 0, r1 = 0;
    row_range(e, r0, r1);
    for (std::size_t r = r0; r <= r1; ++r) ++count[r + 1];
  }
  row_start_.assign(ny_ + 1, 0);
  for (std::size_t r = 0; r < ny_; ++r) row_start_[r + 1] = row_start_[r] + count[r + 1];
  row_edges_.resize(row_start_[ny_]);
  std::vector<std::uint32_t> fill(row_start_.begin(), row_start_.end() - 1);

  // Cells: boundary when an edge's bounding box meets the cell (with margin).
  cells_.assign(nx_ * ny_, 0);
  std::vector<std::uint32_t> per_cell(nx_ * ny_, 0);
  for (auto& e : edges) {
    std::size_t c0 = col_of(std::min(e.ax, e.bx) - mx_), c1 = col_of(std::max(e.ax, e.bx) + mx_);
    e.col0 = static_cast<std::uint32_t>(c0);
    std::size_t r0 = 0, r1 = 0;
    row_range(e, r0, r1);
    for (std::size_t r = r0; r <= r1; ++r) {
      row_edges_[fill[r]++] = e;
      for (std::size_t c = c0; c <= c1; ++c) ++per_cell[r * nx_ + c];
    }
  }
  std::uint32_t total = 0;
  for (std::size_t i = 0; i < per_cell.size(); ++i) {
    if (per_cell[i] == 0) continue;
    cells_[i] = kTag | static_cast<std::uint32_t>(bcells_.size());
    bcells_.push_back({total, total, kNoRef, kNoRef});
    total += per_cell[i];
  }
  cell_edges_.resize(total);
  for (const auto& e : edges) {
    std::size_t c1 = col_of(std::max(e.ax, e.bx) + mx_);
    std::size_t r0 = 0, r1 = 0;
    row_range(e, r0, r1);
    for (std::size_t r = r0; r <= r1; ++r)
      for (std::size_t c = e.col0; c <= c1; ++c) cell_edges_[bcells_[cells_[r * nx_ + c] & ~kTag].edge_end++] = e;
  }
}

// One sweep per row along the line through the cell centres. Crossings with edges that are
// not registered in a cell lie at least the margin outside it, so comparing their rounded x
// with the centre is exact; a boundary cell's own edges are then decided with orientation().
void PointIndex::classify_cells() {
  struct Crossing {
    double x;
    std::uint32_t poly;
  };
  auto crossing_x = [](const Edge& e, double y) {
    double x = e.ax + (y - e.ay) / (e.by - e.ay) * (e.bx - e.ax);
    return std::clamp(x, std::min(e.ax, e.bx), std::max(e.ax, e.bx));
  };
  std::vector<Crossing> xs;
  std::vector<std::uint8_t> parity(polygon_count_, 0), local(polygon_count_, 0);
  std::vector<std::uint32_t> touched;
  for (std::size_t r = 0; r < ny_; ++r) {
    const double yc = centre(r, 0).y;
    xs.clear();
    for (std::uint32_t i = row_start_[r]; i < row_start_[r + 1]; ++i) {
      const Edge& e = row_edges_[i];
      if ((e.ay > yc) != (e.by > yc)) xs.push_back({crossing_x(e, yc), e.poly});
    }
    std::sort(xs.begin(), xs.end(), [](const Crossing& a, const Crossing& b) { return a.x < b.x; });
    std::fill(parity.begin(), parity.end(), 0);
    std::size_t odd_count = 0, next = 0;
    std::uint32_t odd_xor = 0;  // with one odd polygon, its number
    for (std::size_t c = 0; c < nx_; ++c) {
      const Point C = centre(r, c);
      for (; next < xs.size() && xs[next].x < C.x; ++next) {
        std::uint32_t k = xs[next].poly;
        parity[k] ^= 1;
        odd_count = parity[k] ? odd_count + 1 : odd_count - 1;
        odd_xor ^= k;
      }
      std::uint32_t& cell = cells_[r * nx_ + c];
      if (cell < kTag && odd_count <= 1) {
        cell = odd_count == 0 ? 0u : odd_xor + 1;
        continue;
      }
      if (cell < kTag) {  // overlapping polygons: an edge-free cell that still needs the list
        cell = kTag | static_cast<std::uint32_t>(bcells_.size());
        bcells_.push_back({0, 0, kNoRef, kNoRef});
      }
      BoundaryCell& b = bcells_[cell & ~kTag];
      bool on_edge = false;
      touched.clear();
      for (std::uint32_t i = b.edge_begin; i < b.edge_end && !on_edge; ++i) {
        const Edge& e = cell_edges_[i];
        const Point a{e.ax, e.ay}, bb{e.bx, e.by};
        bool in_box = C.x >= std::min(e.ax, e.bx) && C.x <= std::max(e.ax, e.bx) && C.y >= std::min(e.ay, e.by) &&
                      C.y <= std::max(e.ay, e.by);
        int o = in_box ? orientation(a, bb, C) : 1;
        if (in_box && o == 0) on_edge = true;
        if (on_edge || (e.ay > yc) == (e.by > yc)) continue;
        bool rounded_west = crossing_x(e, yc) < C.x;
        bool exact_west = C.x > std::max(e.ax, e.bx) || (in_box && (e.by > e.ay) != (o > 0));
        if (rounded_west != exact_west) {
          local[e.poly] ^= 1;
          touched.push_back(e.poly);
        }
      }
      if (!on_edge) {
        for (std::uint32_t i = b.edge_begin; i < b.edge_end; ++i) {
          Edge& e = cell_edges_[i];
          e.centre_left = orientation({e.ax, e.ay}, {e.bx, e.by}, C) > 0 ? 1u : 0u;
        }
        b.ref_begin = static_cast<std::uint32_t>(ref_polys_.size());
        for (std::size_t k = 0; k < polygon_count_; ++k)
          if (parity[k] ^ local[k]) ref_polys_.push_back(static_cast<std::uint32_t>(k));
        b.ref_end = static_cast<std::uint32_t>(ref_polys_.size());
      }
      for (std::uint32_t k : touched) local[k] = 0;
    }
  }
}

}  // namespace giatlas
