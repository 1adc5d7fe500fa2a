// The printable map: load the zone, townships, styles and DEM; lay out the page; draw; write atomically.
#include "map/render_map.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <algorithm>
#include <filesystem>

#include "error.h"
#include "io/atomic_file.h"
#include "geo/geos.h"
#include "map/print_content.h"
#include "map/print_furniture.h"
#include "map/print_map_data.h"
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

// Hillshade pixels per page point: the PNG's own resolution up to 300 dpi; 150 dpi in PDF/SVG.
double relief_px_per_pt(const std::string& format, double dpi) {
  return format == "png" ? std::min(dpi, 300.0) / 72.0 : 150.0 / 72.0;
}

// Whether any edge of `m` (projected) passes through `box` on the page; edges are walked in
// steps of at most 4 pt.
bool touches(const MultiPolygon& m, const PageTransform& t, const PageRect& box) {
  auto in = [&](const Point& p) {
    return p.x >= box.x && p.x <= box.right() && p.y >= box.y && p.y <= box.bottom();
  };
  for (const auto& poly : m.polygons)
    for (const auto& ring : poly.rings)
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const Point a = t.to_page(ring[i]), b = t.to_page(ring[i + 1]);
        const int steps = 1 + static_cast<int>(std::hypot(b.x - a.x, b.y - a.y) / 4);
        for (int k = 0; k <= steps; ++k)
          if (in({a.x + (b.x - a.x) * k / steps, a.y + (b.y - a.y) * k / steps})) return true;
      }
  return false;
}

// Where the scale bar and north arrow sit (see print_furniture.cpp), for label clearance.
std::vector<PageRect> furniture_boxes(const PageRect& frame) {
  return {{frame.right() - 190, frame.bottom() - 50, 190, 50}, {frame.right() - 55, frame.y, 55, 65}};
}

void check_options(const RenderOptions& o) {
  if (!(o.dpi >= 30 && o.dpi <= 1200)) throw Error("render: dpi must be between 30 and 1200");
  if (o.orientation != "auto" && o.orientation != "landscape" && o.orientation != "portrait")
    throw Error("render: orientation must be auto, landscape or portrait");
  if (o.relief != "shade" && o.relief != "tint" && o.relief != "off")
    throw Error("render: relief must be shade, tint or off");
  if (!(o.contour_interval_m >= 0)) throw Error("render: the contour interval must be 0 (none) or positive");
}

// Where the map goes on the page.
struct MapPlacement {
  PageLayout layout;
  PageTransform t;
  bool legend_top = false;
};

// The page and the scale: the whole frame at the nice scale that fills it, with the legend in
// the bottom-left corner, else the top-left one (the scale bar and north arrow hold the
// right-hand corners); when the legend would cover part of the district or the zone in both,
// the band above the legend, so the legend never hides part of a zone.
MapPlacement place_map(const PrintMapData& d, const RenderOptions& o, const std::string& zone_legend) {
  Box ext = d.extent_m;
  const double pad = 0.04 * std::max(ext.width(), ext.height());
  ext = Box{ext.minx - pad, ext.miny - pad, ext.maxx + pad, ext.maxy + pad};
  const bool landscape =
      o.orientation == "landscape" || (o.orientation == "auto" && ext.width() > ext.height());
  MapPlacement m{page_layout(paper_points(o.paper, landscape)), {}, false};
  m.t = fit_nice_scale(ext, m.layout.frame);
  const bool contours = d.dem && o.relief != "off" && o.contour_interval_m > 0;
  const CairoSurface scratch(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1));
  const CairoContext scratch_cr(cairo_create(scratch.get()));
  const PrintText measure(scratch_cr.get(), o.font_family);
  const std::vector<LegendEntry> labels =
      legend_labels(zone_legend, d.dem && o.relief == "tint", contours, o.contour_interval_m, d.area_results);
  auto clear = [&](const PageRect& box) { return !touches(d.district, m.t, box) && !touches(d.zone_m, m.t, box); };
  if (clear(legend_box(measure, labels, m.layout.frame))) return m;
  m.legend_top = clear(legend_box(measure, labels, m.layout.frame, true));
  if (!m.legend_top) {
    PageRect fit = m.layout.frame;
    fit.h -= legend_box(measure, labels, m.layout.frame).h + 8;
    m.t = fit_nice_scale(ext, fit);
  }
  return m;
}

