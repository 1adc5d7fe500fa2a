// Report documents as PDF: A4 portrait pages through cairo, text through pango in one named CJK
// family at true point sizes; tables wrap their cells and repeat their header on a new page.
#include <cairo-pdf.h>

#include <algorithm>
#include <cmath>

#include "error.h"
#include "io/atomic_file.h"
#include "map/cairo_handles.h"
#include "programme/report_doc.h"

namespace giatlas {

namespace {

constexpr double kPageW = 595.28, kPageH = 841.89, kMargin = 48;
constexpr const char* kFamily = "Noto Sans CJK SC";
const double kClassRgb[5][3] = {
    {0.93, 0.97, 0.91}, {0.73, 0.89, 0.70}, {0.45, 0.77, 0.46}, {0.19, 0.64, 0.33}, {0.00, 0.43, 0.17}};

class PdfWriter {
 public:
  explicit PdfWriter(cairo_t* cr) : cr_(cr), ctx_(pango_cairo_create_context(cr)) {
    pango_cairo_context_set_resolution(ctx_.get(), 72);  // true point sizes on the page
  }

  PangoLayoutPtr layout(const std::string& text, double size, bool bold, double width) const {
    pango_cairo_update_context(cr_, ctx_.get());
    PangoLayoutPtr l(pango_layout_new(ctx_.get()));
    PangoFontDesc desc(pango_font_description_new());
    pango_font_description_set_family(desc.get(), kFamily);
    pango_font_description_set_weight(desc.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(desc.get(), size * PANGO_SCALE);
    pango_layout_set_font_description(l.get(), desc.get());
    if (width > 0) {
      pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
      pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_text(l.get(), text.c_str(), static_cast<int>(text.size()));
    return l;
  }

  static double height(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }
  static double width(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(w) / PANGO_SCALE;
  }

  void need(double h) {
    if (y_ + h > kPageH - kMargin) new_page();
  }
  void new_page() {
    cairo_show_page(cr_);
    y_ = kMargin;
  }

  void text(const std::string& t, double size, bool bold, double gap_after) {
    PangoLayoutPtr l = layout(t, size, bold, kPageW - 2 * kMargin);
    const double h = height(l.get());
    need(h);
    cairo_move_to(cr_, kMargin, y_);
    cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
    pango_cairo_show_layout(cr_, l.get());
    y_ += h + gap_after;
  }

  void table(const DocTable& t) {
    constexpr double size = 7.5, pad = 3;
    const std::size_t n = t.header.size();
    if (n == 0) return;
    // Column widths: natural widths (capped), scaled to the text block.
    std::vector<double> w(n, 20);
    auto widen = [&](const std::vector<std::string>& row, bool bold) {
      for (std::size_t i = 0; i < n && i < row.size(); ++i)
        w[i] = std::max(w[i], std::min(160.0, width(layout(row[i], size, bold, 0).get()) + 2 * pad));
    };
    widen(t.header, true);
    for (const auto& r : t.rows) widen(r, false);
    double total = 0;
    for (double v : w) total += v;
    const double avail = kPageW - 2 * kMargin;
    for (double& v : w) v *= avail / total;
    text(t.name, 9, true, 3);
    auto row_out = [&](const std::vector<std::string>& row, bool header) {
      std::vector<PangoLayoutPtr> cells;
      double h = 0;
      for (std::size_t i = 0; i < n; ++i) {
        cells.push_back(layout(i < row.size() ? row[i] : "", size, header, w[i] - 2 * pad));
        h = std::max(h, height(cells.back().get()) + 2 * pad);
      }
      if (y_ + h > kPageH - kMargin) return false;
      double x = kMargin;
      for (std::size_t i = 0; i < n; ++i) {
        if (header) {
          cairo_set_source_rgb(cr_, 0.93, 0.95, 0.92);
          cairo_rectangle(cr_, x, y_, w[i], h);
          cairo_fill(cr_);
        }
        cairo_set_source_rgb(cr_, 0.6, 0.6, 0.6);
        cairo_set_line_width(cr_, 0.5);
        cairo_rectangle(cr_, x, y_, w[i], h);
        cairo_stroke(cr_);
        cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
        cairo_move_to(cr_, x + pad, y_ + pad);
        pango_cairo_show_layout(cr_, cells[i].get());
        x += w[i];
      }
      y_ += h;
      return true;
    };
    need(40);
    row_out(t.header, true);
    if (t.rows.empty()) row_out({"（无）"}, false);
    for (const auto& r : t.rows)
      if (!row_out(r, false)) {
        new_page();
        row_out(t.header, true);
        row_out(r, false);
      }
    y_ += 12;
  }

  void map(const DocBlock& b) {
    Box box;
    double max = 0;
    for (const MapArea& a : b.areas) {
      for (const Polygon& p : a.geom.polygons)
        if (!p.rings.empty())
          for (const Point& pt : p.rings.front()) box.expand(pt);
      max = std::max(max, a.value);
    }
    if (!box.valid()) return;
    const double k = std::cos((box.miny + box.maxy) / 2 * M_PI / 180);
    const double w = kPageW - 2 * kMargin - 120;
    const double s = w / (box.width() * k), h = (box.maxy - box.miny) * s;
    need(h + 20);
    const double x0 = kMargin, y0 = y_;
    for (const MapArea& a : b.areas) {
      for (const Polygon& p : a.geom.polygons)
        for (const Ring& r : p.rings)
          for (std::size_t i = 0; i < r.size(); ++i) {
            const double x = x0 + (r[i].x - box.minx) * k * s, y = y0 + h - (r[i].y - box.miny) * s;
            if (i == 0)
              cairo_move_to(cr_, x, y);
            else
              cairo_line_to(cr_, x, y);
          }
      const double* c = kClassRgb[choropleth_class(a.value, max)];
      cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_set_source_rgb(cr_, c[0], c[1], c[2]);
      cairo_fill_preserve(cr_);
      cairo_set_source_rgb(cr_, 0.35, 0.35, 0.35);
      cairo_set_line_width(cr_, 0.4);
      cairo_stroke(cr_);
    }
    // Legend to the right.
    double ly = y0;
    for (int c = 0; c < 5; ++c) {
      cairo_set_source_rgb(cr_, kClassRgb[c][0], kClassRgb[c][1], kClassRgb[c][2]);
      cairo_rectangle(cr_, x0 + w + 12, ly, 12, 10);
      cairo_fill_preserve(cr_);
      cairo_set_source_rgb(cr_, 0.4, 0.4, 0.4);
      cairo_set_line_width(cr_, 0.4);
      cairo_stroke(cr_);
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.0f–%.0f", max * c / 5, max * (c + 1) / 5);
      PangoLayoutPtr l = layout(std::string(buf) + b.unit, 7, false, 0);
      cairo_move_to(cr_, x0 + w + 28, ly);
      pango_cairo_show_layout(cr_, l.get());
      ly += 14;
    }
    y_ = y0 + h + 4;
    text(b.text, 8, false, 10);
  }

  // A bar chart (report_doc.h DocChart): y gridlines with tick values, the axis titles with their
  // units, a value over each bar and its category under it, and the target as a dashed line.
  void chart(const DocBlock& b) {
    const DocChart& c = b.chart_data;
    const auto [top, step] = chart_scale(c);
    constexpr double h = 150, left = 56, up = 10, bottom = 34;
    const double w = kPageW - 2 * kMargin - 80, ph = h - up - bottom, pw = w - left;
    need(h + 20);
    const double x0 = kMargin, y0 = y_;
    auto y_of = [&](double v) { return y0 + up + ph - std::clamp(v / top, 0.0, 1.0) * ph; };
    auto label = [&](const std::string& t, double x, double y, double size, bool centre) {
      PangoLayoutPtr l = layout(t, size, false, 0);
      cairo_set_source_rgb(cr_, 0.2, 0.2, 0.2);
      cairo_move_to(cr_, centre ? x - width(l.get()) / 2 : x - width(l.get()), y - height(l.get()) / 2);
      pango_cairo_show_layout(cr_, l.get());
    };
    cairo_set_line_width(cr_, 0.4);
    for (int i = 0; i <= 5; ++i) {
      const double y = y_of(step * i);
      cairo_set_source_rgb(cr_, 0.85, 0.85, 0.85);
      cairo_move_to(cr_, x0 + left, y);
      cairo_line_to(cr_, x0 + w, y);
      cairo_stroke(cr_);
      label(chart_value_text(c, step * i), x0 + left - 4, y, 7, false);
    }
    const std::size_t n = c.categories.size();
    const double slot = n ? pw / static_cast<double>(n) : pw, bw = slot * 0.6;
    for (std::size_t i = 0; i < n; ++i) {
      const double v = i < c.values.size() ? c.values[i] : 0;
      const double x = x0 + left + slot * static_cast<double>(i) + (slot - bw) / 2, y = y_of(v);
      cairo_set_source_rgb(cr_, 0.19, 0.64, 0.33);
      cairo_rectangle(cr_, x, y, bw, y0 + up + ph - y);
      cairo_fill(cr_);
      label(chart_value_text(c, v), x + bw / 2, y - 6, 7, true);
      label(c.categories[i], x + bw / 2, y0 + up + ph + 8, 7, true);
    }
    if (c.target >= 0) {
      const double dash[] = {4, 2};
      cairo_set_dash(cr_, dash, 2, 0);
      cairo_set_source_rgb(cr_, 0.81, 0.13, 0.18);
      cairo_move_to(cr_, x0 + left, y_of(c.target));
      cairo_line_to(cr_, x0 + w, y_of(c.target));
      cairo_stroke(cr_);
      cairo_set_dash(cr_, nullptr, 0, 0);
    }
    cairo_set_source_rgb(cr_, 0.2, 0.2, 0.2);
    cairo_set_line_width(cr_, 0.6);
    cairo_move_to(cr_, x0 + left, y0 + up);
    cairo_line_to(cr_, x0 + left, y0 + up + ph);
    cairo_line_to(cr_, x0 + w, y0 + up + ph);
    cairo_stroke(cr_);
    label(chart_axis_title(c.x_label, c.x_unit), x0 + left + pw / 2, y0 + h - 8, 7.5, true);
    {  // the y axis title, turned along the axis
      PangoLayoutPtr l = layout(chart_axis_title(c.y_label, c.y_unit), 7.5, false, 0);
      cairo_save(cr_);
      cairo_move_to(cr_, x0 + 4, y0 + up + ph / 2 + width(l.get()) / 2);
      cairo_rotate(cr_, -M_PI / 2);
      pango_cairo_update_layout(cr_, l.get());
      pango_cairo_show_layout(cr_, l.get());
      cairo_restore(cr_);
    }
    y_ = y0 + h + 2;
    text(b.text, 8, false, 10);
  }

 private:
  cairo_t* cr_;
  PangoContextPtr ctx_;
  double y_ = kMargin;
};

}  // namespace

void write_doc_pdf(const ReportDoc& d, const std::string& path, const std::string& what) {
  AtomicFile file(path, what);
  file.probe();
  CairoSurface surface(cairo_pdf_surface_create(file.temp_path().c_str(), kPageW, kPageH));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    file.fail(file.failure_cause(cairo_status_to_string(cairo_surface_status(surface.get()))));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, d.title.c_str());
  {
    CairoContext cr(cairo_create(surface.get()));
    PdfWriter w(cr.get());
    w.text(d.title, 16, true, 4);
    if (!d.subtitle.empty()) w.text(d.subtitle, 9, false, 10);
    for (const DocBlock& b : d.blocks) {
      switch (b.kind) {
        case DocBlock::heading:
          w.text(b.text, 12, true, 5);
          break;
        case DocBlock::paragraph:
          w.text(b.text, 9, false, 6);
          break;
        case DocBlock::table:
          w.table(b.tbl);
          break;
        case DocBlock::choropleth:
          w.map(b);
          break;
        case DocBlock::chart:
          w.chart(b);
          break;
      }
    }
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    file.fail(file.failure_cause(cairo_status_to_string(cairo_surface_status(surface.get()))));
  surface.reset();
  file.commit();
}

}  // namespace giatlas
