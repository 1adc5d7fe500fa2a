// Greying out what the workspace role cannot change (see role_gate.h).
#include "role_gate.h"

#include <imgui.h>

#include <string>

namespace giatlas::gui {

namespace {

// Remembers the gate for --print-layout, greys the item when refused.
bool begin_gate(App& app, const char* table, const char* label, RoleVerdict& v) {
  v = role_may(app, table);
  std::string shown(label);
  if (const auto hash = shown.find("##"); hash != std::string::npos) shown.erase(hash);
  UiState::RoleGateSeen& seen = app.ui.role_gates[shown];
  seen.table = table;
  seen.allowed = v.allowed;
  if (!v.allowed) ImGui::BeginDisabled();
  return v.allowed;
}

void end_gate(App& app, const char* label, const RoleVerdict& v) {
  std::string shown(label);
  if (const auto hash = shown.find("##"); hash != std::string::npos) shown.erase(hash);
  UiState::RoleGateSeen& seen = app.ui.role_gates[shown];
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  seen.x0 = a.x, seen.y0 = a.y, seen.x1 = b.x, seen.y1 = b.y;
  seen.tooltip = false;
  if (v.allowed) return;
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("%s", v.reason.c_str());
    seen.tooltip = true;
  }
}

}  // namespace

RoleVerdict role_may(const App& app, const char* table) {
  const Workspace* ws = app.workspace();
  return ws ? role_may_change(ws->role(), ws->postgis(), table) : RoleVerdict{};
}

bool gated_button(App& app, const char* table, const char* label, bool small) {
  RoleVerdict v;
  begin_gate(app, table, label, v);
  const bool clicked = small ? ImGui::SmallButton(label) : ImGui::Button(label);
  end_gate(app, label, v);
  return clicked && v.allowed;
}

bool gated_menu_item(App& app, const char* table, const char* label, const char* shortcut, bool selected,
                     bool enabled) {
  RoleVerdict v;
  begin_gate(app, table, label, v);
  const bool clicked = ImGui::MenuItem(label, shortcut, selected, enabled);
  end_gate(app, label, v);
  return clicked && v.allowed;
}

void gated_menu_toggle(App& app, const char* table, const char* label, bool* open, bool enabled) {
  RoleVerdict v;
  if (!begin_gate(app, table, label, v)) *open = false;
  ImGui::MenuItem(label, nullptr, open, enabled);
  end_gate(app, label, v);
}

}  // namespace giatlas::gui
