// Map furniture of the printed map: the lon/lat graticule with DMS labels, the scale bar, the
// north arrow and the legend. Each draws onto a cairo context in page points.
#pragma once
#include <string>
#include <vector>

#include "map/print_layout.h"
#include "map/print_symbol.h"
#include "map/print_text.h"
#include "map/style.h"
#include "scope/local_metric.h"

namespace giatlas {

// Meridians and parallels at a nice step (geo/dms labels such as 107°30′), curved as the
// Gauss–Krüger projection bends them; meridian labels outside the top and bottom of the frame,
// parallel labels inside its left and right edges.
void draw_graticule(cairo_t* cr, const PrintText& text, const LocalMetric& metric, const PageTransform& t,
                    const PageRect& frame);

// A bar of a nice round length (1, 2 or 5 × 10ⁿ km, at most a quarter of the frame width) with
// the representative fraction above it, anchored at the frame's bottom-right corner.
void draw_scale_bar(cairo_t* cr, const PrintText& text, const PageTransform& t, const PageRect& frame);

// A north arrow at the frame's top-right, turned by the grid convergence at the frame centre so
// it points to true north.
void draw_north_arrow(cairo_t* cr, const PrintText& text, const LocalMetric& metric, const PageTransform& t,
                      const PageRect& frame);

struct LegendEntry {
  enum class Kind { area, line, ramp } kind = Kind::area;
  AreaSymbol area;         // Kind::area: painted by paint_area, as the map paints the feature
  Rgba line;               // Kind::line
  std::vector<Rgba> ramp;  // Kind::ramp: colours left to right (a hypsometric tint)
  double line_width = 1;
  std::string label;
};
// The height of a legend of `rows` entries, points.
double legend_height(std::size_t rows);
// The box the legend of `entries` takes at the frame's left side. DEFAULT: the bottom-left
// corner; `top`: the top-left corner.
PageRect legend_box(const PrintText& text, const std::vector<LegendEntry>& entries, const PageRect& frame,
                    bool top = false);
// A boxed legend at the frame's bottom-left (DEFAULT) or top-left corner.
void draw_legend(cairo_t* cr, const PrintText& text, const std::vector<LegendEntry>& entries,
                 const PageRect& frame, bool top = false);

// Sets the cairo source to a style colour, alpha scaled by `opacity`.
void set_source(cairo_t* cr, const Rgba& c, double opacity = 1.0);

}  // namespace giatlas
