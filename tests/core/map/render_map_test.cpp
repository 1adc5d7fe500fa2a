// Tests for the printable map: the PDF's text (read back with pdftotext), the PNG's pixels at a
// known spot of the zone, the SVG parsing as XML, and atomic, error-checked writes.
#include "map/render_map.h"

#include <cpl_minixml.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "../scope/scope_fixture.h"
#include "error.h"
#include "geo/gdal.h"
#include "map/feature_colour.h"
#include "map/style.h"
#include "scope/local_metric.h"
#include "scope/zone_from_units.h"
#include "scope/zone_history.h"
#include "workspace/area_store.h"

using namespace giatlas;
using namespace giatlas::test;

namespace {


// The grid workspace with a zone of 仙女山街道 + 白马镇 (the two bottom-left cells).
Workspace zoned_workspace(const std::string& path) {
  Workspace ws = grid_workspace(path);
  const ZoneFromUnits z = zone_from_units(ws.townships(), ws.villages(), {"仙女山街道", "白马镇"});
  save_zone(ws, z.geom, {kGi, "2021-03-15", "测试", "", "units", z.units, {}, {}, {}, {}});
  return ws;
}

struct Pixel {
  int r, g, b;
};

// PNGs are read back through GDAL's PNG driver, independently of the cairo that wrote them.
GdalDataset open_png(const std::string& path) {
  ensure_gdal();
  GdalDataset ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  REQUIRE(ds);
  REQUIRE(ds->GetRasterCount() >= 3);
  return ds;
}

Pixel pixel_at(GDALDataset& ds, double x, double y) {
  int rgb[3] = {0, 0, 0};
  for (int b = 0; b < 3; ++b) {
    GByte v = 0;
    REQUIRE(ds.GetRasterBand(b + 1)->RasterIO(GF_Read, static_cast<int>(x), static_cast<int>(y), 1, 1, &v, 1,
                                              1, GDT_Byte, 0, 0) == CE_None);
    rgb[b] = v;
  }
  return {rgb[0], rgb[1], rgb[2]};
}

// The colour a zone fill at alpha `a` gives over the township fill.
Pixel blend(const Rgba& top, double a, const Rgba& under) {
  auto mix = [&](int t, int u) { return static_cast<int>(std::lround(t * a + u * (1 - a))); };
  return {mix(top.r, under.r), mix(top.g, under.g), mix(top.b, under.b)};
}

bool near(const Pixel& p, const Pixel& q, int tol) {
  return std::abs(p.r - q.r) <= tol && std::abs(p.g - q.g) <= tol && std::abs(p.b - q.b) <= tol;
}

}  // namespace

TEST_CASE("the PDF map holds the title and township names as text", "[map]") {
  TempDir dir;
  const Workspace ws = zoned_workspace(dir.file("ws.gpkg"));
  RenderOptions opt;
  opt.gi = kGi;
  opt.out = dir.file("scope.pdf");
  opt.date = "2025-01-02";
  const RenderResult r = render_map(ws, opt);
  CHECK(r.format == "pdf");
  CHECK(r.title == std::string(kGi) + "地理标志产品保护范围图");
  CHECK(r.epsg == 4545);
  const std::string txt = dir.file("scope.txt");
  REQUIRE(std::system(("pdftotext -enc UTF-8 '" + opt.out + "' '" + txt + "'").c_str()) == 0);
  const std::string text = slurp(txt);
  CHECK_THAT(text, Catch::Contains(r.title));
  for (const auto& name : grid_names()) CHECK_THAT(text, Catch::Contains(name));
  CHECK_THAT(text, Catch::Contains("合成示例数据"));
  CHECK_THAT(text, Catch::Contains("2025-01-02"));
  CHECK_THAT(text, Catch::Contains("公里"));
  CHECK_THAT(text, Catch::Contains("107°30′"));  // a graticule label in DMS
}

