// The help window: every keyboard shortcut and mouse gesture of the map.
#include <imgui.h>

#include "app.h"
#include "panels.h"
#include "strings.h"

namespace giatlas::gui {

void draw_help_window(App& app) {
  if (!app.ui.show_help) return;
  ImGui::SetNextWindowSize(ImVec2(460 * app.content_scale, 420 * app.content_scale), ImGuiCond_FirstUseEver);
  if (ImGui::Begin(tr(Str::help_title), &app.ui.show_help)) {
    static const Str rows[][2] = {
        {Str::key_drag, Str::help_pan},          {Str::key_arrows, Str::help_pan_keys},
        {Str::key_wheel, Str::help_zoom_wheel},  {Str::key_plus_minus, Str::help_zoom_keys},
        {Str::key_ctrl_drag, Str::help_zoom_box}, {Str::key_shift_drag, Str::help_select_box},
        {Str::key_click, Str::help_identify},    {Str::key_ctrl_click, Str::help_toggle_select},
        {Str::key_home, Str::help_zoom_all},     {Str::key_s, Str::help_zoom_selection},
        {Str::key_i_b_z_p, Str::help_tools},     {Str::key_t, Str::help_table},
        {Str::key_l, Str::help_layers},          {Str::key_esc, Str::help_clear},
        {Str::key_ctrl_o, Str::help_open},       {Str::key_ctrl_n, Str::help_new},
        {Str::key_ctrl_r, Str::help_check},      {Str::key_f1, Str::help_help}};
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
      ImGui::TableSetupColumn(tr(Str::help_key));
      ImGui::TableSetupColumn(tr(Str::help_action));
      ImGui::TableHeadersRow();
      for (const auto& r : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(r[0]));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(r[1]));
      }
      ImGui::EndTable();
    }
  }
  ImGui::End();
}

}  // namespace giatlas::gui
