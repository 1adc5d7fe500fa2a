// DEM import: any GDAL raster (tiles mosaicked) -> one EPSG:4490 Float32 COG beside the
// workspace, and the record of where it came from.
#include "terrain/dem_import.h"

#include <gdal_utils.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <cstdint>
#include <sstream>
#include <fstream>
#include <nlohmann/json.hpp>

#include "error.h"
#include "io/source_open.h"
#include "geo/gdal.h"
#include "io/atomic_file.h"
#include "io/value_text.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace fs = std::filesystem;

namespace {

struct WarpOptionsDeleter {
  void operator()(GDALWarpAppOptions* o) const { GDALWarpAppOptionsFree(o); }
};

// The factor from a band's stated unit to metres; Error for a unit we cannot convert.
double unit_factor(const std::string& unit, const std::string& file) {
  const std::string u = ascii_lower(unit);
  if (u.empty() || u == "m" || u == "metre" || u == "meter" || u == "metres" || u == "meters" || u == "米")
    return 1.0;
  if (u == "ft" || u == "foot" || u == "feet" || u == "international foot") return 0.3048;
  if (u == "us survey foot" || u == "us-ft" || u == "ftus") return 1200.0 / 3937.0;
  if (u == "dm") return 0.1;
  if (u == "cm") return 0.01;
  throw Error("dem import " + file + ": vertical unit '" + unit + "' is not one GI Atlas can convert to metres");
}

struct Source {
  GdalDataset ds;
  std::string file;
  double factor = 1;
  std::string unit;
  double void_km2 = 0;
};

// Area of the nodata cells of band 1, km²: each source measured in its own CRS.
double source_void_km2(GDALDataset& ds, const std::string& file) {
  GDALRasterBand* band = ds.GetRasterBand(1);
  int has_nodata = 0;
  const double nodata = band->GetNoDataValue(&has_nodata);
  const int cols = ds.GetRasterXSize(), rows = ds.GetRasterYSize();
  double gt[6];
  if (ds.GetGeoTransform(gt) != CE_None) return 0;
  const OGRSpatialReference* srs = ds.GetSpatialRef();
  const bool geographic = srs && srs->IsGeographic();
  std::vector<float> row(static_cast<std::size_t>(cols));
  double km2 = 0;
  for (int r = 0; r < rows; ++r) {
    if (band->RasterIO(GF_Read, 0, r, cols, 1, row.data(), cols, 1, GDT_Float32, 0, 0) != CE_None)
      throw Error("dem import " + file + ": cannot read row " + std::to_string(r + 1) + ": " + CPLGetLastErrorMsg());
    std::int64_t voids = 0;
    for (float v : row)
      if (std::isnan(v) || (has_nodata && v == static_cast<float>(nodata))) ++voids;
    if (!voids) continue;
    double cell_m2 = std::abs(gt[1] * gt[5]);
    if (geographic) {
      const double lat = gt[3] + (r + 0.5) * gt[5];
      DemGrid probe(1, 1, 0, lat + std::abs(gt[5]) / 2, std::abs(gt[1]), std::abs(gt[5]));
      cell_m2 = probe.cell_area_m2(0);
    }
    km2 += voids * cell_m2 / 1e6;
  }
  return km2;
}

Source open_source(const std::string& file, const DemImportOptions& opt) {
  Source s;
  s.file = file;
  {
    QuietGdalErrors quiet;
    s.ds.reset(GDALDataset::Open(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!s.ds) {
      const std::string cause = fs::exists(file) ? CPLGetLastErrorMsg() : "no such file";
      throw Error("dem import " + file + ": not a raster GDAL can read" + (cause.empty() ? "" : " (" + cause + ")"));
    }
  }
  if (s.ds->GetRasterCount() < 1) throw Error("dem import " + file + ": the file has no raster band");
  double gt[6];
  if (s.ds->GetGeoTransform(gt) != CE_None) throw Error("dem import " + file + ": the raster has no georeferencing");
  if (opt.crs.empty() && !s.ds->GetSpatialRef())
    throw Error("dem import " + file + ": the file states no coordinate system; give it with --crs (e.g. EPSG:4545)");
  s.unit = s.ds->GetRasterBand(1)->GetUnitType();
  s.factor = unit_factor(s.unit, file);
  s.void_km2 = source_void_km2(*s.ds, file);
  return s;
}

std::string vertical_datum_of(const OGRSpatialReference* srs) {
  if (!srs || !srs->IsCompound()) return "";
  const char* v = srs->GetAttrValue("VERT_DATUM");
  if (!v) v = srs->GetAttrValue("VERT_CS");
  return v ? v : "";
}

// Warps every source into one in-memory EPSG:4490 Float32 grid (NaN voids).
GdalDataset warp_sources(std::vector<Source>& sources, const DemImportOptions& opt) {
  std::vector<std::string> args = {"-t_srs", "EPSG:4490", "-r", "bilinear", "-ot", "Float32", "-dstnodata", "nan",
                                   "-of", "MEM", "-multi", "-wo", "NUM_THREADS=ALL_CPUS"};
  if (!opt.crs.empty()) args.insert(args.end(), {"-s_srs", opt.crs});
  if (opt.cell_deg > 0) args.insert(args.end(), {"-tr", std::to_string(opt.cell_deg), std::to_string(opt.cell_deg)});
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::unique_ptr<GDALWarpAppOptions, WarpOptionsDeleter> wopt(GDALWarpAppOptionsNew(argv.data(), nullptr));
  if (!wopt) throw Error("dem import: bad warp options");
  std::vector<GDALDatasetH> handles;
  for (auto& s : sources) handles.push_back(GDALDataset::ToHandle(s.ds.get()));
  int usage_error = 0;
  QuietGdalErrors quiet;
  GDALDatasetH out = GDALWarp("", nullptr, static_cast<int>(handles.size()), handles.data(), wopt.get(), &usage_error);
  if (!out) throw Error(std::string("dem import: reprojecting to CGCS2000 failed: ") + CPLGetLastErrorMsg());
  return GdalDataset(GDALDataset::FromHandle(out));
}

DemGrid grid_from_dataset(GDALDataset& ds, const std::string& what, double factor) {
  double gt[6];
  if (ds.GetGeoTransform(gt) != CE_None || gt[2] != 0 || gt[4] != 0 || !(gt[1] > 0) || !(gt[5] < 0))
    throw Error(what + ": not a north-up raster grid");
  DemGrid g(ds.GetRasterXSize(), ds.GetRasterYSize(), gt[0], gt[3], gt[1], -gt[5]);
  GDALRasterBand* band = ds.GetRasterBand(1);
  if (band->RasterIO(GF_Read, 0, 0, g.cols(), g.rows(), g.values().data(), g.cols(), g.rows(), GDT_Float32, 0, 0) !=
      CE_None)
    throw Error(what + ": cannot read the raster: " + CPLGetLastErrorMsg());
  int has_nodata = 0;
  const double nodata = band->GetNoDataValue(&has_nodata);
  int has_scale = 0, has_offset = 0;
  const double scale = band->GetScale(&has_scale), offset = band->GetOffset(&has_offset);
  const float nd = static_cast<float>(nodata);
  for (float& v : g.values()) {
    if (std::isnan(v) || (has_nodata && v == nd)) {
      v = std::numeric_limits<float>::quiet_NaN();
      continue;
    }
    v = static_cast<float>((v * (has_scale ? scale : 1.0) + (has_offset ? offset : 0.0)) * factor);
  }
  return g;
}

nlohmann::json to_json(const DemInfo& d) {
  return {{"file", d.file},
          {"sources", d.sources},
          {"source_crs", d.source_crs},
          {"source_resolution", d.source_resolution},
          {"vertical_unit", d.vertical_unit},
          {"unit_to_metres", d.unit_to_metres},
          {"vertical_datum", d.vertical_datum},
          {"source_nodata", d.source_nodata},
          {"date", d.date},
          {"imported", d.imported},
          {"cols", d.cols},
          {"rows", d.rows},
          {"cell_deg_x", d.cell_deg_x},
          {"cell_deg_y", d.cell_deg_y},
          {"cell_m", d.cell_m},
          {"extent", {d.extent.minx, d.extent.miny, d.extent.maxx, d.extent.maxy}},
          {"min_m", d.stats.min_m},
          {"max_m", d.stats.max_m},
          {"mean_m", d.stats.mean_m},
          {"void_cells", d.stats.void_cells},
          {"void_km2", d.stats.void_km2},
          {"total_km2", d.stats.total_km2}};
}

DemInfo from_json(const nlohmann::json& j) {
  DemInfo d;
  d.file = j.value("file", "");
  d.sources = j.value("sources", std::vector<std::string>{});
  d.source_crs = j.value("source_crs", "");
  d.source_resolution = j.value("source_resolution", "");
  d.vertical_unit = j.value("vertical_unit", "");
  d.unit_to_metres = j.value("unit_to_metres", 1.0);
  d.vertical_datum = j.value("vertical_datum", "");
  d.source_nodata = j.value("source_nodata", "");
  d.date = j.value("date", "");
  d.imported = j.value("imported", "");
  d.cols = j.value("cols", 0);
  d.rows = j.value("rows", 0);
  d.cell_deg_x = j.value("cell_deg_x", 0.0);
  d.cell_deg_y = j.value("cell_deg_y", 0.0);
  d.cell_m = j.value("cell_m", 0.0);
  if (auto e = j.find("extent"); e != j.end() && e->size() == 4)
    d.extent = {(*e)[0].get<double>(), (*e)[1].get<double>(), (*e)[2].get<double>(), (*e)[3].get<double>()};
  d.stats.min_m = j.value("min_m", 0.0);
  d.stats.max_m = j.value("max_m", 0.0);
  d.stats.mean_m = j.value("mean_m", 0.0);
  d.stats.void_cells = j.value("void_cells", std::int64_t{0});
  d.stats.void_km2 = j.value("void_km2", 0.0);
  d.stats.total_km2 = j.value("total_km2", 0.0);
  d.stats.cells = static_cast<std::int64_t>(d.cols) * d.rows;
  return d;
}

}  // namespace

std::string cell_size_text(double size, bool degrees) {
  char buf[64];
  if (degrees) std::snprintf(buf, sizeof buf, "%.3g″", size * 3600.0);
  else std::snprintf(buf, sizeof buf, "%.3g m", size);
  return buf;
}

std::string dem_path_for(const std::string& workspace_path) {
  fs::path p(workspace_path);
  p.replace_extension(".dem.tif");
  return p.string();
}

DemInfo import_dem(Workspace& ws, const std::vector<std::string>& files, const DemImportOptions& opt,
                   const Progress& progress) {
  ensure_gdal();
  if (files.empty()) throw Error("dem import: name at least one raster file");
  progress.report("reading", 0);
  std::vector<Source> sources;
  for (const auto& f : files) {
    sources.push_back(open_source(f, opt));
    progress.check_cancelled();
    if (sources.back().factor != sources.front().factor)
      throw Error("dem import " + f + ": vertical unit '" + sources.back().unit + "' differs from " +
                  sources.front().file + "'s '" + sources.front().unit + "'; import them separately");
  }
  progress.report("warping", 0.2);
  GdalDataset warped = warp_sources(sources, opt);
  progress.check_cancelled();
  const DemGrid grid = grid_from_dataset(*warped, "dem import", sources.front().factor);
  warped.reset();

  // What the grid says, then what the sources say.
  DemInfo info = grid_info(grid);
  GDALDataset& first = *sources.front().ds;
  const OGRSpatialReference* srs = first.GetSpatialRef();
  OGRSpatialReference given;
  if (!opt.crs.empty()) given = srs_from_user(opt.crs);
  const OGRSpatialReference* src_srs = opt.crs.empty() ? srs : &given;
  info.source_crs = src_srs && src_srs->GetName() ? src_srs->GetName() : "";
  double gt[6];
  first.GetGeoTransform(gt);
  info.source_resolution = cell_size_text(std::abs(gt[1]), src_srs && src_srs->IsGeographic());
  info.vertical_unit = sources.front().unit;
  info.unit_to_metres = sources.front().factor;
  info.vertical_datum = opt.vertical_datum.empty() ? vertical_datum_of(src_srs) : opt.vertical_datum;
  int has_nodata = 0;
  const double nd = first.GetRasterBand(1)->GetNoDataValue(&has_nodata);
  if (has_nodata) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", nd);
    info.source_nodata = buf;
  }
  const char* stamp = first.GetMetadataItem("TIFFTAG_DATETIME");
  info.date = !opt.date.empty() ? opt.date : stamp ? stamp : "";
  for (const auto& s : sources) info.sources.push_back(s.file);

