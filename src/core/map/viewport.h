// The map view's geometry: a local projection from lon/lat to metres, and the transform between
// those map metres and window pixels (pan, zoom about a point, box zoom, scale 1:N at a DPI).
#pragma once
#include "geo/geometry.h"

namespace giatlas {

// Equirectangular projection about an origin, in metres: x = R·cos(lat0)·(lon − lon0),
// y = R·(lat − lat0). Over a district (< 150 km) its scale error is under 0.5 %, and keeping
// coordinates small lets the GPU work in 32-bit floats without jitter.
struct LocalProjection {
  double lon0 = 0;
  double lat0 = 0;
  static constexpr double kEarthRadiusM = 6371008.8;

  Point to_map(const Point& lonlat) const;
  Point to_lonlat(const Point& map) const;
  Box to_map_box(const Box& lonlat) const;
};

// What the window shows. Screen pixels have the origin at the top-left, y down.
// DEFAULT: 96 DPI (the scale shown as 1:N assumes the screen's physical DPI is this).
struct Viewport {
  Point center;             // map metres at the window centre
  double m_per_px = 100.0;  // ground metres per (physical) pixel; REQUIRES > 0
  int width = 1024;         // pixels
  int height = 768;
  double dpi = 96.0;

  Point to_screen(const Point& map) const;
  Point to_map(const Point& screen) const;
  // The visible rectangle in map metres.
  Box visible() const;

  // The N of "1:N": ground metres per metre on screen.
  double scale_denominator() const;
  void set_scale_denominator(double n);

  // Zooms by `factor` (> 1 zooms in) keeping the map point under `screen` fixed.
  void zoom_about(const Point& screen, double factor);
  // Moves the map with the mouse: a drag of (dx, dy) pixels.
  void pan_pixels(double dx, double dy);
  // Shows all of `map_box` with `margin_px` of space on every side. An empty or degenerate box
  // centres on it and keeps a sensible scale (REQUIRES: map_box.valid()).
  void fit(const Box& map_box, double margin_px = 20.0);
  // Box zoom: shows the screen rectangle between two corners (any order).
  void zoom_to_screen_rect(const Point& a, const Point& b);
};

// Scale limits of the interactive view (1:500 … 1:20,000,000); zooms are clamped to these.
inline constexpr double kMinScaleDenominator = 500.0;
inline constexpr double kMaxScaleDenominator = 20'000'000.0;

}  // namespace giatlas
