// giatlas-cli dem: import a digital elevation model into a workspace, show what it holds, and
// read altitudes at points.
#include <cstdio>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/terminal_progress.h"
#include "error.h"
#include "terrain/dem_import.h"
#include "workspace/workspace.h"

namespace giatlas::cli {

namespace {

void print_dem(const DemInfo& d) {
  std::printf("DEM            %s (EPSG:4490, Float32 metres, %d × %d cells of %s ≈ %.1f m)\n", d.file.c_str(),
              d.cols, d.rows, cell_size_text(d.cell_deg_x, true).c_str(), d.cell_m);
  std::printf("  source       ");
  for (std::size_t i = 0; i < d.sources.size(); ++i) std::printf("%s%s", i ? ", " : "", d.sources[i].c_str());
  std::printf("\n  source CRS   %s, cell %s\n", d.source_crs.empty() ? "(not stated)" : d.source_crs.c_str(),
              d.source_resolution.c_str());
  std::printf("  vertical     unit %s%s, datum %s\n", d.vertical_unit.empty() ? "not stated (metres assumed)" : d.vertical_unit.c_str(),
              d.unit_to_metres != 1 ? (" (× " + std::to_string(d.unit_to_metres) + " to metres)").c_str() : "",
              d.vertical_datum.empty() ? "unknown (not stated in the file)" : d.vertical_datum.c_str());
  std::printf("  nodata       %s; voids %.4f km² (%lld cells in the stored grid), never read as 0 m\n",
              d.source_nodata.empty() ? "not stated" : d.source_nodata.c_str(), d.stats.void_km2,
              static_cast<long long>(d.stats.void_cells));
  std::printf("  altitude     %.1f – %.1f m (mean %.1f m)\n", d.stats.min_m, d.stats.max_m, d.stats.mean_m);
  std::printf("  extent       %.6f–%.6f°E, %.6f–%.6f°N\n", d.extent.minx, d.extent.maxx, d.extent.miny, d.extent.maxy);
  std::printf("  dated        %s; imported %s\n", d.date.empty() ? "unknown" : d.date.c_str(), d.imported.c_str());
}

int dem_import(int argc, char** argv) {
  Args args(argc, argv, 3, {});
  args.allow_only({"into", "crs", "vertical-datum", "date", "cell"});
  const auto into = args.get("into");
  if (!into) throw Error("dem import: name the workspace with --into WS");
  if (args.positional().empty()) throw Error("dem import: name at least one raster file");
  DemImportOptions opt;
  opt.crs = args.get_or("crs", "");
  opt.vertical_datum = args.get_or("vertical-datum", "");
  opt.date = args.get_or("date", "");
  opt.cell_deg = args.number_or("cell", 0) / 3600.0;  // --cell in arc-seconds
  Workspace ws = Workspace::open(*into);
  TerminalProgress bar("dem import");
  const DemInfo info = import_dem(ws, args.positional(), opt, bar.progress());
  bar.finish();
  std::printf("imported %zu file(s) into %s\n", info.sources.size(), into->c_str());
  print_dem(info);
  return 0;
}

int dem_info(int argc, char** argv) {
  Args args(argc, argv, 3, {});
  args.allow_only({});
  const Workspace ws = Workspace::open(args.need(0, "workspace.gpkg"), true);
  const auto info = workspace_dem_info(ws);
  if (!info) {
    std::printf("%s has no DEM (import one with giatlas-cli dem import FILE… --into WS)\n", ws.shown().c_str());
    return 0;
  }
  print_dem(*info);
  return 0;
}

// Altitudes at lon/lat pairs given as "LON,LAT" arguments.
int dem_sample(int argc, char** argv) {
  Args args(argc, argv, 3, {});
  args.allow_only({});
  const Workspace ws = Workspace::open(args.need(0, "workspace.gpkg"), true);
  const auto dem = load_workspace_dem(ws);
  if (!dem) throw Error("dem sample: " + ws.shown() + " has no DEM");
  for (std::size_t i = 1; i < args.positional().size(); ++i) {
    const std::string& s = args.positional()[i];
    Point p;
    if (std::sscanf(s.c_str(), "%lf,%lf", &p.x, &p.y) != 2) throw Error("dem sample: '" + s + "' is not LON,LAT");
    const AltitudeSample a = dem->sample(p);
    if (a.ok()) std::printf("%s\t%.1f\n", s.c_str(), a.metres);
    else std::printf("%s\t%s\n", s.c_str(), altitude_status_code(a.status));
  }
  return 0;
}

}  // namespace

int cmd_dem(int argc, char** argv) {
  if (argc < 3) throw Error("dem: name an action: import, info or sample");
  const std::string action = argv[2];
  if (action == "import") return dem_import(argc, argv);
  if (action == "info") return dem_info(argc, argv);
  if (action == "sample") return dem_sample(argc, argv);
  throw Error("dem: unknown action '" + action + "' (use import, info or sample)");
}

void print_dem_info(const DemInfo& info) { print_dem(info); }

}  // namespace giatlas::cli
