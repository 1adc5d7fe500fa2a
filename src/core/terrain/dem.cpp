// DemGrid: bilinear altitude sampling, cell areas and statistics.
#include "terrain/dem.h"

#include <algorithm>
#include <numbers>

#include "error.h"

namespace giatlas {

const char* altitude_status_code(AltitudeStatus s) {
  switch (s) {
    case AltitudeStatus::ok: return "";
    case AltitudeStatus::dem_void: return "dem_void";
    case AltitudeStatus::outside_dem: return "outside_dem";
    case AltitudeStatus::no_dem: return "no_dem";
  }
  return "";
}

DemGrid::DemGrid(int cols, int rows, double west, double north, double dx, double dy)
    : cols_(cols), rows_(rows), west_(west), north_(north), dx_(dx), dy_(dy) {
  if (cols <= 0 || rows <= 0 || !(dx > 0) || !(dy > 0)) throw Error("DEM grid: empty or inverted cell size");
  values_.assign(static_cast<std::size_t>(cols) * rows, std::numeric_limits<float>::quiet_NaN());
}

AltitudeSample DemGrid::sample(const Point& p) const {
  AltitudeSample out;
  if (empty()) return out;
  // Continuous cell coordinates of the position, measured from the first cell's centre.
  const double fx = (p.x - west_) / dx_ - 0.5;
  const double fy = (north_ - p.y) / dy_ - 0.5;
  if (!(fx >= -0.5 && fx <= cols_ - 0.5 && fy >= -0.5 && fy <= rows_ - 0.5)) {
    out.status = AltitudeStatus::outside_dem;
    return out;
  }
  const double cx = std::clamp(fx, 0.0, static_cast<double>(cols_ - 1));
  const double cy = std::clamp(fy, 0.0, static_cast<double>(rows_ - 1));
  const int c0 = std::min(static_cast<int>(cx), cols_ - 1), r0 = std::min(static_cast<int>(cy), rows_ - 1);
  const int c1 = std::min(c0 + 1, cols_ - 1), r1 = std::min(r0 + 1, rows_ - 1);
  const double tx = cx - c0, ty = cy - r0;
  const float v00 = at(c0, r0), v10 = at(c1, r0), v01 = at(c0, r1), v11 = at(c1, r1);
  if (is_void(v00) || is_void(v10) || is_void(v01) || is_void(v11)) {
    out.status = AltitudeStatus::dem_void;
    return out;
  }
  const double top = v00 + (v10 - v00) * tx, bottom = v01 + (v11 - v01) * tx;
  out.metres = top + (bottom - top) * ty;
  out.status = AltitudeStatus::ok;
  return out;
}

double DemGrid::cell_area_m2(int r) const {
  // Authalic radius of the CGCS2000 ellipsoid; a cell is a lon/lat quadrangle on that sphere.
  constexpr double kRadius = 6371007.2;
  constexpr double kRad = std::numbers::pi / 180.0;
  const double lat_top = north_ - r * dy_, lat_bottom = lat_top - dy_;
  return kRadius * kRadius * dx_ * kRad * (std::sin(lat_top * kRad) - std::sin(lat_bottom * kRad));
}

double DemGrid::cell_width_m() const {
  constexpr double kRadius = 6371007.2;
  constexpr double kRad = std::numbers::pi / 180.0;
  return kRadius * dx_ * kRad * std::cos(extent().center().y * kRad);
}

DemStats dem_stats(const DemGrid& g) {
  DemStats s;
  s.min_m = std::numeric_limits<double>::infinity();
  s.max_m = -std::numeric_limits<double>::infinity();
  double sum = 0;
  for (int r = 0; r < g.rows(); ++r) {
    const double cell_km2 = g.cell_area_m2(r) / 1e6;
    for (int c = 0; c < g.cols(); ++c) {
      const float v = g.at(c, r);
      ++s.cells;
      s.total_km2 += cell_km2;
      if (DemGrid::is_void(v)) {
        ++s.void_cells;
        s.void_km2 += cell_km2;
        continue;
      }
      s.min_m = std::min<double>(s.min_m, v);
      s.max_m = std::max<double>(s.max_m, v);
      sum += v;
    }
  }
  if (s.cells == s.void_cells) s.min_m = s.max_m = 0;
  else s.mean_m = sum / static_cast<double>(s.cells - s.void_cells);
  return s;
}

}  // namespace giatlas
