// Contour lines and other line overlays as the interactive map draws them: segments in map
// metres, index contours apart, label positions; and which contour interval suits a scale.
#pragma once
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "map/viewport.h"
#include "terrain/relief.h"

namespace giatlas {

// The contour interval (metres) for a view at scale 1:`scale_denominator`, or 0 when the
// scale is too small for contours to be readable.
// DEFAULT: up to 1:20,000 → 10 m; 1:50,000 → 20 m; 1:120,000 → 50 m; 1:250,000 → 100 m; beyond: 0.
double contour_interval_for_scale(double scale_denominator);

// DEFAULT: labels at scales up to 1:80,000 (larger scales); beyond, lines only.
inline constexpr double kContourLabelMaxScale = 80000.0;

struct ContourLabel {
  Point at;          // map metres: the middle of the line, by length
  std::string text;  // the level, "1200"
};

struct ContourMesh {
  double interval = 0;                // metres
  Box area;                           // lon/lat the lines were computed for
  std::vector<float> segments;        // ordinary lines: x0, y0, x1, y1 per segment, map metres
  std::vector<float> index_segments;  // every `index_every`-th level, drawn heavier
  std::vector<ContourLabel> labels;   // one per index line long enough to carry one
};

// REQUIRES: interval > 0, index_every >= 1. A label goes on an index line at least
// `min_label_length_m` long (DEFAULT 1500 m), in the middle of its length.
ContourMesh make_contour_mesh(const std::vector<ContourLine>& lines, const LocalProjection& proj,
                              double interval, const Box& area, int index_every = 5,
                              double min_label_length_m = 1500.0);

// The outline of `lonlat` (every ring) as segments in map metres.
std::vector<float> outline_segments(const MultiPolygon& lonlat, const LocalProjection& proj);

}  // namespace giatlas
