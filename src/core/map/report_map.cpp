// Report maps: a small cairo drawing of townships, zones and numbered markers, as PNG bytes.
#include "map/report_map.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "error.h"
#include "map/cairo_handles.h"
#include "map/print_text.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct Frame {
  double x0 = 0, y1 = 0, k = 1, kx = 1;  // pixel = ((lon - x0) * kx * k, (y1 - lat) * k)
  double px(const Point& p) const { return (p.x - x0) * kx * k; }
  double py(const Point& p) const { return (y1 - p.y) * k; }
};

void trace(cairo_t* cr, const Frame& f, const MultiPolygon& m) {
  for (const Polygon& poly : m.polygons)
    for (const Ring& r : poly.rings) {
      for (std::size_t i = 0; i < r.size(); ++i) {
        if (i == 0) cairo_move_to(cr, f.px(r[i]), f.py(r[i]));
        else cairo_line_to(cr, f.px(r[i]), f.py(r[i]));
      }
      cairo_close_path(cr);
    }
}

// A stable colour per GI name.
void gi_colour(const std::string& gi, double& r, double& g, double& b) {
  static const double palette[][3] = {{0.20, 0.55, 0.85}, {0.95, 0.65, 0.15}, {0.25, 0.70, 0.40},
                                      {0.80, 0.40, 0.70}, {0.55, 0.45, 0.85}, {0.40, 0.75, 0.80}};
  std::size_t h = 0;
  for (unsigned char c : gi) h = h * 131 + c;
  const double* p = palette[h % 6];
  r = p[0], g = p[1], b = p[2];
}

}  // namespace

std::string base64(const std::string& bytes) {
  static const char* const kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (int s : {18, 12, 6, 0}) out += kAlphabet[(v >> s) & 63];
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

namespace {

// Draws zones, townships (names when `names`), and markers under frame `f`, shifted by (ox, oy)
// pixels; appends the markers drawn to `out` with `inset`.
void draw_content(cairo_t* cr, const PrintText& text, const Frame& f, double ox, double oy,
                  const std::vector<Township>& townships, const std::vector<ZoneVersion>& zones,
                  const std::vector<ReportMarker>& sorted, bool dense, bool names, int inset,
                  std::vector<DrawnMarker>& out) {
  cairo_save(cr);
  cairo_translate(cr, ox, oy);
  for (const ZoneVersion& z : zones) {
    cairo_new_path(cr);
    double r, g, b;
    gi_colour(z.gi, r, g, b);
    trace(cr, f, z.geom);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_source_rgba(cr, r, g, b, 0.28);
    cairo_fill_preserve(cr);
    cairo_set_source_rgba(cr, r, g, b, 0.9);
    cairo_set_line_width(cr, 1.6);
    cairo_stroke(cr);
  }
  cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
  cairo_set_line_width(cr, 0.8);
  for (const Township& t : townships) {
    cairo_new_path(cr);
    trace(cr, f, t.geom);
    cairo_stroke(cr);
  }
  if (names) {
    TextStyle town_style;
    town_style.size_pt = 11, town_style.r = town_style.g = town_style.b = 0.35, town_style.halo = true;
    for (const Township& t : townships) {
      if (t.geom.empty()) continue;
      double sx = 0, sy = 0;
      std::size_t n = 0;
      for (const Point& p : t.geom.polygons.front().rings.front()) sx += p.x, sy += p.y, ++n;
      if (n) text.draw(t.name, town_style, f.px({sx / n, sy / n}), f.py({sx / n, sy / n}), 0.5, 0.5);
    }
  }
  TextStyle num_style;
  num_style.size_pt = dense ? 7 : 9, num_style.bold = true, num_style.r = num_style.g = num_style.b = 1;
  for (const ReportMarker& m : sorted) {
    const double px = f.px(m.location), py = f.py(m.location);
    const std::string label = std::to_string(m.number);
    const double radius = (dense ? 4.5 : 6.5) + (dense ? 2.0 : 2.5) * static_cast<double>(label.size());
    cairo_new_path(cr);  // the text leaves a current point: no line from it to the disc
    cairo_arc(cr, px, py, radius, 0, 2 * M_PI);
    cairo_set_source_rgb(cr, 0.85, 0.1, 0.1);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, 1.2);
    cairo_stroke(cr);
    text.draw(label, num_style, px, py, 0.5, 0.5);
    out.push_back({m.number, px + ox, py + oy, inset});
  }
  cairo_restore(cr);
}

}  // namespace

