// A digital elevation model held in memory: a Float32 grid in EPSG:4490 (lon/lat, north-up),
// metres above the vertical datum, with voids. Altitude sampling, cell geometry and the
// statistics every report shows. Reading and writing files: terrain/dem_import.h.
#pragma once
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.h"

namespace giatlas {

// The value stored in a void cell of a workspace DEM file (Float32 GeoTIFF nodata).
inline constexpr float kDemNoData = -32768.0f;

// Why an altitude could not be read. Stable codes (reports): "", dem_void, outside_dem, no_dem.
enum class AltitudeStatus { ok, dem_void, outside_dem, no_dem };
const char* altitude_status_code(AltitudeStatus s);

struct AltitudeSample {
  AltitudeStatus status = AltitudeStatus::no_dem;
  double metres = std::numeric_limits<double>::quiet_NaN();  // valid when status == ok
  bool ok() const { return status == AltitudeStatus::ok; }
};

class DemGrid {
 public:
  DemGrid() = default;
  // A grid of `cols` × `rows` cells whose top-left corner is (west, north) and whose cells are
  // `dx` × `dy` degrees (dy > 0: rows run southwards). All cells start void.
  // REQUIRES: cols, rows > 0; dx, dy > 0.
  DemGrid(int cols, int rows, double west, double north, double dx, double dy);

  int cols() const { return cols_; }
  int rows() const { return rows_; }
  double west() const { return west_; }
  double north() const { return north_; }
  double dx() const { return dx_; }
  double dy() const { return dy_; }
  Box extent() const { return {west_, north_ - rows_ * dy_, west_ + cols_ * dx_, north_}; }
  bool empty() const { return cols_ == 0; }

  // Cell (c, r) value; NaN for a void. REQUIRES: 0 <= c < cols, 0 <= r < rows.
  float at(int c, int r) const { return values_[static_cast<std::size_t>(r) * cols_ + c]; }
  void set(int c, int r, float v) { values_[static_cast<std::size_t>(r) * cols_ + c] = v; }
  static bool is_void(float v) { return std::isnan(v); }
  std::vector<float>& values() { return values_; }
  const std::vector<float>& values() const { return values_; }
  // Centre of cell (c, r) in lon/lat.
  Point cell_centre(int c, int r) const { return {west_ + (c + 0.5) * dx_, north_ - (r + 0.5) * dy_}; }

  // The altitude at a lon/lat position, bilinear between the four nearest cell centres
  // (cell-centre registration). DEFAULT: if any of the four is void the answer is dem_void —
  // a void is never read as 0 m and never interpolated across. Within half a cell of the
  // grid's outer edge the nearest edge cells are used; beyond the grid: outside_dem.
  AltitudeSample sample(const Point& lonlat) const;

  // Area of one cell in row r, m² (on the CGCS2000 ellipsoid's authalic sphere; within 0.3%).
  double cell_area_m2(int r) const;
  // East–west size of a cell at the grid's middle latitude, metres (same sphere).
  double cell_width_m() const;

 private:
  int cols_ = 0, rows_ = 0;
  double west_ = 0, north_ = 0, dx_ = 1, dy_ = 1;
  std::vector<float> values_;  // row-major, north row first; NaN = void
};

// Summary figures of a grid (every value in metres, areas in km²).
struct DemStats {
  double min_m = 0, max_m = 0, mean_m = 0;
  std::int64_t cells = 0, void_cells = 0;
  double void_km2 = 0;   // area of the void cells
  double total_km2 = 0;  // area of the whole grid
};
DemStats dem_stats(const DemGrid& g);

}  // namespace giatlas
