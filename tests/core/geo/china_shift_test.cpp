// Tests of the GCJ-02 / BD-09 transforms and the mainland outline.
#include <catch2/catch.hpp>

#include <cmath>

#include "geo/china_shift.h"

using giatlas::Point;

namespace {

// Metres between two nearby lon/lat points (equirectangular; fine at these distances).
double metres(const Point& a, const Point& b) {
  const double k = 6371008.8 * M_PI / 180.0;
  const double dx = (a.x - b.x) * k * std::cos((a.y + b.y) / 2 * M_PI / 180.0);
  const double dy = (a.y - b.y) * k;
  return std::hypot(dx, dy);
}

}  // namespace

TEST_CASE("the mainland outline keeps Hong Kong, Macau and Taiwan out and the mainland in") {
  struct Place {
    const char* name;
    Point p;
    bool inside;
  };
  const Place places[] = {
      {"Wulong", {107.76, 29.32}, true},      {"Beijing", {116.40, 39.90}, true},
      {"Shanghai", {121.47, 31.23}, true},    {"Chongming", {121.50, 31.60}, true},
      {"Guangzhou", {113.26, 23.13}, true},   {"Shenzhen Futian", {114.06, 22.54}, true},
      {"Zhuhai", {113.58, 22.27}, true},      {"Xiamen", {118.09, 24.48}, true},
      {"Fuzhou", {119.30, 26.08}, true},      {"Haikou", {110.33, 20.03}, true},
      {"Sanya", {109.51, 18.25}, true},       {"Urumqi", {87.62, 43.83}, true},
      {"Kashgar", {75.99, 39.47}, true},      {"Lhasa", {91.11, 29.65}, true},
      {"Harbin", {126.63, 45.75}, true},      {"Mohe", {122.54, 52.97}, true},
      {"Kunming", {102.83, 24.88}, true},     {"Hohhot", {111.75, 40.84}, true},
      {"Hong Kong Central", {114.16, 22.28}, false},
      {"Kowloon", {114.17, 22.32}, false},    {"Lantau", {113.94, 22.26}, false},
      {"Macau", {113.54, 22.19}, false},      {"Taipa", {113.56, 22.155}, false},
      {"Taipei", {121.56, 25.04}, false},     {"Kaohsiung", {120.30, 22.62}, false},
      {"Kinmen", {118.35, 24.44}, false},     {"Penghu", {119.57, 23.57}, false},
      {"Hanoi", {105.85, 21.03}, false},      {"Pyongyang", {125.75, 39.03}, false},
      {"Seoul", {126.98, 37.57}, false},      {"Ulaanbaatar", {106.91, 47.92}, false},
      {"Vladivostok", {131.89, 43.12}, false}, {"Kathmandu", {85.32, 27.72}, false},
      {"Tokyo", {139.69, 35.69}, false},      {"Singapore", {103.82, 1.35}, false},
  };
  for (const Place& pl : places) {
    INFO(pl.name);
    CHECK(giatlas::in_mainland_china(pl.p) == pl.inside);
  }
  CHECK_FALSE(giatlas::in_mainland_china({NAN, 30.0}));
}

TEST_CASE("points outside the mainland are not shifted") {
  const Point hk{114.16, 22.28};
  CHECK(giatlas::wgs84_to_gcj02(hk) == hk);
  CHECK(giatlas::gcj02_to_wgs84(hk) == hk);
  const Point taipei{121.56, 25.04};
  CHECK(giatlas::wgs84_to_gcj02(taipei) == taipei);
}

// Reference points: the fixture table published with the "eviltransform" library (Go, Ruby,
// Haskell, Rust ports carry the same three rows: Shanghai, Shenzhen, Beijing; WGS84 -> GCJ-02
// to 1e-6 degrees), computed there with the same public formula from an independent code base.
TEST_CASE("WGS84 to GCJ-02 matches the published reference points") {
  struct Ref {
    Point wgs;
    Point gcj;
  };
  const Ref refs[] = {
      {{121.5272106, 31.1774276}, {121.531541859215, 31.17530398364597}},
      {{113.912316, 22.543847}, {113.9171764808363, 22.540796131694766}},
      {{116.377817, 39.911954}, {116.38404722455657, 39.91334545536069}},
  };
  for (const Ref& r : refs) {
    const Point g = giatlas::wgs84_to_gcj02(r.wgs);
    CHECK(g.x == Approx(r.gcj.x).margin(1e-9));
    CHECK(g.y == Approx(r.gcj.y).margin(1e-9));
    // The inverse lands back on the WGS84 reference, far better than the 0.5 m the reference
    // library promises for its own iterative inverse.
    CHECK(metres(giatlas::gcj02_to_wgs84(r.gcj), r.wgs) < 0.01);
  }
}

