// The census tool: click the map where a census point is, fill in the form and record it
// through core CensusEditor (saved at once, with undo and redo); the map reloads after each.
#include <imgui.h>

#include "role_gate.h"
#include "app.h"
#include "error.h"
#include "imgui_stdlib.h"
#include "panels.h"
#include "strings.h"

namespace giatlas::gui {
namespace {

// Runs one editor change; the map shows the census layer as saved.
template <class Fn>
void change(App& app, Fn fn, const std::string& done) {
  try {
    fn(*app.census_editor);
    app.open_workspace(app.workspace()->path());
    app.notify(done);
  } catch (const Error& e) {
    app.notify(e.what());
  }
}

void start_session(App& app) {
  try {
    app.census_editor.reset();
    app.census_ws = std::make_unique<Workspace>(open_for_writing(app.workspace()->path()));
    app.census_editor = std::make_unique<CensusEditor>(*app.census_ws);
    app.ui.tool = Tool::census;
  } catch (const Error& e) {
    app.census_ws.reset();
    app.notify(e.what());
  }
}

void draw_form(App& app) {
  CensusPoint& f = app.ui.census_form;
  ImGui::InputText(tr(Str::census_product), &f.product);
  ImGui::InputText(tr(Str::census_category), &f.category);
  ImGui::InputText(tr(Str::census_surveyor), &f.surveyor);
  ImGui::InputText(tr(Str::census_date), &f.survey_date);
  ImGui::InputDouble(tr(Str::census_output), &f.annual_output_t, 0, 0, "%.2f");
  ImGui::InputDouble(tr(Str::census_area), &f.area_mu, 0, 0, "%.1f");
  ImGui::InputInt(tr(Str::census_households), &f.households);
  ImGui::InputText(tr(Str::census_note), &f.note);
  if (app.ui.census_has_location)
    ImGui::Text("%s: %.6f, %.6f", tr(Str::census_location), f.location.x, f.location.y);
  ImGui::BeginDisabled(!app.ui.census_has_location || app.task.running());
  if (gated_button(app, "census_points", tr(Str::census_record))) {
    CensusPoint p = f;
    p.id = 0;
    p.township.clear();  // the editor fills it from the township polygons
    change(app, [p](CensusEditor& ed) { ed.add(p); }, tr(Str::census_recorded));
    app.ui.census_has_location = false;
  }
  ImGui::EndDisabled();
}

}  // namespace

void census_click(App& app, const Point& lonlat) {
  app.ui.census_form.location = lonlat;
  app.ui.census_has_location = true;
  app.ui.show_census = true;
  app.redraw();
}

void draw_census_tool(App& app) {
  UiState& ui = app.ui;
  if (!ui.show_census || !app.has_workspace()) return;
  const float s = app.content_scale;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 480 * s, vp->WorkPos.y + 10 * s),
                          ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr(Str::census_title), &ui.show_census, ImGuiWindowFlags_AlwaysAutoResize)) return ImGui::End();
  if (!app.census_editor) {
    if (gated_button(app, "census_points", tr(Str::census_start))) start_session(app);
    ImGui::TextDisabled("%s", tr(Str::census_hint));
    return ImGui::End();
  }
  if (ImGui::Button(tr(Str::census_stop))) {
    app.census_editor.reset();
    app.census_ws.reset();
    if (ui.tool == Tool::census) ui.tool = Tool::identify;
    return ImGui::End();
  }
  ImGui::SameLine();
  if (ui.tool != Tool::census && ImGui::Button(tr(Str::tool_census))) ui.tool = Tool::census;
  CensusEditor& ed = *app.census_editor;
  const bool busy = app.task.running();
  ImGui::BeginDisabled(!ed.can_undo() || busy);
  if (ImGui::Button((std::string(tr(Str::ze_undo)) + " " + ed.undo_label() + "###undo").c_str()))
    change(app, [](CensusEditor& e) { e.undo(); }, "");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!ed.can_redo() || busy);
  if (ImGui::Button((std::string(tr(Str::ze_redo)) + " " + ed.redo_label() + "###redo").c_str()))
    change(app, [](CensusEditor& e) { e.redo(); }, "");
  ImGui::EndDisabled();
  ImGui::Separator();
  draw_form(app);
  ImGui::TextDisabled("%s", tr(Str::census_hint));
  ImGui::End();
}

}  // namespace giatlas::gui
