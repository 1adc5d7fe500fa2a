// Hillshade and contours on the printed map (see print_relief.h).
#include "map/print_relief.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "map/cairo_handles.h"
#include "map/print_furniture.h"
#include "terrain/relief.h"

namespace giatlas {

namespace {

constexpr double kMetresPerDegree = 111194.9;

// The part of `dem` inside `box` plus a margin of two cells, as its own grid.
DemGrid crop(const DemGrid& dem, const Box& box) {
  const int c0 =
      std::clamp(static_cast<int>(std::floor((box.minx - dem.west()) / dem.dx())) - 2, 0, dem.cols());
  const int c1 =
      std::clamp(static_cast<int>(std::ceil((box.maxx - dem.west()) / dem.dx())) + 2, 0, dem.cols());
  const int r0 =
      std::clamp(static_cast<int>(std::floor((dem.north() - box.maxy) / dem.dy())) - 2, 0, dem.rows());
  const int r1 =
      std::clamp(static_cast<int>(std::ceil((dem.north() - box.miny) / dem.dy())) + 2, 0, dem.rows());
  if (c1 - c0 < 3 || r1 - r0 < 3) return DemGrid();
  DemGrid out(c1 - c0, r1 - r0, dem.west() + c0 * dem.dx(), dem.north() - r0 * dem.dy(), dem.dx(), dem.dy());
  for (int r = r0; r < r1; ++r)
    for (int c = c0; c < c1; ++c) out.set(c - c0, r - r0, dem.at(c, r));
  return out;
}

// The colour a hillshade gives level ground at `metres` under `opt` (grey: the neutral value of
// the shading; tinted: the tint as the map shows it on the flat).
Rgba flat_colour(const ReliefOptions& opt, double metres = 100) {
  DemGrid flat(3, 3, 0, 1, 0.001, 0.001);
  for (float& v : flat.values()) v = static_cast<float>(metres);
  const ReliefImage img = hillshade(flat, opt);
  return {img.rgba[16], img.rgba[17], img.rgba[18], 255};
}

int flat_grey(const ReliefOptions& opt) { return flat_colour(opt).r; }

double page_length(const std::vector<Point>& pts) {
  double len = 0;
  for (std::size_t i = 1; i < pts.size(); ++i)
    len += std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
  return len;
}

// The point halfway along a polyline and the direction of the segment it falls on.
PrintContourLabel midpoint_label(const std::vector<Point>& pts, double length) {
  PrintContourLabel l;
  l.length = length;
  double walked = 0;
  for (std::size_t i = 1; i < pts.size(); ++i) {
    const double seg = std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
    if (walked + seg >= length / 2 && seg > 0) {
      const double f = (length / 2 - walked) / seg;
      l.at = {pts[i - 1].x + f * (pts[i].x - pts[i - 1].x), pts[i - 1].y + f * (pts[i].y - pts[i - 1].y)};
      l.angle = std::atan2(pts[i].y - pts[i - 1].y, pts[i].x - pts[i - 1].x);
      break;
    }
    walked += seg;
  }
  if (l.angle > std::numbers::pi / 2) l.angle -= std::numbers::pi;
  if (l.angle < -std::numbers::pi / 2) l.angle += std::numbers::pi;
  return l;
}

}  // namespace

std::vector<Rgba> tint_ramp(double min_m, double max_m, int n) {
  ReliefOptions opt;
  opt.tint = true;
  std::vector<Rgba> out;
  for (int i = 0; i < n; ++i)
    out.push_back(flat_colour(opt, min_m + (max_m - min_m) * i / std::max(1, n - 1)));
  return out;
}

Box frame_lonlat_box(const LocalMetric& metric, const PageTransform& t, const PageRect& frame) {
  Box ll;
  for (int i = 0; i <= 20; ++i) {
    const double f = i / 20.0;
    for (Point p : {Point{frame.x + f * frame.w, frame.y}, Point{frame.x + f * frame.w, frame.bottom()},
                    Point{frame.x, frame.y + f * frame.h}, Point{frame.right(), frame.y + f * frame.h}})
      ll.expand(metric.inverse(t.to_map(p)));
  }
  const double margin = 0.05 * std::max(ll.width(), ll.height());
  return Box{ll.minx - margin, ll.miny - margin, ll.maxx + margin, ll.maxy + margin};
}

bool draw_hillshade(cairo_t* cr, const DemGrid& dem, const LocalMetric& metric, const PageTransform& t,
                    const PageRect& frame, double px_per_pt, const HillshadeLook& look,
                    const Progress& progress) {
  if (dem.empty() || !(px_per_pt > 0)) return false;
  const Box seen = frame_lonlat_box(metric, t, frame);
  if (!seen.intersects(dem.extent())) return false;
  const DemGrid window = crop(dem, seen);
  if (window.empty()) return false;

  // Read every step-th cell when a cell is much smaller than an image pixel.
  const double pixel_m = 1.0 / (t.k * px_per_pt);
  const double lat = seen.center().y * std::numbers::pi / 180;
  const double cell_m = window.dx() * kMetresPerDegree * std::cos(lat);
  const int step = std::max(1, static_cast<int>(std::floor(pixel_m / cell_m)));
  ReliefOptions opt;
  opt.tint = look.tint;
  const ReliefImage img = hillshade(window, opt, step, progress);
  const int flat = flat_grey(opt);

  const int w = std::max(1, static_cast<int>(std::ceil(frame.w * px_per_pt)));
  const int h = std::max(1, static_cast<int>(std::ceil(frame.h * px_per_pt)));
  CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return false;
  cairo_surface_flush(surface.get());
  unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());

