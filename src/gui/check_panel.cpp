// The origin check window: run it (on a worker thread, with progress and Cancel) and see the
// producers counted by result; the map colours them and identify shows each reason. Its report
// and the inspection records are written by App actions over core functions.
#include <imgui.h>

#include <algorithm>
#include <filesystem>

#include "app.h"
#include "check/origin_check.h"
#include "imgui_stdlib.h"
#include "map/feature_colour.h"
#include "panels.h"
#include "strings.h"

namespace giatlas::gui {
namespace {

// The check's options: date, tolerance and GI (from the cached register).
void draw_options(App& app) {
  UiState& ui = app.ui;
  const float s = app.content_scale;
  ImGui::SetNextItemWidth(140 * s);
  ImGui::InputText(tr(Str::check_date), &ui.check_date);
  ImGui::SetNextItemWidth(140 * s);
  ImGui::InputFloat(tr(Str::check_tolerance), &ui.check_tolerance, 5.0f, 10.0f, "%.1f");
  ui.check_tolerance = std::max(ui.check_tolerance, 0.0f);
  if (!app.has_workspace()) return;
  ImGui::SetNextItemWidth(200 * s);
  if (ImGui::BeginCombo(tr(Str::gi), ui.check_gi.empty() ? tr(Str::plan_all_gis) : ui.check_gi.c_str())) {
    if (ImGui::Selectable(tr(Str::plan_all_gis), ui.check_gi.empty())) ui.check_gi.clear();
    for (const GiProduct& g : app.gi_register())
      if (ImGui::Selectable(g.name.c_str(), g.name == ui.check_gi)) ui.check_gi = g.name;
    ImGui::EndCombo();
  }
}

// The inspector's filter: only the producers whose cause is chosen are reported and coloured.
void draw_cause_filter(App& app) {
  struct Choice {
    const char* codes;
    const char* label;
  };
  const Choice choices[] = {{"", tr(Str::check_cause_all)},
                            {"below_band,above_band,altitude_unknown", tr(Str::check_cause_band)},
                            {"below_band", "below_band"},
                            {"above_band", "above_band"},
                            {"altitude_unknown", "altitude_unknown"},
                            {"gcj02", "gcj02"},
                            {"bd09", "bd09"},
                            {"swapped", "swapped"},
                            {"projected", "projected"},
                            {"on_boundary", "on_boundary"},
                            {"bad_credit_code", "bad_credit_code"}};
  std::string& causes = app.ui.check_causes;
  const char* shown = causes.c_str();
  for (const auto& c : choices)
    if (causes == c.codes) shown = c.label;
  ImGui::SetNextItemWidth(260 * app.content_scale);
  if (ImGui::BeginCombo(tr(Str::check_cause), shown)) {
    for (const auto& c : choices)
      if (ImGui::Selectable(c.label, causes == c.codes)) causes = c.codes;
    ImGui::EndCombo();
  }
}

// The running check's progress and Cancel.
void draw_progress(App& app) {
  ImGui::SameLine();
  ImGui::ProgressBar(static_cast<float>(app.task.fraction()), ImVec2(200 * app.content_scale, 0),
                     app.task.stage().c_str());
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::cancel))) app.task.cancel();
}

// One row per result in the check's order, with its map colour, and the total.
void draw_summary(App& app) {
  if (app.check_counts.empty() ||
      !ImGui::BeginTable("summary", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders))
    return;
  ImGui::TableSetupColumn(tr(Str::result));
  ImGui::TableSetupColumn(tr(Str::code));
  ImGui::TableSetupColumn(tr(Str::producers_count));
  ImGui::TableHeadersRow();
  std::int64_t total = 0;
  for (int i = 0; i < kCheckResultCount; ++i) {
    const auto r = static_cast<CheckResult>(i);
    const auto it = app.check_counts.find(result_code(r));
    const std::int64_t n = it == app.check_counts.end() ? 0 : it->second;
    total += n;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const Rgba c = app.styles.check_result[result_code(r)];
    ImGui::ColorButton("##c", ImVec4(c.r / 255.f, c.g / 255.f, c.b / 255.f, 1), ImGuiColorEditFlags_NoTooltip,
                       ImVec2(ImGui::GetTextLineHeight(), ImGui::GetTextLineHeight()));
    ImGui::SameLine();
    ImGui::TextUnformatted(result_label_zh(r));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(result_code(r));
    ImGui::TableNextColumn();
    ImGui::Text("%lld", static_cast<long long>(n));
  }
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(tr(Str::total));
  ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  ImGui::Text("%lld", static_cast<long long>(total));
  ImGui::EndTable();
}

// The report to hand over, and the results kept as inspection records (after a check).
void draw_outputs(App& app, bool busy) {
  if (!app.last_check || !app.has_workspace()) return;
  UiState& ui = app.ui;
  ImGui::Separator();
  if (ui.check_out.empty())
    ui.check_out =
        (std::filesystem::path(default_output_folder(app.workspace()->path())) / "origin_check.html").string();
  ImGui::SetNextItemWidth(320 * app.content_scale);
  ImGui::InputText(tr(Str::check_report_out), &ui.check_out);
  ImGui::BeginDisabled(busy || ui.check_out.empty());
  if (ImGui::Button(tr(Str::check_write))) app.write_check_report_file(ui.check_out);
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::check_save_inspections))) app.save_check_inspections();
  ImGui::EndDisabled();
}

}  // namespace

void draw_check_panel(App& app) {
  if (!app.ui.show_check) return;
  const float s = app.content_scale;
  ImGui::SetNextWindowSize(ImVec2(420 * s, 0), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr(Str::check_title), &app.ui.show_check, ImGuiWindowFlags_AlwaysAutoResize))
    return ImGui::End();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 400 * s);
  ImGui::TextWrapped("%s", tr(Str::check_explain));
  ImGui::PopTextWrapPos();
  const bool busy = app.task.running();
  ImGui::BeginDisabled(busy || !app.has_workspace());
  draw_options(app);
  draw_cause_filter(app);
  if (ImGui::Button(tr(Str::run_check))) app.run_check();
  ImGui::EndDisabled();
  if (busy) draw_progress(app);
  draw_summary(app);
  draw_outputs(app, busy);
  ImGui::End();
}

}  // namespace giatlas::gui