  if (info.stats.void_cells == info.stats.cells) throw Error("dem import: the rasters have no valid cell (all void)");
  // Voids are what the sources lack, measured in the sources (the margin a reprojection adds
  // around a projected tile is not a void of the data).
  info.stats.void_km2 = 0;
  for (const auto& s : sources) info.stats.void_km2 += s.void_km2;

  progress.report("writing", 0.7);
  if (ws.postgis()) {  // the DEM goes into the database with its record, in one change
    info.file = kStoredDemName;
    const std::string bytes = dem_file_bytes(grid);
    Workspace::Transaction tx(ws);
    ws.put_file(kStoredDemName, bytes);
    record_dem(ws, info);
    tx.commit();
    progress.report("writing", 1.0);
    return info;
  }
  const std::string out = dem_path_for(ws.path());
  info.file = fs::path(out).filename().string();
  write_dem(grid, out);
  record_dem(ws, info);
  progress.report("writing", 1.0);
  return info;
}

std::string dem_file_bytes(const DemGrid& grid) {
  const TempDir dir = TempDir::make("giatlas-dem");
  const std::string path = (fs::path(dir.path()) / kStoredDemName).string();
  write_dem(grid, path);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in.good() && !in.eof()) throw Error("write DEM: cannot read back " + path);
  return bytes.str();
}

