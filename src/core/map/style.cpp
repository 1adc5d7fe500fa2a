// Map styles: the defaults and their JSON form (setting "map.styles" of a workspace).
#include "map/style.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "error.h"

namespace giatlas {
namespace {

using nlohmann::json;

const char* symbol_name(PointSymbol s) {
  switch (s) {
    case PointSymbol::circle: return "circle";
    case PointSymbol::square: return "square";
    case PointSymbol::triangle: return "triangle";
    case PointSymbol::diamond: return "diamond";
  }
  return "circle";
}

PointSymbol symbol_from(const std::string& name) {
  if (name == "circle") return PointSymbol::circle;
  if (name == "square") return PointSymbol::square;
  if (name == "triangle") return PointSymbol::triangle;
  if (name == "diamond") return PointSymbol::diamond;
  throw Error("map styles: unknown point symbol '" + name + "'");
}

// Colours are written as "#rrggbbaa" so the setting stays readable in ogrinfo.
std::string colour_to_text(const Rgba& c) {
  static const char* hex = "0123456789abcdef";
  std::string s = "#";
  for (std::uint8_t v : {c.r, c.g, c.b, c.a}) {
    s += hex[v >> 4];
    s += hex[v & 15];
  }
  return s;
}

Rgba colour_from_text(const std::string& s) {
  auto nibble = [&](char ch) -> int {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    throw Error("map styles: bad colour '" + s + "' (expected #rrggbb or #rrggbbaa)");
  };
  if ((s.size() != 7 && s.size() != 9) || s[0] != '#')
    throw Error("map styles: bad colour '" + s + "' (expected #rrggbb or #rrggbbaa)");
  auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(nibble(s[i]) * 16 + nibble(s[i + 1])); };
  Rgba c{byte(1), byte(3), byte(5), 255};
  if (s.size() == 9) c.a = byte(7);
  return c;
}

json layer_to_json(const LayerStyle& l) {
  return json{{"visible", l.visible},
              {"opacity", l.opacity},
              {"fill", colour_to_text(l.fill)},
              {"outline", colour_to_text(l.outline)},
              {"outline_width_px", l.outline_width_px},
              {"symbol", symbol_name(l.symbol)},
              {"point_size_px", l.point_size_px},
              {"label_field", l.label_field}};
}

void layer_from_json(const json& j, LayerStyle& l) {
  if (j.contains("visible")) l.visible = j.at("visible").get<bool>();
  if (j.contains("opacity")) l.opacity = j.at("opacity").get<float>();
  if (j.contains("fill")) l.fill = colour_from_text(j.at("fill").get<std::string>());
  if (j.contains("outline")) l.outline = colour_from_text(j.at("outline").get<std::string>());
  if (j.contains("outline_width_px")) l.outline_width_px = j.at("outline_width_px").get<float>();
  if (j.contains("symbol")) l.symbol = symbol_from(j.at("symbol").get<std::string>());
  if (j.contains("point_size_px")) l.point_size_px = j.at("point_size_px").get<float>();
  if (j.contains("label_field")) l.label_field = j.at("label_field").get<std::string>();
  if (l.opacity < 0 || l.opacity > 1) throw Error("map styles: opacity must be between 0 and 1");
}

json colour_map_to_json(const std::map<std::string, Rgba>& m) {
  json j = json::object();
  for (const auto& [k, v] : m) j[k] = colour_to_text(v);
  return j;
}

void colour_map_from_json(const json& j, std::map<std::string, Rgba>& m) {
  for (const auto& [k, v] : j.items()) m[k] = colour_from_text(v.get<std::string>());
}

}  // namespace