TEST_CASE("the PNG map shows the zone colour inside the zone and not outside it", "[map]") {
  TempDir dir;
  const Workspace ws = zoned_workspace(dir.file("ws.gpkg"));
  RenderOptions opt;
  opt.gi = kGi;
  opt.out = dir.file("scope.png");
  opt.dpi = 100;
  const RenderResult r = render_map(ws, opt);
  // The grid is taller than wide in metres, so the page is portrait: 8.27 in × 100 dpi.
  CHECK(r.width_px == 827);
  CHECK(r.height_px == 1169);
  GdalDataset png = open_png(opt.out);
  CHECK(png->GetRasterXSize() == r.width_px);
  CHECK(png->GetRasterYSize() == r.height_px);

  const LocalMetric metric(r.metric_lon);
  auto to_px = [&](Point lonlat) {
    const Point page = r.transform.to_page(metric.forward(lonlat));
    return Point{page.x * opt.dpi / 72, page.y * opt.dpi / 72};
  };
  const MapStyles styles = default_map_styles();
  const LayerStyle& towns = styles.layers.at("townships");
  // The townships' light wash on white paper, and the zone's faint wash of its colour over it.
  const Pixel town = blend(towns.fill, towns.fill.a / 255.0 * towns.opacity, Rgba{255, 255, 255, 255});
  const LayerStyle& zones = styles.layers.at("zones");
  const Rgba town_rgba{static_cast<std::uint8_t>(town.r), static_cast<std::uint8_t>(town.g),
                       static_cast<std::uint8_t>(town.b), 255};
  const Pixel zone = blend(zone_colour(styles, 0), zones.fill.a / 255.0 * zones.opacity, town_rgba);
  const Point in = to_px({107.51, 29.21});   // near a corner of 仙女山街道, away from labels
  const Point out = to_px({107.71, 29.41});  // the same spot of 桐梓镇, outside the zone
  CHECK(near(pixel_at(*png, in.x, in.y), zone, 8));
  CHECK(near(pixel_at(*png, out.x, out.y), town, 8));
  CHECK_FALSE(near(pixel_at(*png, out.x, out.y), zone, 8));
}

TEST_CASE("the SVG map parses as XML with an svg root and embedded glyphs", "[map]") {
  TempDir dir;
  const Workspace ws = zoned_workspace(dir.file("ws.gpkg"));
  RenderOptions opt;
  opt.gi = kGi;
  opt.out = dir.file("scope.svg");
  opt.paper = "A3";
  render_map(ws, opt);
  const std::string svg = slurp(opt.out);
  struct XmlFree {
    void operator()(CPLXMLNode* n) const { CPLDestroyXMLNode(n); }
  };
  std::unique_ptr<CPLXMLNode, XmlFree> doc(CPLParseXMLString(svg.c_str()));
  REQUIRE(doc);
  const CPLXMLNode* root = CPLSearchXMLNode(doc.get(), "=svg");
  REQUIRE(root);
  CHECK(std::string(CPLGetXMLValue(root, "width", "")).find("841.") == 0);  // A3 portrait, in points
  CHECK(std::string(CPLGetXMLValue(root, "height", "")).find("1190.") == 0);
  CHECK(svg.find("<symbol") != std::string::npos);  // text as embedded glyph outlines
}

TEST_CASE("a failed render leaves the existing output untouched and names the problem", "[map]") {
  TempDir dir;
  const Workspace ws = zoned_workspace(dir.file("ws.gpkg"));
  const std::string out = dir.file("scope.pdf");
  { std::ofstream(out) << "old map"; }
  RenderOptions opt;
  opt.gi = "没有这个产品";
  opt.out = out;
  CHECK_THROWS_AS(render_map(ws, opt), Error);
  opt.gi = kGi;
  opt.paper = "B5";
  CHECK_THROWS_WITH(render_map(ws, opt), Catch::Contains("B5"));
  opt.paper = "A4";
  opt.out = dir.file("scope.tiff");
  CHECK_THROWS_WITH(render_map(ws, opt), Catch::Contains(".pdf, .png or .svg"));
  opt.out = dir.file("no-such-dir/scope.pdf");
  CHECK_THROWS_AS(render_map(ws, opt), Error);
  CHECK(slurp(out) == "old map");
  opt.out = out;
  render_map(ws, opt);
  CHECK(slurp(out).rfind("%PDF", 0) == 0);
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(out).parent_path()))
    CHECK(e.path().filename().string().find(".tmp") == std::string::npos);
}

