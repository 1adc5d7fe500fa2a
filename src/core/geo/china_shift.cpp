// GCJ-02 / BD-09 transforms and the mainland-China outline that decides where they apply.
//
// GCJ-02 is the published "Mars coordinates" polynomial+sine offset on the Krasovsky ellipsoid;
// BD-09 is Baidu's polar perturbation on top of GCJ-02. Both forward formulas are public; the
// inverses here are fixed-point iterations on the forward formula (the closed-form
// "inverse" that circulates is only good to a few metres).
#include "geo/china_shift.h"

#include <cmath>
#include <numbers>

namespace giatlas {
namespace {

constexpr double kPi = std::numbers::pi;
// Krasovsky 1940 ellipsoid, as the GCJ-02 formula uses it.
constexpr double kA = 6378245.0;
constexpr double kEe = 0.00669342162296594323;
// Baidu's angular constant (pi * 3000 / 180).
constexpr double kXPi = kPi * 3000.0 / 180.0;

// A coarse mainland outline (lon, lat), about 10-30 km accurate. Drawn by hand, clockwise from
// the Argun/Amur confluence. The coast runs west of Kinmen and Matsu, around Hong Kong (north
// of the Shenzhen River and Deep Bay) and Macau (north of the Gongbei border), and keeps to the
// mainland side of the Taiwan Strait. Chongming, the Zhoushan islands and the Pearl River
// estuary's mainland shores are inside.
constexpr Point kMainland[] = {
    // Amur (Heilongjiang) and Ussuri, the Russian border
    {121.50, 53.33}, {122.40, 53.50}, {123.50, 53.56}, {124.80, 53.15}, {125.70, 52.90},
    {126.50, 52.20}, {127.00, 51.40}, {127.40, 50.60}, {127.55, 50.20}, {128.60, 49.60},
    {129.50, 49.40}, {130.60, 48.90}, {130.90, 48.20}, {131.60, 47.70}, {132.60, 47.75},
    {133.50, 48.15}, {134.75, 48.30}, {134.70, 47.70}, {134.20, 47.20}, {134.00, 46.40},
    {133.60, 45.70}, {133.10, 45.10}, {132.30, 45.30}, {131.90, 45.20}, {131.20, 44.90},
    {131.00, 44.50}, {131.30, 43.60}, {131.25, 43.00}, {130.70, 42.60}, {130.60, 42.42},
    // Tumen and Yalu, the Korean border
    {130.25, 42.70}, {129.90, 43.00}, {129.70, 42.45}, {129.20, 42.40}, {128.90, 42.05},
    {128.10, 41.95}, {128.20, 41.45}, {127.40, 41.45}, {126.90, 41.80}, {126.20, 41.10},
    {125.30, 40.60}, {124.40, 40.10}, {124.30, 39.85},
    // Bohai and Yellow Sea coast
    {123.30, 39.70}, {122.40, 39.20}, {121.60, 38.80}, {121.10, 38.70}, {121.30, 39.50},
    {121.90, 40.10}, {122.20, 40.60}, {121.50, 40.80}, {120.80, 40.45}, {119.90, 39.95},
    {119.20, 39.40}, {118.40, 39.00}, {117.80, 38.90}, {117.70, 38.40}, {118.50, 38.00},
    {119.20, 37.85}, {119.30, 37.20}, {119.90, 37.40}, {120.30, 37.75}, {121.10, 37.80},
    {122.00, 37.60}, {122.70, 37.40}, {122.50, 36.90}, {121.20, 36.60}, {120.70, 36.20},
    {120.20, 35.90}, {119.60, 35.30}, {119.40, 34.75}, {120.30, 34.20}, {120.90, 33.00},
    {121.00, 32.40}, {121.95, 31.85}, {122.05, 31.30}, {121.95, 30.85}, {121.30, 30.65},
    // East China Sea and Taiwan Strait coast (mainland side)
    {122.45, 30.20}, {122.20, 29.50}, {121.95, 29.00}, {121.70, 28.40}, {121.10, 27.80},
    {120.60, 27.10}, {120.10, 26.60}, {119.75, 26.35}, {119.80, 25.70}, {119.35, 25.20},
    {118.90, 24.85}, {118.60, 24.60}, {118.25, 24.58}, {118.20, 24.40}, {117.90, 24.15},
    {117.45, 23.60}, {116.80, 23.20}, {116.20, 22.90}, {115.40, 22.65}, {114.90, 22.50},
    // Hong Kong: around it, along the Shenzhen River and Deep Bay
    {114.55, 22.42}, {114.45, 22.58}, {114.22, 22.56}, {114.10, 22.535}, {114.05, 22.515},
    {113.98, 22.495}, {113.90, 22.46}, {113.75, 22.35},
    // Macau: around it, north of Gongbei, then Hengqin's west side
    {113.62, 22.24}, {113.555, 22.222}, {113.525, 22.19}, {113.52, 22.07},
    // South China coast to the Vietnamese border
    {113.20, 21.85}, {112.40, 21.60}, {111.60, 21.40}, {110.70, 21.10}, {110.45, 20.60},
    {110.55, 20.20}, {110.15, 20.20}, {109.90, 20.90}, {109.60, 21.45}, {108.90, 21.55},
    {108.30, 21.45}, {107.95, 21.50},
    // Vietnam, Laos and Myanmar borders
    {107.40, 21.65}, {106.70, 22.00}, {106.70, 22.80}, {105.80, 23.05}, {105.30, 23.35},
    {104.80, 23.10}, {104.00, 22.50}, {103.30, 22.75}, {102.50, 22.75}, {102.10, 22.40},
    {101.70, 22.20}, {101.70, 21.25}, {101.15, 21.15}, {100.60, 21.45}, {100.10, 21.70},
    {99.95, 22.10}, {99.20, 22.15}, {99.50, 22.90}, {98.85, 23.20}, {98.70, 24.10},
    {97.70, 23.90}, {97.55, 24.80}, {97.75, 25.30}, {98.65, 25.90}, {98.70, 27.40},
    {98.30, 27.90}, {97.40, 28.25},
    // Himalaya: India (line of actual control), Bhutan, Nepal
    {96.10, 29.40}, {95.00, 29.10}, {93.60, 28.70}, {92.00, 27.90}, {91.60, 27.90},
    {90.00, 28.30}, {89.00, 27.30}, {88.80, 28.10}, {88.10, 27.90}, {86.90, 27.95},
};

// The western and northern land borders, continued from kMainland (kept as a second table so
// each stays readable); the outline is kMainland followed by kMainlandWest.
constexpr Point kMainlandWest[] = {
    {85.00, 28.40}, {83.50, 29.20}, {82.00, 30.10}, {81.00, 30.25}, {79.50, 30.90},
    {78.70, 31.60}, {78.40, 32.50}, {79.40, 32.80}, {78.80, 34.00}, {78.00, 35.40},
    {76.50, 35.90}, {75.40, 36.90}, {74.90, 37.25}, {74.80, 38.50}, {73.50, 39.40},
    {73.80, 39.80}, {75.60, 40.60}, {76.80, 41.00}, {78.20, 41.50}, {80.20, 42.20},
    {80.30, 42.90}, {80.40, 44.20}, {80.80, 45.00}, {82.60, 45.20}, {82.40, 45.70},
    {83.00, 47.20}, {85.50, 47.10}, {85.70, 48.40}, {86.80, 49.10}, {87.80, 49.20},
    // Mongolia
    {89.50, 48.00}, {90.90, 46.50}, {90.80, 45.30}, {92.50, 45.00}, {95.50, 44.30},
    {96.40, 42.70}, {100.00, 42.65}, {101.80, 42.50},
};

constexpr Point kMainlandNorth[] = {
    {105.00, 41.60}, {107.00, 42.30}, {110.00, 42.65}, {112.00, 43.80}, {114.00, 44.90},
    {116.60, 46.30}, {119.70, 46.60}, {119.70, 47.20}, {118.50, 47.95}, {117.30, 47.65},
    {116.00, 47.80}, {116.70, 49.85}, {117.80, 49.55}, {119.20, 50.30}, {120.00, 51.50},
    {120.80, 52.50}, {121.50, 53.33},
};

// Hainan island.
constexpr Point kHainan[] = {
    {110.10, 20.20}, {110.70, 20.20}, {111.10, 19.65}, {110.70, 19.10}, {110.50, 18.70},
    {109.70, 18.10}, {109.00, 18.30}, {108.55, 18.60}, {108.60, 19.20}, {109.10, 19.85},
    {109.60, 20.10}, {110.10, 20.20},
};

// Crossing-number test of `p` against the closed path made of the given pieces in order.
template <typename... Pieces>
bool inside_path(const Point& p, const Pieces&... pieces) {
  bool inside = false;
  const Point* prev = nullptr;
  const Point* first = nullptr;
  auto edge = [&](const Point& a, const Point& b) {
    if ((a.y > p.y) != (b.y > p.y)) {
      const double xc = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
      if (p.x < xc) inside = !inside;
    }
  };
  auto walk = [&](const auto& piece) {
    for (const Point& v : piece) {
      if (!first) first = &v;
      if (prev) edge(*prev, v);
      prev = &v;
    }
  };
  (walk(pieces), ...);
  if (prev && first) edge(*prev, *first);
  return inside;
}

double shift_lat(double x, double y) {
  double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::fabs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
  r += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
  return r;
}

double shift_lon(double x, double y) {
  double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::fabs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
  r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
  return r;
}

// The GCJ-02 forward formula without the mainland test (the iteration needs it everywhere).
Point gcj_raw(const Point& w) {
  const double dlat0 = shift_lat(w.x - 105.0, w.y - 35.0);
  const double dlon0 = shift_lon(w.x - 105.0, w.y - 35.0);
  const double rad = w.y / 180.0 * kPi;
  const double s = std::sin(rad);
  const double magic = 1.0 - kEe * s * s;
  const double sq = std::sqrt(magic);
  const double dlat = (dlat0 * 180.0) / ((kA * (1.0 - kEe)) / (magic * sq) * kPi);
  const double dlon = (dlon0 * 180.0) / (kA / sq * std::cos(rad) * kPi);
  return {w.x + dlon, w.y + dlat};
}

Point bd_raw(const Point& g) {
  const double z = std::sqrt(g.x * g.x + g.y * g.y) + 0.00002 * std::sin(g.y * kXPi);
  const double t = std::atan2(g.y, g.x) + 0.000003 * std::cos(g.x * kXPi);
  return {z * std::cos(t) + 0.0065, z * std::sin(t) + 0.006};
}

// Solves forward(x) == target for x by fixed-point iteration x += target - forward(x). Both
// shifts are smooth and nearly constant over a few hundred metres, so this contracts fast;
// 1e-10 degrees is about 0.01 mm.
template <typename Forward>
Point invert(const Point& target, const Point& start, Forward forward) {
  Point x = start;
  for (int i = 0; i < 50; ++i) {
    const Point f = forward(x);
    const double dx = target.x - f.x;
    const double dy = target.y - f.y;
    x.x += dx;
    x.y += dy;
    if (std::fabs(dx) < 1e-10 && std::fabs(dy) < 1e-10) break;
  }
  return x;
}

}  // namespace

bool in_mainland_china(const Point& p) {
  if (!std::isfinite(p.x) || !std::isfinite(p.y)) return false;
  if (p.x < 73.0 || p.x > 135.5 || p.y < 17.5 || p.y > 54.0) return false;
  return inside_path(p, kMainland, kMainlandWest, kMainlandNorth) || inside_path(p, kHainan);
}

Point wgs84_to_gcj02(const Point& p) {
  if (!in_mainland_china(p)) return p;
  return gcj_raw(p);
}

Point gcj02_to_wgs84(const Point& p) {
  if (!in_mainland_china(p)) return p;
  return invert(p, p, gcj_raw);
}

Point gcj02_to_bd09(const Point& p) { return bd_raw(p); }

Point bd09_to_gcj02(const Point& p) {
  // The circulating closed form, used as the starting guess.
  const double x = p.x - 0.0065;
  const double y = p.y - 0.006;
  const double z = std::sqrt(x * x + y * y) - 0.00002 * std::sin(y * kXPi);
  const double t = std::atan2(y, x) - 0.000003 * std::cos(x * kXPi);
  return invert(p, Point{z * std::cos(t), z * std::sin(t)}, bd_raw);
}

Point wgs84_to_bd09(const Point& p) { return gcj02_to_bd09(wgs84_to_gcj02(p)); }
Point bd09_to_wgs84(const Point& p) { return gcj02_to_wgs84(bd09_to_gcj02(p)); }

}  // namespace giatlas
