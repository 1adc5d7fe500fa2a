// The attribute table of a layer: sortable columns, a text filter, "zoom to row", and the
// selection shared with the map (click selects, Ctrl+click adds, double-click zooms).
#include <imgui.h>

#include "app.h"
#include "imgui_stdlib.h"
#include "panels.h"
#include "map/field_labels.h"
#include "strings.h"

namespace giatlas::gui {

const char* layer_title(const std::string& name);

namespace {

const AttributeTable* table_of(const App& app, const std::string& layer) {
  if (const PolygonLayer* p = app.scene.polygon_layer(layer)) return &p->table;
  if (const PointLayer* p = app.scene.point_layer(layer)) return &p->table;
  return nullptr;
}

void layer_combo(App& app) {
  if (!ImGui::BeginCombo(tr(Str::layer), layer_title(app.ui.table_layer))) return;
  for (const auto& l : app.scene.polygons)
    if (ImGui::Selectable(layer_title(l.name), l.name == app.ui.table_layer)) app.ui.table_layer = l.name;
  for (const auto& l : app.scene.points)
    if (ImGui::Selectable(layer_title(l.name), l.name == app.ui.table_layer)) app.ui.table_layer = l.name;
  ImGui::EndCombo();
}

}  // namespace

void draw_attribute_table(App& app) {
  if (!app.ui.show_table) return;
  UiState& ui = app.ui;
  const float s = app.content_scale;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 320 * s, vp->WorkPos.y + vp->WorkSize.y - 330 * s), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x - 340 * s, 280 * s), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr(Str::table_title), &ui.show_table)) return ImGui::End();
  layer_combo(app);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(220 * s);
  ImGui::InputTextWithHint("##filter", tr(Str::filter_hint), &ui.table_filter);
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::zoom_to_selection))) app.zoom_to_selection();
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::clear_selection))) app.select({});
  const AttributeTable* t = table_of(app, ui.table_layer);
  if (!t) {
    ImGui::TextDisabled("%s", tr(Str::no_workspace));
    return ImGui::End();
  }
  const int ncol = static_cast<int>(std::min<std::size_t>(t->columns.size(), 63));
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingFixedFit;
  if (ncol > 0 && ImGui::BeginTable(("tbl_" + ui.table_layer).c_str(), ncol, flags)) {
    ImGui::TableSetupScrollFreeze(1, 1);
    const bool zh = ui_language() == Language::chinese;
    for (int c = 0; c < ncol; ++c) {
      const std::string& field = t->columns[static_cast<std::size_t>(c)];
      ImGui::TableSetupColumn((field_label(field, zh) + "##" + field).c_str());  // the id stays the field's
    }
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
      if (specs->SpecsCount > 0) {
        ui.table_sort_column = specs->Specs[0].ColumnIndex;
        ui.table_sort_ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
      }
      specs->SpecsDirty = false;
    }
    const std::string key = ui.table_layer + '\x1f' + ui.table_filter + '\x1f' + std::to_string(ui.table_sort_column) +
                            (ui.table_sort_ascending ? "a" : "d") + (zh ? "z" : "e") + std::to_string(app.data_version);
    if (key != ui.table_key) {
      ui.table_rows = filter_and_sort(*t, ui.table_filter, ui.table_sort_column, ui.table_sort_ascending, zh);
      ui.table_key = key;
    }
    ImGuiListClipper clipper;  // only the visible rows are laid out: fine for 100,000 rows
    clipper.Begin(static_cast<int>(ui.table_rows.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const std::size_t r = ui.table_rows[static_cast<std::size_t>(i)];
        const auto& row = t->rows[r];
        const bool selected = ui.selection.layer == ui.table_layer && ui.selection.rows.count(r);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(r));
        if (ImGui::Selectable(row.empty() ? "" : row[0].c_str(), selected,
                              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
          Selection sel = ImGui::GetIO().KeyCtrl && ui.selection.layer == ui.table_layer ? ui.selection
                                                                                          : Selection{ui.table_layer, {}};
          if (ImGui::GetIO().KeyCtrl && selected) sel.rows.erase(r); else sel.rows.insert(r);
          app.select(std::move(sel));
          if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) app.zoom_to_row(ui.table_layer, r);
        }
        ImGui::PopID();
        for (int c = 1; c < ncol; ++c) {
          ImGui::TableNextColumn();
          const auto k = static_cast<std::size_t>(c);
          if (k < row.size()) ImGui::TextUnformatted(field_value_label(t->columns[k], row[k], zh).c_str());
        }
      }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace giatlas::gui
