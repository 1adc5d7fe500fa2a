// The scope statement window for the applicant: the statement of the selected GI's zone in force
// today, as text to copy and as Markdown (core scope_statement, scope_text, scope_markdown),
// computed once per GI and load, never per frame.
#include <imgui.h>

#include "app.h"
#include "error.h"
#include "panels.h"
#include "scope/scope_format.h"
#include "scope/scope_statement.h"
#include "strings.h"

namespace giatlas::gui {

namespace {

// Fills ui.scope_text / ui.scope_md for ui.scope_gi, unless they are for this GI and load.
void refresh_statement(App& app) {
  UiState& ui = app.ui;
  const std::string key = ui.scope_gi + "#" + std::to_string(app.data_version);
  if (key == ui.scope_key) return;
  ui.scope_key = key;
  ui.scope_text.clear(), ui.scope_md.clear(), ui.scope_error.clear();
  if (ui.scope_gi.empty()) return;
  try {
    const auto z = app.workspace()->zone_in_force(ui.scope_gi, today_iso());
    if (!z) throw Error(ui.scope_gi + ": no zone in force today");
    const ScopeStatement s = scope_statement(*app.workspace(), ui.scope_gi, z->version);
    ui.scope_text = scope_text(s);
    ui.scope_md = scope_markdown(s);
    app.add_font_text(ui.scope_md + ui.scope_text);  // the statement's own wording and names
  } catch (const Error& e) {
    ui.scope_error = e.what();
  }
}

}  // namespace

void draw_scope_panel(App& app) {
  UiState& ui = app.ui;
  if (!ui.show_scope || !app.has_workspace()) return;
  const float s = app.content_scale;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 10 * s, vp->WorkPos.y + 10 * s),
                          ImGuiCond_FirstUseEver, ImVec2(1, 0));
  ImGui::SetNextWindowSize(ImVec2(520 * s, 420 * s), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr(Str::scope_title), &ui.show_scope)) return ImGui::End();
  const std::vector<GiProduct>& gis = app.gi_register();
  if (ui.scope_gi.empty() && !gis.empty()) ui.scope_gi = gis.front().name;  // DEFAULT: the register's first
  if (ImGui::BeginCombo(tr(Str::gi), ui.scope_gi.c_str())) {
    for (const GiProduct& g : gis)
      if (ImGui::Selectable(g.name.c_str(), g.name == ui.scope_gi)) ui.scope_gi = g.name;
    ImGui::EndCombo();
  }
  refresh_statement(app);
  if (!ui.scope_error.empty())
    ImGui::TextColored(ImVec4(0.85f, 0.18f, 0.16f, 1), "%s", ui.scope_error.c_str());
  ImGui::Checkbox("Markdown", &ui.scope_show_md);
  ImGui::SameLine();
  const std::string& shown = ui.scope_show_md ? ui.scope_md : ui.scope_text;
  if (ImGui::Button(tr(Str::scope_copy))) {
    ImGui::SetClipboardText(shown.c_str());
    app.notify(tr(Str::scope_copied));
  }
  // Wrapped to the window for reading; Copy takes the exact text.
  ImGui::BeginChild("##statement", ImVec2(0, 0), true);
  ImGui::TextWrapped("%s", shown.c_str());
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace giatlas::gui