TEST_CASE("the printed map uses the workspace's saved styles", "[map]") {
  TempDir dir;
  Workspace ws = zoned_workspace(dir.file("ws.gpkg"));
  MapStyles styles = default_map_styles();
  styles.zone_palette[0] = {200, 0, 0, 255};
  styles.layers["zones"].opacity = 1.0f;
  styles.layers["zones"].fill.a = 255;  // an opaque fill: the saved style wins over the faint default
  ws.set_setting("map.styles", styles_to_json(styles));
  RenderOptions opt;
  opt.gi = kGi;
  opt.out = dir.file("red.png");
  opt.dpi = 72;
  const RenderResult r = render_map(ws, opt);
  GdalDataset png = open_png(opt.out);
  const Point page = r.transform.to_page(LocalMetric(r.metric_lon).forward({107.51, 29.21}));
  CHECK(near(pixel_at(*png, page.x, page.y), Pixel{200, 0, 0}, 4));
}

TEST_CASE("the printed map can show the GI's production areas coloured by their check", "[map][areas]") {
  TempDir dir;
  Workspace ws = zoned_workspace(dir.file("ws.gpkg"));  // zone: x 107.5–107.7, y 29.2–29.3
  std::vector<ProductionArea> areas(4);
  const char* codes[] = {"IN", "EDGE", "OUT", "FAR"};
  const double boxes[][4] = {{107.52, 29.24, 107.54, 29.26},   // inside the zone
                             {107.69, 29.24, 107.71, 29.26},   // across its east edge
                             {107.775, 29.475, 107.795, 29.495},  // in 桐梓镇 (away from its label), outside
                             {107.90, 29.10, 107.92, 29.12}};  // beyond the district
  for (std::size_t i = 0; i < areas.size(); ++i) {
    areas[i].code = codes[i];
    areas[i].gi = kGi;
    areas[i].geom = MultiPolygon{{square(boxes[i][0], boxes[i][1], boxes[i][2], boxes[i][3])}};
  }
  insert_production_areas(ws, areas);

  RenderOptions opt;
  opt.gi = kGi;
  opt.out = dir.file("plain.pdf");
  const RenderResult plain = render_map(ws, opt);
  CHECK(plain.areas == 0);

  opt.areas = true;
  opt.out = dir.file("areas.pdf");
  const RenderResult r = render_map(ws, opt);
  CHECK(r.areas == 4);
  CHECK(r.areas_not_inside == 3);
  const std::string txt = dir.file("areas.txt");
  REQUIRE(std::system(("pdftotext -enc UTF-8 '" + opt.out + "' '" + txt + "'").c_str()) == 0);
  const std::string text = slurp(txt);
  for (const char* result : {"inside", "partly_inside", "outside", "outside_district"})
    CHECK_THAT(text, Catch::Contains(area_legend_text(result)));
  REQUIRE(std::system(("pdftotext -enc UTF-8 '" + dir.file("plain.pdf") + "' '" + txt + "'").c_str()) == 0);
  CHECK_THAT(slurp(txt), !Catch::Contains("生产基地"));

  opt.out = dir.file("areas.png");
  opt.dpi = 100;
  const RenderResult p = render_map(ws, opt);
  GdalDataset png = open_png(opt.out);
  const LocalMetric metric(p.metric_lon);
  auto px = [&](Point lonlat) {
    const Point page = p.transform.to_page(metric.forward(lonlat));
    return Point{page.x * opt.dpi / 72, page.y * opt.dpi / 72};
  };
  const Point in = px({107.53, 29.25}), out = px({107.785, 29.485});
  const Pixel green = pixel_at(*png, in.x, in.y), red = pixel_at(*png, out.x, out.y);
  CHECK(green.g > green.r + 40);  // the "inside" green over the zone
  CHECK(red.r > red.g + 60);      // the "outside" red
  // The map still frames the district and the zone: the area beyond them does not shrink it.
  CHECK(r.scale_denominator == plain.scale_denominator);
}
