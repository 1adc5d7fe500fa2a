// QML documents from the map styles (see qgis_styles.h); qgis_style_table.cpp writes them.
#include "map/qgis_styles.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "check/origin_check.h"
#include "map/feature_colour.h"
#include "map/print_symbol.h"
#include "workspace/schema.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {

// The QGIS release whose QML layout this follows; QGIS 3.x opens it, newer ones upgrade it.
constexpr const char* kQgisVersion = "3.22.0-Białowieża";
constexpr const char* kFont = "Noto Sans CJK SC";

std::string esc(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

// QGIS writes colours as "r,g,b,a" with 0–255 channels.
std::string qcolour(const Rgba& c, double alpha = 1.0) {
  const int a = static_cast<int>(std::lround(std::clamp(c.a * alpha, 0.0, 255.0)));
  return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + "," +
         std::to_string(a);
}

using Props = std::vector<std::pair<std::string, std::string>>;

// A symbol layer's properties, both as the Option map QGIS ≥ 3.16 reads and as the <prop>
// elements older 3.x releases read.
std::string symbol_layer(const char* cls, const Props& props) {
  std::string s = std::string("      <layer class=\"") + cls + "\" enabled=\"1\" locked=\"0\" pass=\"0\">\n";
  s += "        <Option type=\"Map\">\n";
  for (const auto& [k, v] : props)
    s += "          <Option type=\"QString\" name=\"" + esc(k) + "\" value=\"" + esc(v) + "\"/>\n";
  s += "        </Option>\n";
  for (const auto& [k, v] : props) s += "        <prop k=\"" + esc(k) + "\" v=\"" + esc(v) + "\"/>\n";
  s += "      </layer>\n";
  return s;
}

std::string fill_symbol(const std::string& name, const AreaSymbol& a, const char* width_unit) {
  const Props p{{"color", qcolour(a.fill, a.fill_alpha)},
                {"style", a.fill_alpha > 0 ? "solid" : "no"},
                {"outline_color", qcolour(a.outline)},
                {"outline_style", a.outline_width > 0 ? "solid" : "no"},
                {"outline_width", num(a.outline_width)},
                {"outline_width_unit", width_unit},
                {"joinstyle", "round"},
                {"offset", "0,0"},
                {"offset_unit", "MM"}};
  return "    <symbol type=\"fill\" name=\"" + esc(name) +
         "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n" + symbol_layer("SimpleFill", p) +
         "    </symbol>\n";
}

const char* marker_name(PointSymbol s) {
  switch (s) {
    case PointSymbol::circle:
      return "circle";
    case PointSymbol::square:
      return "square";
    case PointSymbol::triangle:
      return "triangle";
    case PointSymbol::diamond:
      return "diamond";
  }
  return "circle";
}

std::string marker_symbol(const std::string& name, const LayerStyle& l, const Rgba& fill) {
  const Props p{{"name", marker_name(l.symbol)},
                {"color", qcolour(fill, l.opacity)},
                {"outline_color", qcolour(l.outline, l.opacity)},
                {"outline_style", "solid"},
                {"outline_width", "1"},
                {"outline_width_unit", "Pixel"},
                {"size", num(l.point_size_px)},
                {"size_unit", "Pixel"},
                {"angle", "0"},
                {"scale_method", "diameter"},
                {"joinstyle", "round"},
                {"offset", "0,0"},
                {"offset_unit", "MM"}};
  return "    <symbol type=\"marker\" name=\"" + esc(name) +
         "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n" + symbol_layer("SimpleMarker", p) +
         "    </symbol>\n";
}

std::string labeling(const std::string& field) {
  if (field.empty()) return "";
  return "  <labeling type=\"simple\">\n    <settings calloutType=\"simple\">\n"
         "      <text-style fieldName=\"" +
         esc(field) + "\" isExpression=\"0\" fontFamily=\"" + kFont +
         "\" fontSize=\"9\" fontSizeUnit=\"Point\" textColor=\"38,38,38,255\" textOpacity=\"1\">\n"
         "        <text-buffer bufferDraw=\"1\" bufferSize=\"0.8\" bufferSizeUnits=\"MM\" "
         "bufferColor=\"255,255,255,255\" bufferOpacity=\"0.9\" bufferNoFill=\"1\"/>\n"
         "      </text-style>\n      <placement placement=\"1\"/>\n    </settings>\n  </labeling>\n";
}

std::string document(const std::string& renderer, const std::string& label_field) {
  return std::string("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"") +
         kQgisVersion + "\" styleCategories=\"Symbology|Labeling\" labelsEnabled=\"" +
         (label_field.empty() ? "0" : "1") + "\">\n" + renderer + labeling(label_field) + "</qgis>\n";
}

std::string single_renderer(const std::string& symbol) {
  return "  <renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n"
         "   <symbols>\n" +
         symbol + "   </symbols>\n  </renderer-v2>\n";
}

// `labels` gives each category's legend text (the value itself when empty).
std::string categorized_renderer(const std::string& attr, const std::vector<std::string>& values,
                                 const std::vector<std::string>& labels,
                                 const std::vector<std::string>& symbols) {
  std::string s = "  <renderer-v2 type=\"categorizedSymbol\" attr=\"" + esc(attr) +
                  "\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n   <categories>\n";
  for (std::size_t i = 0; i < values.size(); ++i)
    s += "    <category render=\"true\" type=\"string\" value=\"" + esc(values[i]) + "\" symbol=\"" +
         std::to_string(i) + "\" label=\"" + esc(labels[i].empty() ? values[i] : labels[i]) + "\"/>\n";
  s += "   </categories>\n   <symbols>\n";
  for (const auto& sym : symbols) s += sym;
  s += "   </symbols>\n  </renderer-v2>\n";
  return s;
}

AreaSymbol plain_area(const LayerStyle& l) {
  AreaSymbol a;
  a.fill = l.fill;
  a.fill_alpha = l.opacity;
  a.outline = l.outline;
  a.outline_width = l.outline_width_px;
  return a;
}

QgisLayerStyle categorized(const std::string& table, const std::string& attr,
                           const std::vector<std::pair<std::string, Rgba>>& cats,
                           const std::vector<std::string>& labels, const std::vector<std::string>& symbols,
                           const std::string& label_field) {
  QgisLayerStyle s;
  s.table = table;
  s.renderer = "categorizedSymbol";
  s.attribute = attr;
  s.categories = cats;
  std::vector<std::string> values;
  for (const auto& c : cats) values.push_back(c.first);
  s.qml = document(categorized_renderer(attr, values, labels, symbols), label_field);
  return s;
}

}  // namespace

std::vector<QgisLayerStyle> workspace_qgis_styles(const MapStyles& styles, const Workspace& ws) {
  std::vector<QgisLayerStyle> out;
  for (const char* name : {table::kTownships, table::kVillages}) {
    const LayerStyle l = layer_style(styles, name);
    QgisLayerStyle s;
    s.table = name;
    s.renderer = "singleSymbol";
    s.categories = {{"", l.fill}};
    s.qml = document(single_renderer(fill_symbol("0", plain_area(l), "Pixel")), l.label_field);
    out.push_back(std::move(s));
  }
  {  // zones: the printed map's zone symbol (without relief), per GI in force today
    const LayerStyle l = layer_style(styles, "zones");
    const auto cats = zone_colours(styles, ws);
    std::vector<std::string> symbols, labels;
    for (std::size_t i = 0; i < cats.size(); ++i) {
      AreaSymbol a = zone_symbol(cats[i].second, l, false);
      a.outline_width = l.outline_width_px;
      symbols.push_back(fill_symbol(std::to_string(i), a, "Pixel"));
      labels.push_back(cats[i].first);
    }
    const std::string in_force =
        "CASE WHEN \"effective_from\" <= to_date(now()) AND (\"effective_to\" IS NULL OR \"effective_to\" > "
        "to_date(now())) THEN \"gi\" END";
    out.push_back(categorized(table::kZones, in_force, cats, labels, symbols, l.label_field));
  }
  {  // census points by category
    const LayerStyle l = layer_style(styles, "census_points");
    std::vector<std::pair<std::string, Rgba>> cats(styles.census_category.begin(),
                                                   styles.census_category.end());
    std::vector<std::string> symbols, labels(cats.size());
    for (std::size_t i = 0; i < cats.size(); ++i)
      symbols.push_back(marker_symbol(std::to_string(i), l, cats[i].second));
    out.push_back(categorized(table::kCensus, "category", cats, labels, symbols, ""));
  }
  {  // producers: as GI Atlas draws them before a check
    const LayerStyle l = layer_style(styles, "producers");
    const Rgba unchecked =
        styles.check_result.count("unchecked") ? styles.check_result.at("unchecked") : l.fill;
    QgisLayerStyle s;
    s.table = table::kProducers;
    s.renderer = "singleSymbol";
    s.categories = {{"unchecked", unchecked}};
    s.qml = document(single_renderer(marker_symbol("0", l, unchecked)), "");
    out.push_back(std::move(s));
  }
  return out;
}

QgisLayerStyle check_report_qgis_style(const MapStyles& styles) {
  const LayerStyle l = layer_style(styles, "producers");
  std::vector<std::pair<std::string, Rgba>> cats;
  std::vector<std::string> symbols, labels;
  for (int i = 0; i < kCheckResultCount; ++i) {
    const auto r = static_cast<CheckResult>(i);
    const std::string code = result_code(r);
    const auto it = styles.check_result.find(code);
    const Rgba c = it != styles.check_result.end() ? it->second : l.fill;
    symbols.push_back(marker_symbol(std::to_string(i), l, c));
    labels.push_back(result_label_zh(r));
    cats.push_back({code, c});
  }
  return categorized("origin_check", "result", cats, labels, symbols, "");
}

}  // namespace giatlas
