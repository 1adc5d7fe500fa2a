// Zone tools: build a GI's zone from the townships selected on the map (their union, with the
// core's sliver and hole findings), then save it as a new version. The map reloads afterwards.
#include <imgui.h>

#include "app.h"
#include "error.h"
#include "panels.h"
#include "scope/zone_from_units.h"
#include "scope/zone_history.h"
#include "strings.h"

namespace giatlas::gui {

void draw_zone_tools(App& app) {
  if (!app.ui.show_zone_tools || !app.has_workspace()) return;
  const float s = app.content_scale;
  ImGui::SetNextWindowSize(ImVec2(420 * s, 0), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr(Str::zone_tools_title), &app.ui.show_zone_tools, ImGuiWindowFlags_AlwaysAutoResize))
    return ImGui::End();
  UiState& ui = app.ui;
  const Workspace& ws = *app.workspace();
  const std::vector<GiProduct> gis = ws.gi_products();
  if (ui.zone_gi.empty() && !gis.empty()) ui.zone_gi = gis.front().name;
  if (ImGui::BeginCombo(tr(Str::gi), ui.zone_gi.c_str())) {
    for (const GiProduct& g : gis)
      if (ImGui::Selectable(g.name.c_str(), g.name == ui.zone_gi)) ui.zone_gi = g.name;
    ImGui::EndCombo();
  }
  const PolygonLayer* towns = app.scene.polygon_layer("townships");
  std::vector<std::string> codes;
  if (towns && ui.selection.layer == "townships")
    for (std::size_t r : ui.selection.rows) codes.push_back(towns->table.rows[r][2]);
  ImGui::TextWrapped("%s: %zu", tr(Str::zone_selected_townships), codes.size());
  ImGui::BeginDisabled(codes.empty() || ui.zone_gi.empty());
  if (ImGui::Button(tr(Str::zone_save_from_selection))) {
    try {
      const ZoneFromUnits z = zone_from_units(ws.townships(), ws.villages(), codes);
      ZoneSaveRequest req;
      req.gi = ui.zone_gi;
      req.source = "units";
      req.units = z.units;
      req.author = tr(Str::app_title);
      Workspace writable = Workspace::open(ws.path());
      const ZoneVersion v = save_zone(writable, z.geom, req);
      std::string msg = ui.zone_gi + " v" + std::to_string(v.version) + " " + tr(Str::saved);
      for (const UnitsFinding& f : z.findings) msg += "; " + f.code + ": " + f.detail;
      const std::string path = ws.path();
      app.open_workspace(path);
      app.notify(msg);
    } catch (const Error& e) {
      app.notify(e.what());
    }
  }
  ImGui::EndDisabled();
  ImGui::TextDisabled("%s", tr(Str::zone_hint));
  ImGui::End();
}

}  // namespace giatlas::gui
