// Synthetic relief from hashed value noise (own hash: the same bytes on every compiler).
#include "sample/terrain_synth.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace giatlas {

namespace {

double hash01(std::uint64_t seed, std::int64_t x, std::int64_t y) {
  std::uint64_t h = seed * 0x9E3779B97F4A7C15ULL ^ static_cast<std::uint64_t>(x) * 0xBF58476D1CE4E5B9ULL ^
                    static_cast<std::uint64_t>(y) * 0x94D049BB133111EBULL;
  h ^= h >> 31;
  h *= 0xD6E8FEB86659FD93ULL;
  h ^= h >> 32;
  return static_cast<double>(h >> 11) * (1.0 / 9007199254740992.0);
}

double smooth(double t) { return t * t * (3 - 2 * t); }

// Value noise in [-1, 1] with a smooth interpolation between lattice values.
double noise(std::uint64_t seed, double x, double y) {
  const double fx = std::floor(x), fy = std::floor(y);
  const auto ix = static_cast<std::int64_t>(fx), iy = static_cast<std::int64_t>(fy);
  const double tx = smooth(x - fx), ty = smooth(y - fy);
  const double a = hash01(seed, ix, iy), b = hash01(seed, ix + 1, iy);
  const double c = hash01(seed, ix, iy + 1), d = hash01(seed, ix + 1, iy + 1);
  return 2 * ((a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty) - 1;
}

double fbm(std::uint64_t seed, double x, double y, int octaves) {
  double sum = 0, amp = 1, norm = 0;
  for (int o = 0; o < octaves; ++o) {
    sum += amp * noise(seed + static_cast<std::uint64_t>(o) * 7919, x, y);
    norm += amp;
    amp *= 0.5;
    x *= 2.03;
    y *= 2.03;
  }
  return sum / norm;
}

constexpr double kKmPerDegree = 111.2;

}  // namespace

double synthetic_altitude(std::uint64_t seed, const Box& area, const Point& massif, const Point& p) {
  const double u = (p.x - area.minx) / area.width(), v = (p.y - area.miny) / area.height();
  const double mu = std::isnan(massif.x) ? 0.3 : (massif.x - area.minx) / area.width();
  const double mv = std::isnan(massif.x) ? 0.72 : (massif.y - area.miny) / area.height();
  // Karst plateaus: broad undulation between about 900 and 1,500 m.
  double alt = 1180 + 330 * fbm(seed, u * 5, v * 3, 5);
  // A ridge massif in the north-west (the sample's "仙女山"), up to about 2,000 m.
  const double du = (u - mu) / 0.16, dv = (v - mv) / 0.12;
  alt += 950 * std::exp(-(du * du + dv * dv)) * (0.85 + 0.15 * fbm(seed + 3, u * 12, v * 12, 3));
  // Tributary valleys: where a noise field crosses zero, cut down towards 450 m.
  const double t = std::fabs(fbm(seed + 11, u * 3.2, v * 2.4, 3));
  const double trib = smooth(std::clamp(t / 0.16, 0.0, 1.0));
  alt = 450 + (alt - 450) * (0.25 + 0.75 * trib);
  // The main river gorge meandering west–east, its floor near 190 m.
  const double river_v = 0.47 + 0.1 * std::sin(2 * std::numbers::pi * (1.2 * u + 0.15)) + 0.04 * fbm(seed + 5, u * 4, 0, 2);
  const double d_km = std::fabs(v - river_v) * area.height() * kKmPerDegree;
  const double gorge = smooth(std::clamp(d_km / 7.0, 0.0, 1.0));
  const double floor_m = 185 + 20 * u;
  alt = floor_m + (alt - floor_m) * gorge;
  return std::clamp(alt, 150.0, 2100.0);
}

DemGrid synthetic_dem(const SynthTerrainOptions& o) {
  const double margin = 0.02;
  const double west = std::floor((o.area.minx - margin) / o.cell_deg) * o.cell_deg;
  const double north = std::ceil((o.area.maxy + margin) / o.cell_deg) * o.cell_deg;
  const int cols = static_cast<int>(std::ceil((o.area.maxx + margin - west) / o.cell_deg));
  const int rows = static_cast<int>(std::ceil((north - (o.area.miny - margin)) / o.cell_deg));
  DemGrid g(cols, rows, west, north, o.cell_deg, o.cell_deg);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      g.set(c, r, static_cast<float>(std::round(synthetic_altitude(o.seed, o.area, o.massif, g.cell_centre(c, r)) * 10) / 10));
  return g;
}

void punch_void(DemGrid& g, const Point& centre, double radius_m) {
  const double ky = kKmPerDegree * 1000, kx = ky * std::cos(centre.y * std::numbers::pi / 180);
  for (int r = 0; r < g.rows(); ++r)
    for (int c = 0; c < g.cols(); ++c) {
      const Point q = g.cell_centre(c, r);
      const double ex = (q.x - centre.x) * kx, ey = (q.y - centre.y) * ky;
      if (ex * ex + ey * ey <= radius_m * radius_m) g.set(c, r, std::numeric_limits<float>::quiet_NaN());
    }
}

}  // namespace giatlas
