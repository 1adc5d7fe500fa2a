// Geodesic measures on the CGCS2000 ellipsoid (PROJ's geodesic routines): polygon area and
// perimeter, and the distance between two positions. Input is lon/lat in degrees (EPSG:4490).
#pragma once
#include "geo/geometry.h"

namespace giatlas {

// CGCS2000 ellipsoid (GB/T 18522-2008): a = 6378137 m, f = 1/298.257222101.
inline constexpr double kCgcs2000A = 6378137.0;
inline constexpr double kCgcs2000F = 1.0 / 298.257222101;

// Area in m² enclosed by a closed ring whose edges are geodesics between consecutive vertices.
// Orientation does not matter (the absolute value is returned). A closing duplicate vertex is
// allowed. REQUIRES: vertices in lon/lat degrees; rings under half the ellipsoid.
double geodesic_area(const Ring& ring);
// Shell area minus hole areas, in m².
double geodesic_area(const Polygon& polygon);
// Sum of the polygons' areas, in m². DEFAULT: parts are assumed not to overlap (valid input).
double geodesic_area(const MultiPolygon& m);

// Length of the ring's edges in m (every ring of a polygon, holes included).
double geodesic_perimeter(const Ring& ring);
double geodesic_perimeter(const Polygon& polygon);
double geodesic_perimeter(const MultiPolygon& m);

// Shortest distance along the ellipsoid between two lon/lat positions, in m.
double geodesic_distance(const Point& a, const Point& b);

// The ring with extra vertices so no edge spans more than `max_step_deg` in lon or lat.
// Used where an edge means "along the parallel / meridian" (graticule cells, extent boxes)
// rather than a geodesic. REQUIRES: max_step_deg > 0.
Ring densify_lonlat(const Ring& ring, double max_step_deg);

}  // namespace giatlas
