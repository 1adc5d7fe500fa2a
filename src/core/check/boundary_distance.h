// Distance in metres from a point to the boundary of a zone, measured in the local CGCS2000
// 3-degree Gauss–Krüger plane (accurate to millimetres at district scale).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "geo/gdal.h"
#include "geo/geometry.h"

namespace giatlas {

// The zone's edges projected once into the Gauss–Krüger zone of its centre, held in a bounding-
// box tree (median splits, up to 16 edges a leaf) for nearest-edge search: a query visits the
// nearer child first and skips a box farther than the best edge so far, so a point kilometres
// inside a zone costs about as much as one near its edge. (A uniform grid searched in rings
// cost O(d²) cells for a point d cells from the boundary: 40% of a whole check.) The distance
// is the minimum of the same per-edge formula over a set of edges that always holds the nearest
// one, so it does not depend on the search. Queries are const and thread-safe; each thread
// projects its query points with its own transform from make_projector().
class BoundaryDistance {
 public:
  BoundaryDistance() = default;
  // REQUIRES: `zone` in EPSG:4490 lon/lat. Throws Error when PROJ cannot project it.
  explicit BoundaryDistance(const MultiPolygon& zone);

  // The EPSG code of the Gauss–Krüger zone used (e.g. 4545 for CM 108°E).
  int epsg() const { return epsg_; }
  // A new lon/lat -> Gauss–Krüger transform (one per thread: OGR transforms are not shared).
  OgrTransform make_projector() const;

  // Distance from `p_projected` (already projected with make_projector) to the nearest edge,
  // in metres; infinity for a zone without edges.
  double distance_projected(const Point& p_projected) const;
  // Convenience: projects `lonlat` with `projector` first; NaN when it cannot be projected.
  double distance_m(const Point& lonlat, OGRCoordinateTransformation& projector) const;
  // Many points at once: out[i] is exactly distance_m(lonlat[i], projector). The points are
  // projected in one call and measured in spatial (Z-order) order, so that consecutive ones
  // walk the same branch of the tree: in input order almost every one missed the cache.
  // REQUIRES: out.size() == lonlat.size().
  void distances_m(std::span<const Point> lonlat, OGRCoordinateTransformation& projector,
                   std::span<double> out) const;

  std::size_t memory_bytes() const;

 private:
  struct Seg {
    double ax, ay, bx, by;
  };
  // A tree node: its edges' bounding box; a leaf (count > 0) holds segs_[first, first + count),
  // an inner node (count == 0) has its children at nodes_[first] and nodes_[first + 1].
  struct Node {
    double minx, miny, maxx, maxy;
    std::uint32_t first = 0, count = 0;
  };
  // Squared distance from `p` to the nearest edge; `nearest` is its index on return. On entry
  // `nearest` may name an edge to start from (any index >= the edge count: none).
  double nearest_distance2(const Point& p, std::uint32_t& nearest) const;
  // Fills nodes_[node] for the edges order[begin, end), splitting until leaves are small.
  void build(std::uint32_t node, std::vector<std::uint32_t>& order, std::size_t begin, std::size_t end,
             const std::vector<Seg>& segs);
  int epsg_ = 0;
  std::vector<Seg> segs_;  // in leaf order
  std::vector<Node> nodes_;  // nodes_[0] is the root
};

}  // namespace giatlas
