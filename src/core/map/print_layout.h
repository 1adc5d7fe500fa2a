// Page geometry of the printed map: paper sizes, where the frame, title and notes go, the
// map-to-page transform, and the "nice" numbers for scales, scale bars and graticule steps.
#pragma once
#include <string>

#include "geo/geometry.h"

namespace giatlas {

struct PageRect {
  double x = 0, y = 0, w = 0, h = 0;  // points (1/72 inch), y down
  double right() const { return x + w; }
  double bottom() const { return y + h; }
};

// Paper size in points. REQUIRES: paper "A4" or "A3" (case-insensitive; Error otherwise).
PageRect paper_points(const std::string& paper, bool landscape);

struct PageLayout {
  PageRect page;
  PageRect title;  // band above the frame
  PageRect frame;  // the map frame (graticule labels sit just outside it)
  PageRect notes;  // band below the frame: data source, CRS, date
};
// DEFAULT: 14 mm page margins, a 42 pt title band and a 34 pt notes band.
PageLayout page_layout(const PageRect& page);

// Map (metres) to page (points): page = origin + (x − x0) · k, with y flipped.
struct PageTransform {
  double k = 1;           // points per metre
  double x0 = 0, y0 = 0;  // map point at the page origin below
  double px = 0, py = 0;  // page position of (x0, y0)
  Point to_page(const Point& m) const { return {px + (m.x - x0) * k, py - (m.y - y0) * k}; }
  Point to_map(const Point& p) const { return {x0 + (p.x - px) / k, y0 - (p.y - py) / k}; }
  // The representative fraction's denominator (1 : N).
  double scale_denominator() const { return 72.0 / 0.0254 / k; }
};

// The transform that fits `extent` (metres) into `frame` centred, at the next nice scale
// (1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5 × 10ⁿ) so the printed scale reads "1:250 000".
PageTransform fit_nice_scale(const Box& extent, const PageRect& frame);

// The largest 1, 2 or 5 × 10ⁿ not above `limit` (for scale bars, in any unit).
double nice_step_below(double limit);
// A graticule step in degrees from 1′ … 1° so that `span_deg` holds about `lines` lines.
double graticule_step_deg(double span_deg, int lines = 4);
// "1:250 000", thousands separated by spaces as Chinese map sheets print them.
std::string scale_text(double denominator);

}  // namespace giatlas
