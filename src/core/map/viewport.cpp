// World ↔ screen maths of the map view (see viewport.h).
#include "map/viewport.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace giatlas {
namespace {
constexpr double kDeg = std::numbers::pi / 180.0;
constexpr double kMetresPerInch = 0.0254;

double clamp_m_per_px(double m_per_px, double dpi) {
  const double px_per_m = dpi / kMetresPerInch;
  return std::clamp(m_per_px, kMinScaleDenominator / px_per_m, kMaxScaleDenominator / px_per_m);
}
}  // namespace

Point LocalProjection::to_map(const Point& p) const {
  return {kEarthRadiusM * std::cos(lat0 * kDeg) * (p.x - lon0) * kDeg, kEarthRadiusM * (p.y - lat0) * kDeg};
}

Point LocalProjection::to_lonlat(const Point& m) const {
  return {lon0 + m.x / (kEarthRadiusM * std::cos(lat0 * kDeg) * kDeg), lat0 + m.y / (kEarthRadiusM * kDeg)};
}

Box LocalProjection::to_map_box(const Box& b) const {
  Box out;
  if (!b.valid()) return out;
  out.expand(to_map(Point{b.minx, b.miny}));
  out.expand(to_map(Point{b.maxx, b.maxy}));
  return out;
}

Point Viewport::to_screen(const Point& m) const {
  return {(m.x - center.x) / m_per_px + width / 2.0, height / 2.0 - (m.y - center.y) / m_per_px};
}

Point Viewport::to_map(const Point& s) const {
  return {center.x + (s.x - width / 2.0) * m_per_px, center.y - (s.y - height / 2.0) * m_per_px};
}

Box Viewport::visible() const {
  Box b;
  b.expand(to_map(Point{0, 0}));
  b.expand(to_map(Point{static_cast<double>(width), static_cast<double>(height)}));
  return b;
}

double Viewport::scale_denominator() const { return m_per_px * dpi / kMetresPerInch; }

void Viewport::set_scale_denominator(double n) { m_per_px = clamp_m_per_px(n * kMetresPerInch / dpi, dpi); }

void Viewport::zoom_about(const Point& screen, double factor) {
  if (!(factor > 0)) return;
  const Point anchor = to_map(screen);
  m_per_px = clamp_m_per_px(m_per_px / factor, dpi);
  // Put the anchor back under the same pixel.
  const Point moved = to_map(screen);
  center.x += anchor.x - moved.x;
  center.y += anchor.y - moved.y;
}

void Viewport::pan_pixels(double dx, double dy) {
  center.x -= dx * m_per_px;
  center.y += dy * m_per_px;
}

void Viewport::fit(const Box& b, double margin_px) {
  if (!b.valid()) return;
  center = b.center();
  const double w = std::max(1.0, width - 2 * margin_px);
  const double h = std::max(1.0, height - 2 * margin_px);
  double m = std::max(b.width() / w, b.height() / h);
  if (!(m > 0)) m = 2.0;  // a single point: about 1:7,500 at 96 DPI
  m_per_px = clamp_m_per_px(m, dpi);
}

void Viewport::zoom_to_screen_rect(const Point& a, const Point& c) {
  Box b;
  b.expand(to_map(a));
  b.expand(to_map(c));
  fit(b, 0.0);
}

}  // namespace giatlas
