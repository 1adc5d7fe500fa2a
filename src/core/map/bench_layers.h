// Synthetic map layers for rendering benchmarks: any number of wiggly polygons and points over
// the Wulong area, deterministic for a seed. (The sample generator makes realistic workspaces;
// this makes the million-vertex layers a renderer must stay smooth with.)
#pragma once
#include <cstdint>
#include <vector>

#include "geo/geometry.h"

namespace giatlas {

struct BenchLayerOptions {
  std::size_t polygons = 2000;       // DEFAULT: 2,000 polygons …
  std::size_t vertices = 1'000'000;  // … sharing 1,000,000 vertices (500 each)
  std::size_t points = 100'000;      // DEFAULT: 100,000 points
  std::uint64_t seed = 1;
  Box area{107.2, 29.0, 108.1, 29.7};  // lon/lat
};

struct BenchLayers {
  std::vector<MultiPolygon> polygons;  // lon/lat, each a simple ring (no self-intersections)
  std::vector<Point> points;           // lon/lat
};

BenchLayers make_bench_layers(const BenchLayerOptions& options = BenchLayerOptions());

}  // namespace giatlas
