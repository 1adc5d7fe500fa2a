// Geometry operations behind the zone editor, as plain functions on lon/lat MultiPolygons:
// add, subtract, clip, split by a line, buffer by metres. Results may be invalid; the editor
// decides whether to refuse or repair them.
#pragma once
#include <vector>

#include "geo/geometry.h"
#include "workspace/model.h"

namespace giatlas {

// a ∪ b, a − b, a ∩ b (GEOS overlay). Empty inputs are allowed.
MultiPolygon zone_union(const MultiPolygon& a, const MultiPolygon& b);
MultiPolygon zone_difference(const MultiPolygon& a, const MultiPolygon& b);
MultiPolygon zone_intersection(const MultiPolygon& a, const MultiPolygon& b);

// The pieces of `m` cut by a polyline: the union of m's boundary and the line is noded and
// polygonized, and the faces inside m are kept (holes stay holes). A line that does not cross
// m from outside to outside (or across a hole) leaves one piece. Each piece is its own
// MultiPolygon of one polygon, ordered by descending area.
// REQUIRES: line.size() >= 2.
std::vector<MultiPolygon> split_by_line(const MultiPolygon& m, const std::vector<Point>& line);

// Grows (metres > 0) or shrinks (metres < 0) the zone by a distance in metres, measured in
// the local Gauss–Krüger zone (scope/local_metric.h). DEFAULT: round joins, 8 segments per
// quarter circle. Shrinking a zone away entirely gives an empty result.
MultiPolygon buffer_metres(const MultiPolygon& m, double metres, int quadrant_segments = 8);

// The district: the union of all townships (what "clip to the district" clips to).
MultiPolygon district_area(const std::vector<Township>& townships);

// Planar area-weighted centroid computed in the local Gauss–Krüger zone, returned as lon/lat.
// REQUIRES: !m.empty().
Point zone_centroid(const MultiPolygon& m);

}  // namespace giatlas
