// Map styles shared by the desktop map view and the printable export, so both look the same.
// Stored in the workspace (setting "map.styles", JSON) so they come back when it is reopened.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace giatlas {

struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  friend bool operator==(const Rgba&, const Rgba&) = default;
};

enum class PointSymbol { circle, square, triangle, diamond };

struct LayerStyle {
  bool visible = true;
  float opacity = 1.0f;  // 0..1, multiplies fill and outline alpha
  Rgba fill;
  Rgba outline;
  float outline_width_px = 1.5f;  // constant screen width (points, for print)
  PointSymbol symbol = PointSymbol::circle;
  float point_size_px = 7.0f;
  std::string label_field;  // "" = no labels; e.g. "name"
  friend bool operator==(const LayerStyle&, const LayerStyle&) = default;
};

// Layer names used as keys: townships, villages, zones, census_points, producers.
struct MapStyles {
  std::vector<std::string> order;  // drawing order, bottom first
  std::map<std::string, LayerStyle> layers;
  std::vector<Rgba> zone_palette;               // one colour per GI, in register order
  std::map<std::string, Rgba> census_category;  // 特色农产品 → colour …
  std::map<std::string, Rgba> check_result;     // inside → green … (result codes of the check)
  friend bool operator==(const MapStyles&, const MapStyles&) = default;
};

// DEFAULT styles: townships a light neutral wash (white, 31% alpha) with thin grey outlines;
// zones as outlines in their GI's colour from a colour-blind-safe palette, with hatching and a
// faint fill of the same colour (fill alpha 30); producers coloured by check result.
MapStyles default_map_styles();
// The colour of the i-th GI (wraps around the palette).
Rgba zone_colour(const MapStyles& s, std::size_t gi_index);

std::string styles_to_json(const MapStyles& s);
// Missing keys keep their defaults; malformed JSON throws Error.
MapStyles styles_from_json(const std::string& json);

}  // namespace giatlas
