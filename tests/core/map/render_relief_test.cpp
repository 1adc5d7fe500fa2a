// Tests for relief on the printed map: a workspace with a synthetic DEM and an altitude-band
// zone, rendered with and without relief; pixels read back through GDAL, PDF text through
// pdftotext, SVG through GDAL's XML parser.
#include <cpl_minixml.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../scope/scope_fixture.h"
#include "geo/gdal.h"
#include "map/print_layout.h"
#include "map/render_map.h"
#include "map/style.h"
#include "sample/terrain_synth.h"
#include "scope/local_metric.h"
#include "scope/zone_from_units.h"
#include "scope/zone_history.h"
#include "terrain/altitude_band.h"
#include "terrain/dem_import.h"

using namespace giatlas;
using namespace giatlas::test;

namespace {


// The grid workspace with a synthetic DEM beside it and a zone of 仙女山街道 + 白马镇 above 1200 m.
Workspace relief_workspace(const std::string& path) {
  Workspace ws = grid_workspace(path);
  SynthTerrainOptions so;
  so.area = Box{kX0, kY0, kX0 + 3 * kStep, kY0 + 3 * kStep};
  so.cell_deg = 1.0 / 600;  // 6″, about 180 m: quick, and coarse enough to show the resampling
  const DemGrid dem = synthetic_dem(so);
  const std::string file = dem_path_for(path);
  write_dem(dem, file);
  DemInfo info = grid_info(dem);
  info.file = std::filesystem::path(file).filename().string();
  info.sources = {"synthetic-test-dem.tif"};
  info.source_resolution = "6″";
  record_dem(ws, info);
  const ZoneFromUnits units = zone_from_units(ws.townships(), ws.villages(), {"仙女山街道", "白马镇"});
  AltitudeBand band;
  band.min_m = 1200;
  const BandZone z = altitude_band_zone(dem, units.geom, band);
  REQUIRE_FALSE(z.geom.empty());
  ZoneSaveRequest req;
  req.gi = kGi;
  req.effective_from = "2021-03-15";
  req.author = "测试";
  req.source = "units";
  req.units = units.units;
  req.min_altitude_m = 1200;
  save_zone(ws, z.geom, req);
  return ws;
}

struct Rgb {
  int r, g, b;
};

GdalDataset open_png(const std::string& path) {
  ensure_gdal();
  GdalDataset ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  REQUIRE(ds);
  return ds;
}

Rgb pixel(GDALDataset& ds, double x, double y) {
  int v[3];
  for (int b = 0; b < 3; ++b) {
    GByte byte = 0;
    REQUIRE(ds.GetRasterBand(b + 1)->RasterIO(GF_Read, static_cast<int>(x), static_cast<int>(y), 1, 1, &byte,
                                              1, 1, GDT_Byte, 0, 0) == CE_None);
    v[b] = byte;
  }
  return {v[0], v[1], v[2]};
}

bool near(const Rgb& a, const Rgb& b, int tol) {
  return std::abs(a.r - b.r) <= tol && std::abs(a.g - b.g) <= tol && std::abs(a.b - b.b) <= tol;
}

// The spread (standard deviation) of the brightness over a lattice of points in 羊角镇 and
// 桐梓镇 (outside the zone), away from their labels in the middle.
double brightness_spread(const std::string& png, const RenderResult& r, double dpi) {
  GdalDataset ds = open_png(png);
  const LocalMetric metric(r.metric_lon);
  double sum = 0, sum2 = 0;
  int n = 0;
  for (int cell : {0, 2})
    for (int i = 0; i < 12; ++i)
      for (int j = 0; j < 12; ++j) {
        const double u = 0.08 + 0.84 * i / 11, v = 0.08 + 0.84 * j / 11;
        if (std::abs(u - 0.5) < 0.25 && std::abs(v - 0.5) < 0.12) continue;  // the township's label
        const Point ll{kX0 + (cell + u) * kStep, kY0 + (2 + v) * kStep};
        const Point page = r.transform.to_page(metric.forward(ll));
        const Rgb p = pixel(*ds, page.x * dpi / 72, page.y * dpi / 72);
        const double y = 0.299 * p.r + 0.587 * p.g + 0.114 * p.b;
        sum += y;
        sum2 += y * y;
        ++n;
      }
  const double mean = sum / n;
  return std::sqrt(std::max(0.0, sum2 / n - mean * mean));
}

// GIATLAS_TEST_KEEP=folder keeps a copy of a rendered map there, to look at.
void keep(const std::string& file) {
  if (const char* dir = std::getenv("GIATLAS_TEST_KEEP")) {
    std::error_code ec;
    std::filesystem::copy_file(file, std::filesystem::path(dir) / std::filesystem::path(file).filename(),
                               std::filesystem::copy_options::overwrite_existing, ec);
  }
}

}  // namespace

