// Zone tools: build a GI's zone from the townships selected on the map (their union, with the
// core's sliver and hole findings), or draw and edit it with the zone editor (zone_edit.h);
// save either as a new version, and list the GI's versions. The map reloads after a save.
#include <imgui.h>

#include <algorithm>

#include "role_gate.h"
#include "app.h"
#include "error.h"
#include "panels.h"
#include "geo/geodesic.h"
#include "imgui_stdlib.h"
#include "scope/zone_from_units.h"
#include "scope/zone_ops.h"
#include "scope/zone_history.h"
#include "scope/zone_requests.h"
#include "strings.h"
#include "workspace/gi_register.h"
#include "zone_edit.h"

namespace giatlas::gui {
namespace {

// A grey hint wrapped to the window's usual width (the window sizes itself to its content).
void hint(const char* text, float s) {
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 440 * s);
  ImGui::TextDisabled("%s", text);
  ImGui::PopTextWrapPos();
}

// A cheap fingerprint of a geometry (vertex count and weighted coordinate sum): it changes with
// every edit, so the window recomputes validity and area only then.
double fingerprint(const MultiPolygon& m) {
  double sum = static_cast<double>(m.vertex_count());
  double w = 1;
  for (const Polygon& p : m.polygons)
    for (const Ring& r : p.rings)
      for (const Point& q : r) sum += (q.x + 3.1 * q.y) * (w += 1e-3);
  return sum;
}

// The union of the selected townships (lon/lat), or empty with a message in the status bar.
MultiPolygon selected_union(App& app, const std::vector<std::string>& codes) {
  try {
    return zone_from_units(app.townships(), app.villages(), codes).geom;
  } catch (const Error& e) {
    app.notify(e.what());
    return {};
  }
}

// "Save as zone": the selected units' union as the next version of the chosen GI (core
// save_units_zone), effective today; then the map reloads.
void save_selection_zone(App& app, const std::vector<std::string>& codes) {
  const std::string gi = app.ui.zone_gi, path = app.workspace()->path();
  try {
    const SavedUnitsZone saved = [&] {
      Workspace writable = open_for_writing(path);  // closed before the map reopens the file
      return save_units_zone(writable, app.townships(), app.villages(), codes, gi, {"", tr(Str::app_title), "", std::nullopt});
    }();
    std::string msg = gi + " v" + std::to_string(saved.version.version) + " " + tr(Str::saved);
    for (const UnitsFinding& f : saved.zone.findings) msg += "; " + f.code + ": " + f.detail;
    app.open_workspace(path);
    app.notify(msg);
  } catch (const Error& e) {
    app.notify(e.what());
  }
}

// A new GI for the register through core add_new_gi, as `giatlas-cli register add` makes it: a
// candidate with a name, category, protection type and holder.
void draw_new_gi_form(App& app) {
  UiState& ui = app.ui;
  ImGui::Indent();
  ImGui::InputText(tr(Str::gi_name), &ui.new_gi_name);
  auto pick = [](const char* label, int& index, const std::vector<std::string>& items) {
    index = std::clamp(index, 0, static_cast<int>(items.size()) - 1);
    if (ImGui::BeginCombo(label, items[static_cast<std::size_t>(index)].c_str())) {
      for (std::size_t i = 0; i < items.size(); ++i)
        if (ImGui::Selectable(items[i].c_str(), static_cast<int>(i) == index)) index = static_cast<int>(i);
      ImGui::EndCombo();
    }
  };
  pick(tr(Str::gi_category), ui.new_gi_category, gi_categories());
  pick(tr(Str::gi_type), ui.new_gi_type, gi_protection_types());
  ImGui::InputText(tr(Str::gi_holder), &ui.new_gi_holder);
  ImGui::BeginDisabled(ui.new_gi_name.empty());
  if (ImGui::Button(tr(Str::gi_add))) {
    GiProduct g;
    g.name = ui.new_gi_name;
    g.category = gi_categories()[static_cast<std::size_t>(ui.new_gi_category)];
    g.protection_type = gi_protection_types()[static_cast<std::size_t>(ui.new_gi_type)];
    g.holder = ui.new_gi_holder;
    try {
      const std::string path = app.workspace()->path();
      {
        Workspace writable = open_for_writing(path);
        g = add_new_gi(writable, g);  // the register's checks; a candidate
      }
      app.open_workspace(path);
      ui.zone_gi = g.name;
      ui.show_new_gi = false;
      ui.new_gi_name.clear();
      ui.new_gi_holder.clear();
      app.notify(g.name + " " + tr(Str::gi_added));
    } catch (const Error& e) {
      app.notify(e.what());
    }
  }
  ImGui::EndDisabled();
  ImGui::Unindent();
}

// A save refused because someone saved a newer version: who and when, theirs against the edited
// geometry (areas each has that the other lacks), their outline on the map, and the save on top.
void draw_conflict(App& app) {
  ZoneEditUi& ze = app.ui.zone_edit;
  const float s = app.content_scale;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 440 * s);
  ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.1f, 1), "%s", ze.conflict_text.c_str());
  ImGui::TextDisabled("%s", tr(Str::ze_conflict_kept));
  ImGui::PopTextWrapPos();
  const MultiPolygon& mine = app.zone_editor->geometry();
  if (const double key = fingerprint(mine); key != ze.conflict_key) {
    ze.conflict_key = key;
    try {
      const ZoneComparison c = compare_with_unsaved(*ze.conflict, mine);
      ze.conflict_theirs_km2 = c.from_km2;
      ze.conflict_only_theirs_km2 = c.removed_km2;
      ze.conflict_only_mine_km2 = c.added_km2;
      ze.conflict_mine_km2 = c.to_km2;
    } catch (const Error& e) {
      app.notify(e.what());
    }
  }
  if (ImGui::Checkbox(tr(Str::ze_conflict_overlay), &ze.conflict_overlay)) app.redraw();
  ImGui::Text("%s: %.4f   %s: %.4f", tr(Str::ze_conflict_theirs), ze.conflict_theirs_km2, tr(Str::ze_conflict_mine),
              ze.conflict_mine_km2);
  ImGui::Text("%s: %.4f   %s: %.4f", tr(Str::ze_conflict_only_theirs), ze.conflict_only_theirs_km2,
              tr(Str::ze_conflict_only_mine), ze.conflict_only_mine_km2);
  const std::string label = std::string(tr(Str::ze_save_anyway)) + " " + std::to_string(ze.conflict->version + 1);
  if (gated_button(app, "gi_zones", label.c_str())) save_zone_edit_over_conflict(app);
}

