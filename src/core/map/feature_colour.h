// The colour of each feature under a set of map styles: one rule for the desktop view, the
// legend and printed maps. Zones take the palette colour of their GI; census points the colour
// of their category; producers the colour of their check result.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "map/scene.h"
#include "map/style.h"

namespace giatlas {

class Workspace;

// Fill colour per feature of a polygon layer. For "zones", the i-th distinct GI (in layer
// order) gets zone_colour(styles, i) with the alpha of the zones style's fill (a light wash, so
// that overlapping zones and the relief stay visible); other layers use their layer style's fill.
std::vector<Rgba> polygon_fills(const MapStyles& styles, const PolygonLayer& layer);

// Outline colour per feature. For "zones" the GI's colour, opaque — the colour its legend entry
// shows; other layers use their layer style's outline.
std::vector<Rgba> polygon_outlines(const MapStyles& styles, const PolygonLayer& layer);

// Fill pattern per feature: 0 = plain fill; 1..4 = hatching at 45°, 135°, 0°, 90°. For "zones" the
// i-th distinct GI gets 1 + i mod 4, so that where two zones overlap their hatchings cross
// instead of their colours mixing; other layers 0.
std::vector<std::uint8_t> polygon_patterns(const PolygonLayer& layer);

// Colour per point. "census_points": census_category[class] (DEFAULT for an unknown category:
// the "其他" colour); "producers": check_result[class] (DEFAULT: the "unchecked" colour);
// other layers: the layer style's fill.
std::vector<Rgba> point_colours(const MapStyles& styles, const PointLayer& layer);

// Legend entries (text, colour) of a layer, in a stable order; empty for a one-colour layer.
std::vector<std::pair<std::string, Rgba>> legend_entries(const MapStyles& styles, const MapScene& scene,
                                                         const std::string& layer);

// The zone colour of each GI that has a zone, in register order: zone_colour(styles, i) for the
// i-th of them, the rule the map view applies through polygon_fills to build_scene's zone layer.
// The printed map and the QGIS layer styles take their zone colours from here.
std::vector<std::pair<std::string, Rgba>> zone_colours(const MapStyles& styles, const Workspace& ws);

// The colour of a production area's check result (check/area_check.h codes, and "unchecked"):
// green inside, amber partly inside, red outside, dark red outside the district, grey without a zone.
Rgba area_result_colour(const std::string& code);
// "生产基地（部分在内）": a production area's legend text (printed map) for its result code.
std::string area_legend_text(const std::string& result);

// The workspace's saved map styles (setting "map.styles"); DEFAULT: default_map_styles().
MapStyles saved_map_styles(const Workspace& ws);

// The style of a layer, or the default look for a layer that has none (benchmark layers).
LayerStyle layer_style(const MapStyles& styles, const std::string& layer);

}  // namespace giatlas
