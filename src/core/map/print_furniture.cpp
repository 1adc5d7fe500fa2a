// Graticule, scale bar, north arrow and legend of the printed map.
#include "map/print_furniture.h"

#include <cmath>
#include <optional>

#include "geo/dms.h"
#include "map/print_relief.h"

namespace giatlas {

namespace {

// Graticule steps are whole minutes: "107°30′" rather than "107°30′00″".
std::string graticule_label(double deg) {
  std::string s = format_dms(deg);
  const std::string tail = "00″";
  if (s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0)
    s.resize(s.size() - tail.size());
  return s;
}

// Where a page polyline crosses the line coord == value (axis 0: x, axis 1: y); the other coord.
std::optional<double> crossing(const std::vector<Point>& line, int axis, double value) {
  for (std::size_t i = 0; i + 1 < line.size(); ++i) {
    const double a = axis == 0 ? line[i].x : line[i].y;
    const double b = axis == 0 ? line[i + 1].x : line[i + 1].y;
    if ((a - value) * (b - value) > 0 || a == b) continue;
    const double f = (value - a) / (b - a);
    const double oa = axis == 0 ? line[i].y : line[i].x;
    const double ob = axis == 0 ? line[i + 1].y : line[i + 1].x;
    return oa + f * (ob - oa);
  }
  return std::nullopt;
}

void stroke_polyline(cairo_t* cr, const std::vector<Point>& pts) {
  for (std::size_t i = 0; i < pts.size(); ++i) {
    if (i == 0)
      cairo_move_to(cr, pts[i].x, pts[i].y);
    else
      cairo_line_to(cr, pts[i].x, pts[i].y);
  }
  cairo_stroke(cr);
}

}  // namespace

void set_source(cairo_t* cr, const Rgba& c, double opacity) {
  cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0 * opacity);
}

void draw_graticule(cairo_t* cr, const PrintText& text, const LocalMetric& metric, const PageTransform& t,
                    const PageRect& frame) {
  const Box ll = frame_lonlat_box(metric, t, frame);  // lon/lat range seen through the frame
  const double step = graticule_step_deg(std::min(ll.width(), ll.height()), 3);
  const TextStyle label{6.5, false, 0.2, 0.2, 0.2, true};
  cairo_save(cr);
  cairo_set_line_width(cr, 0.4);
  cairo_set_source_rgba(cr, 0.35, 0.35, 0.45, 0.8);
  const double dash[] = {3.0, 2.0};
  for (int axis = 0; axis < 2; ++axis) {
    const double lo = axis == 0 ? ll.minx : ll.miny, hi = axis == 0 ? ll.maxx : ll.maxy;
    const double olo = axis == 0 ? ll.miny : ll.minx, ohi = axis == 0 ? ll.maxy : ll.maxx;
    for (double v = std::ceil(lo / step - 1e-9) * step; v <= hi + 1e-12; v += step) {
      std::vector<Point> line;
      for (int i = 0; i <= 60; ++i) {
        const double o = olo + (ohi - olo) * i / 60.0;
        line.push_back(t.to_page(metric.forward(axis == 0 ? Point{v, o} : Point{o, v})));
      }
      cairo_save(cr);
      cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
      cairo_clip(cr);
      cairo_set_dash(cr, dash, 2, 0);
      stroke_polyline(cr, line);
      cairo_restore(cr);
      const std::string s = graticule_label(v);
      if (axis == 0) {  // meridian: labels outside top and bottom
        if (auto x = crossing(line, 1, frame.bottom()); x && *x > frame.x && *x < frame.right())
          text.draw(s, label, *x, frame.bottom() + 2, 0.5, 0);
        if (auto x = crossing(line, 1, frame.y); x && *x > frame.x && *x < frame.right())
          text.draw(s, label, *x, frame.y - 2, 0.5, 1);
      } else {  // parallel: labels inside the left and right edges
        if (auto y = crossing(line, 0, frame.x); y && *y > frame.y + 10 && *y < frame.bottom() - 10)
          text.draw(s, label, frame.x + 2, *y - 1, 0, 1);
        if (auto y = crossing(line, 0, frame.right()); y && *y > frame.y + 10 && *y < frame.bottom() - 10)
          text.draw(s, label, frame.right() - 2, *y - 1, 1, 1);
      }
    }
  }
  cairo_restore(cr);
}