// Reference points for the BD-09 leg, forward direction (exact formulas, so 1e-9 degrees):
// - the coordtransform library's README/test example at (116.404, 39.915): GCJ-02 -> BD-09 and
//   WGS84 -> BD-09 (the same rows are repeated in hutool's CoordinateUtilTest);
// - a WGS84/GCJ-02/BD-09 triple near Shanghai from the pyxis/geotool command-line tests;
// - the tool.lu online converter's value at (122.99395597, 44.99804071), quoted in hutool's tests.
TEST_CASE("GCJ-02 and BD-09 match the published reference points") {
  const Point g1 = giatlas::gcj02_to_bd09({116.404, 39.915});
  CHECK(g1.x == Approx(116.41036949371029).margin(1e-9));
  CHECK(g1.y == Approx(39.92133699351021).margin(1e-9));
  const Point w1 = giatlas::wgs84_to_gcj02({116.404, 39.915});
  CHECK(w1.x == Approx(116.41024449916938).margin(1e-9));
  CHECK(w1.y == Approx(39.91640428150164).margin(1e-9));
  const Point b1 = giatlas::wgs84_to_bd09({116.404, 39.915});
  CHECK(b1.x == Approx(116.41662724378733).margin(1e-9));
  CHECK(b1.y == Approx(39.922699552216216).margin(1e-9));

  const Point wgs{121.0917077, 30.6107779};
  const Point gcj{121.09626935575027, 30.608604331756705};
  const Point bd{121.10271732371203, 30.61484572185035};
  const Point g2 = giatlas::wgs84_to_gcj02(wgs);
  CHECK(g2.x == Approx(gcj.x).margin(1e-9));
  CHECK(g2.y == Approx(gcj.y).margin(1e-9));
  const Point b2 = giatlas::gcj02_to_bd09(gcj);
  CHECK(b2.x == Approx(bd.x).margin(1e-9));
  CHECK(b2.y == Approx(bd.y).margin(1e-9));
  // And back, exactly: our inverses are iterative, not the one-step approximations.
  CHECK(metres(giatlas::bd09_to_wgs84(bd), wgs) < 0.01);

  const Point b3 = giatlas::wgs84_to_bd09({122.99395597, 44.99804071});
  CHECK(b3.x == Approx(123.00636516028885).margin(1e-9));
  CHECK(b3.y == Approx(45.0063690918959).margin(1e-9));
}

// Baidu's own documented offset between GCJ-02 and BD-09 is about 0.0065 degrees east and
// 0.006 north plus a small polar term; Tiananmen must move by roughly that much.
TEST_CASE("GCJ-02 to BD-09 shifts Beijing by Baidu's documented constant offset") {
  const Point gcj{116.391, 39.907};
  const Point bd = giatlas::gcj02_to_bd09(gcj);
  CHECK(bd.x - gcj.x == Approx(0.0065).margin(0.0015));
  CHECK(bd.y - gcj.y == Approx(0.0060).margin(0.0015));
}

TEST_CASE("GCJ-02 and BD-09 round trips stay under a centimetre on a grid over China") {
  double worst_gcj = 0;
  double worst_bd = 0;
  int tested = 0;
  for (double lon = 74.0; lon <= 134.0; lon += 0.5) {
    for (double lat = 18.5; lat <= 53.0; lat += 0.5) {
      const Point w{lon, lat};
      if (!giatlas::in_mainland_china(w)) continue;
      const Point g = giatlas::wgs84_to_gcj02(w);
      if (!giatlas::in_mainland_china(g)) continue;  // shifted across the border: not invertible
      ++tested;
      // The shift itself is hundreds of metres, never zero, never kilometres.
      const double shift = metres(g, w);
      CHECK(shift > 1.0);
      CHECK(shift < 1500.0);
      worst_gcj = std::max(worst_gcj, metres(giatlas::gcj02_to_wgs84(g), w));
      worst_bd = std::max(worst_bd, metres(giatlas::bd09_to_wgs84(giatlas::wgs84_to_bd09(w)), w));
    }
  }
  CHECK(tested > 1500);
  CHECK(worst_gcj < 0.01);
  CHECK(worst_bd < 0.01);
}
