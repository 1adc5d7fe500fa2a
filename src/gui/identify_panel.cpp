// The identify panel: every attribute of the features under the last click, with the check
// result and its reason for producers.
#include <imgui.h>

#include "role_gate.h"
#include "app.h"
#include "panels.h"
#include "map/field_labels.h"
#include "strings.h"

namespace giatlas::gui {

const char* layer_title(const std::string& name);

void draw_identify_panel(App& app) {
  if (!app.ui.show_identify) return;
  const float s = app.content_scale;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 390 * s, vp->WorkPos.y + 8 * s), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(380 * s, 420 * s), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr(Str::identify_title), &app.ui.show_identify)) return ImGui::End();
  if (app.ui.identified.empty()) ImGui::TextDisabled("%s", tr(Str::identify_hint));
  int n = 0;
  for (const Identified& id : app.ui.identified) {
    const AttributeTable* t = nullptr;
    if (const PolygonLayer* p = app.scene.polygon_layer(id.layer)) t = &p->table;
    if (const PointLayer* p = app.scene.point_layer(id.layer)) t = &p->table;
    if (!t || id.row >= t->rows.size()) continue;
    const auto& row = t->rows[id.row];
    ImGui::PushID(n++);
    const std::string head = std::string(layer_title(id.layer)) + " — " + (row.size() > 1 ? row[1] : "");
    if (ImGui::CollapsingHeader(head.c_str(), n <= 2 ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
      if (ImGui::SmallButton(tr(Str::zoom_to_feature))) app.zoom_to_row(id.layer, id.row);
      if (const PointLayer* p = app.scene.point_layer(id.layer); p && id.layer == "producers" && id.row < p->ids.size()) {
        ImGui::SameLine();
        if (gated_button(app, "producers", tr(Str::rec_edit), true)) open_record_edit(app, true, p->ids[id.row]);
      }
      if (ImGui::BeginTable("attrs", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable)) {
        ImGui::TableSetupColumn(tr(Str::field), ImGuiTableColumnFlags_WidthFixed, 120 * s);
        ImGui::TableSetupColumn(tr(Str::value));
        for (std::size_t c = 0; c < t->columns.size() && c < row.size(); ++c) {
          ImGui::TableNextRow();
          ImGui::TableNextColumn();
          const bool check = t->columns[c].rfind("check ", 0) == 0;
          if (check) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.55f, 0.1f, 0.1f, 1));
          const bool zh = ui_language() == Language::chinese;
          ImGui::TextUnformatted(field_label(t->columns[c], zh).c_str());
          ImGui::TableNextColumn();
          ImGui::TextWrapped("%s", field_value_label(t->columns[c], row[c], zh).c_str());
          if (check) ImGui::PopStyleColor();
        }
        ImGui::EndTable();
      }
    }
    ImGui::PopID();
  }
  ImGui::End();
}

}  // namespace giatlas::gui