void draw_save_form(App& app) {
  ZoneEditUi& ze = app.ui.zone_edit;
  if (gated_button(app, "gi_zones", tr(Str::ze_save_as))) ze.show_save = !ze.show_save;
  if (!ze.show_save || !role_may(app, "gi_zones").allowed) return;
  ImGui::Indent();
  ImGui::Text("%s: %s", tr(Str::gi), app.zone_editor_gi.c_str());
  ImGui::InputText(tr(Str::ze_effective_from), &ze.effective_from);
  ImGui::InputText(tr(Str::ze_author), &ze.author);
  ImGui::InputTextMultiline(tr(Str::ze_note), &ze.note, ImVec2(0, 50 * app.content_scale));
  if (gated_button(app, "gi_zones", tr(Str::ze_save))) save_zone_edit(app);
  if (ze.conflict) draw_conflict(app);
  ImGui::Unindent();
}

void draw_zone_editor_section(App& app, const std::vector<std::string>& codes) {
  UiState& ui = app.ui;
  ZoneEditUi& ze = ui.zone_edit;
  if (gated_button(app, "gi_zones", tr(Str::ze_start))) start_zone_edit(app, ui.zone_gi, true);
  ImGui::SameLine();
  if (gated_button(app, "gi_zones", tr(Str::ze_start_empty))) start_zone_edit(app, ui.zone_gi, false);
  if (!app.zone_editor) return hint(tr(Str::ze_edit_hint), app.content_scale);
  ZoneEditor& ed = *app.zone_editor;
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::ze_stop))) {
    app.zone_editor.reset();
    if (ui.tool == Tool::edit_zone) ui.tool = Tool::identify;
    return app.redraw();
  }
  const MultiPolygon& g = ed.geometry();
  if (const double key = fingerprint(g); key != ze.stats_key) {
    ze.stats_key = key;
    ze.invalid = g.empty() ? "" : ed.validity();
    ze.km2 = g.empty() ? 0.0 : geodesic_area(g) / 1e6;
  }
  const std::string& invalid = ze.invalid;
  ImGui::Text("%s · %s %zu · %s %.3f", app.zone_editor_gi.c_str(), tr(Str::ze_vertices), g.vertex_count(),
              tr(Str::ze_area), ze.km2);
  if (!invalid.empty()) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s: %s", tr(Str::ze_invalid), invalid.c_str());
  const char* modes[] = {tr(Str::ze_mode_add), tr(Str::ze_mode_subtract), tr(Str::ze_mode_replace)};
  ImGui::SetNextItemWidth(120 * app.content_scale);
  ImGui::Combo(tr(Str::ze_draw_mode), &ze.draw_mode, modes, 3);
  ImGui::SameLine();
  if (!ed.drawing()) {
    if (ImGui::Button(tr(Str::ze_draw))) ed.begin_draw(), ui.tool = Tool::edit_zone;
  } else {
    if (ImGui::Button(tr(Str::ze_finish)))
      report_edit(app, ed.finish_draw(static_cast<DrawMode>(ze.draw_mode), zone_on_invalid(app)));
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::ze_cancel))) ed.cancel_draw(), app.redraw();
  }
  const std::string undo = std::string(tr(Str::ze_undo)) + " " + (ed.can_undo() ? ed.undo_label() : tr(Str::ze_nothing)) +
                           " (Ctrl+Z)###undo";
  ImGui::BeginDisabled(!ed.can_undo());
  if (ImGui::Button(undo.c_str()) && ed.undo()) report_edit(app, {true, false, ""});
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!ed.can_redo());
  if (ImGui::Button((std::string(tr(Str::ze_redo)) + " (Ctrl+Y)").c_str()) && ed.redo()) report_edit(app, {true, false, ""});
  ImGui::EndDisabled();
  ImGui::BeginDisabled(ed.drawing());
  ImGui::SetNextItemWidth(100 * app.content_scale);
  ImGui::InputDouble(tr(Str::ze_buffer_m), &ze.buffer_m, 10, 100, "%.0f");
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::ze_buffer))) report_edit(app, ed.buffer(ze.buffer_m, zone_on_invalid(app)));
  ImGui::BeginDisabled(codes.empty());
  if (ImGui::Button(tr(Str::ze_add_selected)))
    if (const MultiPolygon u = selected_union(app, codes); !u.empty()) report_edit(app, ed.add(u, zone_on_invalid(app)));
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::ze_subtract_selected)))
    if (const MultiPolygon u = selected_union(app, codes); !u.empty())
      report_edit(app, ed.subtract(u, zone_on_invalid(app)));
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::ze_clip)))
    report_edit(app, ed.clip_to(district_area(app.townships()), zone_on_invalid(app)));
  ImGui::EndDisabled();
  ImGui::Checkbox(tr(Str::ze_repair), &ze.repair);
  ImGui::SetNextItemWidth(100 * app.content_scale);
  ImGui::SliderFloat(tr(Str::ze_snap_px), &ze.snap_px, 0, 30, "%.0f");
  ImGui::BeginDisabled(g.empty() || !invalid.empty() || ed.drawing());
  draw_save_form(app);
  ImGui::EndDisabled();
  hint(tr(Str::ze_edit_hint), app.content_scale);
}

}  // namespace

