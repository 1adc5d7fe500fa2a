// The printable map: load the zone, townships and styles; lay out the page; draw; write atomically.
#include "map/render_map.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "error.h"
#include "geo/geos.h"
#include "map/print_furniture.h"
#include "map/feature_colour.h"
#include "map/style.h"
#include "scope/zone_history.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {

std::string extension_format(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".pdf" || ext == ".png" || ext == ".svg") return ext.substr(1);
  throw Error("render: output '" + path + "' must end in .pdf, .png or .svg");
}

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

void draw_area(cairo_t* cr, const PageTransform& t, const MultiPolygon& m, const Rgba& fill,
               const Rgba& outline, double opacity, double width) {
  cairo_save(cr);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  path_multipolygon(cr, t, m);
  set_source(cr, fill, opacity);
  cairo_fill_preserve(cr);
  set_source(cr, outline);
  cairo_set_line_width(cr, width);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke(cr);
  cairo_restore(cr);
}

Point interior_point(const MultiPolygon& m) {
  GeosContext ctx;
  GeosGeom g = to_geos(ctx, m);
  GeosGeom p = geos_take(ctx, GEOSPointOnSurface_r(ctx, g.get()), "label position");
  Point out;
  GEOSGeomGetX_r(ctx, p.get(), &out.x);
  GEOSGeomGetY_r(ctx, p.get(), &out.y);
  return out;
}

bool overlaps(const PageRect& a, const PageRect& b) {
  return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

bool inside(const PageRect& a, const PageRect& frame) {
  return a.x >= frame.x && a.y >= frame.y && a.right() <= frame.right() && a.bottom() <= frame.bottom();
}

struct MapData {
  ZoneVersion zone;
  std::vector<Township> townships;  // projected
  MultiPolygon district;            // projected union of townships
  MultiPolygon zone_m;              // projected zone
  MapStyles styles;
  Rgba zone_fill;
  Metadata meta;
};

}  // namespace

