// giatlas_sample_dem: gives a workspace the sample's synthetic DEM (terrain_synth.h) through
// the real import path, for tests and screenshots until `giatlas-cli sample` makes it itself.
// Usage: giatlas_sample_dem WS.gpkg [--cell-deg D] [--void lon,lat,radius_m]...
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "error.h"
#include "sample/terrain_synth.h"
#include "terrain/dem_import.h"
#include "workspace/workspace.h"

int main(int argc, char** argv) {
  using namespace giatlas;
  try {
    if (argc < 2) throw Error("usage: giatlas_sample_dem WS.gpkg [--cell-deg D] [--void lon,lat,radius_m]...");
    const std::string path = argv[1];
    Workspace ws = Workspace::open(path);
    SynthTerrainOptions o;
    for (const Township& t : ws.townships()) o.area.expand(bounds(t.geom));
    if (!o.area.valid()) throw Error(path + ": no townships to cover");
    DemGrid grid;
    bool made = false;
    for (int i = 2; i < argc; ++i) {
      const std::string a = argv[i];
      if (i + 1 >= argc) throw Error(a + ": missing value");
      if (a == "--cell-deg") {
        o.cell_deg = std::atof(argv[++i]);
      } else if (a == "--void") {
        if (!made) grid = synthetic_dem(o), made = true;
        double lon = 0, lat = 0, r = 0;
        if (std::sscanf(argv[++i], "%lf,%lf,%lf", &lon, &lat, &r) != 3) throw Error("--void: lon,lat,radius_m");
        punch_void(grid, {lon, lat}, r);
      } else {
        throw Error("unknown option " + a);
      }
    }
    if (!made) grid = synthetic_dem(o);
    const std::string tmp = path + ".synthetic-dem.tif";
    write_dem(grid, tmp);
    DemImportOptions io;
    io.date = "synthetic";
    const DemInfo info = import_dem(ws, {tmp}, io);
    std::filesystem::remove(tmp);
    std::printf("dem %s %d x %d cells, %.1f to %.1f m\n", info.file.c_str(), info.cols, info.rows, info.stats.min_m,
                info.stats.max_m);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "giatlas_sample_dem: " << e.what() << "\n";
    return 1;
  }
}