ReportMap draw_report_map(const std::vector<Township>& townships, const std::vector<ZoneVersion>& zones,
                          const std::vector<ReportMarker>& markers, int width_px) {
  if (width_px < 200 || width_px > 4000) throw Error("report map: width must be 200 to 4000 pixels");
  double x0 = std::numeric_limits<double>::max(), y0 = x0, x1 = -x0, y1 = -x0;
  auto grow = [&](const Point& p) {
    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
  };
  for (const Township& t : townships)
    for (const Polygon& poly : t.geom.polygons)
      for (const Ring& r : poly.rings)
        for (const Point& p : r) grow(p);
  for (const ReportMarker& m : markers) grow(m.location);
  if (x0 > x1) x0 = 107.0, x1 = 108.0, y0 = 29.0, y1 = 30.0;  // nothing to draw: an empty frame
  const double pad_x = std::max((x1 - x0) * 0.03, 0.002), pad_y = std::max((y1 - y0) * 0.03, 0.002);
  x0 -= pad_x, x1 += pad_x, y0 -= pad_y, y1 += pad_y;
  Frame f;
  f.x0 = x0, f.y1 = y1;
  f.kx = std::cos((y0 + y1) * 0.5 * M_PI / 180.0);
  f.k = width_px / ((x1 - x0) * f.kx);
  ReportMap map;
  map.width = width_px;
  const int main_height = std::clamp(static_cast<int>(std::ceil((y1 - y0) * f.k)), 100, 4000);

  std::vector<ReportMarker> sorted = markers;
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
  const bool dense = sorted.size() > 100;  // smaller markers, so that clusters stay readable

  // Insets: the map is cut into square cells of kCell pixels; a cell holding kCrowd or more
  // markers is too dense to read, and the (up to kInsets) most crowded cells are drawn again,
  // magnified, in a strip under the map, each framed and lettered on the map.
  constexpr double kCell = 60;
  constexpr std::size_t kCrowd = 6, kInsets = 3;
  constexpr int kInsetPx = 300;
  std::map<std::pair<int, int>, std::vector<std::size_t>> cells;
  for (std::size_t i = 0; i < sorted.size(); ++i)
    cells[{static_cast<int>(f.px(sorted[i].location) / kCell), static_cast<int>(f.py(sorted[i].location) / kCell)}]
        .push_back(i);
  std::vector<std::pair<std::pair<int, int>, std::size_t>> crowded;
  for (const auto& [c, members] : cells)
    if (members.size() >= kCrowd) crowded.push_back({c, members.size()});
  std::stable_sort(crowded.begin(), crowded.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (crowded.size() > kInsets) crowded.resize(kInsets);
  const int per_row = std::max(1, width_px / (kInsetPx + 10));
  const int rows = crowded.empty() ? 0 : static_cast<int>((crowded.size() + per_row - 1) / per_row);
  map.height = main_height + rows * (kInsetPx + 30);

  CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, map.width, map.height));
  CairoContext cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  PrintText text(cr.get(), "Noto Sans CJK SC");
  draw_content(cr.get(), text, f, 0, 0, townships, zones, sorted, dense, true, 0, map.markers);
  TextStyle letter;
  letter.size_pt = 12, letter.bold = true, letter.r = 0.1, letter.g = 0.1, letter.b = 0.5, letter.halo = true;
  for (std::size_t k = 0; k < crowded.size(); ++k) {
    const auto [cx, cy] = crowded[k].first;
    const std::string name(1, static_cast<char>('A' + k));
    // The cell framed on the map.
    cairo_new_path(cr.get());
    cairo_rectangle(cr.get(), cx * kCell, cy * kCell, kCell, kCell);
    cairo_set_source_rgb(cr.get(), 0.1, 0.1, 0.5);
    cairo_set_line_width(cr.get(), 1.5);
    cairo_stroke(cr.get());
    text.draw(name, letter, cx * kCell + 2, cy * kCell + 2);
    // The inset: the cell (with a margin) magnified into a kInsetPx square.
    const int col = static_cast<int>(k) % per_row, row = static_cast<int>(k) / per_row;
    const double ox = 10 + col * (kInsetPx + 10), oy = main_height + 20 + row * (kInsetPx + 30);
    const double margin = kCell * 0.25, span = kCell + 2 * margin, zoom = kInsetPx / span;
    Frame g = f;
    g.k = f.k * zoom;
    g.x0 = f.x0 + (cx * kCell - margin) / (f.k * f.kx);
    g.y1 = f.y1 - (cy * kCell - margin) / f.k;
    cairo_save(cr.get());
    cairo_rectangle(cr.get(), ox, oy, kInsetPx, kInsetPx);
    cairo_clip(cr.get());
    std::vector<ReportMarker> inside;
    for (std::size_t i : cells[crowded[k].first]) inside.push_back(sorted[i]);
    draw_content(cr.get(), text, g, ox, oy, townships, zones, inside, false, false, static_cast<int>(k + 1), map.markers);
    cairo_restore(cr.get());
    cairo_new_path(cr.get());
    cairo_rectangle(cr.get(), ox, oy, kInsetPx, kInsetPx);
    cairo_set_source_rgb(cr.get(), 0.1, 0.1, 0.5);
    cairo_set_line_width(cr.get(), 1.5);
    cairo_stroke(cr.get());
    text.draw("Inset 插图 " + name + " ×" + std::to_string(static_cast<int>(std::lround(zoom))), letter, ox, oy - 18);
  }
  map.insets = static_cast<int>(crowded.size());
  cairo_surface_flush(surface.get());
  if (cairo_surface_write_to_png_stream(surface.get(), append_bytes, &map.png) != CAIRO_STATUS_SUCCESS)
    throw Error("report map: cairo could not encode the PNG");
  return map;
}

ReportMap draw_report_map(const Workspace& ws, const std::vector<std::string>& gis, const std::string& date,
                          const std::vector<ReportMarker>& markers, int width_px) {
  std::vector<ZoneVersion> zones;
  std::vector<std::string> names = gis;
  if (names.empty())
    for (const GiProduct& g : ws.gi_products()) names.push_back(g.name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  for (const std::string& g : names)
    if (auto z = ws.zone_in_force(g, date)) zones.push_back(std::move(*z));
  return draw_report_map(ws.townships(), zones, markers, width_px);
}

std::string report_map_html(const ReportMap& map, const std::string& caption) {
  return "<figure><img alt=\"map\" style=\"max-width:100%;border:1px solid #ccc\" width=\"" + std::to_string(map.width) +
         "\" height=\"" + std::to_string(map.height) + "\" src=\"data:image/png;base64," + base64(map.png) +
         "\"><figcaption>" + caption + "</figcaption></figure>\n";
}

}  // namespace giatlas
