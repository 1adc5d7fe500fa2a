// Distance in metres from a point to the boundary of a zone, measured in the local CGCS2000
// 3-degree Gauss–Krüger plane (accurate to millimetres at district scale).
#pragma once
#include <cstdint>
#include <vector>

#include "geo/gdal.h"
#include "geo/geometry.h"

namespace giatlas {

// The zone's edges projected once into the Gauss–Krüger zone of its centre, bucketed in a
// uniform grid for nearest-edge search. Queries are const and thread-safe; each thread
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

  std::size_t memory_bytes() const;

 private:
  struct Seg {
    double ax, ay, bx, by;
  };
  int epsg_ = 0;
  std::vector<Seg> segs_;
  Box grid_;
  std::size_t nx_ = 0, ny_ = 0;
  double cell_ = 1;
  std::vector<std::uint32_t> cell_start_;
  std::vector<std::uint32_t> cell_segs_;
};

}  // namespace giatlas
