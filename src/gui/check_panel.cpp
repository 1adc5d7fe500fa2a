// The origin check window: run it (on a worker thread, with progress and Cancel) and see the
// producers counted by result; the map colours them and identify shows each reason.
#include <imgui.h>

#include "app.h"
#include "check/origin_check.h"
#include "map/feature_colour.h"
#include "panels.h"
#include "strings.h"

namespace giatlas::gui {

void draw_check_panel(App& app) {
  if (!app.ui.show_check) return;
  const float s = app.content_scale;
  ImGui::SetNextWindowSize(ImVec2(420 * s, 0), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr(Str::check_title), &app.ui.show_check, ImGuiWindowFlags_AlwaysAutoResize)) return ImGui::End();
  ImGui::TextWrapped("%s", tr(Str::check_explain));
  const bool busy = app.task.running();
  ImGui::BeginDisabled(busy || !app.has_workspace());
  if (ImGui::Button(tr(Str::run_check))) app.run_check();
  ImGui::EndDisabled();
  if (busy) {
    ImGui::SameLine();
    ImGui::ProgressBar(static_cast<float>(app.task.fraction()), ImVec2(200 * s, 0), app.task.stage().c_str());
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::cancel))) app.task.cancel();
  }
  if (!app.check_counts.empty() && ImGui::BeginTable("summary", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) {
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
  ImGui::End();
}

}  // namespace giatlas::gui
