// Nearest-edge distance in the Gauss–Krüger plane with a ring search over a uniform grid.
#include "check/boundary_distance.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "error.h"

namespace giatlas {

namespace {

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
  for (const auto& poly : zone.polygons) {
    for (const auto& ring : poly.rings) {
      std::vector<Point> pr(ring);
      for (auto& p : pr)
        if (!transform_point(*to_gk, p)) throw Error("zone boundary: cannot project a vertex to EPSG:" + std::to_string(epsg_));
      for (std::size_t i = 0; i + 1 < pr.size(); ++i) {
        segs_.push_back({pr[i].x, pr[i].y, pr[i + 1].x, pr[i + 1].y});
        grid_.expand(pr[i]);
        grid_.expand(pr[i + 1]);
      }
    }
  }
  if (segs_.empty()) return;
  // About two segments per cell on average: short lists, few empty rings to walk.
  double area = std::max(grid_.width() * grid_.height(), 1.0);
  cell_ = std::max(std::sqrt(area / (static_cast<double>(segs_.size()) / 2.0)), 1.0);
  nx_ = static_cast<std::size_t>(grid_.width() / cell_) + 1;
  ny_ = static_cast<std::size_t>(grid_.height() / cell_) + 1;
  std::vector<std::uint32_t> count(nx_ * ny_ + 1, 0);
  auto cells_of = [&](const Seg& s, std::size_t& c0, std::size_t& c1, std::size_t& r0, std::size_t& r1) {
    c0 = static_cast<std::size_t>((std::min(s.ax, s.bx) - grid_.minx) / cell_);
    c1 = std::min(static_cast<std::size_t>((std::max(s.ax, s.bx) - grid_.minx) / cell_), nx_ - 1);
    r0 = static_cast<std::size_t>((std::min(s.ay, s.by) - grid_.miny) / cell_);
    r1 = std::min(static_cast<std::size_t>((std::max(s.ay, s.by) - grid_.miny) / cell_), ny_ - 1);
  };
  for (const auto& s : segs_) {
    std::size_t c0, c1, r0, r1;
    cells_of(s, c0, c1, r0, r1);
    for (std::size_t r = r0; r <= r1; ++r)
      for (std::size_t c = c0; c <= c1; ++c) ++count[r * nx_ + c + 1];
  }
  cell_start_.assign(nx_ * ny_ + 1, 0);
  for (std::size_t i = 0; i < nx_ * ny_; ++i) cell_start_[i + 1] = cell_start_[i] + count[i + 1];
  cell_segs_.resize(cell_start_.back());
  std::vector<std::uint32_t> fill(cell_start_.begin(), cell_start_.end() - 1);
  for (std::size_t i = 0; i < segs_.size(); ++i) {
    std::size_t c0, c1, r0, r1;
    cells_of(segs_[i], c0, c1, r0, r1);
    for (std::size_t r = r0; r <= r1; ++r)
      for (std::size_t c = c0; c <= c1; ++c) cell_segs_[fill[r * nx_ + c]++] = static_cast<std::uint32_t>(i);
  }
}

OgrTransform BoundaryDistance::make_projector() const {
  return make_transform(srs_cgcs2000(), gk_srs(epsg_ ? epsg_ : 4545));
}

double BoundaryDistance::distance_projected(const Point& p) const {
  if (segs_.empty()) return std::numeric_limits<double>::infinity();
  auto clamp_index = [](double v, std::size_t n) -> long {
    if (!(v > 0)) return 0;
    if (v >= static_cast<double>(n - 1)) return static_cast<long>(n - 1);
    return static_cast<long>(v);
  };
  long ci = clamp_index((p.x - grid_.minx) / cell_, nx_);
  long cj = clamp_index((p.y - grid_.miny) / cell_, ny_);
  // Distance from p to the grid, so rings around a clamped cell start from the right place.
  double gx = std::max({grid_.minx - p.x, 0.0, p.x - grid_.maxx});
  double gy = std::max({grid_.miny - p.y, 0.0, p.y - grid_.maxy});
  double outside = std::hypot(gx, gy);
  double best2 = std::numeric_limits<double>::infinity();
  long kmax = static_cast<long>(std::max(nx_, ny_));
  for (long k = 0; k <= kmax; ++k) {
    double lower = std::max(outside, static_cast<double>(k - 1) * cell_);
    if (lower > 0 && lower * lower > best2) break;
    for (long j = cj - k; j <= cj + k; ++j) {
      if (j < 0 || j >= static_cast<long>(ny_)) continue;
      bool edge_row = (j == cj - k || j == cj + k);
      for (long i = ci - k; i <= ci + k; i += (edge_row || k == 0) ? 1 : 2 * k) {
        if (i < 0 || i >= static_cast<long>(nx_)) continue;
        std::size_t cell = static_cast<std::size_t>(j) * nx_ + static_cast<std::size_t>(i);
        for (std::uint32_t s = cell_start_[cell]; s < cell_start_[cell + 1]; ++s) {
          const Seg& g = segs_[cell_segs_[s]];
          best2 = std::min(best2, segment_distance2(p.x, p.y, g.ax, g.ay, g.bx, g.by));
        }
      }
    }
  }
  return std::sqrt(best2);
}

double BoundaryDistance::distance_m(const Point& lonlat, OGRCoordinateTransformation& projector) const {
  Point p = lonlat;
  if (!transform_point(projector, p)) return std::numeric_limits<double>::quiet_NaN();
  return distance_projected(p);
}

std::size_t BoundaryDistance::memory_bytes() const {
  return segs_.size() * sizeof(Seg) + (cell_start_.size() + cell_segs_.size()) * sizeof(std::uint32_t);
}

}  // namespace giatlas
