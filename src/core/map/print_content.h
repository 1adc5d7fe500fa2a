// The map inside the printed map's frame — township ground, relief from the DEM, boundaries and
// the zone — and the legend entries that describe exactly that drawing.
#pragma once
#include <string>
#include <vector>

#include "map/print_furniture.h"
#include "map/print_map_data.h"
#include "map/print_relief.h"
#include "map/print_symbol.h"
#include "progress.h"

namespace giatlas {

// What was drawn, for the legend and the labels placed after it.
struct MapContent {
  bool relief = false;     // a hillshade (or tint) was drawn
  ContourResult contours;  // lines drawn and label candidates inside the district
  ContourStyle contour_style;
  AreaSymbol towns, zone;  // the symbols the areas were painted with
  bool tint = false;       // a hypsometric tint was drawn, over tint_min_m … tint_max_m
  double tint_min_m = 0, tint_max_m = 0;
  // The production areas' symbol per result code drawn (d.area_results' order).
  std::vector<std::pair<std::string, AreaSymbol>> areas;
};

// Draws, clipped to `frame`, bottom to top: township ground; when relief is "shade" or "tint"
// and d.dem is loaded, the relief inside the district (hillshade at `px_per_pt`, contours every
// `contour_interval_m`, none for 0); township outlines; the district boundary; the zone; the
// production areas in d.areas, each filled in its check result's colour.
// REQUIRES: relief is shade, tint or off. Progress stage: "hillshade".
MapContent draw_map_content(cairo_t* cr, const PrintMapData& d, const LocalMetric& metric,
                            const PageTransform& t, const PageRect& frame, const std::string& relief,
                            double contour_interval_m, double px_per_pt, const Progress& progress);

// The legend of what draw_map_content drew: each swatch painted by the map's own symbol, on the
// ground the area lies on in the map.
std::vector<LegendEntry> legend_entries(const MapContent& c, const std::string& zone_text);
// The same legend's texts before anything is drawn (to measure its box for the layout).
std::vector<LegendEntry> legend_labels(const std::string& zone_text, bool tint, bool contours,
                                       double contour_interval_m,
                                       const std::vector<std::string>& area_results = {});

// "等高线（间距100米，计曲线500米）".
std::string contour_legend_text(const ContourStyle& s);
// "分层设色（海拔190—2010米）".
std::string tint_legend_text(double min_m, double max_m);

}  // namespace giatlas
