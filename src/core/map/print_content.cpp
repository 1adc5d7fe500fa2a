// Drawing the map inside the printed map's frame, and its legend entries (see print_content.h).
#include "map/print_content.h"

#include <algorithm>
#include <cmath>

#include "map/feature_colour.h"

namespace giatlas {

namespace {

// Production areas smaller than this on paper (points, both ways) are drawn as a dot this wide.
constexpr double kAreaDotPt = 3.0;

void path_multipolygon(cairo_t* cr, const PageTransform& t, const MultiPolygon& m) {
  for (const auto& poly : m.polygons)
    for (const auto& ring : poly.rings) {
      for (std::size_t i = 0; i < ring.size(); ++i) {
        const Point p = t.to_page(ring[i]);
        if (i == 0)
          cairo_move_to(cr, p.x, p.y);
        else
          cairo_line_to(cr, p.x, p.y);
      }
      cairo_close_path(cr);
    }
}

void path_or_nothing(cairo_t* cr, const PageTransform& t, const MultiPolygon& m) {
  cairo_new_path(cr);
  path_multipolygon(cr, t, m);
}

}  // namespace

// The map inside the frame, bottom to top: township ground, relief inside the district (shading,
// contours), township outlines, district boundary, the zone, the production areas. Without a DEM
// (or with relief off) the same minus the relief.
MapContent draw_map_content(cairo_t* cr, const PrintMapData& d, const LocalMetric& metric,
                            const PageTransform& t, const PageRect& frame, const std::string& relief,
                            double contour_interval_m, double px_per_pt, const Progress& progress) {
  MapContent c;
  const LayerStyle& towns_style = d.styles.layers.at("townships");
  const LayerStyle& zone_style = d.styles.layers.at("zones");
  const bool tint = relief == "tint";
  c.towns.fill = towns_style.fill;
  c.towns.fill_alpha = tint ? 0.0 : std::clamp(static_cast<double>(towns_style.opacity), 0.0, 1.0);
  c.towns.outline = towns_style.outline;
  c.towns.outline_width = towns_style.outline_width_px * 0.6;
  cairo_save(cr);
  cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
  cairo_clip(cr);
  const bool want_relief = relief != "off" && d.dem;
  if (want_relief) {  // relief inside the district only: beyond it the DEM's edge would show
    cairo_save(cr);
    path_or_nothing(cr, t, d.district);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_clip(cr);
  }
  if (want_relief && tint) {
    HillshadeLook look;
    look.tint = true;
    c.relief = draw_hillshade(cr, *d.dem, metric, t, frame, px_per_pt, look, progress);
    if (c.relief) {
      const DemStats stats = dem_stats(*d.dem);
      c.tint = true;
      c.tint_min_m = stats.min_m;
      c.tint_max_m = stats.max_m;
    }
  }
  AreaSymbol ground = c.towns;
  ground.outline_width = 0;
  if (towns_style.visible) {  // one path for all townships: each drawn once in a PDF or SVG
    cairo_new_path(cr);
    for (const auto& tw : d.townships) path_multipolygon(cr, t, tw.geom);
    paint_area(cr, ground);
  }
  if (want_relief) {
    if (!tint) c.relief = draw_hillshade(cr, *d.dem, metric, t, frame, px_per_pt, HillshadeLook{}, progress);
    if (contour_interval_m > 0) {
      c.contour_style.interval_m = contour_interval_m;
      c.contours = draw_contour_lines(cr, *d.dem, metric, t, frame, c.contour_style);
    }
    // Altitudes labelled only where their lines are drawn: inside the district.
    path_or_nothing(cr, t, d.district);
    std::erase_if(c.contours.labels,
                  [&](const PrintContourLabel& l) { return !cairo_in_fill(cr, l.at.x, l.at.y); });
    cairo_new_path(cr);
    cairo_restore(cr);  // the district clip
  }
  progress.check_cancelled();
  AreaSymbol outlines = c.towns;
  outlines.fill_alpha = 0;
  if (towns_style.visible) {
    cairo_new_path(cr);
    for (const auto& tw : d.townships) path_multipolygon(cr, t, tw.geom);
    paint_area(cr, outlines);
  }
  // District boundary: the outer edge of all townships.
  cairo_save(cr);
  path_or_nothing(cr, t, d.district);
  cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
  cairo_set_line_width(cr, 1.8);
  const double dash[] = {6.0, 2.0, 1.5, 2.0};
  cairo_set_dash(cr, dash, 4, 0);
  cairo_stroke(cr);
  cairo_restore(cr);
  c.zone = zone_symbol(d.zone_colour, zone_style, c.relief);
  if (zone_style.visible) {
    path_or_nothing(cr, t, d.zone_m);
    paint_area(cr, c.zone);
  }
  for (const std::string& result : d.area_results) {  // one path per result: each drawn once
    AreaSymbol s;
    s.fill = area_result_colour(result);
    s.fill_alpha = 0.7;
    s.outline = {40, 40, 40, 255};
    s.outline_width = 0.5;
    cairo_new_path(cr);
    for (const PrintArea& a : d.areas) {
      if (a.result != result) continue;
      const Box b = bounds(a.geom_m);
      const Point lo = t.to_page({b.minx, b.miny}), hi = t.to_page({b.maxx, b.maxy});
      if (std::abs(hi.x - lo.x) < kAreaDotPt && std::abs(hi.y - lo.y) < kAreaDotPt) {
        // Smaller than the dot on paper: the dot, centred on the area, so it can be seen at all.
        const Point c0 = t.to_page(b.center());
        cairo_new_sub_path(cr);
        cairo_arc(cr, c0.x, c0.y, kAreaDotPt / 2, 0, 2 * M_PI);
        cairo_close_path(cr);
      } else {
        path_multipolygon(cr, t, a.geom_m);
      }
    }
    paint_area(cr, s);
    c.areas.emplace_back(result, s);
  }
  cairo_restore(cr);
  return c;
}

std::string tint_legend_text(double min_m, double max_m) {
  const auto m = [](double v) { return std::to_string(static_cast<long long>(std::llround(v))); };
  return "分层设色（海拔" + m(min_m) + "—" + m(max_m) + "米）";
}

std::string contour_legend_text(const ContourStyle& s) {
  const auto m = [](double v) { return std::to_string(static_cast<long long>(std::llround(v))); };
  return "等高线（间距" + m(s.interval_m) + "米，计曲线" + m(s.interval_m * s.index_every) + "米）";
}

// The legend: each swatch painted by the symbol the map uses, on the ground it lies on there.
std::vector<LegendEntry> legend_entries(const MapContent& c, const std::string& zone_text) {
  std::vector<LegendEntry> out;
  LegendEntry zone;
  zone.area = c.zone;
  if (c.towns.fill_alpha > 0) {  // the zone lies on township ground
    zone.area.ground = c.towns.fill;
    zone.area.ground->a = static_cast<std::uint8_t>(std::lround(c.towns.fill.a * c.towns.fill_alpha));
  }
  zone.label = zone_text;
  out.push_back(zone);
  LegendEntry towns;
  towns.area = c.towns;
  towns.label = "乡镇（街道）";
  out.push_back(towns);
  LegendEntry district;
  district.kind = LegendEntry::Kind::line;
  district.line = {38, 38, 38, 255};
  district.line_width = 1.8;
  district.label = "区界";
  out.push_back(district);
  if (c.tint) {
    LegendEntry ramp;
    ramp.kind = LegendEntry::Kind::ramp;
    ramp.ramp = tint_ramp(c.tint_min_m, c.tint_max_m, 9);
    ramp.label = tint_legend_text(c.tint_min_m, c.tint_max_m);
    out.push_back(ramp);
  }
  for (const auto& [result, symbol] : c.areas) {
    LegendEntry area;
    area.area = symbol;
    area.label = area_legend_text(result);
    out.push_back(area);
  }
  if (c.contours.lines > 0) {
    LegendEntry contour;
    contour.kind = LegendEntry::Kind::line;
    contour.line = c.contour_style.colour;
    contour.line_width = c.contour_style.index_width;
    contour.label = contour_legend_text(c.contour_style);
    out.push_back(contour);
  }
  return out;
}

// The legend's texts before anything is drawn (to measure its box for the layout).
std::vector<LegendEntry> legend_labels(const std::string& zone_text, bool tint, bool contours,
                                       double contour_interval_m, const std::vector<std::string>& area_results) {
  std::vector<LegendEntry> out(3);
  out[0].label = zone_text;
  out[1].label = "乡镇（街道）";
  out[2].label = "区界";
  if (tint) out.emplace_back().label = tint_legend_text(0, 9999);  // as wide as any range
  for (const std::string& result : area_results) out.emplace_back().label = area_legend_text(result);
  if (contours) {
    ContourStyle style;
    style.interval_m = contour_interval_m;
    out.emplace_back().label = contour_legend_text(style);
  }
  return out;
}

}  // namespace giatlas
