// How an area is painted on the printed map — ground, fill, hatch, casing and outline — by one
// function that draws both the map's polygons and their legend swatches, so each swatch is
// exactly what the map shows.
#pragma once
#include <optional>

#include "map/style.h"

// cairo's own declaration, so that this header (zone_symbol, also used for QGIS styles) does
// not need cairo's include path.
typedef struct _cairo cairo_t;

namespace giatlas {

struct AreaSymbol {
  std::optional<Rgba> ground;  // DEFAULT none; for a swatch: the colour the area lies on in the map
  Rgba fill;
  double fill_alpha = 1;       // multiplies fill.a
  bool hatch = false;          // DEFAULT off: 45° lines in the fill colour
  double hatch_spacing = 4.0;  // points between hatch lines
  double hatch_width = 0.6;    // points
  double hatch_alpha = 0.85;
  Rgba outline;
  double outline_width = 1;  // points; 0 = no outline
  bool casing = false;       // DEFAULT off: a white line under the outline, for reading over relief
};

// Paints `s` on the current path of `cr` (even-odd rule) and clears the path.
void paint_area(cairo_t* cr, const AreaSymbol& s);

// The zone symbol of the printed map for a GI whose palette colour is `colour` and whose zone
// layer style is `zones`. DEFAULT: the zone's colour at the layer's opacity, outlined in the same
// colour darkened for contrast; over relief the fill is capped at 30% and a light hatch keeps the
// zone readable while the terrain shows through.
AreaSymbol zone_symbol(const Rgba& colour, const LayerStyle& zones, bool over_relief);

// `c` with each channel scaled by `f` (0..1), alpha kept.
Rgba darken(const Rgba& c, double f);

}  // namespace giatlas