void draw_scale_bar(cairo_t* cr, const PrintText& text, const PageTransform& t, const PageRect& frame) {
  const double max_m = frame.w * 0.25 / t.k;
  double length_m = nice_step_below(max_m);
  const bool km = length_m >= 1000;
  const double bar_w = length_m * t.k, bar_h = 4;
  const double right = frame.right() - 14, base = frame.bottom() - 16;
  const double left = right - bar_w;
  cairo_save(cr);
  cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
  cairo_rectangle(cr, left - 10, base - 30, frame.right() - 1 - (left - 10), 44);
  cairo_fill(cr);
  for (int i = 0; i < 4; ++i) {
    cairo_rectangle(cr, left + bar_w * i / 4, base - bar_h, bar_w / 4, bar_h);
    if (i % 2 == 0)
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    else
      cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
  }
  const TextStyle small{7};
  char buf[64];
  std::snprintf(buf, sizeof buf, km ? "%g 公里" : "%g 米", km ? length_m / 1000 : length_m);
  text.draw("0", small, left, base + 2, 0.5, 0);
  text.draw(buf, small, right, base + 2, 0.5, 0);
  text.draw("比例尺 " + scale_text(t.scale_denominator()), small, left + bar_w / 2, base - bar_h - 3, 0.5, 1);
  cairo_restore(cr);
}

void draw_north_arrow(cairo_t* cr, const PrintText& text, const LocalMetric& metric, const PageTransform& t,
                      const PageRect& frame) {
  const Point centre = t.to_map({frame.x + frame.w / 2, frame.y + frame.h / 2});
  const Point ll = metric.inverse(centre);
  const Point north = metric.forward({ll.x, ll.y + 0.01});
  const double angle = std::atan2(north.x - centre.x, north.y - centre.y);  // clockwise from grid north
  const double cx = frame.right() - 26, cy = frame.y + 34, len = 18;
  cairo_save(cr);
  cairo_translate(cr, cx, cy);
  cairo_rotate(cr, angle);
  cairo_move_to(cr, 0, -len);
  cairo_line_to(cr, 6, len * 0.6);
  cairo_line_to(cr, 0, len * 0.25);
  cairo_close_path(cr);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  cairo_fill(cr);
  cairo_move_to(cr, 0, -len);
  cairo_line_to(cr, -6, len * 0.6);
  cairo_line_to(cr, 0, len * 0.25);
  cairo_close_path(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  cairo_set_line_width(cr, 0.6);
  cairo_stroke(cr);
  cairo_restore(cr);
  const TextStyle style{10, true, 0.1, 0.1, 0.1, true};
  text.draw("北", style, cx + std::sin(angle) * (len + 2), cy - std::cos(angle) * (len + 2), 0.5, 1);
}

namespace {
constexpr double kLegendPad = 6, kSwatchW = 18, kSwatchH = 10, kLegendRow = 15;
}  // namespace

double legend_height(std::size_t rows) {
  return kLegendPad * 2 + 14 + kLegendRow * static_cast<double>(rows);
}

PageRect legend_box(const PrintText& text, const std::vector<LegendEntry>& entries, const PageRect& frame,
                    bool top) {
  const TextStyle head{9, true}, item{8};
  double text_w = text.measure("图例", head).x;
  for (const auto& e : entries) text_w = std::max(text_w, kSwatchW + 6 + text.measure(e.label, item).x);
  const double w = text_w + 2 * kLegendPad;
  const double h = legend_height(entries.size());
  return {frame.x + 8, top ? frame.y + 8 : frame.bottom() - 8 - h, w, h};
}

void draw_legend(cairo_t* cr, const PrintText& text, const std::vector<LegendEntry>& entries,
                 const PageRect& frame, bool top) {
  if (entries.empty()) return;
  const TextStyle head{9, true}, item{8};
  const double pad = kLegendPad, sw = kSwatchW, sh = kSwatchH;
  const PageRect box = legend_box(text, entries, frame, top);
  const double x = box.x, y = box.y;
  cairo_save(cr);
  cairo_rectangle(cr, x, y, box.w, box.h);
  cairo_set_source_rgba(cr, 1, 1, 1, 0.92);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  cairo_set_line_width(cr, 0.6);
  cairo_stroke(cr);
  text.draw("图例", head, x + pad, y + pad);
  double ry = y + pad + 16;
  for (const auto& e : entries) {
    if (e.kind == LegendEntry::Kind::area) {
      cairo_rectangle(cr, x + pad, ry, sw, sh);
      paint_area(cr, e.area);
    } else if (e.kind == LegendEntry::Kind::ramp) {
      const std::size_t n = e.ramp.size();
      for (std::size_t i = 0; i < n; ++i) {
        cairo_rectangle(cr, x + pad + sw * static_cast<double>(i) / n, ry, sw / n + 0.05, sh);
        set_source(cr, e.ramp[i]);
        cairo_fill(cr);
      }
      cairo_rectangle(cr, x + pad, ry, sw, sh);
      cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
      cairo_set_line_width(cr, 0.4);
      cairo_stroke(cr);
    } else {
      cairo_move_to(cr, x + pad, ry + sh / 2);
      cairo_line_to(cr, x + pad + sw, ry + sh / 2);
      set_source(cr, e.line);
      cairo_set_line_width(cr, e.line_width);
      cairo_stroke(cr);
    }
    text.draw(e.label, item, x + pad + sw + 6, ry + sh / 2, 0, 0.5);
    ry += kLegendRow;
  }
  cairo_restore(cr);
}

}  // namespace giatlas
