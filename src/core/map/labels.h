// Label placement for polygon names: an anchor inside each polygon (its pole of
// inaccessibility, computed once), then per view a greedy placement that never overlaps and
// hides labels that do not fit inside their polygon at the current scale.
#pragma once
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "geo/geos.h"
#include "map/viewport.h"

namespace giatlas {

// Where a polygon's label goes: the centre of its largest inscribed circle (in the polygon's
// largest part), that circle's radius, and the part's extent; all in the input's units.
struct LabelAnchor {
  Point at;
  double radius = 0;
  Box extent;
  bool valid() const { return radius > 0; }
};

// REQUIRES: `m` in a metric (or at least isotropic) unit such as map metres.
// An empty geometry gives an invalid anchor (radius 0).
LabelAnchor label_anchor(const GeosContext& ctx, const MultiPolygon& m);

struct LabelCandidate {
  LabelAnchor anchor;  // in map metres
  float width_px = 0;  // measured text size
  float height_px = 0;
  double priority = 0;  // higher is placed first (e.g. polygon area)
};

// DEFAULT: a label may be at most `width_ratio` times as wide as its inscribed circle and no
// taller than it (so a long name still shows in an elongated township), must stay inside the
// polygon's screen extent, and keeps `padding_px` from every other label.
struct LabelOptions {
  double width_ratio = 2.0;
  double padding_px = 3.0;
};

struct PlacedLabel {
  std::size_t candidate = 0;  // index into the candidates
  Box screen;                 // the text box in window pixels
};

// Places as many labels as fit, highest priority first. Labels outside the window are skipped.
std::vector<PlacedLabel> place_labels(const std::vector<LabelCandidate>& candidates, const Viewport& view,
                                      const LabelOptions& options = LabelOptions());

}  // namespace giatlas
