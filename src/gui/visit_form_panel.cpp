// The visit form of the plan window: choose a saved plan and one of its visits, enter what was
// found, and record it through the core record_visit (a new record; a visit already recorded
// gets a correction of its current record). Lists are read on load and after each record.
#include <imgui.h>

#include <map>
#include <sstream>

#include "role_gate.h"
#include "app.h"
#include "error.h"
#include "imgui_stdlib.h"
#include "inspection/inspection_store.h"
#include "inspection/visits.h"
#include "io/value_text.h"
#include "panels.h"
#include "strings.h"

namespace giatlas::gui {
namespace {

void load(App& app, UiState::VisitForm& f) {
  const Workspace& ws = *app.workspace();
  f.plans.clear();
  for (const SavedPlan& p : saved_plans(ws)) f.plans.push_back(p.name);
  if (f.plan.empty() && !f.plans.empty()) f.plan = f.plans.back();
  f.roster.clear();
  for (const Inspector& i : ws.inspectors())
    if (i.active) f.roster.push_back(i.name);
  f.visits.clear();
  f.planned.clear();
  f.current.clear();
  if (auto p = saved_plan(ws, f.plan)) {
    std::map<int, VisitOutcome> cur;
    for (VisitOutcome& r : current_outcomes(ws, f.plan)) cur[r.visit_no] = std::move(r);
    for (const PlanVisitRow& v : plan_visits(ws, p->id)) {
      std::string label = std::to_string(v.visit_no);
      label += ". ";
      label += v.producer_name;
      label += " (";
      label += v.gi;
      label += ", ";
      label += v.date;
      label += ")";
      f.visits.push_back({v.visit_no, label});
      std::vector<std::string> names;
      std::stringstream ss(v.inspectors);
      for (std::string n; std::getline(ss, n, ';');) names.push_back(n);
      f.planned.push_back(names);
      auto it = cur.find(v.visit_no);
      std::string now;
      if (it != cur.end()) {
        const VisitOutcome& r = it->second;
        now += '#';
        now += std::to_string(r.id);
        now += ' ';
        now += r.date;
        now += ' ';
        now += finding_label_zh(r.finding);
        now += " / ";
        now += action_label_zh(r.action);
        if (!r.closed.empty()) {
          now += " (closed ";
          now += r.closed;
          now += ')';
        }
      }
      f.current.push_back(now);
    }
  }
  f.loaded = true;
  // Plan names, producers and records are data: their glyphs join the font atlas.
  std::string glyphs;
  for (const auto& n : f.plans) glyphs += n;
  for (const auto& v : f.visits) glyphs += v.second;
  for (const auto& c : f.current) glyphs += c;
  for (const auto& n : f.roster) glyphs += n;
  app.add_font_text(std::move(glyphs));
}

void choose_visit(UiState::VisitForm& f, int no) {
  f.visit_no = no;
  f.present.clear();
  for (std::size_t i = 0; i < f.visits.size(); ++i)
    if (f.visits[i].first == no) {
      for (const auto& n : f.planned[i]) f.present.insert(n);
      f.corrects = 0;
      if (!f.current[i].empty()) f.corrects = std::stoll(f.current[i].substr(1));
    }
}

}  // namespace

void draw_visit_form(App& app) {
  UiState::VisitForm& f = app.ui.visit;
  const float s = app.content_scale;
  if (!ImGui::CollapsingHeader(tr(Str::visit_title), ImGuiTreeNodeFlags_DefaultOpen)) return;
  if (!f.loaded) {
    try {
      load(app, f);
      if (f.visit_no > 0) choose_visit(f, f.visit_no);
    } catch (const Error& e) {
      f.loaded = true;
      app.notify(e.what());
    }
  }
  ImGui::SetNextItemWidth(240 * s);
  if (ImGui::BeginCombo(tr(Str::visit_plan), f.plan.c_str())) {
    for (const auto& n : f.plans)
      if (ImGui::Selectable(n.c_str(), n == f.plan)) {
        f.plan = n;
        f.visit_no = 0;
        f.loaded = false;
      }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::visit_refresh))) f.loaded = false;
  if (f.visits.empty()) return;
  std::string chosen;
  for (const auto& [no, label] : f.visits)
    if (no == f.visit_no) chosen = label;
  ImGui::SetNextItemWidth(420 * s);
  if (ImGui::BeginCombo(tr(Str::visit_no), chosen.c_str())) {
    for (const auto& [no, label] : f.visits)
      if (ImGui::Selectable(label.c_str(), no == f.visit_no)) choose_visit(f, no);
    ImGui::EndCombo();
  }
  if (f.visit_no == 0) return;
  for (std::size_t i = 0; i < f.visits.size(); ++i)
    if (f.visits[i].first == f.visit_no)
      ImGui::Text("%s: %s", tr(Str::visit_current), f.current[i].empty() ? tr(Str::visit_none) : f.current[i].c_str());
  ImGui::TextUnformatted(tr(Str::visit_present));
  int col = 0;
  for (const auto& n : f.roster) {
    bool on = f.present.count(n) > 0;
    if (col++ % 6) ImGui::SameLine();
    if (ImGui::Checkbox(n.c_str(), &on)) {
      if (on) f.present.insert(n);
      else f.present.erase(n);
    }
  }
  ImGui::SetNextItemWidth(160 * s);
  ImGui::InputText(tr(Str::plan_date), &f.date);
  static const char* const kFindings[] = {"conforming 未发现问题", "mark_misused 违规使用专用标志", "outside_zone 产地不在保护范围内",
                                          "labelling 标签标识不规范", "other 其他问题"};
  static const char* const kActions[] = {"none 无需处理", "rectification 责令整改", "case_opened 立案查处"};
  ImGui::SetNextItemWidth(280 * s);
  ImGui::Combo(tr(Str::visit_finding), &f.finding, kFindings, IM_ARRAYSIZE(kFindings));
  ImGui::SetNextItemWidth(280 * s);
  ImGui::Combo(tr(Str::visit_action), &f.action, kActions, IM_ARRAYSIZE(kActions));
  ImGui::SetNextItemWidth(160 * s);
  ImGui::InputText(tr(Str::visit_follow_up), &f.follow_up);
  ImGui::SetNextItemWidth(160 * s);
  ImGui::InputText(tr(Str::visit_x), &f.x);
  ImGui::SetNextItemWidth(160 * s);
  ImGui::InputText(tr(Str::visit_y), &f.y);
  ImGui::SetNextItemWidth(160 * s);
  ImGui::InputText(tr(Str::visit_crs), &f.crs);
  ImGui::SetNextItemWidth(160 * s);
  ImGui::InputFloat(tr(Str::visit_accuracy), &f.accuracy_m, 0, 0, "%.1f");
  ImGui::SetNextItemWidth(420 * s);
  ImGui::InputText(tr(Str::visit_evidence), &f.evidence);
  ImGui::SetNextItemWidth(420 * s);
  ImGui::InputText(tr(Str::visit_note), &f.note);
  if (gated_button(app, "plan_outcomes", tr(Str::visit_record))) {
    VisitInput in;
    in.plan = f.plan;
    in.visit_no = f.visit_no;
    in.date = f.date;
    for (const auto& n : f.roster)
      if (f.present.count(n)) in.inspectors.push_back(n);
    in.finding = finding_codes()[static_cast<std::size_t>(f.finding)];
    in.action = action_codes()[static_cast<std::size_t>(f.action)];
    in.follow_up = f.follow_up;
    in.x = f.x, in.y = f.y, in.crs = f.crs;
    if (f.accuracy_m > 0) in.accuracy_m = f.accuracy_m;
    in.evidence = split_typed_list(f.evidence);
    in.note = f.note;
    in.corrects = f.corrects;
    try {
      Workspace writable = open_for_writing(app.workspace()->path());
      VisitOutcome r = record_visit(writable, in, Progress());
      app.notify(std::string(tr(Str::visit_recorded)) + ": #" + std::to_string(r.id));
      f.loaded = false;
    } catch (const Error& e) {
      app.notify(e.what());
    }
  }
}

}  // namespace giatlas::gui