TEST_CASE(
    "a printed map of a workspace with a DEM shades the terrain under the map, and --no-relief does not",
    "[map][terrain]") {
  TempDir dir;
  const Workspace ws = relief_workspace(dir.file("ws.gpkg"));
  RenderOptions opt;
  opt.gi = kGi;
  opt.dpi = 100;
  opt.out = dir.file("relief.png");
  const RenderResult with = render_map(ws, opt);
  CHECK(with.relief);
  CHECK(with.contour_lines > 20);
  CHECK(with.contour_labels > 0);
  opt.out = dir.file("flat.png");
  opt.relief = "off";
  const RenderResult without = render_map(ws, opt);
  CHECK_FALSE(without.relief);
  CHECK(without.contour_lines == 0);
  keep(dir.file("relief.png"));
  keep(dir.file("flat.png"));
  // Over the relief the townships are shaded and lit; without it they are one plain fill (but
  // for a graticule dash the lattice may hit).
  const double shaded = brightness_spread(dir.file("relief.png"), with, opt.dpi);
  const double plain = brightness_spread(dir.file("flat.png"), without, opt.dpi);
  INFO("brightness spread with relief " << shaded << ", without " << plain);
  CHECK(shaded > 6);
  CHECK(plain < 3);
}

TEST_CASE("relief \"tint\" colours the terrain by altitude under the shading", "[map][terrain]") {
  TempDir dir;
  const Workspace ws = relief_workspace(dir.file("ws.gpkg"));
  RenderOptions opt;
  opt.gi = kGi;
  opt.dpi = 100;
  opt.relief = "tint";
  opt.out = dir.file("tint.png");
  const RenderResult r = render_map(ws, opt);
  keep(opt.out);
  CHECK(r.relief);
  // The tint's colours (greens low, browns high) against the shaded map's near-greys: the mean
  // chroma (max − min channel) over the lattice of 羊角镇 and 桐梓镇.
  auto chroma = [&](const std::string& png, const RenderResult& res) {
    GdalDataset ds = open_png(png);
    const LocalMetric metric(res.metric_lon);
    double sum = 0;
    int n = 0;
    for (int cell : {0, 2})
      for (int i = 0; i < 10; ++i)
        for (int j = 0; j < 10; ++j) {
          const Point ll{kX0 + (cell + 0.1 + 0.08 * i) * kStep, kY0 + (2.1 + 0.08 * j) * kStep};
          const Point page = res.transform.to_page(metric.forward(ll));
          const Rgb p = pixel(*ds, page.x * opt.dpi / 72, page.y * opt.dpi / 72);
          sum += std::max({p.r, p.g, p.b}) - std::min({p.r, p.g, p.b});
          ++n;
        }
    return sum / n;
  };
  opt.relief = "shade";
  opt.out = dir.file("shade.png");
  const RenderResult shade = render_map(ws, opt);
  const double tinted = chroma(dir.file("tint.png"), r), shaded = chroma(dir.file("shade.png"), shade);
  INFO("mean chroma with tint " << tinted << ", shading only " << shaded);
  CHECK(tinted > shaded + 15);
  // The legend gives the tint's altitude range.
  opt.relief = "tint";
  opt.out = dir.file("tint.pdf");
  render_map(ws, opt);
  const std::string txt = dir.file("tint.txt");
  REQUIRE(std::system(("pdftotext -enc UTF-8 '" + opt.out + "' '" + txt + "'").c_str()) == 0);
  CHECK_THAT(slurp(txt), Catch::Contains("分层设色（海拔"));
}

TEST_CASE("the printed map's legend gives the zone's altitude band and the contour interval",
          "[map][terrain]") {
  TempDir dir;
  const Workspace ws = relief_workspace(dir.file("ws.gpkg"));
  RenderOptions opt;
  opt.gi = kGi;
  opt.out = dir.file("scope.pdf");
  const RenderResult r = render_map(ws, opt);
  keep(opt.out);
  CHECK(r.zone_legend == std::string(kGi) + " 第1版（2021-03-15起） · 海拔1200米以上");
  const std::string txt = dir.file("scope.txt");
  REQUIRE(std::system(("pdftotext -enc UTF-8 '" + opt.out + "' '" + txt + "'").c_str()) == 0);
  const std::string text = slurp(txt);
  CHECK_THAT(text, Catch::Contains("海拔1200米以上"));
  CHECK_THAT(text, Catch::Contains("等高线（间距100米，计曲线500米）"));
  CHECK_THAT(text, Catch::Contains("synthetic-test-dem.tif"));
  for (const auto& name : grid_names()) CHECK_THAT(text, Catch::Contains(name));
}

