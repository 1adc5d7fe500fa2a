// Bar charts of a report document: the scale, the value text and the HTML (inline SVG) drawing;
// the PDF draws the same chart in report_pdf.cpp.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "programme/report_doc.h"

namespace giatlas {

namespace {

std::string fmt(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}

}  // namespace

std::pair<double, double> chart_scale(const DocChart& c) {
  double top = c.y_max;
  if (top <= 0) {
    if (c.y_unit == "%") {
      top = 1;
    } else {
      double m = c.target > 0 ? c.target : 0;
      for (double v : c.values) m = std::max(m, v);
      top = std::max(5.0, std::ceil(m / 5) * 5);  // whole counts per step
    }
  }
  return {top, top / 5};
}

std::string chart_value_text(const DocChart& c, double v) {
  char b[32];
  if (c.y_unit == "%")
    std::snprintf(b, sizeof b, "%.0f%%", v * 100);
  else if (std::fabs(v - std::round(v)) < 1e-9)
    std::snprintf(b, sizeof b, "%.0f", v);
  else
    std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}

std::string chart_axis_title(const std::string& label, const std::string& unit) {
  return unit.empty() ? label : label + "（" + unit + "）";
}

std::string svg_chart(const DocBlock& b) {
  const DocChart& c = b.chart_data;
  const auto [top, step] = chart_scale(c);
  constexpr double w = 560, h = 240, left = 64, right = 16, up = 16, bottom = 48;
  const double pw = w - left - right, ph = h - up - bottom;
  const std::size_t n = c.categories.size();
  auto y_of = [&](double v) { return up + ph - std::clamp(v / top, 0.0, 1.0) * ph; };
  std::string s = "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + fmt(w) +
                  "\" height=\"" + fmt(h) + "\" viewBox=\"0 0 " + fmt(w) + " " + fmt(h) +
                  "\" font-family=\"Noto Sans CJK SC, sans-serif\" font-size=\"11\">\n";
  // The y axis: gridlines and tick labels at each step, its title turned along it.
  for (int i = 0; i <= 5; ++i) {
    const double v = step * i, y = y_of(v);
    s += "<line x1=\"" + fmt(left) + "\" y1=\"" + fmt(y) + "\" x2=\"" + fmt(left + pw) + "\" y2=\"" + fmt(y) +
         "\" stroke=\"#ddd\"/><text class=\"ytick\" x=\"" + fmt(left - 6) + "\" y=\"" + fmt(y + 4) +
         "\" text-anchor=\"end\">" + html_escape(chart_value_text(c, v)) + "</text>\n";
  }
  s += "<text class=\"ytitle\" transform=\"translate(14 " + fmt(up + ph / 2) +
       ") rotate(-90)\" text-anchor=\"middle\">" + html_escape(chart_axis_title(c.y_label, c.y_unit)) +
       "</text>\n";
  // Bars with their value above, categories below.
  const double slot = n ? pw / static_cast<double>(n) : pw, bw = slot * 0.6;
  for (std::size_t i = 0; i < n; ++i) {
    const double v = i < c.values.size() ? c.values[i] : 0,
                 x = left + slot * static_cast<double>(i) + (slot - bw) / 2;
    const double y = y_of(v);
    s += "<rect class=\"bar\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" width=\"" + fmt(bw) + "\" height=\"" +
         fmt(up + ph - y) + "\" fill=\"#31a354\"><title>" + html_escape(c.categories[i]) + "：" +
         html_escape(chart_value_text(c, v)) + "</title></rect>\n";
    s += "<text class=\"value\" x=\"" + fmt(x + bw / 2) + "\" y=\"" + fmt(y - 3) +
         "\" text-anchor=\"middle\">" + html_escape(chart_value_text(c, v)) + "</text>\n";
    s += "<text class=\"xtick\" x=\"" + fmt(x + bw / 2) + "\" y=\"" + fmt(up + ph + 16) +
         "\" text-anchor=\"middle\">" + html_escape(c.categories[i]) + "</text>\n";
  }
  if (c.target >= 0)
    s += "<line class=\"target\" x1=\"" + fmt(left) + "\" y1=\"" + fmt(y_of(c.target)) + "\" x2=\"" +
         fmt(left + pw) + "\" y2=\"" + fmt(y_of(c.target)) +
         "\" stroke=\"#cf222e\" stroke-dasharray=\"5 3\"><title>目标 " +
         html_escape(chart_value_text(c, c.target)) + "</title></line>\n";
  s += "<line x1=\"" + fmt(left) + "\" y1=\"" + fmt(up) + "\" x2=\"" + fmt(left) + "\" y2=\"" + fmt(up + ph) +
       "\" stroke=\"#333\"/><line x1=\"" + fmt(left) + "\" y1=\"" + fmt(up + ph) + "\" x2=\"" +
       fmt(left + pw) + "\" y2=\"" + fmt(up + ph) + "\" stroke=\"#333\"/>\n";
  s += "<text class=\"xtitle\" x=\"" + fmt(left + pw / 2) + "\" y=\"" + fmt(h - 8) +
       "\" text-anchor=\"middle\">" + html_escape(chart_axis_title(c.x_label, c.x_unit)) + "</text>\n";
  return s + "</svg><figcaption>" + html_escape(b.text) + "</figcaption></figure>\n";
}

}  // namespace giatlas
