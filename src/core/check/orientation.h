// The exact orientation predicate the point index is built on: the sign of the turn a -> b -> c,
// computed in double with a forward error bound and redone in exact arithmetic when in doubt.
#pragma once
#include <cmath>

#include "geo/geometry.h"

namespace giatlas {

// +1 when c lies to the left of the directed line a -> b (counter-clockwise turn), -1 to the
// right, 0 when the three points are exactly collinear. Exact for every finite double input
// whose products do not overflow or underflow (any lon/lat or projected-metre coordinates):
// the fast path is trusted only when its magnitude exceeds a proven error bound; otherwise
// the determinant is expanded into products of the input doubles, each split exactly with
// fma, and summed as a non-overlapping floating-point expansion.
// Inline because the point index calls it in its innermost loop; the exact path is rare.
int orientation(const Point& a, const Point& b, const Point& c);

// The same sign, always through the exact path (used by tests to check the filter).
int orientation_exact(const Point& a, const Point& b, const Point& c);

inline int orientation(const Point& a, const Point& b, const Point& c) {
  // Error bound of the filtered determinant (3 + 16 eps) * eps, after Shewchuk's analysis of
  // the two-product-difference formula (eps = 2^-53).
  constexpr double kEps = 1.1102230246251565e-16;
  constexpr double kOrientBound = (3.0 + 16.0 * kEps) * kEps;
  const double left = (b.x - a.x) * (c.y - a.y);
  const double right = (b.y - a.y) * (c.x - a.x);
  const double det = left - right;
  const double bound = kOrientBound * (std::fabs(left) + std::fabs(right));
  if (det > bound) return 1;
  if (-det > bound) return -1;
  // Both products exactly zero (c on a vertex, or an axis-parallel edge through c): the
  // determinant is exactly zero. The common degenerate case, so it skips the expansion.
  if ((b.x == a.x || c.y == a.y) && (b.y == a.y || c.x == a.x)) return 0;
  return orientation_exact(a, b, c);
}

}  // namespace giatlas