void draw_zone_tools(App& app) {
  if (!app.ui.show_zone_tools || !app.has_workspace()) {
    if (app.has_workspace()) app.request_band_preview({}, {});  // no preview while the tools are closed
    return;
  }
  const float s = app.content_scale;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 10 * s, vp->WorkPos.y + 10 * s),
                          ImGuiCond_FirstUseEver, ImVec2(1, 0));
  if (!ImGui::Begin(tr(Str::zone_tools_title), &app.ui.show_zone_tools, ImGuiWindowFlags_AlwaysAutoResize))
    return ImGui::End();
  UiState& ui = app.ui;
  const std::vector<GiProduct>& gis = app.gi_register();
  if (ui.zone_gi.empty() && !gis.empty()) ui.zone_gi = gis.front().name;
  if (ImGui::BeginCombo(tr(Str::gi), ui.zone_gi.c_str())) {
    for (const GiProduct& g : gis)
      if (ImGui::Selectable(g.name.c_str(), g.name == ui.zone_gi)) ui.zone_gi = g.name;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (gated_button(app, "gi_products", tr(Str::gi_new))) ui.show_new_gi = !ui.show_new_gi;
  if (ui.show_new_gi) draw_new_gi_form(app);
  // The units: the selected townships, or the selected villages (column 2 of both tables is the code).
  std::vector<std::string> codes;
  if (ui.selection.layer == "townships" || ui.selection.layer == "villages")
    if (const PolygonLayer* units = app.scene.polygon_layer(ui.selection.layer))
      for (std::size_t r : ui.selection.rows) codes.push_back(units->table.rows[r][2]);
  ImGui::TextWrapped("%s: %zu", tr(Str::zone_selected_townships), codes.size());
  ImGui::BeginDisabled(codes.empty() || ui.zone_gi.empty());
  if (gated_button(app, "gi_zones", tr(Str::zone_save_from_selection))) save_selection_zone(app, codes);
  ImGui::EndDisabled();
  hint(tr(Str::zone_hint), s);
  ImGui::Separator();
  draw_zone_band_section(app, codes);
  ImGui::Separator();
  draw_zone_editor_section(app, codes);
  ImGui::Separator();
  draw_zone_history(app);
  ImGui::End();
}

}  // namespace giatlas::gui
