// The programme window: targets with progress bars and a per-year chart, the register with its
// standards and users, the catalogue with status changes, and the candidate ranking. It shows the
// core's programme_view as of the chosen year or date (read once per load or date) and writes
// through the core's checked functions (programme_forms.h), then reopens the workspace.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "role_gate.h"
#include "app.h"
#include "error.h"
#include "imgui_stdlib.h"
#include "panels.h"
#include "programme/calendar.h"
#include "programme/register_book.h"
#include "programme_forms.h"
#include "strings.h"
#include "workspace/gi_register.h"
#include "workspace/iso_date.h"

namespace giatlas::gui {
namespace {

constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                        ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;

ImVec4 status_colour(TargetStatus s) {
  switch (s) {
    case TargetStatus::met:
      return ImVec4(0.15f, 0.62f, 0.25f, 1);
    case TargetStatus::on_track:
      return ImVec4(0.85f, 0.62f, 0.05f, 1);
    case TargetStatus::behind:
      return ImVec4(0.85f, 0.18f, 0.16f, 1);
  }
  return ImVec4(1, 1, 1, 1);
}

void draw_targets(App& app, const ProgrammeView& v) {
  const float s = app.content_scale;
  for (const TargetResult& r : v.targets) {
    const bool overdue = r.target.metric == "standards_overdue";
    // Progress toward the target; for "no standard overdue", full while none is.
    float frac = overdue ? (r.value <= r.target.threshold ? 1.0f : 0.0f)
                         : static_cast<float>(r.target.threshold > 0 ? r.value / r.target.threshold : 1.0);
    frac = std::clamp(frac, 0.0f, 1.0f);
    const std::string overlay =
        target_value_text(r.target, r.value) + (overdue ? " ≤ " : " / ") + target_value_text(r.target, r.target.threshold);
    ImGui::TextUnformatted(r.target.title.c_str());
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, status_colour(r.status));
    ImGui::ProgressBar(frac, ImVec2(320 * s, 0), overlay.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextColored(status_colour(r.status), "%s", target_status_zh(r.status));
  }
  ImGui::Separator();
  ImGui::TextUnformatted(tr(Str::prog_per_year));
  std::vector<float> rate, tm;
  std::string years;
  for (const ProgrammeYear& y : v.years) {
    rate.push_back(static_cast<float>(y.use_rate));
    tm.push_back(static_cast<float>(y.new_trademarks));
  }
  if (!v.years.empty())
    years = std::to_string(v.years.front().year) + "–" + std::to_string(v.years.back().year);
  ImGui::PlotHistogram("##rate", rate.data(), static_cast<int>(rate.size()), 0,
                       (std::string(tr(Str::prog_use_rate)) + " " + years).c_str(), 0.0f, 1.0f,
                       ImVec2(320 * s, 90 * s));
  ImGui::SameLine();
  ImGui::PlotLines("##tm", tm.data(), static_cast<int>(tm.size()), 0, tr(Str::prog_new_tm), 0.0f, 4.0f,
                   ImVec2(200 * s, 90 * s));
  draw_target_form(app, v);
}

void draw_register(App& app, const ProgrammeView& v) {
  UiState& ui = app.ui;
  const float s = app.content_scale;
  if (std::string& want = ui.programme_forms.select_gi; !want.empty()) {
    for (std::size_t i = 0; i < v.register_rows.size(); ++i)
      if (v.register_rows[i].gi.name == want) ui.programme_gi = static_cast<int>(i);
    want.clear();
  }
  if (ImGui::BeginTable("##register", 6, kTableFlags, ImVec2(0, 200 * s))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (Str h : {Str::gi, Str::prog_status, Str::prog_registration, Str::prog_standard, Str::prog_users,
                  Str::prog_date})
      ImGui::TableSetupColumn(tr(h));
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < v.register_rows.size(); ++i) {
      const RegisterRow& r = v.register_rows[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (ImGui::Selectable(r.gi.name.c_str(), ui.programme_gi == static_cast<int>(i),
                            ImGuiSelectableFlags_SpanAllColumns))
        ui.programme_gi = static_cast<int>(i);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(catalogue_status_zh(r.gi.status).c_str());
      ImGui::TableNextColumn();
      std::string regs;
      for (const GiProtection& p : r.protections) regs += (regs.empty() ? "" : "；") + p.protection_type;
      ImGui::TextUnformatted(regs.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.standard_state.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%d / %d", r.current_users, r.all_users);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(first_registration(r.protections, r.gi.name).c_str());
    }
    ImGui::EndTable();
  }
  const bool selected = ui.programme_gi >= 0 && ui.programme_gi < static_cast<int>(v.register_rows.size());
  const std::string gi = selected ? v.register_rows[static_cast<std::size_t>(ui.programme_gi)].gi.name : "";
  draw_register_forms(app, v, gi, selected ? ui.programme_gi : -1);
}

void draw_catalogue(App& app, const ProgrammeView& v) {
  UiState& ui = app.ui;
  const float s = app.content_scale;
  if (ImGui::BeginTable("##catalogue", 6, kTableFlags, ImVec2(0, 240 * s))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (Str h : {Str::prog_category, Str::prog_name, Str::prog_status, Str::prog_date, Str::prog_townships,
                  Str::prog_points})
      ImGui::TableSetupColumn(tr(h));
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < v.catalogue.size(); ++i) {
      const CatalogueRow& c = v.catalogue[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(c.resource.category.c_str());
      ImGui::TableNextColumn();
      if (ImGui::Selectable(c.resource.name.c_str(), ui.programme_resource == static_cast<int>(i),
                            ImGuiSelectableFlags_SpanAllColumns))
        ui.programme_resource = static_cast<int>(i);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(catalogue_status_zh(c.status).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(c.status_date.c_str());
      ImGui::TableNextColumn();
      std::string towns;
      for (const std::string& t : c.resource.townships) towns += (towns.empty() ? "" : "、") + t;
      ImGui::TextUnformatted(towns.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%d", c.census_points);
    }
    ImGui::EndTable();
  }
  const auto& statuses = catalogue_statuses();
  ImGui::PushItemWidth(150 * s);
  ui.programme_next_status = std::clamp(ui.programme_next_status, 0, static_cast<int>(statuses.size()) - 1);
  const std::string next = statuses[static_cast<std::size_t>(ui.programme_next_status)];
  if (ImGui::BeginCombo(tr(Str::prog_change_status), catalogue_status_zh(next).c_str())) {
    for (std::size_t i = 0; i < statuses.size(); ++i)
      if (ImGui::Selectable(catalogue_status_zh(statuses[i]).c_str(),
                            static_cast<int>(i) == ui.programme_next_status))
        ui.programme_next_status = static_cast<int>(i);
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::InputText(tr(Str::prog_date), &ui.programme_change_date);
  if (next == "registered") {
    ImGui::InputText(tr(Str::prog_type), &ui.programme_reg_type);
    ImGui::SameLine();
    ImGui::InputText(tr(Str::prog_number), &ui.programme_reg_no);
    ImGui::SameLine();
    ImGui::InputText(tr(Str::prog_authority), &ui.programme_reg_authority);
  }
  ImGui::PopItemWidth();
  if (gated_button(app, "resource_status", (std::string(tr(Str::prog_save)) + "##status").c_str())) {
    if (ui.programme_resource < 0 || ui.programme_resource >= static_cast<int>(v.catalogue.size()))
      return app.notify(tr(Str::prog_select_row));
    const std::string name = v.catalogue[static_cast<std::size_t>(ui.programme_resource)].resource.name;
    std::optional<GiProtection> p;
    if (next == "registered")
      p = GiProtection{0, "", ui.programme_reg_type, ui.programme_reg_no, "", ui.programme_reg_authority, ""};
    programme_write(app, [&](Workspace& w) {
      change_catalogue_status(w, name, next, ui.programme_change_date, "", "", p);
    });
  }
  draw_resource_form(app, v);
}

void draw_candidates(App& app, const ProgrammeView& v) {
  const float s = app.content_scale;
  int& row = app.ui.programme_forms.candidate_row;
  if (!ImGui::BeginTable("##candidates", 3 + kCriteria, kTableFlags, ImVec2(0, 220 * s))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(Str::prog_rank));
  ImGui::TableSetupColumn(tr(Str::prog_name));
  for (const char* c : candidate_criteria_zh()) ImGui::TableSetupColumn(c);
  ImGui::TableSetupColumn(tr(Str::prog_total));
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < v.candidates.size(); ++i) {
    const CandidateSheet& c = v.candidates[i];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (ImGui::Selectable((std::to_string(c.rank) + "##cand" + std::to_string(i)).c_str(),
                          row == static_cast<int>(i), ImGuiSelectableFlags_SpanAllColumns))
      row = static_cast<int>(i);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(c.name.c_str());
    for (const CriterionScore& sc : c.scores) {
      ImGui::TableNextColumn();
      if (sc.score == 0) continue;
      // Scores the data gave (not an assessor) are shown dimmed.
      if (sc.source == "data")
        ImGui::TextDisabled("%d", sc.score);
      else
        ImGui::Text("%d", sc.score);
    }
    ImGui::TableNextColumn();
    if (c.complete)
      ImGui::Text("%.2f", c.total);
    else
      ImGui::TextDisabled("—");  // incomplete: ranked after every complete sheet
  }
  ImGui::EndTable();
  draw_score_forms(app, v);
}

}  // namespace

void draw_programme_panel(App& app) {
  UiState& ui = app.ui;
  if (!ui.show_programme || !app.has_workspace()) return;
  const float s = app.content_scale;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 10 * s, vp->WorkPos.y + 10 * s), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(820 * s, std::max(560 * s, vp->WorkSize.y - 20 * s)),
                           ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr(Str::prog_title), &ui.show_programme)) return ImGui::End();
  ui.programme_forms.drawn.clear();
  // The year the window shows: its register, ranking, use rate and targets as of that year's
  // end (today for the year not yet over); the date field below takes any day.
  const int this_year = year_of(today_iso());
  const int shown = is_iso_date(ui.programme_date) ? year_of(ui.programme_date) : this_year;
  ImGui::SetNextItemWidth(90 * s);
  if (ImGui::BeginCombo(tr(Str::prog_year), std::to_string(shown).c_str())) {
    for (int y = year_of(kPlanStart); y <= std::max(this_year, shown); ++y)
      if (ImGui::Selectable(std::to_string(y).c_str(), y == shown))
        ui.programme_date = y >= this_year ? "" : year_end(y);
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(140 * s);
  ImGui::InputText(tr(Str::prog_as_of), &ui.programme_date, ImGuiInputTextFlags_EnterReturnsTrue);
  const ProgrammeView* view = nullptr;
  try {
    view = &app.programme();
  } catch (const Error& e) {
    ImGui::TextColored(ImVec4(0.85f, 0.18f, 0.16f, 1), "%s", e.what());
  }
  if (view && ImGui::BeginTabBar("##programme")) {
    // ui.programme_tab (--programme-tab) selects a tab once, then the user's clicks decide.
    const auto tab = [&](int i, Str name, void (*draw)(App&, const ProgrammeView&)) {
      const ImGuiTabItemFlags f = ui.programme_tab == i ? ImGuiTabItemFlags_SetSelected : 0;
      if (ImGui::BeginTabItem(tr(name), nullptr, f)) {
        draw(app, *view);
        ImGui::EndTabItem();
      }
    };
    tab(0, Str::prog_targets, draw_targets);
    tab(1, Str::prog_register, draw_register);
    tab(2, Str::prog_catalogue, draw_catalogue);
    tab(3, Str::prog_candidates, draw_candidates);
    ui.programme_tab = -1;
    ImGui::EndTabBar();
  }
  ImGui::End();
}

}  // namespace giatlas::gui
