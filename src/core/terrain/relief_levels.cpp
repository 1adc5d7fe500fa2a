// Relief levels of detail and the tint ramp (see relief_levels.h).
#include "terrain/relief_levels.h"

#include <cmath>
#include <limits>
#include <numbers>

namespace giatlas {

std::vector<ReliefLevel> relief_levels(const DemGrid& dem, const std::vector<int>& steps,
                                       const ReliefOptions& options, const Progress& progress) {
  ReliefOptions grey = options;
  grey.tint = false;  // the tint is applied where the level is drawn, from `altitude`
  const double centre_lat = dem.extent().center().y;
  const double cell_m = dem.dx() * 111194.9 * std::cos(centre_lat * std::numbers::pi / 180.0);
  std::vector<ReliefLevel> out;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    ReliefLevel level;
    level.step = std::max(1, steps[i]);
    const int s = level.step;
    Progress sub([&](const std::string& stage, double f) {
      progress.report(stage, (static_cast<double>(i) + f) / static_cast<double>(steps.size()));
    });
    if (progress.cancelled()) sub.cancel();
    level.shade = hillshade(dem, grey, s, sub);
    const int w = level.shade.width, h = level.shade.height;
    // Pixel (x, y) shows cell (x·s, y·s): its outer edges are half a pixel around that cell's centre.
    const double west = dem.west() + (0.5 - 0.5 * s) * dem.dx();
    const double north = dem.north() - (0.5 - 0.5 * s) * dem.dy();
    level.shade.area = {west, north - h * s * dem.dy(), west + w * s * dem.dx(), north};
    level.cell_m = cell_m * s;
    level.altitude.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        const float v = dem.at(std::min(x * s, dem.cols() - 1), std::min(y * s, dem.rows() - 1));
        level.altitude[static_cast<std::size_t>(y) * w + x] =
            DemGrid::is_void(v) ? std::numeric_limits<float>::quiet_NaN() : v;
      }
    progress.check_cancelled();
    out.push_back(std::move(level));
  }
  return out;
}

std::size_t pick_relief_level(const std::vector<ReliefLevel>& levels, double m_per_px) {
  std::size_t best = 0;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    if (levels[i].cell_m < levels[best].cell_m) best = i;  // the finest, as the fallback
  }
  const std::size_t finest = best;
  double best_cell = 0;
  for (std::size_t i = 0; i < levels.size(); ++i)
    if (levels[i].cell_m <= m_per_px && levels[i].cell_m > best_cell) best = i, best_cell = levels[i].cell_m;
  return best_cell > 0 ? best : finest;
}

std::vector<std::uint8_t> hypsometric_ramp(int n, double max_m) {
  std::vector<std::uint8_t> out(static_cast<std::size_t>(n) * 4);
  for (int i = 0; i < n; ++i) {
    hypsometric_colour(max_m * i / (n - 1), &out[static_cast<std::size_t>(i) * 4]);
    out[static_cast<std::size_t>(i) * 4 + 3] = 255;
  }
  return out;
}

}  // namespace giatlas
