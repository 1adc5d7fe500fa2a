// The printable scope map of a GI (cairo + pango): zone and township boundaries with Chinese
// labels, title, legend, scale bar, north arrow, DMS graticule, data source and date, drawn in
// the local Gauss–Krüger zone so the scale bar is true. PDF and SVG are vector with embedded
// fonts; PNG is raster at the requested dpi. Styles are the workspace's map styles, as on screen.
// When the workspace has a DEM, a hillshade and contour lines lie under the zone inside the
// district (print_content.h, print_relief.h); the legend gives the zone's altitude band and is
// placed where it hides no part of the district.
#pragma once
#include <string>

#include "map/print_layout.h"
#include "progress.h"

namespace giatlas {

class Workspace;

struct RenderOptions {
  std::string gi;                    // REQUIRES: a GI in the register with at least one zone version
  int version = 0;                   // DEFAULT: 0 = the newest version
  std::string out;                   // REQUIRES: ends in .pdf, .png or .svg (the format)
  std::string paper = "A4";          // DEFAULT: A4; or A3
  std::string orientation = "auto";  // DEFAULT: auto (landscape when the area is wider than tall)
  double dpi = 300;                  // DEFAULT: 300 (PNG only). REQUIRES: 30 <= dpi <= 1200
  std::string title;                 // DEFAULT: "<GI>地理标志产品保护范围图"
  std::string date;                  // DEFAULT: today (制图日期)
  std::string font_family = "Noto Sans CJK SC";  // DEFAULT: named so output is reproducible
  // DEFAULT "shade": hillshade and contours when the workspace has a DEM (none when it has
  // not); "tint": a hypsometric tint under the shading as well; "off": no relief.
  std::string relief = "shade";
  double contour_interval_m = 100;  // DEFAULT 100 m, index contours every 500 m; 0 = no contours
  // DEFAULT false. true: the GI's production areas (生产基地) over the zone, each coloured by its
  // area check against the version drawn (on that version's first day), with a legend entry per
  // result present. An area too small to see at the map's scale is drawn as a dot of its colour.
  bool areas = false;
};

struct RenderResult {
  std::string path;
  std::string format;  // pdf | png | svg
  double width_pt = 0, height_pt = 0;
  int width_px = 0, height_px = 0;  // PNG only
  double scale_denominator = 0;     // 1 : N on paper
  int epsg = 0;                     // the projection drawn in
  double metric_lon = 0;            // LocalMetric(metric_lon) is that projection
  PageTransform transform;          // projected metres → page points (× dpi/72 for PNG pixels)
  std::string title;
  bool relief = false;         // a hillshade was drawn
  int contour_lines = 0;       // contour lines drawn
  int contour_labels = 0;      // altitude labels on index contours
  std::string zone_legend;     // the zone's legend text, with its altitude band when it has one
  int areas = 0;               // production areas drawn (options.areas)
  int areas_not_inside = 0;    // of them, not wholly inside the zone
};

// Writes the map atomically (a temp file in the same folder, renamed over `out` when complete).
// Throws Error for a bad option, an unknown GI or version, or a failed write; `out` is then
// left as it was. A DEM that is recorded but unreadable is an Error too (never a silent map
// without relief). Progress stages: "loading", "hillshade", "drawing", "writing".
RenderResult render_map(const Workspace& ws, const RenderOptions& options,
                        const Progress& progress = Progress());

}  // namespace giatlas
