// A point-location index over a set of polygons (the townships, or one zone): a uniform grid
// whose cells are classified as inside one polygon / outside all / boundary, plus per-row
// edge lists on which boundary cells run an exact half-open crossing test.
#pragma once
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
// and allocate nothing).
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
  // DEFAULT: cells_per_edge 8 (grid cells per polygon edge, capped at 4 million cells).
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
    std::uint32_t col0;  // first grid column the edge is registered in
  };
  static constexpr std::uint32_t kBoundary = 0xFFFFFFFFu;

  // Exact test against the row's edges; `odd` counts polygons whose parity is odd.
  PointHit scan_row(std::size_t row, const Point& p, int* odd) const;
  // Exact test in a boundary cell: crossings of the eastward ray from p up to the first
  // edge-free cell of the row, whose known status closes the count. Fast path of locate().
  PointHit scan_cells(std::size_t row, std::size_t col, const Point& p) const;
  std::size_t row_of(double y) const;
  std::size_t col_of(double x) const;

  std::size_t polygon_count_ = 0;
  std::size_t edge_count_ = 0;
  Box box_;     // bounds of all vertices
  Box grid_;    // grid extent (box_ expanded slightly)
  std::size_t nx_ = 0, ny_ = 0;
  double cw_ = 1, ch_ = 1, inv_cw_ = 1, inv_ch_ = 1;
  std::vector<std::uint32_t> cells_;  // 0 = outside all, k+1 = inside polygon k only, kBoundary
  std::vector<std::uint32_t> row_start_;
  std::vector<Edge> row_edges_;       // per row, sorted by polygon
  std::vector<Edge> edges_;           // every edge once
  std::vector<std::uint32_t> cell_start_;  // per cell, indices into edges_
  std::vector<std::uint32_t> cell_edges_;
};

}  // namespace giatlas
