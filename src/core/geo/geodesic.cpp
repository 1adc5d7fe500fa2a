// Geodesic area, perimeter and distance through PROJ's geodesic C API.
#include "geo/geodesic.h"

#include <geodesic.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "error.h"

namespace giatlas {

namespace {

// The ellipsoid is a constant value; each call builds its own small struct (no shared state).
geod_geodesic cgcs2000() {
  geod_geodesic g{};
  geod_init(&g, kCgcs2000A, kCgcs2000F);
  return g;
}

// Area (signed) and perimeter of one ring; skips the closing duplicate.
void ring_measure(const Ring& ring, double& area, double& perimeter) {
  area = 0;
  perimeter = 0;
  std::size_t n = ring.size();
  if (n > 1 && ring.front() == ring.back()) --n;
  if (n < 3) {
    if (n == 2) perimeter = 2 * geodesic_distance(ring[0], ring[1]);
    return;
  }
  std::vector<double> lats(n), lons(n);
  for (std::size_t i = 0; i < n; ++i) {
    lons[i] = ring[i].x;
    lats[i] = ring[i].y;
  }
  const geod_geodesic g = cgcs2000();
  geod_polygonarea(&g, lats.data(), lons.data(), static_cast<int>(n), &area, &perimeter);
}

}  // namespace

double geodesic_area(const Ring& ring) {
  double a = 0, p = 0;
  ring_measure(ring, a, p);
  return std::fabs(a);
}

double geodesic_area(const Polygon& polygon) {
  if (polygon.rings.empty()) return 0;
  double a = geodesic_area(polygon.rings[0]);
  for (std::size_t i = 1; i < polygon.rings.size(); ++i) a -= geodesic_area(polygon.rings[i]);
  return std::max(0.0, a);
}

double geodesic_area(const MultiPolygon& m) {
  double a = 0;
  for (const auto& p : m.polygons) a += geodesic_area(p);
  return a;
}

double geodesic_perimeter(const Ring& ring) {
  double a = 0, p = 0;
  ring_measure(ring, a, p);
  return p;
}

double geodesic_perimeter(const Polygon& polygon) {
  double p = 0;
  for (const auto& r : polygon.rings) p += geodesic_perimeter(r);
  return p;
}

double geodesic_perimeter(const MultiPolygon& m) {
  double p = 0;
  for (const auto& poly : m.polygons) p += geodesic_perimeter(poly);
  return p;
}

double geodesic_distance(const Point& a, const Point& b) {
  const geod_geodesic g = cgcs2000();
  double s12 = 0;
  geod_inverse(&g, a.y, a.x, b.y, b.x, &s12, nullptr, nullptr);
  return s12;
}

Ring densify_lonlat(const Ring& ring, double max_step_deg) {
  if (!(max_step_deg > 0)) throw Error("densify_lonlat: the step must be positive");
  Ring out;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    const Point a = ring[i], b = ring[i + 1];
    const double span = std::max(std::fabs(b.x - a.x), std::fabs(b.y - a.y));
    const int steps = std::max(1, static_cast<int>(std::ceil(span / max_step_deg)));
    for (int k = 0; k < steps; ++k) {
      const double t = static_cast<double>(k) / steps;
      out.push_back({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
    }
  }
  if (!ring.empty()) out.push_back(ring.back());
  return out;
}

}  // namespace giatlas