// The cairo surface for `res.format`, writing to `tmp` (PNG: an image surface, written at the end).
CairoSurface open_surface(RenderResult& res, const RenderOptions& o, const PageLayout& layout,
                          const std::string& tmp) {
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
  return surface;
}

// Labels: township names first (the statement's units must all be readable), then the GI name
// where it crowds none of them. Each tries its own spot, then nearby ones. Returns the boxes
// taken.
std::vector<PageRect> draw_names(const PrintText& text, const PrintMapData& d, const LocalMetric& metric,
                                 const PageTransform& t, const PageRect& frame, const std::string& gi) {
  std::vector<PageRect> placed;
  auto place = [&](const std::string& label, const TextStyle& style, Point at, bool force) {
    const Point size = text.measure(label, style);
    const Point offsets[] = {{0, 0}, {0, 1.2}, {0, -1.2}, {0.6, 0}, {-0.6, 0}, {0, 2.4}, {0, -2.4}};
    for (const Point& off : offsets) {
      const PageRect box{at.x + off.x * size.x - size.x / 2, at.y + off.y * size.y - size.y / 2, size.x, size.y};
      if (!inside(box, frame)) continue;
      if (std::any_of(placed.begin(), placed.end(), [&](const PageRect& r) { return overlaps(r, box); })) continue;
      placed.push_back(text.draw(label, style, box.x, box.y));
      return;
    }
    if (force) placed.push_back(text.draw(label, style, at.x, at.y, 0.5, 0.5));
  };
  const LayerStyle& towns_style = d.styles.layers.at("townships");
  if (towns_style.visible && !towns_style.label_field.empty()) {
    const TextStyle town_label{8, false, 0.15, 0.15, 0.15, true};
    for (const auto& tw : d.townships)
      if (!tw.geom.empty()) place(tw.name, town_label, t.to_page(interior_point(tw.geom)), false);
  }
  place(gi, TextStyle{12, true, 0.05, 0.05, 0.3, true}, t.to_page(metric.forward(interior_point(d.zone.geom))),
        true);
  return placed;
}

// The lines under the frame: data source and vintage, coordinate system, date, DEM.
void draw_notes(const PrintText& text, const PrintMapData& d, const LocalMetric& metric, const PageRect& notes,
                const std::string& date, bool terrain_drawn) {
  std::string source = "数据来源：" + d.meta.district_name + " GI Atlas 工作区";
  int vintage = 0;
  for (const auto& tw : d.townships) vintage = std::max(vintage, tw.vintage);
  if (vintage > 0) source += "，乡镇界" + std::to_string(vintage) + "年";
  if (d.meta.synthetic) source += "；合成示例数据（synthetic data），不代表实际保护范围";
  const TextStyle note{7.5};
  text.draw(source, note, notes.x, notes.y + 4);
  text.draw("坐标系：CGCS2000，3度带高斯-克吕格投影（EPSG:" + std::to_string(metric.epsg()) + "）；经纬度为CGCS2000",
            note, notes.x, notes.y + 17);
  text.draw("制图日期：" + date, note, notes.right(), notes.y + 4, 1, 0);
  if (terrain_drawn) text.draw(d.dem_note + "；地貌晕渲与等高线据此生成", note, notes.right(), notes.y + 17, 1, 0);
}

// Ends the page and the surface; a failure to write is the file's one-line error.
void finish_surface(CairoSurface& surface, AtomicFile& file, const std::string& format) {
  cairo_surface_flush(surface.get());
  if (format == "png") {
    const cairo_status_t st = cairo_surface_write_to_png(surface.get(), file.temp_path().c_str());
    if (st != CAIRO_STATUS_SUCCESS) file.fail(file.failure_cause(cairo_status_to_string(st)));
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    file.fail(file.failure_cause(cairo_status_to_string(cairo_surface_status(surface.get()))));
  surface.reset();
}

}  // namespace

