// The inspection plan panel: draw a reproducible random sample of producers with inspectors
// (core draw_inspection_plan), see the visits, write them as CSV / HTML, save them as planned.
#include <imgui.h>

#include <filesystem>

#include "role_gate.h"
#include "app.h"
#include "error.h"
#include "imgui_stdlib.h"
#include "inspection/inspection_store.h"
#include "panels.h"
#include "strings.h"

namespace giatlas::gui {
namespace {

void draw_options(App& app) {
  UiState& ui = app.ui;
  ImGui::Checkbox(tr(Str::plan_by_ratio), &ui.plan_by_ratio);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(120 * app.content_scale);
  if (ui.plan_by_ratio)
    ImGui::SliderFloat(tr(Str::plan_ratio), &ui.plan_ratio, 0.001f, 1.0f, "%.3f");
  else
    ImGui::InputInt(tr(Str::plan_count), &ui.plan_count);
  ImGui::InputInt(tr(Str::plan_seed), &ui.plan_seed);
  const std::vector<GiProduct>& gis = app.gi_register();
  if (ImGui::BeginCombo(tr(Str::gi), ui.plan_gi.empty() ? tr(Str::plan_all_gis) : ui.plan_gi.c_str())) {
    if (ImGui::Selectable(tr(Str::plan_all_gis), ui.plan_gi.empty())) ui.plan_gi.clear();
    for (const GiProduct& g : gis)
      if (ImGui::Selectable(g.name.c_str(), g.name == ui.plan_gi)) ui.plan_gi = g.name;
    ImGui::EndCombo();
  }
  ImGui::Checkbox(tr(Str::plan_stratify), &ui.plan_stratify);
  ImGui::InputText(tr(Str::plan_date), &ui.plan_date);
  if (ImGui::Button(tr(Str::plan_draw))) {
    PlanOptions o;
    if (ui.plan_by_ratio) o.ratio = ui.plan_ratio; else o.count = ui.plan_count;
    o.seed = static_cast<std::uint64_t>(static_cast<unsigned>(ui.plan_seed));
    o.gi = ui.plan_gi;
    o.stratify_by_gi = ui.plan_stratify;
    o.date = ui.plan_date;
    try {
      app.plan = draw_inspection_plan(*app.workspace(), o, Progress());
      app.notify("");
    } catch (const Error& e) {
      app.notify(e.what());
    }
  }
}

void draw_visits(const InspectionPlan& plan, float s) {
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##visits", 5, flags, ImVec2(0, 260 * s))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (Str h : {Str::plan_producer, Str::gi, Str::plan_township, Str::plan_inspectors, Str::plan_date_col})
    ImGui::TableSetupColumn(tr(h));
  ImGui::TableHeadersRow();
  ImGuiListClipper clip;
  clip.Begin(static_cast<int>(plan.visits.size()));
  while (clip.Step())
    for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
      const PlannedVisit& v = plan.visits[static_cast<std::size_t>(i)];
      std::string who;
      for (const std::string& n : v.inspectors) who += (who.empty() ? "" : ", ") + n;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(v.producer_name.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(v.gi.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(v.township.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(who.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(v.date.c_str());
    }
  ImGui::EndTable();
}

}  // namespace

void draw_inspection_plan_panel(App& app) {
  UiState& ui = app.ui;
  if (!ui.show_plan || !app.has_workspace()) return;
  const float s = app.content_scale;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 10 * s), ImGuiCond_FirstUseEver,
                          ImVec2(0.5f, 0));
  if (!ImGui::Begin(tr(Str::plan_title), &ui.show_plan, ImGuiWindowFlags_AlwaysAutoResize)) return ImGui::End();
  draw_options(app);
  if (app.plan) {
    const InspectionPlan& plan = *app.plan;
    ImGui::Separator();
    ImGui::Text("%s: %zu / %lld; %s: %lld", tr(Str::plan_summary), plan.visits.size(),
                static_cast<long long>(plan.eligible), tr(Str::plan_recusals), static_cast<long long>(plan.recusals));
    draw_visits(plan, s);
    if (ui.plan_out.empty())
      ui.plan_out = (std::filesystem::path(default_output_folder(app.workspace()->path())) / "inspection_plan.csv").string();
    ImGui::InputText(tr(Str::plan_out), &ui.plan_out);
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::plan_write))) {
      try {
        write_plan(plan, ui.plan_out);
        app.notify(std::string(tr(Str::plan_written)) + ": " + ui.plan_out);
      } catch (const Error& e) {
        app.notify(e.what());
      }
    }
    if (gated_button(app, "plan_records", tr(Str::plan_save))) {
      try {
        Workspace writable = open_for_writing(app.workspace()->path());
        const std::size_t n = save_plan(writable, plan);
        app.notify(std::string(tr(Str::plan_saved)) + ": " + std::to_string(n));
      } catch (const Error& e) {
        app.notify(e.what());
      }
    }
    ImGui::SetNextItemWidth(200 * s);
    ImGui::InputText(tr(Str::plan_name), &ui.plan_save_name);
    ImGui::SameLine();
    if (gated_button(app, "plan_records", tr(Str::plan_save_named))) {
      try {
        Workspace writable = open_for_writing(app.workspace()->path());
        const SavedPlan p = save_named_plan(writable, plan, ui.plan_save_name);
        app.notify(std::string(tr(Str::plan_saved)) + ": " + p.name);
        ui.visit.plan = p.name;
        ui.visit.visit_no = 0;
        ui.visit.loaded = false;
      } catch (const Error& e) {
        app.notify(e.what());
      }
    }
  }
  ImGui::Separator();
  draw_visit_form(app);
  ImGui::End();
}

}  // namespace giatlas::gui