DemGrid dem_from_bytes(const std::string& bytes) {
  ensure_gdal();
  // A private in-memory file for GDAL, removed again whatever happens.
  struct MemFile {
    std::string name;
    explicit MemFile(const std::string& data)
        : name("/vsimem/giatlas-dem-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".tif") {
      VSILFILE* f = VSIFileFromMemBuffer(name.c_str(), reinterpret_cast<GByte*>(const_cast<char*>(data.data())),
                                         static_cast<vsi_l_offset>(data.size()), FALSE);
      if (!f) throw Error("read DEM: cannot open the stored DEM");
      VSIFCloseL(f);
    }
    ~MemFile() { VSIUnlink(name.c_str()); }
    MemFile(const MemFile&) = delete;
    MemFile& operator=(const MemFile&) = delete;
  } file(bytes);
  return read_dem(file.name);
}

DemInfo grid_info(const DemGrid& grid) {
  DemInfo d;
  d.cols = grid.cols();
  d.rows = grid.rows();
  d.cell_deg_x = grid.dx();
  d.cell_deg_y = grid.dy();
  d.cell_m = grid.cell_width_m();
  d.extent = grid.extent();
  d.stats = dem_stats(grid);
  d.imported = now_iso();
  return d;
}

void record_dem(Workspace& ws, const DemInfo& info) { ws.set_setting("dem", to_json(info).dump()); }