TEST_CASE("the SVG map with relief embeds the hillshade as an image and still parses", "[map][terrain]") {
  TempDir dir;
  const Workspace ws = relief_workspace(dir.file("ws.gpkg"));
  RenderOptions opt;
  opt.gi = kGi;
  opt.out = dir.file("scope.svg");
  render_map(ws, opt);
  const std::string svg = slurp(opt.out);
  struct XmlFree {
    void operator()(CPLXMLNode* n) const { CPLDestroyXMLNode(n); }
  };
  std::unique_ptr<CPLXMLNode, XmlFree> doc(CPLParseXMLString(svg.c_str()));
  REQUIRE(doc);
  CHECK(svg.find("<image") != std::string::npos);
}

TEST_CASE("the zone's legend swatch shows the colour the zone has on the map", "[map]") {
  TempDir dir;
  const Workspace ws = relief_workspace(dir.file("ws.gpkg"));
  RenderOptions opt;
  opt.gi = kGi;
  opt.dpi = 100;
  opt.relief = "off";
  opt.out = dir.file("scope.png");
  const RenderResult r = render_map(ws, opt);
  const MapStyles styles = default_map_styles();
  const Rgba zone = zone_colour(styles, 0), town = styles.layers.at("townships").fill;
  const double a = styles.layers.at("zones").opacity * styles.layers.at("zones").fill.a / 255.0;  // the wash
  auto mix = [&](int z, int t) { return static_cast<int>(std::lround(z * a + t * (1 - a))); };
  const Rgb seen{mix(zone.r, town.r), mix(zone.g, town.g), mix(zone.b, town.b)};
  GdalDataset ds = open_png(opt.out);
  // The legend (three rows without contours) sits at the frame's bottom-left, its first swatch
  // 57–47 pt above the frame's bottom and 14–32 pt from its left: count the zone's colour there.
  const PageRect frame = page_layout(paper_points("A4", r.width_pt > r.height_pt)).frame;
  int match = 0;
  for (double y = frame.bottom() - 59; y < frame.bottom() - 45; y += 0.72)
    for (double x = frame.x + 12; x < frame.x + 34; x += 0.72)
      if (near(pixel(*ds, x * opt.dpi / 72, y * opt.dpi / 72), seen, 3)) ++match;
  CHECK(match > 150);  // most of an 18 × 10 pt swatch (25 × 14 px at 100 dpi)
}

TEST_CASE("render refuses an unknown relief mode and a negative contour interval", "[map]") {
  TempDir dir;
  const Workspace ws = grid_workspace(dir.file("ws.gpkg"));
  RenderOptions opt;
  opt.gi = kGi;
  opt.out = dir.file("x.pdf");
  opt.relief = "bumpy";
  CHECK_THROWS_WITH(render_map(ws, opt), Catch::Contains("shade, tint or off"));
  opt.relief = "shade";
  opt.contour_interval_m = -5;
  CHECK_THROWS_WITH(render_map(ws, opt), Catch::Contains("contour interval"));
}

TEST_CASE("giatlas-cli render draws relief by default, a tint on request and none with --no-relief",
          "[map][terrain][cli]") {
  TempDir dir;
  { relief_workspace(dir.file("ws.gpkg")); }
  auto run = [&](const std::string& extra) {
    const std::string out = dir.file("out.txt");
    const std::string cmd = std::string(GIATLAS_CLI) + " render '" + dir.file("ws.gpkg") + "' --gi " + kGi +
                            " --out '" + dir.file("m.pdf") + "' " + extra + " > '" + out + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    return slurp(out);
  };
  const std::string shade = run("");
  CHECK_THAT(shade, Catch::Contains("relief: hillshade,") && Catch::Contains("contour lines"));
  CHECK_THAT(shade, Catch::Contains("legend: " + std::string(kGi)) && Catch::Contains("海拔1200米以上"));
  CHECK_THAT(run("--relief tint --contour-interval 200"), Catch::Contains("with hypsometric tint"));
  CHECK_THAT(run("--no-relief"), !Catch::Contains("relief:"));
}
