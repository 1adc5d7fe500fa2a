// The main menu bar: File, View, Tools and Help.
#include <imgui.h>

#include "app.h"
#include "panels.h"
#include "role_gate.h"
#include "strings.h"

namespace giatlas::gui {

void draw_main_menu(App& app) {
  if (!ImGui::BeginMainMenuBar()) return;
  UiState& ui = app.ui;
  if (ImGui::BeginMenu(tr(Str::menu_file))) {
    if (ImGui::MenuItem(tr(Str::menu_open), "Ctrl+O")) open_file_dialog(app, FileDialogMode::open_workspace);
    if (ImGui::MenuItem(tr(Str::menu_new), "Ctrl+N")) open_file_dialog(app, FileDialogMode::new_workspace);
    if (ImGui::MenuItem(tr(Str::menu_open_db))) ui.show_database = true;
    if (gated_menu_item(app, "producers", tr(Str::menu_import), nullptr, false, app.has_workspace())) ui.show_import = true;
    if (ImGui::MenuItem(tr(Str::menu_export_map), nullptr, false, app.has_workspace())) ui.show_export = true;
    if (ImGui::MenuItem(tr(Str::menu_close), nullptr, false, app.has_workspace())) app.close_workspace();
    ImGui::Separator();
    if (ImGui::MenuItem(tr(Str::menu_quit), "Alt+F4")) glfwSetWindowShouldClose(app.window(), GLFW_TRUE);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(Str::menu_view))) {
    ImGui::MenuItem(tr(Str::layers_title), "L", &ui.show_layers);
    ImGui::MenuItem(tr(Str::table_title), "T", &ui.show_table);
    ImGui::MenuItem(tr(Str::identify_title), nullptr, &ui.show_identify);
    ImGui::Separator();
    if (ImGui::MenuItem(tr(Str::zoom_all), "Home")) app.zoom_to_all();
    if (ImGui::MenuItem(tr(Str::zoom_to_selection), "S", false, !ui.selection.empty())) app.zoom_to_selection();
    if (ImGui::MenuItem(tr(Str::zoom_in), "+")) app.view.zoom_about({app.view.width / 2.0, app.view.height / 2.0}, 2.0);
    if (ImGui::MenuItem(tr(Str::zoom_out), "-")) app.view.zoom_about({app.view.width / 2.0, app.view.height / 2.0}, 0.5);
    ImGui::Separator();
    if (ImGui::BeginMenu(tr(Str::menu_language))) {
      // Saved for the next start: every text, and the font's glyph set, follow the language.
      const std::pair<const char*, const char*> choices[] = {{"中文", "zh"}, {"English", "en"}, {tr(Str::lang_follow_system), ""}};
      for (const auto& [label, code] : choices)
        if (ImGui::MenuItem(label, nullptr, app.remembered.language == code)) {
          app.remembered.language = code;
          save_app_state(app.remembered);
          app.notify(tr(Str::lang_restart));
        }
      ImGui::EndMenu();
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(Str::menu_tools))) {
    if (ImGui::MenuItem(tr(Str::tool_identify), "I", ui.tool == Tool::identify)) ui.tool = Tool::identify;
    if (ImGui::MenuItem(tr(Str::tool_pan), "P", ui.tool == Tool::pan)) ui.tool = Tool::pan;
    if (ImGui::MenuItem(tr(Str::tool_select_box), "B", ui.tool == Tool::select_box)) ui.tool = Tool::select_box;
    if (ImGui::MenuItem(tr(Str::tool_zoom_box), "Z", ui.tool == Tool::zoom_box)) ui.tool = Tool::zoom_box;
    if (ImGui::MenuItem(tr(Str::tool_edit_zone), nullptr, ui.tool == Tool::edit_zone, app.zone_editor.has_value()))
      ui.tool = Tool::edit_zone;
    ImGui::Separator();
    if (ImGui::MenuItem(tr(Str::run_check), "Ctrl+R", false, app.has_workspace())) {
      ui.show_check = true;
      app.run_check();
    }
    ImGui::MenuItem(tr(Str::check_title), nullptr, &ui.show_check);
    gated_menu_toggle(app, "gi_zones", tr(Str::zone_tools_title), &ui.show_zone_tools, app.has_workspace());
    gated_menu_toggle(app, "census_points", tr(Str::census_title), &ui.show_census, app.has_workspace());
    ImGui::MenuItem(tr(Str::plan_title), nullptr, &ui.show_plan, app.has_workspace());
    ImGui::MenuItem(tr(Str::prog_title), nullptr, &ui.show_programme, app.has_workspace());
    ImGui::MenuItem(tr(Str::scope_title), nullptr, &ui.show_scope, app.has_workspace());
    if (gated_menu_item(app, "producers", tr(Str::rec_title), nullptr, ui.record_edit.open, app.has_workspace()))
      ui.record_edit.open = !ui.record_edit.open;
    ImGui::MenuItem(tr(Str::trace_title), nullptr, &ui.show_trace, app.has_workspace());
    ImGui::MenuItem(tr(Str::history_title), nullptr, &ui.show_history, app.has_workspace());
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(Str::menu_help))) {
    ImGui::MenuItem(tr(Str::help_title), "F1", &ui.show_help);
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

}  // namespace giatlas::gui
