// Per-feature colours and legend entries (see feature_colour.h).
#include "map/feature_colour.h"

#include <algorithm>
#include <map>
#include <set>

#include "check/area_check.h"
#include "workspace/workspace.h"

namespace giatlas {
namespace {

std::vector<std::string> distinct_in_order(const std::vector<std::string>& v) {
  std::vector<std::string> out;
  for (const auto& s : v)
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  return out;
}

Rgba lookup(const std::map<std::string, Rgba>& m, const std::string& key, const std::string& fallback_key) {
  if (auto it = m.find(key); it != m.end()) return it->second;
  if (auto it = m.find(fallback_key); it != m.end()) return it->second;
  return {128, 128, 128, 255};
}

// The index of each feature's GI among the layer's distinct GIs, in layer order.
std::vector<std::size_t> gi_indexes(const PolygonLayer& layer) {
  const std::vector<std::string> gis = distinct_in_order(layer.classes);
  std::vector<std::size_t> out(layer.size(), 0);
  for (std::size_t i = 0; i < layer.size() && i < layer.classes.size(); ++i)
    out[i] = static_cast<std::size_t>(std::find(gis.begin(), gis.end(), layer.classes[i]) - gis.begin());
  return out;
}

}  // namespace

Rgba area_result_colour(const std::string& code) {
  static const std::map<std::string, Rgba> colours = {
      {"inside", {26, 152, 80, 255}},          {"partly_inside", {240, 160, 20, 255}},
      {"outside", {215, 48, 39, 255}},         {"outside_district", {120, 20, 60, 255}},
      {"unknown_gi", {130, 130, 130, 255}},    {"no_geometry", {130, 130, 130, 255}},
      {"unchecked", {90, 90, 200, 255}},       {"traced", {0, 200, 255, 255}}};
  return lookup(colours, code, "unchecked");
}

LayerStyle layer_style(const MapStyles& styles, const std::string& layer) {
  if (auto it = styles.layers.find(layer); it != styles.layers.end()) return it->second;
  LayerStyle s;
  s.fill = {200, 200, 190, 255};
  s.outline = {90, 90, 90, 255};
  return s;
}

MapStyles saved_map_styles(const Workspace& ws) {
  const std::string json = ws.setting("map.styles");
  return json.empty() ? default_map_styles() : styles_from_json(json);
}

std::vector<std::pair<std::string, Rgba>> zone_colours(const MapStyles& styles, const Workspace& ws) {
  std::set<std::string> zoned;
  for (const ZoneVersion& z : ws.zone_versions()) zoned.insert(z.gi);
  std::vector<std::pair<std::string, Rgba>> out;
  for (const GiProduct& g : ws.gi_products())
    if (zoned.count(g.name)) out.push_back({g.name, zone_colour(styles, out.size())});
  return out;
}

std::vector<Rgba> polygon_fills(const MapStyles& styles, const PolygonLayer& layer) {
  const LayerStyle st = layer_style(styles, layer.name);
  std::vector<Rgba> out(layer.size(), st.fill);
  if (layer.name == kAreasLayer) {
    for (std::size_t i = 0; i < layer.size() && i < layer.classes.size(); ++i) {
      out[i] = area_result_colour(layer.classes[i]);
      out[i].a = st.fill.a;
    }
    return out;
  }
  if (layer.name != "zones") return out;
  const std::vector<std::size_t> gi = gi_indexes(layer);
  for (std::size_t i = 0; i < layer.size(); ++i) {
    out[i] = zone_colour(styles, gi[i]);
    out[i].a = st.fill.a;
  }
  return out;
}

std::vector<Rgba> polygon_outlines(const MapStyles& styles, const PolygonLayer& layer) {
  std::vector<Rgba> out(layer.size(), layer_style(styles, layer.name).outline);
  if (layer.name == kAreasLayer) {
    for (std::size_t i = 0; i < layer.size() && i < layer.classes.size(); ++i)
      out[i] = area_result_colour(layer.classes[i]);
    return out;
  }
  if (layer.name != "zones") return out;
  const std::vector<std::size_t> gi = gi_indexes(layer);
  for (std::size_t i = 0; i < layer.size(); ++i) out[i] = zone_colour(styles, gi[i]);
  return out;
}

std::vector<std::uint8_t> polygon_patterns(const PolygonLayer& layer) {
  std::vector<std::uint8_t> out(layer.size(), 0);
  if (layer.name != "zones") return out;
  const std::vector<std::size_t> gi = gi_indexes(layer);
  for (std::size_t i = 0; i < layer.size(); ++i) out[i] = static_cast<std::uint8_t>(1 + gi[i] % 4);
  return out;
}

std::vector<Rgba> point_colours(const MapStyles& styles, const PointLayer& layer) {
  std::vector<Rgba> out(layer.size(), layer_style(styles, layer.name).fill);
  for (std::size_t i = 0; i < layer.size(); ++i) {
    if (layer.name == "census_points" || layer.name == "resources")
      out[i] = lookup(styles.census_category, layer.classes[i], "其他");
    else if (layer.name == "producers")
      out[i] = lookup(styles.check_result, layer.classes[i], "unchecked");
  }
  return out;
}

std::vector<std::pair<std::string, Rgba>> legend_entries(const MapStyles& styles, const MapScene& scene,
                                                         const std::string& layer) {
  std::vector<std::pair<std::string, Rgba>> out;
  if (const PolygonLayer* p = scene.polygon_layer(layer); p && layer == "zones") {
    const std::vector<std::string> gis = distinct_in_order(p->classes);
    for (std::size_t i = 0; i < gis.size(); ++i) out.push_back({gis[i], zone_colour(styles, i)});
  } else if (const PolygonLayer* al = scene.polygon_layer(layer); al && layer == kAreasLayer) {
    static const char* const order[] = {"inside", "partly_inside", "outside", "outside_district", "unknown_gi",
                                        "no_geometry", "unchecked"};
    for (const char* code : order)
      if (std::find(al->classes.begin(), al->classes.end(), code) != al->classes.end())
        out.push_back({code, area_result_colour(code)});
  } else if (const PointLayer* q = scene.point_layer(layer)) {
    if (layer == "census_points" || layer == "resources") {
      for (const auto& c : distinct_in_order(q->classes)) out.push_back({c, lookup(styles.census_category, c, "其他")});
      std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    } else if (layer == "producers") {
      // Every result code in the styles' order of severity, present or not, so the legend is stable.
      static const char* const order[] = {"inside", "inside_near_boundary", "outside_near_boundary", "outside",
                                          "outside_district", "unknown_gi", "invalid_location", "unchecked"};
      for (const char* code : order)
        if (std::find(q->classes.begin(), q->classes.end(), code) != q->classes.end())
          out.push_back({code, lookup(styles.check_result, code, "unchecked")});
    }
  }
  return out;
}

std::string area_legend_text(const std::string& result) {
  const auto r = area_result_from_code(result);
  return std::string("生产基地（") + (r ? area_result_label_zh(*r) : result.c_str()) + "）";
}

}  // namespace giatlas
