// A workspace's elevation model: importing any GDAL raster (GeoTIFF, .hgt, .asc/.xyz, IMG, …,
// several tiles mosaicked), and reading it back.
//
// STORAGE (a documented choice): the DEM lives beside the workspace as a Cloud-Optimised
// GeoTIFF named after it (wulong.gpkg -> wulong.dem.tif), always in EPSG:4490 lon/lat, Float32
// metres, nodata -32768, DEFLATE with overviews (QGIS opens it as it is). Sources in other CRSs
// (Gauss–Krüger metres, WGS 84) are warped to it once at import, bilinearly, so that sampling a
// million producers needs no coordinate transformation. What the workspace records (source
// files, CRS, resolution, vertical unit and datum, nodata, voids, dates) is a JSON value under
// the setting "dem" (terrain/dem_import.cpp), shown by `giatlas-cli info`.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "progress.h"
#include "terrain/dem.h"

namespace giatlas {

class Workspace;

struct DemImportOptions {
  // DEFAULT "": the CRS stated by each file. Required for files that state none (.asc, .xyz
  // without .prj): Error otherwise, never a guess.
  std::string crs;
  // DEFAULT "": the vertical datum stated by the file, else recorded as unknown.
  std::string vertical_datum;
  // DEFAULT "": the file's TIFFTAG_DATETIME when present, else unknown. The data's date, not the import's.
  std::string date;
  // DEFAULT 0: keep the source resolution (GDAL's suggested warp size); else the cell size in
  // degrees of the stored grid.
  double cell_deg = 0;
};

struct DemInfo {
  std::string file;                  // the stored GeoTIFF's file name, beside the workspace
  std::vector<std::string> sources;  // the files imported, as given
  std::string source_crs;            // the name of the sources' CRS
  std::string source_resolution;     // "30 m" or "1″" (the first source's cell size)
  std::string vertical_unit;         // as stated ("metre", "foot", …); "" = not stated, metres assumed
  double unit_to_metres = 1;         // the factor applied at import
  std::string vertical_datum;        // "" = unknown
  std::string source_nodata;         // the sources' nodata value as text, "" = none stated
  std::string date;                  // the data's date, "" = unknown
  std::string imported;              // when it was imported (ISO UTC)
  int cols = 0, rows = 0;
  double cell_deg_x = 0, cell_deg_y = 0;
  double cell_m = 0;  // east–west cell size at the grid's centre, metres
  Box extent;
  DemStats stats;
};

// Imports `files` (mosaicked when several) as the DEM of the workspace at `workspace_path`,
// replacing the DEM it had (the old file stays until the new one is complete, then the
// replacement is one rename). Throws Error naming the file for an unreadable raster, a missing
// CRS, tiles of different vertical units, or a grid with no valid cell.
// Progress stages: "reading", "warping", "writing".
DemInfo import_dem(Workspace& ws, const std::vector<std::string>& files, const DemImportOptions& options = {},
                   const Progress& progress = Progress());

// The DEM file path that belongs to a workspace file: "x/wulong.gpkg" -> "x/wulong.dem.tif".
std::string dem_path_for(const std::string& workspace_path);

// What the workspace records about its DEM; nullopt when it has none.
std::optional<DemInfo> workspace_dem_info(const Workspace& ws);
// The workspace's DEM grid; nullopt when it has none. The file is looked for under the
// workspace's own name (dem_path_for), then under the name recorded at import. Throws Error
// when one is recorded but no file is there or it is unreadable (naming the file).
std::optional<DemGrid> load_workspace_dem(const Workspace& ws);

// Reads a GeoTIFF written by write_dem (or any north-up EPSG:4490/4326 single-band raster).
DemGrid read_dem(const std::string& path);
// A PostGIS workspace keeps its DEM in the database (Workspace::put_file) under this name, as the
// bytes of the same Cloud-Optimised GeoTIFF a GeoPackage workspace keeps beside its file.
inline constexpr const char* kStoredDemName = "dem.tif";
std::string dem_file_bytes(const DemGrid& grid);
DemGrid dem_from_bytes(const std::string& bytes);
// Writes `grid` as a Cloud-Optimised GeoTIFF at `path` (through a temporary file in the same
// folder and a rename). Throws Error naming the file.
void write_dem(const DemGrid& grid, const std::string& path);
// What a grid itself says: size, cell sizes, extent, statistics, and now as the import time.
// Callers add the sources, CRS, units and datum they know.
DemInfo grid_info(const DemGrid& grid);
// Records `info` in the workspace (the "dem" setting).
void record_dem(Workspace& ws, const DemInfo& info);

// "1″" / "30 m" style text for a cell size.
std::string cell_size_text(double size, bool degrees);

}  // namespace giatlas
