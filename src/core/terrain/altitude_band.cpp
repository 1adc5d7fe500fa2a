// Band zones: the DEM's contour polygons at the band's bounds (GDAL's contour generator,
// polygonised), intersected with the units in GEOS, then specks and pinholes cleaned.
#include "terrain/altitude_band.h"

#include <gdal_alg.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "error.h"
#include "geo/gdal.h"
#include "geo/geodesic.h"
#include "geo/geos.h"

namespace giatlas {

namespace {

std::string metres_text(double m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", m);
  return buf;
}

// Cells of `dem` covering `box` plus a margin of two cells, clipped to the grid.
struct Window {
  int c0 = 0, r0 = 0, c1 = 0, r1 = 0;  // half-open
  int cols() const { return c1 - c0; }
  int rows() const { return r1 - r0; }
};

Window window_for(const DemGrid& dem, const Box& box) {
  Window w;
  w.c0 = std::max(0, static_cast<int>(std::floor((box.minx - dem.west()) / dem.dx())) - 2);
  w.c1 = std::min(dem.cols(), static_cast<int>(std::ceil((box.maxx - dem.west()) / dem.dx())) + 2);
  w.r0 = std::max(0, static_cast<int>(std::floor((dem.north() - box.maxy) / dem.dy())) - 2);
  w.r1 = std::min(dem.rows(), static_cast<int>(std::ceil((dem.north() - box.miny) / dem.dy())) + 2);
  return w;
}

// The window as an in-memory raster (voids as kDemNoData).
GdalDataset window_raster(const DemGrid& dem, const Window& w) {
  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  GdalDataset ds(mem->Create("", w.cols(), w.rows(), 1, GDT_Float32, nullptr));
  if (!ds) throw Error("band zone: cannot allocate the DEM window");
  double gt[6] = {dem.west() + w.c0 * dem.dx(), dem.dx(), 0, dem.north() - w.r0 * dem.dy(), 0, -dem.dy()};
  ds->SetGeoTransform(gt);
  GDALRasterBand* band = ds->GetRasterBand(1);
  band->SetNoDataValue(kDemNoData);
  std::vector<float> row(static_cast<std::size_t>(w.cols()));
  for (int r = w.r0; r < w.r1; ++r) {
    for (int c = w.c0; c < w.c1; ++c) {
      const float v = dem.at(c, r);
      row[c - w.c0] = DemGrid::is_void(v) ? kDemNoData : v;
    }
    if (band->RasterIO(GF_Write, 0, r - w.r0, w.cols(), 1, row.data(), w.cols(), 1, GDT_Float32, 0, 0) != CE_None)
      throw Error("band zone: cannot fill the DEM window");
  }
  return ds;
}

// The area of the window whose altitude is in the band: GDAL's polygonised contours at the
// bounds; each output polygon spans one interval between consecutive levels (amin, amax).
MultiPolygon band_polygons(GDALDataset& raster, const AltitudeBand& b) {
  GDALDriver* vmem = GetGDALDriverManager()->GetDriverByName("Memory");
  if (!vmem) throw Error("band zone: GDAL has no Memory vector driver");
  GdalDataset out(vmem->Create("", 0, 0, 0, GDT_Unknown, nullptr));
  OGRLayer* layer = out->CreateLayer("band", nullptr, wkbMultiPolygon, nullptr);
  OGRFieldDefn id("id", OFTInteger), amin("amin", OFTReal), amax("amax", OFTReal);
  layer->CreateField(&id);
  layer->CreateField(&amin);
  layer->CreateField(&amax);
  std::string levels;
  if (b.min_m) levels = metres_text(*b.min_m);
  if (b.max_m) {
    if (!levels.empty()) levels.push_back(',');
    levels.append(metres_text(*b.max_m));
  }
  char** opts = nullptr;
  opts = CSLSetNameValue(opts, "FIXED_LEVELS", levels.c_str());
  opts = CSLSetNameValue(opts, "POLYGONIZE", "YES");
  opts = CSLSetNameValue(opts, "ID_FIELD", "0");
  opts = CSLSetNameValue(opts, "ELEV_FIELD_MIN", "1");
  opts = CSLSetNameValue(opts, "ELEV_FIELD_MAX", "2");
  opts = CSLSetNameValue(opts, "NODATA", metres_text(kDemNoData).c_str());
  CPLErr err;
  {
    QuietGdalErrors quiet;
    err = GDALContourGenerateEx(raster.GetRasterBand(1), layer, opts, nullptr, nullptr);
  }
  CSLDestroy(opts);
  if (err != CE_None) throw Error(std::string("band zone: contouring the DEM failed: ") + CPLGetLastErrorMsg());
  // An interval is in the band when it lies between the bounds (a tolerance for float levels).
  const double eps = 1e-6;
  MultiPolygon in_band;
  layer->ResetReading();
  while (OgrFeature f{layer->GetNextFeature()}) {
    const double lo = f->GetFieldAsDouble(1), hi = f->GetFieldAsDouble(2);
    const bool above_min = !b.min_m || lo >= *b.min_m - eps;
    const bool below_max = !b.max_m || hi <= *b.max_m + eps;
    if (!above_min || !below_max || !f->GetGeometryRef()) continue;
    for (auto& p : to_multipolygon(*f->GetGeometryRef()).polygons) in_band.polygons.push_back(std::move(p));
  }
  return in_band;
}

// Removes parts under `min_m2` and fills holes under it, counting both.
void clean_small(MultiPolygon& m, double min_m2, BandFinding& specks, BandFinding& holes) {
  std::vector<Polygon> kept;
  for (auto& p : m.polygons) {
    const double a = geodesic_area(p);
    if (a < min_m2) {
      ++specks.count;
      specks.area_m2 += a;
      continue;
    }
    std::vector<Ring> rings{std::move(p.rings.front())};
    for (std::size_t i = 1; i < p.rings.size(); ++i) {
      const double h = geodesic_area(p.rings[i]);
      if (h < min_m2) {
        ++holes.count;
        holes.area_m2 += h;
      } else {
        rings.push_back(std::move(p.rings[i]));
      }
    }
    kept.push_back(Polygon{std::move(rings)});
  }
  m.polygons = std::move(kept);
}

// Area of the void cells whose centres lie in `units`, m².
double void_area_in(const GeosContext& ctx, const GEOSPreparedGeometry& units, const DemGrid& dem, const Window& w,
                    int& cells) {
  double m2 = 0;
  for (int r = w.r0; r < w.r1; ++r)
    for (int c = w.c0; c < w.c1; ++c) {
      if (!DemGrid::is_void(dem.at(c, r))) continue;
      GeosGeom pt = to_geos(ctx, dem.cell_centre(c, r));
      if (GEOSPreparedContains_r(ctx, &units, pt.get()) == 1) {
        m2 += dem.cell_area_m2(r);
        ++cells;
      }
    }
  return m2;
}

std::string area_text(double m2) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f km²", m2 / 1e6);
  return buf;
}

}  // namespace

