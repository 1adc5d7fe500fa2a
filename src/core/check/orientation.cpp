// Exact orientation: the expansion-arithmetic path behind the inline double filter.
#include "check/orientation.h"

#include <array>
#include <cmath>

namespace giatlas {

namespace {

// a + b = s + e exactly (Knuth's two-sum, no ordering needed).
inline void two_sum(double a, double b, double& s, double& e) {
  s = a + b;
  double bv = s - a;
  double av = s - bv;
  e = (a - av) + (b - bv);
}

// a * b = p + e exactly (fma gives the rounding error of the product).
inline void two_product(double a, double b, double& p, double& e) {
  p = a * b;
  e = std::fma(a, b, -p);
}

}  // namespace

int orientation_exact(const Point& a, const Point& b, const Point& c) {
  // det = (bx-ax)(cy-ay) - (by-ay)(cx-ax)
  //     = bx*cy - bx*ay - ax*cy - by*cx + by*ax + ay*cx   (the ax*ay terms cancel)
  const double f[6][2] = {{b.x, c.y}, {-b.x, a.y}, {-a.x, c.y}, {-b.y, c.x}, {b.y, a.x}, {a.y, c.x}};
  std::array<double, 12> terms{};
  for (int i = 0; i < 6; ++i) two_product(f[i][0], f[i][1], terms[2 * i], terms[2 * i + 1]);
  // Grow a non-overlapping expansion one term at a time; its components are ordered by
  // magnitude, so the sign of the sum is the sign of the largest non-zero component.
  std::array<double, 13> h{};
  int n = 0;
  for (double t : terms) {
    double q = t;
    int m = 0;
    for (int i = 0; i < n; ++i) {
      double s = 0, e = 0;
      two_sum(q, h[static_cast<std::size_t>(i)], s, e);
      q = s;
      if (e != 0) h[static_cast<std::size_t>(m++)] = e;
    }
    if (q != 0) h[static_cast<std::size_t>(m++)] = q;
    n = m;
  }
  if (n == 0) return 0;
  double top = h[static_cast<std::size_t>(n - 1)];
  return top > 0 ? 1 : (top < 0 ? -1 : 0);
}

}  // namespace giatlas
