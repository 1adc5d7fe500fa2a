// Page layout and nice numbers for the printed map.
#include "map/print_layout.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "error.h"

namespace giatlas {

namespace {

constexpr double kMm = 72.0 / 25.4;

}  // namespace

PageRect paper_points(const std::string& paper, bool landscape) {
  std::string p = paper;
  for (auto& ch : p) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  double w = 0, h = 0;
  if (p == "A4") {
    w = 210 * kMm;
    h = 297 * kMm;
  } else if (p == "A3") {
    w = 297 * kMm;
    h = 420 * kMm;
  } else {
    throw Error("render: unknown paper '" + paper + "' (use A4 or A3)");
  }
  if (landscape) std::swap(w, h);
  return {0, 0, w, h};
}

PageLayout page_layout(const PageRect& page) {
  const double margin = 14 * kMm;
  const double label_room = 16;  // graticule labels outside the frame
  PageLayout l;
  l.page = page;
  l.title = {margin, margin, page.w - 2 * margin, 42};
  l.notes = {margin, page.h - margin - 34, page.w - 2 * margin, 34};
  l.frame = {margin + label_room, l.title.bottom() + label_room, page.w - 2 * (margin + label_room),
             l.notes.y - label_room - (l.title.bottom() + label_room)};
  return l;
}

PageTransform fit_nice_scale(const Box& extent, const PageRect& frame) {
  if (!extent.valid() || extent.width() <= 0 || extent.height() <= 0)
    throw Error("render: the map extent is empty");
  const double k_fit = std::min(frame.w / extent.width(), frame.h / extent.height());
  const double denom_fit = 72.0 / 0.0254 / k_fit;
  static const double kNice[] = {1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 10};
  const double decade = std::pow(10.0, std::floor(std::log10(denom_fit)));
  double denom = 10 * decade;
  for (double n : kNice)
    if (n * decade >= denom_fit * (1 - 1e-9)) {
      denom = n * decade;
      break;
    }
  PageTransform t;
  t.k = 72.0 / 0.0254 / denom;
  t.x0 = extent.center().x;
  t.y0 = extent.center().y;
  t.px = frame.x + frame.w / 2;
  t.py = frame.y + frame.h / 2;
  return t;
}

double nice_step_below(double limit) {
  if (!(limit > 0)) return 0;
  const double decade = std::pow(10.0, std::floor(std::log10(limit)));
  for (double n : {5.0, 2.0, 1.0})
    if (n * decade <= limit * (1 + 1e-12)) return n * decade;
  return decade;
}

double graticule_step_deg(double span_deg, int lines) {
  static const double kSteps[] = {1.0 / 60,  2.0 / 60,  5.0 / 60, 10.0 / 60, 15.0 / 60,
                                  20.0 / 60, 30.0 / 60, 1.0,      2.0,       5.0};
  const double want = span_deg / std::max(1, lines);
  for (double s : kSteps)
    if (s >= want) return s;
  return 5.0;
}

std::string scale_text(double denominator) {
  std::string digits = std::to_string(static_cast<long long>(std::llround(denominator)));
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i && (n - i) % 3 == 0) out += " ";
    out += digits[i];
  }
  return "1:" + out;
}

}  // namespace giatlas
