// The one area painter of the printed map (see print_symbol.h).
#include "map/print_symbol.h"

#include <algorithm>
#include <cmath>

#include "map/cairo_handles.h"
#include "map/print_furniture.h"

namespace giatlas {

Rgba darken(const Rgba& c, double f) {
  auto ch = [f](std::uint8_t v) {
    return static_cast<std::uint8_t>(std::lround(std::clamp(v * f, 0.0, 255.0)));
  };
  return {ch(c.r), ch(c.g), ch(c.b), c.a};
}

AreaSymbol zone_symbol(const Rgba& colour, const LayerStyle& zones, bool over_relief) {
  AreaSymbol s;
  s.fill = colour;
  // The zones style's fill alpha is the wash (the colour is the GI's), as on the screen.
  s.fill_alpha = std::clamp(static_cast<double>(zones.opacity) * zones.fill.a / 255.0, 0.0, 1.0);
  if (over_relief) {
    s.fill_alpha = std::min(s.fill_alpha, 0.3);
    s.hatch = true;
    s.casing = true;
  }
  s.outline = darken(colour, 0.75);
  s.outline_width = zones.outline_width_px * 0.8;
  return s;
}

void paint_area(cairo_t* cr, const AreaSymbol& s) {
  // cairo_save does not keep the path: copy it once and append it again for each step.
  const CairoPath path(cairo_copy_path(cr));
  cairo_save(cr);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  if (s.ground) {
    set_source(cr, *s.ground);
    cairo_fill_preserve(cr);
  }
  set_source(cr, s.fill, s.fill_alpha);
  cairo_fill_preserve(cr);
  if (s.hatch) {
    // 45° lines through the path's extent, clipped to it. Spacing in page points and anchored
    // to multiples of it, so a legend swatch shows the density of the map and pieces line up.
    double x0, y0, x1, y1;
    cairo_fill_extents(cr, &x0, &y0, &x1, &y1);
    cairo_save(cr);
    cairo_clip(cr);
    const double h = y1 - y0;
    const double start = std::floor((x0 + y0) / s.hatch_spacing) * s.hatch_spacing - y1;  // x + y on the grid
    for (double x = start; x <= x1; x += s.hatch_spacing) {
      cairo_move_to(cr, x, y1);
      cairo_line_to(cr, x + h, y0);
    }
    set_source(cr, s.fill, s.hatch_alpha);
    cairo_set_line_width(cr, s.hatch_width);
    cairo_stroke(cr);
    cairo_restore(cr);
    cairo_append_path(cr, path.get());
  }
  if (s.outline_width > 0) {
    if (s.casing) {
      cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
      cairo_set_line_width(cr, s.outline_width + 1.6);
      cairo_stroke_preserve(cr);
    }
    set_source(cr, s.outline);
    cairo_set_line_width(cr, s.outline_width);
    cairo_stroke_preserve(cr);
  }
  cairo_new_path(cr);
  cairo_restore(cr);
}

}  // namespace giatlas
