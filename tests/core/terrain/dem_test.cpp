// DEM import and altitude sampling: GeoTIFF in lon/lat and in Gauss–Krüger metres, nodata and
// voids, mosaics, vertical units, and the refusals that replace guesses.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <numbers>

#include "error.h"
#include "geo/gdal.h"
#include "terrain/dem.h"
#include "terrain/dem_import.h"
#include "test_support.h"
#include "workspace/workspace.h"

using namespace giatlas;

namespace {

// Writes a single-band Float32 GeoTIFF: `f(col, row)` per cell, NaN becomes `nodata`.
template <typename F>
void write_tiff(const std::string& path, int cols, int rows, const double gt[6], const char* srs, F f,
                double nodata = -9999, const char* unit = nullptr) {
  ensure_gdal();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
  GdalDataset ds(drv->Create(path.c_str(), cols, rows, 1, GDT_Float32, nullptr));
  REQUIRE(ds);
  double g[6];
  std::copy(gt, gt + 6, g);
  ds->SetGeoTransform(g);
  if (srs) {
    OGRSpatialReference s = srs_from_user(srs);
    ds->SetSpatialRef(&s);
  }
  GDALRasterBand* b = ds->GetRasterBand(1);
  b->SetNoDataValue(nodata);
  if (unit) b->SetUnitType(unit);
  std::vector<float> v(static_cast<std::size_t>(cols) * rows);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      const double z = f(c, r);
      v[static_cast<std::size_t>(r) * cols + c] = std::isnan(z) ? static_cast<float>(nodata) : static_cast<float>(z);
    }
  REQUIRE(b->RasterIO(GF_Write, 0, 0, cols, rows, v.data(), cols, rows, GDT_Float32, 0, 0) == CE_None);
}

}  // namespace

TEST_CASE("altitude sampling is bilinear between known cell values, and a void is never read as 0 m", "[terrain]") {
  DemGrid g(4, 3, 107.0, 29.3, 0.01, 0.01);
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 4; ++c) g.set(c, r, static_cast<float>(100 * c + 1000 * r));
  // At a cell centre: the cell's value exactly.
  auto a = g.sample(g.cell_centre(1, 1));
  REQUIRE(a.ok());
  CHECK(a.metres == Approx(1100).margin(1e-3));
  // Halfway between four centres: their mean.
  a = g.sample({107.02, 29.28});
  REQUIRE(a.ok());
  CHECK(a.metres == Approx((1100 + 1200 + 2100 + 2200) / 4.0).margin(1e-3));
  // A quarter of the way along a row.
  a = g.sample({107.0175, 29.295});
  CHECK(a.metres == Approx(125).margin(1e-3));
  // Within half a cell of the outer edge: the edge cells.
  a = g.sample({107.0001, 29.2999});
  REQUIRE(a.ok());
  CHECK(a.metres == Approx(0).margin(1e-3));
  // A void among the four neighbours: no altitude, never 0 m.
  g.set(2, 1, std::numeric_limits<float>::quiet_NaN());
  a = g.sample({107.02, 29.28});
  CHECK(a.status == AltitudeStatus::dem_void);
  CHECK(std::isnan(a.metres));
  CHECK(g.sample({106.9, 29.28}).status == AltitudeStatus::outside_dem);
  CHECK(DemGrid().sample({107, 29}).status == AltitudeStatus::no_dem);
  const DemStats s = dem_stats(g);
  CHECK(s.void_cells == 1);
  CHECK(s.void_km2 == Approx(g.cell_area_m2(1) / 1e6));
  CHECK(s.min_m == 0);
  CHECK(s.max_m == 2300);
}