  // lon/lat of a coarse lattice of image pixels; in between, bilinear (the projection is smooth
  // over a few pixels, and inverse-projecting every pixel would cost seconds).
  constexpr int kG = 8;
  const int gw = w / kG + 2, gh = h / kG + 2;
  std::vector<Point> lattice(static_cast<std::size_t>(gw) * gh);
  for (int gy = 0; gy < gh; ++gy)
    for (int gx = 0; gx < gw; ++gx)
      lattice[static_cast<std::size_t>(gy) * gw + gx] =
          metric.inverse(t.to_map({frame.x + gx * kG / px_per_pt, frame.y + gy * kG / px_per_pt}));
  // Image pixel x samples the cell x * step: its centre is at west + (x * step + 0.5) * dx.
  const double sx = window.dx() * step, sy = window.dy() * step;
  const double ox = window.west() + 0.5 * window.dx(), oy = window.north() - 0.5 * window.dy();
  auto grey_alpha = [&](int x, int y, int ch) -> double {
    return img.rgba[(static_cast<std::size_t>(y) * img.width + x) * 4 + ch];
  };
  for (int y = 0; y < h; ++y) {
    if ((y & 127) == 0) progress.check_cancelled();
    auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::size_t>(y) * stride);
    const int gy = y / kG;
    const double fy = static_cast<double>(y % kG) / kG;
    for (int x = 0; x < w; ++x) {
      const int gx = x / kG;
      const double fx = static_cast<double>(x % kG) / kG;
      const Point& a = lattice[static_cast<std::size_t>(gy) * gw + gx];
      const Point& b = lattice[static_cast<std::size_t>(gy) * gw + gx + 1];
      const Point& c = lattice[static_cast<std::size_t>(gy + 1) * gw + gx];
      const Point& d = lattice[static_cast<std::size_t>(gy + 1) * gw + gx + 1];
      const double lon = (a.x * (1 - fx) + b.x * fx) * (1 - fy) + (c.x * (1 - fx) + d.x * fx) * fy;
      const double la = (a.y * (1 - fx) + b.y * fx) * (1 - fy) + (c.y * (1 - fx) + d.y * fx) * fy;
      const double ix = (lon - ox) / sx, iy = (oy - la) / sy;
      const int x0 = static_cast<int>(std::floor(ix)), y0 = static_cast<int>(std::floor(iy));
      row[x] = 0;
      if (x0 < 0 || y0 < 0 || x0 + 1 >= img.width || y0 + 1 >= img.height) continue;
      const double tx = ix - x0, ty = iy - y0;
      double v[3] = {0, 0, 0};
      bool hole = false;
      for (int k = 0; k < 4 && !hole; ++k) {
        const int px = x0 + (k & 1), py = y0 + (k >> 1);
        if (grey_alpha(px, py, 3) == 0) hole = true;  // a void: leave the ground as it is
        const double wgt = ((k & 1) ? tx : 1 - tx) * ((k >> 1) ? ty : 1 - ty);
        for (int ch = 0; ch < 3; ++ch) v[ch] += wgt * grey_alpha(px, py, ch);
      }
      if (hole) continue;
      std::uint32_t A = 255, R = 0, G = 0, B = 0;
      if (look.tint) {
        R = static_cast<std::uint32_t>(std::lround(v[0]));
        G = static_cast<std::uint32_t>(std::lround(v[1]));
        B = static_cast<std::uint32_t>(std::lround(v[2]));
      } else if (v[0] < flat) {  // shadow: black, premultiplied
        A = static_cast<std::uint32_t>(std::lround(255 * look.shadow * (flat - v[0]) / flat));
      } else {  // lit: white, premultiplied
        A = static_cast<std::uint32_t>(
            std::lround(255 * look.light * (v[0] - flat) / std::max(1, 255 - flat)));
        R = G = B = A;
      }
      row[x] = (A << 24) | (R << 16) | (G << 8) | B;
    }
  }
  cairo_surface_mark_dirty(surface.get());
  cairo_save(cr);
  cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
  cairo_clip(cr);
  cairo_translate(cr, frame.x, frame.y);
  cairo_scale(cr, 1 / px_per_pt, 1 / px_per_pt);
  cairo_set_source_surface(cr, surface.get(), 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_restore(cr);
  return true;
}

