// The import window: pick a file (Shapefile, GeoPackage, GeoJSON, KML, CSV, XLSX …), say what
// it holds, import it on a worker thread, and read the report as a table. The map reloads.
#include <imgui.h>

#include "role_gate.h"
#include "app.h"
#include "imgui_stdlib.h"
#include "io/import.h"
#include "panels.h"
#include "strings.h"

namespace giatlas::gui {
namespace {

void start_import(App& app) {
  UiState& ui = app.ui;
  ImportOptions opt;
  opt.kind = static_cast<ImportKind>(ui.import_kind);
  opt.crs = ui.import_crs;
  opt.encoding = ui.import_encoding;
  opt.dry_run = ui.import_dry_run;
  opt.update_existing = ui.import_update_existing;
  const std::string ws_path = app.workspace()->path(), source = ui.import_source;
  app.task.start(tr(Str::import_title), [ws_path, source, opt](const Progress& progress) -> BackgroundTask::Completion {
    // Its own handle: the import writes in one transaction while the map keeps drawing.
    Workspace ws = Workspace::open(ws_path);
    auto report = std::make_shared<ImportReport>(import_into(ws, source, opt, progress));
    return [report, ws_path](App& a) {
      a.last_import = *report;
      if (!report->dry_run) a.open_workspace(ws_path);
      a.notify(tr(Str::import_done));
    };
  }, [] { glfwPostEmptyEvent(); });
}

void report_table(const ImportReport& r, float s) {
  ImGui::Separator();
  ImGui::Text("%s: %s", tr(Str::import_report), r.source.c_str());
  ImGui::Text(tr(Str::import_counts), static_cast<long long>(r.read), static_cast<long long>(r.accepted),
              static_cast<long long>(r.rejected), static_cast<long long>(r.warned), static_cast<long long>(r.updated),
              r.dry_run ? tr(Str::dry_run_suffix) : "");
  if (!r.encoding.empty()) ImGui::TextWrapped(tr(Str::import_encoding_is), r.encoding.c_str());
  if (!r.crs.empty()) ImGui::TextWrapped(tr(Str::import_crs_is), r.crs.c_str());
  if (!r.columns.empty()) ImGui::TextWrapped(tr(Str::import_columns_is), r.columns.c_str());
  for (const std::string& n : r.notes) ImGui::BulletText("%s", n.c_str());
  if (r.problems.empty()) return;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("problems", 5, flags, ImVec2(0, 240 * s))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (Str h : {Str::col_where, Str::col_row, Str::col_status, Str::col_code, Str::col_message})
    ImGui::TableSetupColumn(tr(h));
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(r.problems.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const ImportProblem& p = r.problems[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.where.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(p.row));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(tr(p.rejected ? Str::status_rejected : Str::status_warning));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(ui_language() == Language::chinese ? import_problem_label_zh(p.code) : p.code.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.message.c_str());
    }
  ImGui::EndTable();
}

}  // namespace

void draw_import_panel(App& app) {
  UiState& ui = app.ui;
  if (!ui.show_import || !app.has_workspace()) return;
  const float s = app.content_scale;
  ImGui::SetNextWindowSize(ImVec2(640 * s, 0), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr(Str::import_title), &ui.show_import)) return ImGui::End();
  ImGui::SetNextItemWidth(-100 * s);
  ImGui::InputText("##source", &ui.import_source);
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::import_browse))) open_file_dialog(app, FileDialogMode::import_source);
  // In ImportKind order.
  const char* kinds[] = {tr(Str::kind_townships), tr(Str::kind_villages),   tr(Str::kind_zones),
                         tr(Str::kind_census),    tr(Str::kind_producers),  tr(Str::kind_inspectors),
                         tr(Str::kind_areas),     tr(Str::kind_lots)};
  ImGui::Combo(tr(Str::import_kind), &ui.import_kind, kinds, 8);
  ImGui::InputText(tr(Str::import_crs), &ui.import_crs);
  ImGui::InputText(tr(Str::import_encoding), &ui.import_encoding);
  ImGui::Checkbox(tr(Str::import_dry_run), &ui.import_dry_run);
  if (ui.import_kind == static_cast<int>(ImportKind::Producers)) {
    ImGui::Checkbox(tr(Str::import_update_existing), &ui.import_update_existing);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::import_update_existing_tip));
  }
  ImGui::BeginDisabled(app.task.running() || ui.import_source.empty());
  {
    // In ImportKind order: the table each kind writes.
    static constexpr const char* kTables[] = {"townships", "villages", "gi_zones", "census_points",
                                              "producers", "inspectors", "production_areas", "lots"};
    const int k = ui.import_kind >= 0 && ui.import_kind < 8 ? ui.import_kind : 4;
    if (gated_button(app, kTables[k], tr(Str::import_run))) start_import(app);
  }
  ImGui::EndDisabled();
  if (app.task.running()) {
    ImGui::SameLine();
    ImGui::ProgressBar(static_cast<float>(app.task.fraction()), ImVec2(200 * s, 0), app.task.stage().c_str());
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::cancel))) app.task.cancel();
  }
  if (app.last_import) report_table(*app.last_import, s);
  ImGui::End();
}

}  // namespace giatlas::gui