RenderResult render_map(const Workspace& ws, const RenderOptions& o, const Progress& progress) {
  RenderResult res;
  res.format = extension_format(o.out);
  if (!(o.dpi >= 30 && o.dpi <= 1200)) throw Error("render: dpi must be between 30 and 1200");
  if (o.orientation != "auto" && o.orientation != "landscape" && o.orientation != "portrait")
    throw Error("render: orientation must be auto, landscape or portrait");
  progress.report("loading", 0);
  MapData d;
  d.zone = find_zone_version(ws, o.gi, o.version);
  d.meta = ws.metadata();
  const std::string styles_json = ws.setting("map.styles");
  d.styles = styles_json.empty() ? default_map_styles() : styles_from_json(styles_json);
  const auto products = ws.gi_products();
  std::size_t gi_index = 0;
  for (std::size_t i = 0; i < products.size(); ++i)
    if (products[i].name == o.gi) gi_index = i;
  // As on the screen: a faint wash of the GI's colour (the zones fill's alpha) inside an opaque
  // outline of that colour.
  d.zone_fill = zone_colour(d.styles, gi_index);
  d.zone_fill.a = layer_style(d.styles, "zones").fill.a;

  Box ll = bounds(d.zone.geom);
  d.townships = ws.townships();
  for (const auto& t : d.townships) ll.expand(bounds(t.geom));
  const LocalMetric metric = LocalMetric::for_box(ll);
  res.epsg = metric.epsg();
  res.metric_lon = ll.center().x;
  {
    GeosContext ctx;
    std::vector<MultiPolygon> parts;
    for (auto& t : d.townships) {
      t.geom = metric.forward(t.geom);
      parts.push_back(t.geom);
    }
    if (!parts.empty()) d.district = union_all(ctx, parts);
  }
  d.zone_m = metric.forward(d.zone.geom);
  progress.check_cancelled();

  Box ext = bounds(d.zone_m);
  ext.expand(bounds(d.district));
  const double pad = 0.04 * std::max(ext.width(), ext.height());
  ext = Box{ext.minx - pad, ext.miny - pad, ext.maxx + pad, ext.maxy + pad};
  const bool landscape =
      o.orientation == "landscape" || (o.orientation == "auto" && ext.width() > ext.height());
  const PageLayout layout = page_layout(paper_points(o.paper, landscape));
  const PageTransform t = fit_nice_scale(ext, layout.frame);
  res.width_pt = layout.page.w;
  res.height_pt = layout.page.h;
  res.scale_denominator = t.scale_denominator();
  res.transform = t;
  res.title = o.title.empty() ? o.gi + "地理标志产品保护范围图" : o.title;

  // Surface on a temp file beside the target, renamed into place only when complete.
  const std::filesystem::path target(o.out);
  std::string tmp_name(".");
  tmp_name += target.filename().string();
  tmp_name += ".tmp-";
  tmp_name += std::to_string(::getpid());
  const std::filesystem::path tmp = target.parent_path() / tmp_name;
  CairoSurface surface;
  if (res.format == "pdf") {
    surface.reset(cairo_pdf_surface_create(tmp.c_str(), layout.page.w, layout.page.h));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, res.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "GI Atlas");
  } else if (res.format == "svg") {
    surface.reset(cairo_svg_surface_create(tmp.c_str(), layout.page.w, layout.page.h));
  } else {
    res.width_px = static_cast<int>(std::lround(layout.page.w / 72.0 * o.dpi));
    res.height_px = static_cast<int>(std::lround(layout.page.h / 72.0 * o.dpi));
    // An A3 page at 1200 dpi would need over a gigabyte of pixels: refuse before allocating.
    if (static_cast<double>(res.width_px) * res.height_px > 2.0e8)
      throw Error("render: " + std::to_string(res.width_px) + "x" + std::to_string(res.height_px) +
                  " px is too large for a PNG; lower --dpi or use .pdf / .svg");
    surface.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, res.width_px, res.height_px));
  }
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw Error("render: cannot create " + o.out + ": " +
                cairo_status_to_string(cairo_surface_status(surface.get())));
  auto cleanup = [&] {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
  };
  try {
    CairoContext cr(cairo_create(surface.get()));
    if (res.format == "png") cairo_scale(cr.get(), o.dpi / 72.0, o.dpi / 72.0);
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    const PrintText text(cr.get(), o.font_family);
    progress.report("drawing", 0.2);

    // Map content, clipped to the frame, in the styles' order (townships, then zones).
    cairo_save(cr.get());
    cairo_rectangle(cr.get(), layout.frame.x, layout.frame.y, layout.frame.w, layout.frame.h);
    cairo_clip(cr.get());
    const LayerStyle& towns_style = d.styles.layers["townships"];
    const LayerStyle& zone_style = d.styles.layers["zones"];
    for (const auto& layer : d.styles.order) {
      if (layer == "townships" && towns_style.visible)
        for (const auto& tw : d.townships)
          draw_area(cr.get(), t, tw.geom, towns_style.fill, towns_style.outline, towns_style.opacity,
                    towns_style.outline_width_px * 0.6);
      if (layer == "zones" && zone_style.visible)
        draw_area(cr.get(), t, d.zone_m, d.zone_fill, Rgba{d.zone_fill.r, d.zone_fill.g, d.zone_fill.b, 255}, zone_style.opacity,
                  zone_style.outline_width_px * 0.8);
      progress.check_cancelled();
    }
    // District boundary on top: the outer edge of all townships.
    cairo_save(cr.get());
    path_multipolygon(cr.get(), t, d.district);
    cairo_set_source_rgb(cr.get(), 0.15, 0.15, 0.15);
    cairo_set_line_width(cr.get(), 1.8);
    const double dash[] = {6.0, 2.0, 1.5, 2.0};
    cairo_set_dash(cr.get(), dash, 4, 0);
    cairo_stroke(cr.get());
    cairo_restore(cr.get());
    cairo_restore(cr.get());
    progress.report("drawing", 0.5);

    draw_graticule(cr.get(), text, metric, t, layout.frame);

    // Labels: township names first (the statement's units must all be readable), then the GI
    // name where it crowds none of them. Each tries its own spot, then nearby ones.
    std::vector<PageRect> placed;
    auto place = [&](const std::string& label, const TextStyle& style, Point at, bool force) {
      const Point size = text.measure(label, style);
      const Point offsets[] = {{0, 0}, {0, 1.2}, {0, -1.2}, {0.6, 0}, {-0.6, 0}, {0, 2.4}, {0, -2.4}};
      for (const Point& off : offsets) {
        const PageRect box{at.x + off.x * size.x - size.x / 2, at.y + off.y * size.y - size.y / 2, size.x,
                           size.y};
        if (!inside(box, layout.frame)) continue;
        if (std::any_of(placed.begin(), placed.end(), [&](const PageRect& r) { return overlaps(r, box); }))
          continue;
        placed.push_back(text.draw(label, style, box.x, box.y));
        return;
      }
      if (force) placed.push_back(text.draw(label, style, at.x, at.y, 0.5, 0.5));
    };
    if (towns_style.visible && !towns_style.label_field.empty()) {
      const TextStyle town_label{8, false, 0.15, 0.15, 0.15, true};
      for (const auto& tw : d.townships)
        if (!tw.geom.empty()) place(tw.name, town_label, t.to_page(interior_point(tw.geom)), false);
    }
    place(o.gi, TextStyle{12, true, 0.05, 0.05, 0.3, true},
          t.to_page(metric.forward(interior_point(d.zone.geom))), true);

    // Frame, furniture, title, notes.
    cairo_rectangle(cr.get(), layout.frame.x, layout.frame.y, layout.frame.w, layout.frame.h);
    cairo_set_source_rgb(cr.get(), 0.1, 0.1, 0.1);
    cairo_set_line_width(cr.get(), 1.0);
    cairo_stroke(cr.get());
    draw_scale_bar(cr.get(), text, t, layout.frame);
    draw_north_arrow(cr.get(), text, metric, t, layout.frame);
    const std::string version_label =
        "保护范围（第" + std::to_string(d.zone.version) + "版，" + d.zone.effective_from + "起）";
    Rgba legend_zone = d.zone_fill;  // as drawn: the layer's opacity applies to the swatch too
    legend_zone.a =
        static_cast<std::uint8_t>(std::lround(legend_zone.a * std::clamp(zone_style.opacity, 0.0f, 1.0f)));
    draw_legend(cr.get(), text,
                {{LegendEntry::Kind::area, legend_zone, Rgba{legend_zone.r, legend_zone.g, legend_zone.b, 255}, 1.2,
                  version_label},
                 {LegendEntry::Kind::area, towns_style.fill, towns_style.outline, 0.6, "乡镇（街道）"},
                 {LegendEntry::Kind::line, Rgba{}, Rgba{38, 38, 38, 255}, 1.8, "区界"}},
                layout.frame);
    text.draw(res.title, TextStyle{18, true}, layout.title.x + layout.title.w / 2, layout.title.y + 6, 0.5,
              0);

    const std::string date = o.date.empty() ? today_iso() : o.date;
    std::string source = "数据来源：" + d.meta.district_name + " GI Atlas 工作区";
    int vintage = 0;
    for (const auto& tw : d.townships) vintage = std::max(vintage, tw.vintage);
    if (vintage > 0) source += "，乡镇界" + std::to_string(vintage) + "年";
    if (d.meta.synthetic) source += "；合成示例数据（synthetic data），不代表实际保护范围";
    const TextStyle note{7.5};
    text.draw(source, note, layout.notes.x, layout.notes.y + 4);
    text.draw("坐标系：CGCS2000，3度带高斯-克吕格投影（EPSG:" + std::to_string(metric.epsg()) +
                  "）；经纬度为CGCS2000",
              note, layout.notes.x, layout.notes.y + 17);
    text.draw("制图日期：" + date, note, layout.notes.right(), layout.notes.y + 4, 1, 0);
    progress.report("writing", 0.8);

    cairo_show_page(cr.get());
    cr.reset();
    cairo_surface_flush(surface.get());
    if (res.format == "png") {
      const cairo_status_t st = cairo_surface_write_to_png(surface.get(), tmp.c_str());
      if (st != CAIRO_STATUS_SUCCESS)
        throw Error("render: writing " + o.out + ": " + cairo_status_to_string(st));
    }
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
      throw Error("render: writing " + o.out + ": " +
                  cairo_status_to_string(cairo_surface_status(surface.get())));
    surface.reset();
    std::error_code ec;
    std::filesystem::rename(tmp, target, ec);
    if (ec) throw Error("render: cannot move the map into place at " + o.out + ": " + ec.message());
  } catch (...) {
    surface.reset();
    cleanup();
    throw;
  }
  res.path = o.out;
  progress.report("writing", 1.0);
  return res;
}

}  // namespace giatlas
