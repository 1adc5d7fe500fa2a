// Polygon triangulation for the map's fills: computed once per geometry (never per frame) and
// uploaded to the GPU as plain triangles.
#pragma once
#include <vector>

#include "geo/geometry.h"
#include "geo/geos.h"

namespace giatlas {

// Triangles covering `m` exactly (holes left open), three vertices per triangle, in the units
// of the input. Uses GEOS's constrained Delaunay triangulation, which honours every ring edge.
// An invalid polygon is repaired with make_valid first; a polygon that still cannot be
// triangulated yields no triangles (it is still outlined) rather than an error, so one bad
// feature never blanks the whole map.
std::vector<Point> triangulate(const GeosContext& ctx, const MultiPolygon& m);

// Sum of the absolute areas of a triangle list (three vertices each).
double triangles_area(const std::vector<Point>& tris);

}  // namespace giatlas
