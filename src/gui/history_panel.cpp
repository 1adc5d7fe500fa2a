// Tools -> History…: the audit trail of a PostGIS workspace (core read_audit_log, as
// `giatlas-cli log` reads it), filtered by table and since-date, newest first: when, who, which
// table and row, what was done and what changed. Read when opened, when the filters are applied and
// after each change the app makes (data_version), never per frame. A GeoPackage keeps no audit
// trail: the window says so in one line.
#include <imgui.h>
#include "imgui_stdlib.h"

#include <algorithm>
#include <cstdio>

#include "app.h"
#include "error.h"
#include "panels.h"
#include "strings.h"
#include "workspace/pg_audit.h"

namespace giatlas::gui {

namespace {

void read_history(App& app) {
  UiState::History& h = app.ui.history;
  h.stale = false;
  h.read_version = app.data_version;
  h.entries.clear();
  h.error.clear();
  const Workspace& ws = *app.workspace();
  if (!ws.postgis()) {
    h.error = tr(Str::history_gpkg);
    return;
  }
  try {
    if (h.tables.empty())
      for (const TableInfo& t : ws.tables()) h.tables.push_back(t.name);
    h.entries = read_audit_log(ws, h.since, h.table);
    std::reverse(h.entries.begin(), h.entries.end());  // newest first
    std::string text;
    for (const AuditEntry& e : h.entries) text += e.who + e.changes;
    app.add_font_text(std::move(text));
  } catch (const Error& e) {
    h.error = e.what();
  }
}

}  // namespace

void draw_history_panel(App& app) {
  UiState& ui = app.ui;
  UiState::History& h = ui.history;
  if (!ui.show_history || !app.has_workspace()) {
    h.stale = true;
    h.tables.clear();
    return;
  }
  if (h.stale || h.read_version != app.data_version) read_history(app);
  const float s = app.content_scale;
  ImGui::SetNextWindowSize(ImVec2(760 * s, 420 * s), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr(Str::history_title), &ui.show_history)) return ImGui::End();
  if (!app.workspace()->postgis()) {
    ImGui::TextWrapped("%s", h.error.c_str());
    return ImGui::End();
  }
  ImGui::SetNextItemWidth(200 * s);
  if (ImGui::BeginCombo(tr(Str::history_table), h.table.empty() ? "*" : h.table.c_str())) {
    if (ImGui::Selectable("*", h.table.empty())) h.table.clear(), h.stale = true;
    for (const std::string& t : h.tables)
      if (t != "audit_log" && ImGui::Selectable(t.c_str(), t == h.table)) h.table = t, h.stale = true;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(120 * s);
  const bool enter = ImGui::InputText(tr(Str::history_since), &h.since, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::history_show)) || enter) h.stale = true;
  if (!h.error.empty()) ImGui::TextColored(ImVec4(0.85f, 0.18f, 0.16f, 1), "%s", h.error.c_str());
  else if (h.entries.empty()) ImGui::TextDisabled("%s", tr(Str::history_none));
  else ImGui::Text("%zu %s", h.entries.size(), tr(Str::history_count));
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
  if (!h.entries.empty() && ImGui::BeginTable("history", 6, flags)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::history_when));
    ImGui::TableSetupColumn(tr(Str::history_who));
    ImGui::TableSetupColumn(tr(Str::history_table));
    ImGui::TableSetupColumn(tr(Str::history_row));
    ImGui::TableSetupColumn(tr(Str::history_action));
    ImGui::TableSetupColumn(tr(Str::history_changes), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(h.entries.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const AuditEntry& e = h.entries[static_cast<std::size_t>(i)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(e.at.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(e.who.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(e.table.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("#%lld", static_cast<long long>(e.row_id));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(e.action.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(e.changes.c_str());
        if (ImGui::IsItemHovered() && e.changes.size() > 60) ImGui::SetTooltip("%s", e.changes.c_str());
      }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace giatlas::gui