std::string band_text_zh(const AltitudeBand& b) {
  if (b.min_m && b.max_m) return "海拔" + metres_text(*b.min_m) + "—" + metres_text(*b.max_m) + "米";
  if (b.min_m) return "海拔" + metres_text(*b.min_m) + "米以上";
  if (b.max_m) return "海拔" + metres_text(*b.max_m) + "米以下";
  return "";
}

std::string band_text_en(const AltitudeBand& b) {
  if (b.min_m && b.max_m) return "altitude " + metres_text(*b.min_m) + "–" + metres_text(*b.max_m) + " m";
  if (b.min_m) return "altitude " + metres_text(*b.min_m) + " m and above";
  if (b.max_m) return "altitude up to " + metres_text(*b.max_m) + " m";
  return "";
}

void validate_band(const AltitudeBand& b) {
  if ((b.min_m && !std::isfinite(*b.min_m)) || (b.max_m && !std::isfinite(*b.max_m)))
    throw Error("altitude band: bounds must be numbers of metres");
  if (b.min_m && b.max_m && *b.min_m > *b.max_m)
    throw Error("altitude band: the lower bound " + metres_text(*b.min_m) + " m is above the upper bound " +
                metres_text(*b.max_m) + " m");
}

BandZone altitude_band_zone(const DemGrid& dem, const MultiPolygon& units, const AltitudeBand& band,
                            const BandZoneOptions& options, const Progress& progress) {
  ensure_gdal();
  validate_band(band);
  if (!band.any()) throw Error("band zone: give a lower or an upper altitude (or both)");
  if (units.empty()) throw Error("band zone: no units selected");
  if (dem.empty()) throw Error("band zone: the workspace has no DEM (import one with giatlas-cli dem import)");
  const Box ub = bounds(units);
  if (!ub.intersects(dem.extent())) throw Error("band zone: the selected units lie outside the DEM");
  const Window w = window_for(dem, ub);

  BandZone out;
  out.units_m2 = geodesic_area(units);
  progress.report("contours", 0);
  GdalDataset raster = window_raster(dem, w);
  const MultiPolygon in_band = band_polygons(*raster, band);
  raster.reset();
  progress.check_cancelled();

  progress.report("clipping", 0.5);
  GeosContext ctx;
  GeosGeom ug = to_geos(ctx, units);
  GeosGeom bg = to_geos(ctx, in_band);
  if (GEOSisValid_r(ctx, bg.get()) != 1) bg = to_geos(ctx, make_valid(ctx, in_band));
  GeosGeom clipped = geos_take(ctx, GEOSIntersection_r(ctx, ug.get(), bg.get()), "band zone: units ∩ band");
  out.geom = to_multipolygon(ctx, clipped.get());
  progress.check_cancelled();

  BandFinding specks{"band_speck_removed", "", 0, 0}, holes{"band_hole_filled", "", 0, 0};
  clean_small(out.geom, options.min_area_m2, specks, holes);
  out.band_m2 = geodesic_area(out.geom);
  const std::string limit = area_text(options.min_area_m2);
  if (specks.count)
    out.findings.push_back({specks.code,
                            "removed " + std::to_string(specks.count) + " parts smaller than " + limit +
                                " (去除小于" + limit + "的碎块" + std::to_string(specks.count) + "处)",
                            specks.count, specks.area_m2});
  if (holes.count)
    out.findings.push_back({holes.code,
                            "filled " + std::to_string(holes.count) + " holes smaller than " + limit + " (填补小于" +
                                limit + "的孔洞" + std::to_string(holes.count) + "处)",
                            holes.count, holes.area_m2});

  GeosPrepared prepared = geos_prepare(ctx, ug.get());
  int void_cells = 0;
  const double void_m2 = void_area_in(ctx, *prepared, dem, w, void_cells);
  if (void_cells)
    out.findings.push_back({"dem_void",
                            area_text(void_m2) + " of the units has no altitude in the DEM (voids), left out of the zone "
                            "(高程数据空洞" + area_text(void_m2) + "，未计入保护范围)",
                            void_cells, void_m2});
  const Box e = dem.extent();
  const MultiPolygon box{{Polygon{{Ring{{e.minx, e.miny}, {e.maxx, e.miny}, {e.maxx, e.maxy}, {e.minx, e.maxy},
                                        {e.minx, e.miny}}}}}};
  GeosGeom boxg = to_geos(ctx, box);
  GeosGeom beyond = geos_take(ctx, GEOSDifference_r(ctx, ug.get(), boxg.get()), "band zone: units beyond the DEM");
  const double beyond_m2 = geodesic_area(to_multipolygon(ctx, beyond.get()));
  if (beyond_m2 > 1.0)
    out.findings.push_back({"outside_dem",
                            area_text(beyond_m2) + " of the units lies beyond the DEM, left out (超出高程数据范围" +
                                area_text(beyond_m2) + ")",
                            1, beyond_m2});
  if (out.geom.empty())
    out.findings.push_back({"band_empty",
                            "no part of the units is at " + band_text_en(band) + " (所选单元内无" + band_text_zh(band) +
                                "的区域)",
                            0, 0});
  progress.report("clipping", 1);
  return out;
}

}  // namespace giatlas