TEST_CASE("a lon/lat GeoTIFF imports beside the workspace with its nodata, voids and vertical unit", "[terrain]") {
  test::TempDir dir;
  const double gt[6] = {107.5, 0.001, 0, 29.4, 0, -0.001};
  write_tiff(dir.file("srtm.tif"), 200, 100, gt, "EPSG:4326", [](int c, int r) {
    if (c >= 50 && c < 60 && r >= 20 && r < 30) return std::nan("");  // a 10 × 10 void
    return 300.0 + c + 2.0 * r;
  });
  Workspace ws = Workspace::create(dir.file("w.gpkg"), "武隆区");
  DemImportOptions opt;
  opt.date = "2014-09-23";
  opt.vertical_datum = "EGM96";
  const DemInfo info = import_dem(ws, {dir.file("srtm.tif")}, opt);
  CHECK(info.file == "w.dem.tif");
  CHECK(std::filesystem::exists(dir.file("w.dem.tif")));
  CHECK(info.source_nodata == "-9999");
  CHECK(info.vertical_datum == "EGM96");
  CHECK(info.date == "2014-09-23");
  // The void's area: 100 cells of 0.001° at about 29.375°N (each ≈ 97 m × 111 m).
  CHECK(info.stats.void_km2 == Approx(100 * 0.001 * 0.001 * 111.195 * 111.195 * std::cos(29.375 * std::numbers::pi / 180)).epsilon(0.01));
  // What the workspace recorded reads back, and info lists it.
  const auto back = workspace_dem_info(ws);
  REQUIRE(back);
  CHECK(back->sources == info.sources);
  CHECK(back->stats.void_km2 == Approx(info.stats.void_km2));
  const auto grid = load_workspace_dem(ws);
  REQUIRE(grid);
  // Known cell values come back at their centres.
  for (int c : {0, 17, 120, 199})
    for (int r : {0, 5, 77, 99}) {
      const Point p{107.5 + (c + 0.5) * 0.001, 29.4 - (r + 0.5) * 0.001};
      const AltitudeSample a = grid->sample(p);
      INFO("cell " << c << "," << r);
      REQUIRE(a.ok());
      CHECK(a.metres == Approx(300.0 + c + 2.0 * r).margin(0.02));
    }
  CHECK(grid->sample({107.5 + 0.0555, 29.4 - 0.0255}).status == AltitudeStatus::dem_void);
  // The source file is never modified.
  CHECK(std::filesystem::exists(dir.file("srtm.tif")));
}

TEST_CASE("a Gauss–Krüger DEM in metres is warped to lon/lat and reads the same altitudes", "[terrain]") {
  test::TempDir dir;
  // A plane tilted 2% to the east over 3 km × 2 km near 107.75°E, 29.32°N (EPSG:4545).
  const double e0 = 475000, n0 = 3246000;
  const double gt[6] = {e0, 30, 0, n0, 0, -30};
  write_tiff(dir.file("gk.tif"), 100, 70, gt, "EPSG:4545", [](int c, int) { return 800.0 + 0.02 * 30 * (c + 0.5); });
  Workspace ws = Workspace::create(dir.file("w.gpkg"), "武隆区");
  const DemInfo info = import_dem(ws, {dir.file("gk.tif")});
  CHECK(info.source_crs.find("108E") != std::string::npos);
  CHECK(info.source_resolution == "30 m");
  const auto grid = load_workspace_dem(ws);
  REQUIRE(grid);
  OgrTransform to_gk = make_transform(srs_cgcs2000(), srs_from_user("EPSG:4545"));
  // Away from the edges, the warped surface gives the plane's altitude at the point.
  for (double fe : {0.2, 0.5, 0.8})
    for (double fn : {0.25, 0.5, 0.75}) {
      const double e = e0 + fe * 3000, n = n0 - fn * 2100;
      OgrTransform to_ll = make_transform(srs_from_user("EPSG:4545"), srs_cgcs2000());
      Point p{e, n};
      REQUIRE(transform_point(*to_ll, p));
      const AltitudeSample a = grid->sample(p);
      REQUIRE(a.ok());
      CHECK(a.metres == Approx(800.0 + 0.02 * (e - e0)).margin(0.05));
    }
}