MapStyles default_map_styles() {
  MapStyles s;
  s.order = {"townships", "villages", "zones", "production_areas", "census_points", "producers", "resources"};
  LayerStyle town;
  // Neutral and light, so the relief shows through and no zone colour mixes with a township's.
  town.fill = {250, 250, 250, 80};
  town.outline = {128, 128, 128, 255};
  town.outline_width_px = 1.0f;
  town.label_field = "name";
  LayerStyle village;
  village.visible = false;
  village.fill = {0, 0, 0, 0};
  village.outline = {150, 150, 150, 255};
  village.outline_width_px = 0.8f;
  LayerStyle zones;
  // Zones are coloured outlines with hatching over a faint wash of the GI's colour (the fill's
  // alpha); the colours come per GI from zone_palette, so what the user sees is the legend's.
  zones.opacity = 1.0f;
  zones.fill = {0, 0, 0, 30};
  zones.outline = {40, 40, 40, 255};  // unused for zones: each outline takes its GI's colour
  zones.outline_width_px = 2.5f;
  zones.label_field = "gi";
  LayerStyle census;
  census.symbol = PointSymbol::triangle;
  census.point_size_px = 9.0f;
  census.outline = {30, 30, 30, 255};
  LayerStyle producers;
  producers.symbol = PointSymbol::circle;
  producers.point_size_px = 7.0f;
  producers.outline = {30, 30, 30, 255};
  // The resource library: large diamonds coloured by category; off until the user turns it on
  // (it sits over the census points it is placed by).
  LayerStyle resources;
  resources.visible = false;
  resources.symbol = PointSymbol::diamond;
  resources.point_size_px = 14.0f;
  resources.outline = {20, 20, 20, 255};
  resources.label_field = "name";
  LayerStyle areas;  // coloured per feature by the area check (feature_colour.h area_result_colour)
  areas.fill = {0, 0, 0, 110};
  areas.outline_width_px = 1.5f;
  areas.label_field = "";
  s.layers = {{"townships", town},          {"villages", village},   {"zones", zones},
              {"production_areas", areas},  {"census_points", census}, {"producers", producers},
              {"resources", resources}};
  // Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
  s.zone_palette = {{0, 114, 178, 255},  {230, 159, 0, 255},   {0, 158, 115, 255},
                    {204, 121, 167, 255}, {86, 180, 233, 255}, {213, 94, 0, 255},
                    {240, 228, 66, 255}};
  s.census_category = {{"特色农产品", {0, 140, 70, 255}},   {"传统手工业品", {150, 90, 30, 255}},
                       {"道地药材", {160, 40, 160, 255}},    {"非物质文化遗产", {200, 30, 60, 255}},
                       {"其他", {110, 110, 110, 255}}};
  s.check_result = {{"inside", {26, 152, 80, 255}},
                    {"inside_near_boundary", {145, 207, 96, 255}},
                    {"outside_near_boundary", {253, 174, 97, 255}},
                    {"outside", {215, 25, 28, 255}},
                    {"outside_district", {128, 0, 38, 255}},
                    {"unknown_gi", {120, 120, 200, 255}},
                    {"invalid_location", {90, 90, 90, 255}},
                    {"unchecked", {255, 255, 255, 255}}};
  return s;
}

Rgba zone_colour(const MapStyles& s, std::size_t gi_index) {
  if (s.zone_palette.empty()) return {0, 114, 178, 255};
  return s.zone_palette[gi_index % s.zone_palette.size()];
}

std::string styles_to_json(const MapStyles& s) {
  json j;
  j["order"] = s.order;
  json layers = json::object();
  for (const auto& [name, l] : s.layers) layers[name] = layer_to_json(l);
  j["layers"] = layers;
  json palette = json::array();
  for (const auto& c : s.zone_palette) palette.push_back(colour_to_text(c));
  j["zone_palette"] = palette;
  j["census_category"] = colour_map_to_json(s.census_category);
  j["check_result"] = colour_map_to_json(s.check_result);
  return j.dump(1);
}

MapStyles styles_from_json(const std::string& text) {
  MapStyles s = default_map_styles();
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {
    throw Error(std::string("map styles: malformed JSON: ") + e.what());
  }
  try {
    if (!j.is_object()) throw Error("map styles: expected a JSON object");
    if (j.contains("order")) s.order = j.at("order").get<std::vector<std::string>>();
    if (j.contains("layers"))
      for (const auto& [name, lj] : j.at("layers").items()) layer_from_json(lj, s.layers[name]);
    if (j.contains("zone_palette")) {
      s.zone_palette.clear();
      for (const auto& c : j.at("zone_palette")) s.zone_palette.push_back(colour_from_text(c.get<std::string>()));
    }
    if (j.contains("census_category")) colour_map_from_json(j.at("census_category"), s.census_category);
    if (j.contains("check_result")) colour_map_from_json(j.at("check_result"), s.check_result);
  } catch (const json::exception& e) {
    throw Error(std::string("map styles: wrong value type: ") + e.what());
  }
  // Layers missing from an older saved order still get drawn, on top.
  for (const auto& [name, l] : s.layers)
    if (std::find(s.order.begin(), s.order.end(), name) == s.order.end()) s.order.push_back(name);
  return s;
}

}  // namespace giatlas