std::optional<DemInfo> workspace_dem_info(const Workspace& ws) {
  const std::string text = ws.setting("dem");
  if (text.empty()) return std::nullopt;
  try {
    return from_json(nlohmann::json::parse(text));
  } catch (const nlohmann::json::exception& e) {
    throw Error(ws.shown() + ": the DEM record is damaged (" + e.what() + ")");
  }
}

std::optional<DemGrid> load_workspace_dem(const Workspace& ws) {
  auto info = workspace_dem_info(ws);
  if (!info) return std::nullopt;
  // The file named after the workspace first (a renamed pair stays a pair), then the name
  // recorded at import.
  if (ws.postgis()) {
    const std::optional<std::string> bytes = ws.stored_file(kStoredDemName);
    if (!bytes) throw Error(ws.shown() + ": its DEM is missing from the database (import it again with giatlas-cli dem import)");
    return dem_from_bytes(*bytes);
  }
  const fs::path named = dem_path_for(ws.path());
  const fs::path recorded = fs::path(ws.path()).parent_path() / info->file;
  if (fs::exists(named)) return read_dem(named.string());
  if (fs::exists(recorded)) return read_dem(recorded.string());
  throw Error(ws.shown() + ": its DEM file " + named.string() + " is missing (copy it with the workspace, or import " +
              "the DEM again with giatlas-cli dem import)");
}

