// Greys out what the workspace role cannot change (ImGui::BeginDisabled), with the refusal's own
// sentence as the tooltip ("your role (viewer) cannot change zones (你的角色（查看者）不能修改保护
// 范围)"). The rule is the core's (workspace/role_rules.h); the database still enforces it.
#pragma once
#include "app.h"
#include "workspace/role_rules.h"

namespace giatlas::gui {

// Every table an action of the app is gated on (the refusal sentences' glyphs go into the font).
inline constexpr const char* kGatedTables[] = {
    "gi_zones",        "gi_products",  "census_points",  "producers",      "inspectors",       "townships",
    "villages",        "production_areas", "lots",       "plan_records",   "plan_outcomes",    "gi_resources",
    "resource_status", "register_status",  "gi_protections", "gi_standards", "mark_user_status", "mark_users",
    "candidate_scores", "programme_targets", "giatlas_settings"};

// May the open workspace's user change `table`? Allowed when no workspace is open.
RoleVerdict role_may(const App& app, const char* table);

// A button / menu item greyed when the role may not change `table`; true when clicked.
bool gated_button(App& app, const char* table, const char* label, bool small = false);
bool gated_menu_item(App& app, const char* table, const char* label, const char* shortcut = nullptr,
                     bool selected = false, bool enabled = true);
// A menu item toggling `*open`, greyed (and the window closed) when the role may not change `table`.
void gated_menu_toggle(App& app, const char* table, const char* label, bool* open, bool enabled);

}  // namespace giatlas::gui
