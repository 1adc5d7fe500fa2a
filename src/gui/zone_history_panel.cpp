// The zone history of the GI chosen in the zone tools: every version with its dates, source,
// author and note (a tooltip), and the area it added and removed against the version before it.
#include <imgui.h>

#include "app.h"
#include "error.h"
#include "geo/geodesic.h"
#include "panels.h"
#include "scope/zone_history.h"
#include "strings.h"

namespace giatlas::gui {
namespace {

// Compared once per GI and workspace content (the comparison is a GEOS overlay per version).
std::vector<ZoneHistoryRow> history_rows(const Workspace& ws, const std::string& gi) {
  std::vector<ZoneHistoryRow> rows;
  const std::vector<ZoneVersion> versions = zone_history(ws, gi);
  for (std::size_t i = 0; i < versions.size(); ++i) {
    const ZoneVersion& v = versions[i];
    ZoneHistoryRow r{v.version, v.effective_from, v.effective_to, v.source, v.author, v.note, 0, 0, 0};
    if (i == 0) {
      r.km2 = r.added_km2 = geodesic_area(v.geom) / 1e6;
    } else {
      const ZoneComparison c = compare_zone_versions(versions[i - 1], v);
      r.km2 = c.to_km2;
      r.added_km2 = c.added_km2;
      r.removed_km2 = c.removed_km2;
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace

void draw_zone_history(App& app) {
  UiState& ui = app.ui;
  if (!app.has_workspace() || ui.zone_gi.empty()) return;
  if (!ImGui::CollapsingHeader(tr(Str::ze_history), ImGuiTreeNodeFlags_DefaultOpen)) return;
  const std::string key = ui.zone_gi + "#" + std::to_string(app.data_version);
  if (key != ui.zone_history_key) {
    ui.zone_history_key = key;
    try {
      ui.zone_history = history_rows(*app.workspace(), ui.zone_gi);
    } catch (const Error& e) {
      ui.zone_history.clear();
      app.notify(e.what());
    }
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##zone_history", 7, flags)) return;
  for (Str h : {Str::ze_version, Str::ze_from, Str::ze_to, Str::ze_area, Str::ze_added, Str::ze_removed,
                Str::ze_source})
    ImGui::TableSetupColumn(tr(h));
  ImGui::TableHeadersRow();
  for (const ZoneHistoryRow& r : ui.zone_history) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("v%d", r.version);
    if (ImGui::IsItemHovered())  // author and note in a tooltip keep the table narrow
      ImGui::SetTooltip("%s: %s\n%s: %s", tr(Str::ze_author), r.author.c_str(), tr(Str::ze_note), r.note.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.from.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.to.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%.3f", r.km2);
    ImGui::TableNextColumn();
    ImGui::Text("+%.3f", r.added_km2);
    ImGui::TableNextColumn();
    ImGui::Text("%s%.3f", r.removed_km2 > 0 ? "-" : "", r.removed_km2);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.source.c_str());
  }
  ImGui::EndTable();
}

}  // namespace giatlas::gui
