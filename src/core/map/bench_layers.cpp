// Deterministic synthetic polygons and points for benchmarks (see bench_layers.h).
#include "map/bench_layers.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace giatlas {
namespace {

// SplitMix64: small, fast and good enough to scatter benchmark geometry.
struct Rng {
  std::uint64_t s;
  double next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return static_cast<double>((z ^ (z >> 31)) >> 11) / 9007199254740992.0;
  }
};

}  // namespace

BenchLayers make_bench_layers(const BenchLayerOptions& o) {
  BenchLayers out;
  Rng rng{o.seed};
  const std::size_t n = std::max<std::size_t>(o.polygons, 1);
  const std::size_t per = std::max<std::size_t>(o.vertices / n, 4);
  // Polygons on a grid of cells, each a star-shaped ring inside its cell (so they never overlap).
  const auto cols = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(n))));
  const std::size_t rows = (n + cols - 1) / cols;
  const double cw = o.area.width() / static_cast<double>(cols), ch = o.area.height() / static_cast<double>(rows);
  for (std::size_t i = 0; i < n; ++i) {
    const double cx = o.area.minx + (static_cast<double>(i % cols) + 0.5) * cw;
    const double cy = o.area.miny + (static_cast<double>(i / cols) + 0.5) * ch;
    const double phase = rng.next() * 6.283, lobes = 3 + std::floor(rng.next() * 5);
    Ring r;
    r.reserve(per + 1);
    for (std::size_t k = 0; k < per; ++k) {
      const double a = 2 * std::numbers::pi * static_cast<double>(k) / static_cast<double>(per);
      // Radius in (0.25, 0.48) of the cell: lobes plus fine jitter, always positive (star-shaped).
      const double f = 0.36 + 0.08 * std::sin(lobes * a + phase) + 0.04 * (rng.next() - 0.5);
      r.push_back({cx + f * cw * std::cos(a), cy + f * ch * std::sin(a)});
    }
    r.push_back(r.front());
    out.polygons.push_back(MultiPolygon{{Polygon{{std::move(r)}}}});
  }
  out.points.reserve(o.points);
  for (std::size_t i = 0; i < o.points; ++i)
    out.points.push_back({o.area.minx + rng.next() * o.area.width(), o.area.miny + rng.next() * o.area.height()});
  return out;
}

}  // namespace giatlas