ContourResult draw_contour_lines(cairo_t* cr, const DemGrid& dem, const LocalMetric& metric,
                                 const PageTransform& t, const PageRect& frame, const ContourStyle& style) {
  ContourResult out;
  if (dem.empty()) return out;
  const Box seen = frame_lonlat_box(metric, t, frame);
  if (!seen.intersects(dem.extent())) return out;
  const double index_step = style.interval_m * std::max(1, style.index_every);
  cairo_save(cr);
  cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
  cairo_clip(cr);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  // Two paths, one stroke each (regular, index): a PDF or SVG then holds each line once, not once
  // per stroke under the clip. Vertices closer than 0.25 pt to the last one kept are dropped.
  std::vector<std::vector<Point>> regular, index_lines;
  for (const ContourLine& line : contour_lines(dem, style.interval_m, seen)) {
    if (line.points.size() < 2) continue;
    std::vector<Point> pts;
    pts.reserve(line.points.size());
    for (std::size_t i = 0; i < line.points.size(); ++i) {
      const Point p = t.to_page(metric.forward(line.points[i]));
      const bool last = i + 1 == line.points.size();
      if (!pts.empty() && !last && std::hypot(p.x - pts.back().x, p.y - pts.back().y) < 0.25) continue;
      pts.push_back(p);
    }
    const double r = std::fmod(std::abs(line.level), index_step);
    const bool index = r < 1e-6 || index_step - r < 1e-6;
    ++out.lines;
    if (index) {
      const double len = page_length(pts);
      if (len >= 90) {
        PrintContourLabel l = midpoint_label(pts, len);
        l.text = std::to_string(static_cast<long long>(std::llround(line.level)));
        out.labels.push_back(std::move(l));
      }
    }
    (index ? index_lines : regular).push_back(std::move(pts));
  }
  for (const bool index : {false, true}) {
    cairo_new_path(cr);
    for (const auto& pts : index ? index_lines : regular) {
      cairo_move_to(cr, pts[0].x, pts[0].y);
      for (std::size_t i = 1; i < pts.size(); ++i) cairo_line_to(cr, pts[i].x, pts[i].y);
    }
    set_source(cr, style.colour, index ? 0.85 : 0.55);
    cairo_set_line_width(cr, index ? style.index_width : style.width);
    cairo_stroke(cr);
  }
  cairo_restore(cr);
  std::sort(out.labels.begin(), out.labels.end(),
            [](const PrintContourLabel& a, const PrintContourLabel& b) { return a.length > b.length; });
  return out;
}

int draw_contour_labels(cairo_t* cr, const PrintText& text, const std::vector<PrintContourLabel>& labels,
                        const ContourStyle& style, const PageRect& frame, std::vector<PageRect>& placed,
                        int max_labels) {
  const TextStyle ts{6.5, false, style.colour.r / 255.0, style.colour.g / 255.0, style.colour.b / 255.0,
                     true};
  std::vector<Point> drawn;
  for (const PrintContourLabel& l : labels) {
    if (static_cast<int>(drawn.size()) >= max_labels) break;
    const Point size = text.measure(l.text, ts);
    // The axis-aligned box around the turned label.
    const double c = std::abs(std::cos(l.angle)), s = std::abs(std::sin(l.angle));
    const double hw = (c * size.x + s * size.y) / 2, hh = (s * size.x + c * size.y) / 2;
    const PageRect box{l.at.x - hw, l.at.y - hh, 2 * hw, 2 * hh};
    if (box.x < frame.x + 4 || box.y < frame.y + 4 || box.right() > frame.right() - 4 ||
        box.bottom() > frame.bottom() - 4)
      continue;
    auto hits = [&](const PageRect& r) {
      return box.x < r.right() && r.x < box.right() && box.y < r.bottom() && r.y < box.bottom();
    };
    if (std::any_of(placed.begin(), placed.end(), hits)) continue;
    if (std::any_of(drawn.begin(), drawn.end(),
                    [&](const Point& p) { return std::hypot(p.x - l.at.x, p.y - l.at.y) < 80; }))
      continue;
    cairo_save(cr);
    cairo_translate(cr, l.at.x, l.at.y);
    cairo_rotate(cr, l.angle);
    text.draw(l.text, ts, 0, 0, 0.5, 0.5);
    cairo_restore(cr);
    placed.push_back(box);
    drawn.push_back(l.at);
  }
  return static_cast<int>(drawn.size());
}

}  // namespace giatlas
