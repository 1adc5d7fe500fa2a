// Relief on the printed map: the DEM's hillshade resampled into the page's Gauss–Krüger frame
// (shadows and highlights over whatever ground lies below, or a hypsometric tint), and contour
// lines with thicker, labelled index contours. Everything is clipped to the map frame.
#pragma once
#include <string>
#include <vector>

#include "map/print_layout.h"
#include "map/print_text.h"
#include "map/style.h"
#include "progress.h"
#include "scope/local_metric.h"
#include "terrain/dem.h"

namespace giatlas {

// The lon/lat box seen through `frame` (its edges sampled, widened a little because parallels
// bend between samples).
Box frame_lonlat_box(const LocalMetric& metric, const PageTransform& t, const PageRect& frame);

struct HillshadeLook {
  double shadow = 0.5;  // DEFAULT: black at this alpha on the darkest slope
  double light = 0.35;  // DEFAULT: white at this alpha on the brightest slope
  bool tint = false;    // DEFAULT: shading only; true: opaque hypsometric tint under the shading
};

// Draws the hillshade of `dem` into `frame` at `px_per_pt` image pixels per page point (the
// DEM is read at a level of detail near that resolution). DEFAULT look: flat ground shows the
// colours below unchanged, so a legend swatch on flat ground is exactly what the map shows;
// voids and ground beyond the DEM are left as they are. Returns false (drawing nothing) when
// the DEM does not reach the frame. REQUIRES: px_per_pt > 0. Progress stage: "hillshade".
bool draw_hillshade(cairo_t* cr, const DemGrid& dem, const LocalMetric& metric, const PageTransform& t,
                    const PageRect& frame, double px_per_pt, const HillshadeLook& look,
                    const Progress& progress = Progress());

// `n` colours of the hypsometric tint from `min_m` to `max_m` as the tinted hillshade shows them
// on level ground (for the legend). REQUIRES: n >= 2.
std::vector<Rgba> tint_ramp(double min_m, double max_m, int n);

struct ContourStyle {
  double interval_m = 100;                 // DEFAULT 100 m. REQUIRES: > 0
  int index_every = 5;                     // DEFAULT every 5th line (500 m) is an index contour
  Rgba colour{140, 95, 55, 255};           // DEFAULT brown, as topographic maps print contours
  double width = 0.3, index_width = 0.75;  // points
};

// A place for an altitude label on an index contour, in page points.
struct PrintContourLabel {
  Point at;
  double angle = 0;   // radians, already turned so the text reads upright
  double length = 0;  // page length of the line it sits on
  std::string text;   // "1000"
};

struct ContourResult {
  int lines = 0;                     // contour lines drawn
  std::vector<PrintContourLabel> labels;  // candidates, longest line first
};

// Draws the contour lines of `dem` seen through `frame` and returns where index contours could
// be labelled (on lines at least 90 pt long).
ContourResult draw_contour_lines(cairo_t* cr, const DemGrid& dem, const LocalMetric& metric,
                                 const PageTransform& t, const PageRect& frame, const ContourStyle& style);

// Draws up to `max_labels` labels along their lines, each inside the frame, clear of `placed`
// and at least 80 pt from the other contour labels; adds each drawn box to `placed`.
// DEFAULT max_labels: 12. Returns the number drawn.
int draw_contour_labels(cairo_t* cr, const PrintText& text, const std::vector<PrintContourLabel>& labels,
                        const ContourStyle& style, const PageRect& frame, std::vector<PageRect>& placed,
                        int max_labels = 12);

}  // namespace giatlas