RenderResult render_map(const Workspace& ws, const RenderOptions& o, const Progress& progress) {
  RenderResult res;
  res.format = extension_format(o.out);
  check_options(o);
  progress.report("loading", 0);
  const PrintMapData d = load_print_map_data(ws, o.gi, o.version, o.relief != "off", o.areas);
  res.areas = static_cast<int>(d.areas.size());
  res.areas_not_inside = static_cast<int>(
      std::count_if(d.areas.begin(), d.areas.end(), [](const PrintArea& a) { return a.result != "inside"; }));
  const LocalMetric metric(d.metric_lon);
  res.epsg = d.epsg;
  res.metric_lon = d.metric_lon;
  res.zone_legend = zone_legend_text(d.zone);
  progress.check_cancelled();

  const MapPlacement m = place_map(d, o, res.zone_legend);
  const PageLayout& layout = m.layout;
  const PageTransform& t = m.t;
  res.width_pt = layout.page.w;
  res.height_pt = layout.page.h;
  res.scale_denominator = t.scale_denominator();
  res.transform = t;
  res.title = o.title.empty() ? o.gi + "地理标志产品保护范围图" : o.title;

  // Surface on a temp file beside the target, renamed into place only when complete.
  AtomicFile file(o.out, "render");
  file.probe();
  CairoSurface surface = open_surface(res, o, layout, file.temp_path());
  try {
    CairoContext cr(cairo_create(surface.get()));
    if (res.format == "png") cairo_scale(cr.get(), o.dpi / 72.0, o.dpi / 72.0);
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    const PrintText text(cr.get(), o.font_family);
    progress.report("drawing", 0.2);

    // Map content, clipped to the frame: ground, relief, zone, boundaries.
    const MapContent content =
        draw_map_content(cr.get(), d, metric, t, layout.frame, o.relief, o.contour_interval_m,
                         relief_px_per_pt(res.format, o.dpi), progress);
    res.relief = content.relief;
    res.contour_lines = content.contours.lines;
    progress.report("drawing", 0.5);
    draw_graticule(cr.get(), text, metric, t, layout.frame);

    std::vector<PageRect> placed = draw_names(text, d, metric, t, layout.frame, o.gi);
    // Room for the legend, scale bar and north arrow first, so no altitude lands under them.
    const std::vector<LegendEntry> legend = legend_entries(content, res.zone_legend);
    for (const PageRect& r : furniture_boxes(layout.frame)) placed.push_back(r);
    placed.push_back(legend_box(text, legend, layout.frame, m.legend_top));
    res.contour_labels = draw_contour_labels(cr.get(), text, content.contours.labels, content.contour_style,
                                             layout.frame, placed);

    // Frame, furniture, title, notes.
    cairo_rectangle(cr.get(), layout.frame.x, layout.frame.y, layout.frame.w, layout.frame.h);
    cairo_set_source_rgb(cr.get(), 0.1, 0.1, 0.1);
    cairo_set_line_width(cr.get(), 1.0);
    cairo_stroke(cr.get());
    draw_scale_bar(cr.get(), text, t, layout.frame);
    draw_north_arrow(cr.get(), text, metric, t, layout.frame);
    draw_legend(cr.get(), text, legend, layout.frame, m.legend_top);
    text.draw(res.title, TextStyle{18, true}, layout.title.x + layout.title.w / 2, layout.title.y + 6, 0.5, 0);
    draw_notes(text, d, metric, layout.notes, o.date.empty() ? today_iso() : o.date,
               content.relief || content.contours.lines > 0);
    progress.report("writing", 0.8);

    cairo_show_page(cr.get());
    cr.reset();
    finish_surface(surface, file, res.format);
    file.commit();
  } catch (...) {
    surface.reset();  // closes the temporary file before AtomicFile removes it
    throw;
  }
  res.path = o.out;
  progress.report("writing", 1.0);
  return res;
}

}  // namespace giatlas
