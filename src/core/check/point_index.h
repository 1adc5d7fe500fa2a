// A point-location index over a set of polygons (the townships, or one zone): a uniform grid
// whose cells are classified as inside one polygon / outside all / boundary. A boundary cell
// holds its edges inline and the polygons that contain its centre, so a query there counts
// exact crossings of the segment centre -> point against that cell's edges only.
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

#include "geo/geometry.h"

namespace giatlas {

// Where a point lies with respect to the polygons of a PointIndex.
struct PointHit {
  // The polygon the point is given to, by the rule below; -1 when no polygon covers it.
  int owner = -1;
  // True when at least one polygon covers the point (interior or boundary, as GEOS covers).
  bool covered = false;
  // True when the point lies exactly on an edge or vertex of one of the polygons.
  bool on_boundary = false;
};

// Built once per check, queried many times from any number of threads (queries are const
// and allocate nothing). Many points at once go faster through BatchLocator (batch_locate.h),
// which queries them in spatial order.
//
// Boundary semantics. `covered` is exactly GEOSPreparedCovers of the union of the polygons:
// a point on an edge or a vertex is covered. `owner` gives each covered point to exactly one
// polygon, so counts per polygon add up:
//   1. the polygon that contains the point nudged an infinitesimal step east, then north
//      (the half-open crossing rule): a point on a shared north–south edge goes to the
//      polygon east of it, a point on a shared east–west edge to the polygon north of it;
//   2. when the nudged point is in no polygon (the point is on the outer boundary of the
//      set), the lowest-numbered polygon whose boundary holds it;
//   3. where polygons overlap (invalid tilings), the lowest-numbered one.
// REQUIRES: valid polygons (OGC rules, closed rings) in one planar coordinate system.
class PointIndex {
 public:
  PointIndex() = default;
  // DEFAULT: cells_per_edge 8 (grid cells per polygon edge, capped at 4 million cells). Finer
  // grids put fewer points in boundary cells but measured slower: the packed grid then falls out
  // of the core's cache, and a miss there costs more than a few more crossing tests.
  explicit PointIndex(const std::vector<MultiPolygon>& polygons, double cells_per_edge = 8.0);

  PointHit locate(const Point& p) const;
  bool covers(const Point& p) const { return locate(p).covered; }

  std::size_t polygon_count() const { return polygon_count_; }
  std::size_t edge_count() const { return edge_count_; }
  const Box& bounds() const { return box_; }
  // Bytes held by the index (grid, rows, edges), for memory reports.
  std::size_t memory_bytes() const;

 private:
  struct Edge {
    double ax, ay, bx, by;
    std::uint32_t poly;
    std::uint32_t col0 : 31;  // first grid column the edge is registered in
    // In a boundary cell's copy: the cell's centre lies left of a -> b (orientation > 0).
    // Set when the centre is on no edge of the cell, the only case from_centre() reads it.
    std::uint32_t centre_left : 1;
  };
  // A cell that an edge's bounding box meets (with a rounding margin), or where polygons
  // overlap. Its edges are copied inline so that a query reads one contiguous run.
  struct BoundaryCell {
    std::uint32_t edge_begin, edge_end;  // into cell_edges_
    std::uint32_t ref_begin, ref_end;    // into ref_polys_: polygons whose interior holds the
                                         // centre; ref_begin == kNoRef when the centre is on an edge
  };
  // Build-time cells_ values below kTag: 0 = outside all, k+1 = inside polygon k only; kTag | i:
  // boundary cell i of bcells_.
  static constexpr std::uint32_t kTag = 0x80000000u;
  static constexpr std::uint32_t kNoRef = 0xFFFFFFFFu;
  // A rank table word over 64 cells: which of them have a BoundaryCell record, and how many
  // records come before (records are in grid order).
  struct RankWord {
    std::uint64_t bits;
    std::uint32_t before;
  };

  // Build steps (point_index_build.cpp).
  void register_edges(std::vector<Edge>& edges);
  void classify_cells();
  void compact_cells();
  const BoundaryCell& boundary_cell(std::size_t cell) const;
  // The packed status of a cell: 0 = outside all, k+1 = inside polygon k only, hot_mask_ = it
  // has a BoundaryCell record.
  std::uint32_t hot_at(std::size_t cell) const {
    return (hot_[cell >> hot_shift_] >> ((cell & ((1u << hot_shift_) - 1)) * hot_bits_)) & hot_mask_;
  }
  // Exact test against the row's edges; `odd` counts polygons whose parity is odd.
  PointHit scan_row(std::size_t row, const Point& p, int* odd) const;
  // Fast path of locate(): crossings of the segment from the cell's centre to p, against the
  // cell's own edges. False when p is on an edge (or the cell has no usable centre): the
  // ownership rule then needs scan_cells().
  bool from_centre(const BoundaryCell& b, std::size_t row, std::size_t col, const Point& p, PointHit* hit) const;
  // Exact test in a boundary cell: crossings of the eastward ray from p up to the first
  // edge-free cell of the row, whose known status closes the count. Applies the half-open
  // ownership rule for points on edges.
  PointHit scan_cells(std::size_t row, std::size_t col, const Point& p) const;
  std::size_t row_of(double y) const;
  std::size_t col_of(double x) const;
  // The cell of a point inside box_: the offsets from the grid's corner are positive there,
  // so truncation is floor() (the same cell row_of() and col_of() give, without their
  // clamping branches).
  std::size_t cell_in_box(const Point& p) const {
    const auto r = std::min(static_cast<std::size_t>((p.y - grid_.miny) * inv_ch_), ny_ - 1);
    const auto c = std::min(static_cast<std::size_t>((p.x - grid_.minx) * inv_cw_), nx_ - 1);
    return r * nx_ + c;
  }
  // The cell centre, computed the same way at build and query time.
  Point centre(std::size_t row, std::size_t col) const {
    return {grid_.minx + (static_cast<double>(col) + 0.5) * cw_, grid_.miny + (static_cast<double>(row) + 0.5) * ch_};
  }

  std::size_t polygon_count_ = 0;
  std::size_t edge_count_ = 0;
  Box box_;     // bounds of all vertices
  Box grid_;    // grid extent (box_ expanded slightly)
  std::size_t nx_ = 0, ny_ = 0;
  double cw_ = 1, ch_ = 1, inv_cw_ = 1, inv_ch_ = 1;
  double mx_ = 0, my_ = 0;  // registration margins
  // The first lookup of every query reads 2, 4 or 8 bits per cell (2 for one polygon, 8 for
  // up to 254), and a boundary cell's record is found through a rank table of 2 bits per cell:
  // small enough to stay in the core's cache, where a miss on a 4-byte cell array was the whole
  // cost of an edge-free query.
  std::vector<std::uint8_t> hot_;
  unsigned hot_bits_ = 8, hot_shift_ = 0;  // bits per cell; log2 of cells per byte
  std::uint32_t hot_mask_ = 0xFF;
  std::vector<RankWord> other_;
  std::vector<std::uint32_t> cells_;  // build time only
  std::vector<BoundaryCell> bcells_;
  std::vector<Edge> cell_edges_;      // per boundary cell, contiguous
  std::vector<std::uint32_t> ref_polys_;
  std::vector<std::uint32_t> row_start_;
  std::vector<Edge> row_edges_;       // per row, sorted by polygon
};

}  // namespace giatlas