DemGrid read_dem(const std::string& path) {
  ensure_gdal();
  GdalDataset ds;
  {
    QuietGdalErrors quiet;
    ds.reset(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  }
  if (!ds) throw Error("read DEM " + path + ": not a raster GDAL can read");
  const OGRSpatialReference* srs = ds->GetSpatialRef();
  if (srs && !srs->IsGeographic()) throw Error("read DEM " + path + ": not in lon/lat (import it with dem import)");
  return grid_from_dataset(*ds, "read DEM " + path, 1.0);
}

void write_dem(const DemGrid& grid, const std::string& path) {
  ensure_gdal();
  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  GDALDriver* cog = GetGDALDriverManager()->GetDriverByName("COG");
  if (!mem || !cog) throw Error("write DEM: GDAL lacks the MEM or COG driver");
  GdalDataset ds(mem->Create("", grid.cols(), grid.rows(), 1, GDT_Float32, nullptr));
  double gt[6] = {grid.west(), grid.dx(), 0, grid.north(), 0, -grid.dy()};
  ds->SetGeoTransform(gt);
  OGRSpatialReference srs = srs_cgcs2000();
  ds->SetSpatialRef(&srs);
  GDALRasterBand* band = ds->GetRasterBand(1);
  band->SetNoDataValue(kDemNoData);
  band->SetUnitType("metre");
  std::vector<float> row(static_cast<std::size_t>(grid.cols()));
  for (int r = 0; r < grid.rows(); ++r) {
    for (int c = 0; c < grid.cols(); ++c) row[c] = DemGrid::is_void(grid.at(c, r)) ? kDemNoData : grid.at(c, r);
    if (band->RasterIO(GF_Write, 0, r, grid.cols(), 1, row.data(), grid.cols(), 1, GDT_Float32, 0, 0) != CE_None)
      throw Error("write DEM " + path + ": " + CPLGetLastErrorMsg());
  }
  char** options = nullptr;
  options = CSLSetNameValue(options, "COMPRESS", "DEFLATE");
  options = CSLSetNameValue(options, "PREDICTOR", "YES");
  options = CSLSetNameValue(options, "BLOCKSIZE", "256");
  options = CSLSetNameValue(options, "RESAMPLING", "AVERAGE");
  try {
    atomic_write(path, "write DEM", [&](const std::string& tmp) {
      QuietGdalErrors quiet;
      GdalDataset out(cog->CreateCopy(tmp.c_str(), ds.get(), FALSE, options, nullptr, nullptr));
      if (!out) {
        const std::string cause = CPLGetLastErrorMsg();
        throw Error("write DEM " + path + ": " + (cause.empty() ? "cannot write the file" : cause));
      }
    });  // the dataset is closed (flushed) inside, before the rename
  } catch (...) {
    CSLDestroy(options);
    throw;
  }
  CSLDestroy(options);
}

}  // namespace giatlas
