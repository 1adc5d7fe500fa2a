// The layers panel: visibility, drawing order, opacity, colours, point symbol and size, label
// field, zoom to layer, and the legend of zones, census categories and check results.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app.h"
#include "check/area_check.h"
#include "check/origin_check.h"
#include "map/feature_colour.h"
#include "panels.h"
#include "strings.h"

namespace giatlas::gui {
namespace {

ImVec4 to_vec(const Rgba& c) { return ImVec4(c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f); }
Rgba to_rgba(const float* v) {
  auto b = [](float f) { return static_cast<std::uint8_t>(std::clamp(f, 0.0f, 1.0f) * 255.0f + 0.5f); };
  return {b(v[0]), b(v[1]), b(v[2]), b(v[3])};
}

bool colour_edit(const char* label, Rgba& c) {
  float v[4] = {c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f};
  if (!ImGui::ColorEdit4(label, v, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_AlphaBar)) return false;
  c = to_rgba(v);
  return true;
}

// A legend entry's text: the Chinese label of a producer's or a production area's check result
// code, else the text itself.
std::string legend_text(const std::string& layer, const std::string& key) {
  if (layer == "producers") {
    if (auto r = result_from_code(key)) return result_label_zh(*r);
    if (key == "unchecked") return tr(Str::unchecked);
  }
  if (layer == kAreasLayer) {
    if (auto r = area_result_from_code(key)) return area_result_label_zh(*r);
    if (key == "unchecked") return tr(Str::unchecked);
  }
  return key;
}

// A zone's swatch as the map draws it: a faint wash and hatching of its colour inside a thick
// outline of the same colour.
void zone_swatch(const Rgba& c, std::size_t index, float fill_alpha, float scale) {
  const float side = ImGui::GetTextLineHeight();
  const ImVec2 a = ImGui::GetCursorScreenPos(), b(a.x + side, a.y + side);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(a, b, IM_COL32(c.r, c.g, c.b, static_cast<int>(fill_alpha * 255)));
  dl->PushClipRect(a, b, true);
  // A counted loop: a float loop `t += step` never ends if the sizes are odd (NaN, 0, huge).
  const float step = std::max(5.0f * scale, 1.0f);
  const int lines = std::isfinite(side) ? std::clamp(static_cast<int>(3.0f * side / step) + 1, 0, 256) : 0;
  for (int k = 0; k < lines; ++k) {  // the map's hatch direction of this GI
    const float t = -side + static_cast<float>(k) * step;
    switch (index % 4) {
      case 0: dl->AddLine(ImVec2(a.x + t, a.y), ImVec2(a.x + t + side, b.y), IM_COL32(c.r, c.g, c.b, 160)); break;
      case 1: dl->AddLine(ImVec2(a.x + t, b.y), ImVec2(a.x + t + side, a.y), IM_COL32(c.r, c.g, c.b, 160)); break;
      case 2: dl->AddLine(ImVec2(a.x, a.y + t), ImVec2(b.x, a.y + t), IM_COL32(c.r, c.g, c.b, 160)); break;
      default: dl->AddLine(ImVec2(a.x + t, a.y), ImVec2(a.x + t, b.y), IM_COL32(c.r, c.g, c.b, 160)); break;
    }
  }
  dl->PopClipRect();
  dl->AddRect(a, b, IM_COL32(c.r, c.g, c.b, 255), 0, 0, 2.5f * scale);
  ImGui::Dummy(ImVec2(side, side));
}

void legend(App& app, const std::string& layer) {
  std::size_t index = 0;
  for (const auto& [key, colour] : app.legend(layer)) {
    if (layer == "zones")
      zone_swatch(colour, index++, layer_style(app.styles, "zones").fill.a / 255.0f, app.content_scale);
    else
      ImGui::ColorButton(("##lg" + layer + key).c_str(), to_vec(colour), ImGuiColorEditFlags_NoTooltip,
                         ImVec2(ImGui::GetTextLineHeight(), ImGui::GetTextLineHeight()));
    ImGui::SameLine();
    std::string text = legend_text(layer, key);
    if (layer == "producers")
      if (auto it = app.check_counts.find(key); it != app.check_counts.end())
        text += "  " + std::to_string(it->second);
    ImGui::TextUnformatted(text.c_str());
    if (ImGui::IsItemHovered() && layer == "producers") ImGui::SetTooltip("%s", key.c_str());
  }
}

void style_editor(App& app, const std::string& name, LayerStyle& st) {
  bool changed = false;
  changed |= ImGui::SliderFloat(tr(Str::opacity), &st.opacity, 0.0f, 1.0f, "%.2f");
  const bool points = app.scene.point_layer(name) != nullptr;
  if (!points && name != "zones") changed |= colour_edit(tr(Str::fill_colour), st.fill);
  if (name == "zones") {  // each zone's colour is its GI's; the style sets how strong its wash is
    float wash = st.fill.a / 255.0f;
    if (ImGui::SliderFloat(tr(Str::zone_wash), &wash, 0.0f, 1.0f, "%.2f"))
      st.fill.a = static_cast<std::uint8_t>(std::lround(wash * 255.0f)), changed = true;
  }
  changed |= colour_edit(tr(Str::outline_colour), st.outline);
  if (!points) changed |= ImGui::SliderFloat(tr(Str::outline_width), &st.outline_width_px, 0.0f, 8.0f, "%.1f px");
  if (points) {
    const char* symbols[] = {tr(Str::symbol_circle), tr(Str::symbol_square), tr(Str::symbol_triangle),
                             tr(Str::symbol_diamond)};
    int s = static_cast<int>(st.symbol);
    if (ImGui::Combo(tr(Str::symbol), &s, symbols, 4)) st.symbol = static_cast<PointSymbol>(s), changed = true;
    changed |= ImGui::SliderFloat(tr(Str::point_size), &st.point_size_px, 2.0f, 30.0f, "%.0f px");
  } else if (const PolygonLayer* p = app.scene.polygon_layer(name)) {
    const std::string current = st.label_field.empty() ? tr(Str::no_labels) : st.label_field;
    if (ImGui::BeginCombo(tr(Str::label_field), current.c_str())) {
      if (ImGui::Selectable(tr(Str::no_labels), st.label_field.empty())) st.label_field.clear(), changed = true;
      for (const std::string& col : p->table.columns)
        if (ImGui::Selectable(col.c_str(), col == st.label_field)) st.label_field = col, changed = true;
      ImGui::EndCombo();
    }
  }
  if (changed) app.styles_changed();
}

}  // namespace

const char* layer_title(const std::string& name) {
  if (name == "townships") return tr(Str::layer_townships);
  if (name == "villages") return tr(Str::layer_villages);
  if (name == "zones") return tr(Str::layer_zones);
  if (name == "census_points") return tr(Str::layer_census);
  if (name == "producers") return tr(Str::layer_producers);
  if (name == "resources") return tr(Str::layer_resources);
  if (name == "production_areas") return tr(Str::layer_areas);
  return name.c_str();
}

void draw_layers_panel(App& app) {
  if (!app.ui.show_layers) return;
  const float s = app.content_scale;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  // Below the menu bar (WorkPos only accounts for it from the second frame on).
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + 8 * s, vp->Pos.y + ImGui::GetFrameHeight() + 8 * s), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(300 * s, 0), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowBgAlpha(0.94f);
  if (!ImGui::Begin(tr(Str::layers_title), &app.ui.show_layers, ImGuiWindowFlags_AlwaysAutoResize)) return ImGui::End();
  std::vector<std::string>& order = app.styles.order;
  // Top of the list = drawn last = on top, as in every desktop GIS.
  for (int i = static_cast<int>(order.size()) - 1; i >= 0; --i) {
    const std::string name = order[static_cast<std::size_t>(i)];
    const PolygonLayer* pl = app.scene.polygon_layer(name);
    const PointLayer* ql = app.scene.point_layer(name);
    if ((!pl || pl->size() == 0) && (!ql || ql->size() == 0)) continue;  // absent or empty
    LayerStyle& st = app.styles.layers[name];
    ImGui::PushID(name.c_str());
    if (ImGui::Checkbox("##vis", &st.visible)) app.styles_changed();
    ImGui::SameLine();
    const bool open = ImGui::TreeNodeEx(layer_title(name), ImGuiTreeNodeFlags_DefaultOpen * (name != "villages"));
    const float zoom_w = ImGui::CalcTextSize(tr(Str::zoom_short)).x + ImGui::GetStyle().FramePadding.x * 2;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(),
                             ImGui::GetContentRegionMax().x - ImGui::GetFrameHeight() * 2 - zoom_w - spacing * 2));
    if (ImGui::ArrowButton("up", ImGuiDir_Up) && i + 1 < static_cast<int>(order.size()))
      std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(i) + 1]), app.styles_changed();
    ImGui::SameLine();
    if (ImGui::ArrowButton("down", ImGuiDir_Down) && i > 0)
      std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(i) - 1]), app.styles_changed();
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(Str::zoom_short))) app.zoom_to_layer(name);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::zoom_to_layer));
    if (open) {
      legend(app, name);
      if (ImGui::TreeNode(tr(Str::style))) {
        style_editor(app, name, st);
        ImGui::TreePop();
      }
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
  if (!app.has_workspace()) ImGui::TextDisabled("%s", tr(Str::no_workspace));
  else draw_relief_section(app);
  ImGui::End();
}

void draw_relief_section(App& app) {
  ImGui::Separator();
  UiState& ui = app.ui;
  if (!ImGui::TreeNodeEx(tr(Str::relief_title), ImGuiTreeNodeFlags_DefaultOpen)) return;
  if (!app.dem && !app.relief_task.running()) {
    ImGui::TextDisabled("%s", tr(Str::relief_none));
  } else if (!app.dem) {
    ImGui::ProgressBar(static_cast<float>(app.relief_task.fraction()), ImVec2(-1, 0), tr(Str::relief_building));
  } else {
    bool changed = ImGui::Checkbox(tr(Str::relief_hillshade), &ui.show_relief);
    ImGui::BeginDisabled(!ui.show_relief);
    changed |= ImGui::Checkbox(tr(Str::relief_tint), &ui.relief_tint);
    changed |= ImGui::SliderFloat(tr(Str::opacity), &ui.relief_opacity, 0.0f, 1.0f, "%.2f");
    changed |= ImGui::Checkbox(tr(Str::relief_contours), &ui.show_contours);
    ImGui::EndDisabled();
    if (changed) app.redraw();
  }
  ImGui::TreePop();
}

}  // namespace giatlas::gui
