// Benchmark of zones and scopes on a generated Wulong workspace: the union of all townships,
// snapping, a scope statement per zone, and the printed map as PDF and 300 dpi PNG.
// Usage: scope_bench [density=1.0]   (writes its workspace and maps to a temp folder)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "map/render_map.h"
#include "sample/generator.h"
#include "scope/scope_statement.h"
#include "scope/snapping.h"
#include "scope/zone_from_units.h"
#include "workspace/workspace.h"

using namespace giatlas;

namespace {

template <class Fn>
double seconds(Fn fn) {
  const auto t0 = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  try {
    SampleOptions opt;
    opt.density = argc > 1 ? std::atof(argv[1]) : 1.0;
    opt.producers = 100;
    const auto dir =
        std::filesystem::temp_directory_path() / ("giatlas-scope-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "bench.gpkg").string();
    generate_sample(path, opt);
    const Workspace ws = Workspace::open(path, true);
    const auto towns = ws.townships();
    std::size_t vertices = 0;
    std::vector<std::string> all;
    for (const auto& t : towns) {
      vertices += t.geom.vertex_count();
      all.push_back(t.code);
    }
    std::printf("density %.2f: %zu townships, %zu vertices\n", opt.density, towns.size(), vertices);

    std::printf("union of all townships     %8.3f s\n",
                seconds([&] { (void)zone_from_units(towns, {}, all); }));
    Snapper snapper;
    for (const auto& t : towns) snapper.add_layer(t.geom);
    int hits = 0;
    const double snap_s = seconds([&] {
      for (int i = 0; i < 10000; ++i)
        hits += snapper.snap({107.2 + 0.9 * (i % 100) / 100.0, 29.0 + 0.7 * (i / 100) / 100.0}, 0.002).kind !=
                SnapKind::none;
    });
    std::printf("10,000 snaps (tol 0.002°)  %8.3f s (first builds the index; %d snapped)\n", snap_s, hits);
    for (const auto& z : ws.zone_versions())
      std::printf("scope %-12s v%d       %8.3f s\n", z.gi.c_str(), z.version,
                  seconds([&] { (void)scope_statement(ws, z.gi, z.version); }));
    const std::string gi = ws.zone_versions().front().gi;
    for (const char* ext : {"pdf", "png"}) {
      RenderOptions r;
      r.gi = gi;
      r.out = (dir / (std::string("map.") + ext)).string();
      std::printf("render %s (A4, 300 dpi)   %8.3f s\n", ext, seconds([&] { render_map(ws, r); }));
    }
    std::filesystem::remove_all(dir);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "scope_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