TEST_CASE("tiles are mosaicked, feet become metres, and a DEM without a CRS is refused", "[terrain]") {
  test::TempDir dir;
  const double west[6] = {107.0, 0.001, 0, 29.5, 0, -0.001};
  const double east[6] = {107.1, 0.001, 0, 29.5, 0, -0.001};
  write_tiff(dir.file("a.tif"), 100, 50, west, "EPSG:4490", [](int, int) { return 1000.0; }, -9999, "ft");
  write_tiff(dir.file("b.tif"), 100, 50, east, "EPSG:4490", [](int, int) { return 2000.0; }, -9999, "ft");
  Workspace ws = Workspace::create(dir.file("w.gpkg"), "武隆区");
  const DemInfo info = import_dem(ws, {dir.file("a.tif"), dir.file("b.tif")});
  CHECK(info.sources.size() == 2);
  CHECK(info.unit_to_metres == Approx(0.3048));
  const auto grid = load_workspace_dem(ws);
  REQUIRE(grid);
  CHECK(grid->extent().minx == Approx(107.0));
  CHECK(grid->extent().maxx == Approx(107.2));
  CHECK(grid->sample({107.05, 29.475}).metres == Approx(304.8).margin(0.01));
  CHECK(grid->sample({107.15, 29.475}).metres == Approx(609.6).margin(0.01));

  // An ASCII grid without .prj: no CRS, so no guess.
  {
    std::ofstream asc(dir.file("x.asc"));
    asc << "ncols 3\nnrows 2\nxllcorner 107\nyllcorner 29\ncellsize 0.01\nNODATA_value -9999\n1 2 3\n4 5 -9999\n";
  }
  CHECK_THROWS_WITH(import_dem(ws, {dir.file("x.asc")}), Catch::Contains("--crs"));
  DemImportOptions opt;
  opt.crs = "EPSG:4490";
  const DemInfo asc = import_dem(ws, {dir.file("x.asc")}, opt);
  CHECK(asc.stats.void_cells >= 1);
  CHECK_THROWS_WITH(import_dem(ws, {dir.file("missing.tif")}), Catch::Contains("missing.tif") && Catch::Contains("no such file"));
  {
    std::ofstream junk(dir.file("junk.tif"));
    junk << "not a raster";
  }
  CHECK_THROWS_WITH(import_dem(ws, {dir.file("junk.tif")}), Catch::Contains("junk.tif"));
}

TEST_CASE("SRTM .hgt tiles and XYZ point grids import like GeoTIFF", "[terrain]") {
  test::TempDir dir;
  ensure_gdal();
  // An SRTM 3″ tile N29E107 (1201 × 1201 Int16, -32768 voids), written by GDAL's SRTMHGT driver.
  {
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GdalDataset ds(mem->Create("", 1201, 1201, 1, GDT_Int16, nullptr));
    const double gt[6] = {107 - 0.5 / 1200, 1.0 / 1200, 0, 30 + 0.5 / 1200, 0, -1.0 / 1200};
    double g[6];
    std::copy(gt, gt + 6, g);
    ds->SetGeoTransform(g);
    OGRSpatialReference s = srs_from_user("EPSG:4326");
    ds->SetSpatialRef(&s);
    std::vector<std::int16_t> v(1201 * 1201);
    for (int r = 0; r < 1201; ++r)
      for (int c = 0; c < 1201; ++c) v[static_cast<std::size_t>(r) * 1201 + c] = static_cast<std::int16_t>(200 + c);
    v[600 * 1201 + 600] = -32768;
    GDALRasterBand* b = ds->GetRasterBand(1);
    b->SetNoDataValue(-32768);
    REQUIRE(b->RasterIO(GF_Write, 0, 0, 1201, 1201, v.data(), 1201, 1201, GDT_Int16, 0, 0) == CE_None);
    GdalDataset out(GetGDALDriverManager()->GetDriverByName("SRTMHGT")->CreateCopy(dir.file("N29E107.hgt").c_str(),
                                                                                     ds.get(), FALSE, nullptr, nullptr,
                                                                                     nullptr));
    REQUIRE(out);
  }
  Workspace ws = Workspace::create(dir.file("w.gpkg"), "武隆区");
  const DemInfo hgt = import_dem(ws, {dir.file("N29E107.hgt")});
  CHECK(hgt.source_nodata == "-32768");
  CHECK(hgt.stats.void_cells >= 1);
  auto grid = load_workspace_dem(ws);
  REQUIRE(grid);
  CHECK(grid->sample({107.25, 29.75}).metres == Approx(200 + 300).margin(0.6));
  CHECK(grid->sample({107.5, 29.5}).status == AltitudeStatus::dem_void);  // the void, not 0 m or -32768 m

  // An XYZ grid (x y z per line, the surveyor's export), with --crs since XYZ states none.
  {
    std::ofstream xyz(dir.file("grid.xyz"));
    for (int r = 0; r < 20; ++r)
      for (int c = 0; c < 30; ++c) xyz << 475000 + 30 * c << " " << 3246000 - 30 * r << " " << 900 + r << "\n";
  }
  DemImportOptions opt;
  opt.crs = "EPSG:4545";
  const DemInfo xyz = import_dem(ws, {dir.file("grid.xyz")}, opt);
  CHECK(xyz.source_resolution == "30 m");
  grid = load_workspace_dem(ws);
  REQUIRE(grid);
  const DemStats st = dem_stats(*grid);
  CHECK(st.min_m >= 899.9);
  CHECK(st.max_m <= 919.1);
}
