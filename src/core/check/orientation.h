// The exact orientation predicate the point index is built on: the sign of the turn a -> b -> c,
// computed in double with a forward error bound and redone in exact arithmetic when in doubt.
#pragma once
#include "geo/geometry.h"

namespace giatlas {

// +1 when c lies to the left of the directed line a -> b (counter-clockwise turn), -1 to the
// right, 0 when the three points are exactly collinear. Exact for every finite double input
// whose products do not overflow or underflow (any lon/lat or projected-metre coordinates):
// the fast path is trusted only when its magnitude exceeds a proven error bound; otherwise
// the determinant is expanded into products of the input doubles, each split exactly with
// fma, and summed as a non-overlapping floating-point expansion.
int orientation(const Point& a, const Point& b, const Point& c);

// The same sign, always through the exact path (used by tests to check the filter).
int orientation_exact(const Point& a, const Point& b, const Point& c);

}  // namespace giatlas
