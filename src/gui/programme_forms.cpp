// The programme window's editing forms (see programme_forms.h). Each button calls one core
// function, the same the CLI's `programme` actions call.
#include "programme_forms.h"

#include <imgui.h>

#include <algorithm>

#include "role_gate.h"
#include "app.h"
#include "error.h"
#include "imgui_stdlib.h"
#include "io/value_text.h"
#include "programme/catalogue.h"
#include "programme/programme_view.h"
#include "programme/register_book.h"
#include "programme/targets.h"
#include "programme/use_rate.h"
#include "strings.h"
#include "workspace/gi_register.h"
#include "workspace/workspace.h"

namespace giatlas::gui {
namespace {

// A combo over `items` shown through `label`; `index` is clamped into range.
template <class Label>
void combo(const char* id, int& index, const std::vector<std::string>& items, Label label) {
  index = std::clamp(index, 0, static_cast<int>(items.size()) - 1);
  if (ImGui::BeginCombo(id, label(items[static_cast<std::size_t>(index)]).c_str())) {
    for (std::size_t i = 0; i < items.size(); ++i)
      if (ImGui::Selectable(label(items[i]).c_str(), static_cast<int>(i) == index))
        index = static_cast<int>(i);
    ImGui::EndCombo();
  }
}

std::string same(const std::string& s) { return s; }

std::string button_id(Str text, const char* id) { return std::string(tr(text)) + "##" + id; }

}  // namespace

void programme_write(App& app, const std::function<void(Workspace&)>& write) {
  try {
    const std::string path = app.workspace()->path();
    {
      Workspace w = open_for_writing(path);
      write(w);
    }
    app.notify(tr(Str::prog_saved));
    app.open_workspace(path);
  } catch (const Error& e) {
    app.notify(e.what());
  }
}

void draw_resource_form(App& app, const ProgrammeView&) {
  ProgrammeForms& f = app.ui.programme_forms;
  f.drawn.push_back("add-resource");
  const float s = app.content_scale;
  ImGui::Separator();
  ImGui::TextUnformatted(tr(Str::prog_add_resource));
  ImGui::PushItemWidth(150 * s);
  ImGui::InputText((std::string(tr(Str::prog_name)) + "##res").c_str(), &f.resource.name);
  ImGui::SameLine();
  combo(tr(Str::prog_category), f.resource_category, resource_categories(), same);
  ImGui::InputText((std::string(tr(Str::prog_townships)) + "##res").c_str(), &f.resource_townships);
  ImGui::SameLine();
  ImGui::InputDouble(tr(Str::prog_area_mu), &f.resource.area_mu, 0, 0, "%.1f");
  ImGui::InputDouble(tr(Str::prog_output), &f.resource.annual_output_t, 0, 0, "%.1f");
  ImGui::SameLine();
  ImGui::InputInt(tr(Str::prog_households), &f.resource.households, 0);
  ImGui::InputInt(tr(Str::prog_firms), &f.resource.firms, 0);
  ImGui::SameLine();
  ImGui::InputInt(tr(Str::prog_since), &f.resource.since_year, 0);
  ImGui::InputText(tr(Str::prog_surveyor), &f.resource.surveyor);
  ImGui::SameLine();
  ImGui::InputText((std::string(tr(Str::prog_date)) + "##res").c_str(), &f.resource.survey_date);
  ImGui::PopItemWidth();
  if (gated_button(app, "gi_resources", button_id(Str::prog_save, "resource").c_str()))
    programme_write(app, [&](Workspace& w) {
      GiResource r = f.resource;
      r.category = resource_categories()[static_cast<std::size_t>(f.resource_category)];
      r.townships = split_typed_list(f.resource_townships);
      add_resource(w, r, r.surveyor);
    });
}

void draw_register_forms(App& app, const ProgrammeView& v, const std::string& gi, int gi_row) {
  ProgrammeForms& f = app.ui.programme_forms;
  UiState& ui = app.ui;
  const float s = app.content_scale;
  const bool selected = !gi.empty();
  auto need_gi = [&](const std::function<void(Workspace&)>& write) {
    if (!selected) return app.notify(tr(Str::prog_select_row));
    programme_write(app, write);
  };
  f.drawn.push_back("edit-gi");
  if (gi_row >= 0 && f.gi_key != gi + "@" + std::to_string(app.data_version)) {
    const GiProduct& g = v.register_rows[static_cast<std::size_t>(gi_row)].gi;
    const auto& cats = gi_categories();
    f.gi_category = static_cast<int>(std::find(cats.begin(), cats.end(), g.category) - cats.begin());
    f.gi_category_loaded = f.gi_category;
    f.gi_holder = g.holder;
    f.gi_key = gi + "@" + std::to_string(app.data_version);
  }
  ImGui::PushItemWidth(150 * s);
  ImGui::TextUnformatted(tr(Str::prog_edit_gi));
  combo((std::string(tr(Str::prog_category)) + "##gi").c_str(), f.gi_category, gi_categories(), same);
  ImGui::SameLine();
  ImGui::InputText((std::string(tr(Str::prog_holder)) + "##gi").c_str(), &f.gi_holder);
  ImGui::SameLine();
  if (gated_button(app, "gi_products", button_id(Str::prog_save, "gi").c_str()))
    need_gi([&](Workspace& w) {  // the same checked update as `register set`
      auto g = w.gi_product(gi);
      if (!g) throw Error("register: '" + gi + "' is not in the register");
      if (f.gi_category != f.gi_category_loaded)  // an unlisted category stays as recorded unless changed
        g->category = gi_categories()[static_cast<std::size_t>(
            std::clamp<int>(f.gi_category, 0, static_cast<int>(gi_categories().size()) - 1))];
      g->holder = f.gi_holder;
      w.update_gi_product(*g);
    });
  ImGui::PopItemWidth();
  f.drawn.push_back("register-status");
  ImGui::PushItemWidth(150 * s);
  combo(tr(Str::prog_register_status), f.reg_next_status, gi_statuses(), catalogue_status_zh);
  ImGui::SameLine();
  ImGui::InputText((std::string(tr(Str::prog_date)) + "##reg").c_str(), &f.reg_date);
  ImGui::SameLine();
  if (gated_button(app, "register_status", button_id(Str::prog_save, "regstatus").c_str()))
    need_gi([&](Workspace& w) {
      set_register_status(w, gi, gi_statuses()[static_cast<std::size_t>(f.reg_next_status)], f.reg_date);
    });

  f.drawn.push_back("add-protection");
  ImGui::TextUnformatted(tr(Str::prog_add_protection));
  combo(tr(Str::prog_type), f.prot_type, gi_protection_types(), same);
  ImGui::SameLine();
  ImGui::InputText((std::string(tr(Str::prog_number)) + "##prot").c_str(), &f.prot_no);
  ImGui::InputText((std::string(tr(Str::prog_date)) + "##prot").c_str(), &f.prot_date);
  ImGui::SameLine();
  ImGui::InputText(tr(Str::prog_authority), &f.prot_authority);
  ImGui::InputText(tr(Str::prog_holder), &f.prot_holder);
  ImGui::SameLine();
  if (gated_button(app, "gi_protections", button_id(Str::prog_save, "prot").c_str()))
    need_gi([&](Workspace& w) {
      add_protection(w, GiProtection{0, gi, gi_protection_types()[static_cast<std::size_t>(f.prot_type)],
                                     f.prot_no, f.prot_date, f.prot_authority, f.prot_holder});
    });

  f.drawn.push_back("add-standard");
  ImGui::TextUnformatted(tr(Str::prog_add_standard));
  ImGui::InputText((std::string(tr(Str::prog_number)) + "##std").c_str(), &ui.programme_std_no);
  ImGui::SameLine();
  ImGui::InputText(tr(Str::prog_title_field), &ui.programme_std_title);
  combo(tr(Str::prog_level), f.std_level, standard_levels(), same);
  ImGui::SameLine();
  ImGui::InputText(tr(Str::prog_published), &ui.programme_std_date);
  ImGui::SameLine();
  if (gated_button(app, "gi_standards", button_id(Str::prog_save, "std").c_str()))
    need_gi([&](Workspace& w) {
      add_standard(
          w, GiStandard{0, gi, ui.programme_std_no, ui.programme_std_title,
                        standard_levels()[static_cast<std::size_t>(f.std_level)], ui.programme_std_date});
    });

  f.drawn.push_back("users");
  ImGui::TextUnformatted(tr(Str::prog_user_list));
  const std::vector<MarkUser> none;
  const auto& users = gi_row >= 0 ? v.register_rows[static_cast<std::size_t>(gi_row)].users : none;
  if (ImGui::BeginTable("##users", 4,
                        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_SizingFixedFit,
                        ImVec2(0, 90 * s))) {
    for (Str h : {Str::prog_name, Str::prog_approved, Str::prog_status, Str::prog_expiry})
      ImGui::TableSetupColumn(tr(h));
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < users.size(); ++i) {
      const MarkUser& u = users[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (ImGui::Selectable((u.name + "##u" + std::to_string(u.id)).c_str(),
                            f.user_row == static_cast<int>(i), ImGuiSelectableFlags_SpanAllColumns))
        f.user_row = static_cast<int>(i);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(u.approved.c_str());
      ImGui::TableNextColumn();
      const std::string status = mark_user_status_on(u, v.as_of), expiry = mark_user_expiry_on(u, v.as_of);
      const bool expired = status == "active" && !expiry.empty() && expiry < v.as_of;
      ImGui::TextUnformatted(expired ? "已到期" : mark_use_status_zh(status).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(mark_user_expiry_on(u, v.as_of).c_str());
    }
    ImGui::EndTable();
  }
  combo(tr(Str::prog_change_user), f.user_next_status, mark_use_statuses(), mark_use_status_zh);
  ImGui::SameLine();
  ImGui::InputText((std::string(tr(Str::prog_date)) + "##user").c_str(), &f.user_date);
  ImGui::InputText((std::string(tr(Str::prog_expiry)) + "##userchange").c_str(), &f.user_expiry);
  ImGui::SameLine();
  if (gated_button(app, "mark_user_status", button_id(Str::prog_save, "userstatus").c_str())) {
    if (f.user_row < 0 || f.user_row >= static_cast<int>(users.size())) {
      app.notify(tr(Str::prog_select_row));
    } else {
      const std::int64_t id = users[static_cast<std::size_t>(f.user_row)].id;
      programme_write(app, [&](Workspace& w) {
        set_mark_user_status(w, id, mark_use_statuses()[static_cast<std::size_t>(f.user_next_status)],
                             f.user_expiry, f.user_date);
      });
    }
  }

  f.drawn.push_back("add-user");
  ImGui::TextUnformatted(tr(Str::prog_add_user));
  ImGui::InputText((std::string(tr(Str::prog_name)) + "##user").c_str(), &ui.programme_user_name);
  ImGui::SameLine();
  ImGui::InputText(tr(Str::prog_credit_code), &f.user_code);
  ImGui::InputText(tr(Str::prog_approved), &ui.programme_user_approved);
  ImGui::SameLine();
  ImGui::InputText((std::string(tr(Str::prog_expiry)) + "##useradd").c_str(), &ui.programme_user_expiry);
  ImGui::SameLine();
  if (gated_button(app, "mark_users", button_id(Str::prog_save, "user").c_str()))
    need_gi([&](Workspace& w) {
      MarkUser u;
      u.gi = gi, u.name = ui.programme_user_name, u.credit_code = f.user_code;
      u.approved = ui.programme_user_approved, u.expiry = ui.programme_user_expiry;
      add_mark_user(w, u);
    });
  ImGui::PopItemWidth();
}

void draw_score_forms(App& app, const ProgrammeView& v) {
  ProgrammeForms& f = app.ui.programme_forms;
  const float s = app.content_scale;
  f.drawn.push_back("score");
  ImGui::Separator();
  ImGui::TextUnformatted(tr(Str::prog_score_title));
  ImGui::PushItemWidth(150 * s);
  const std::vector<std::string> criteria(candidate_criteria_zh().begin(), candidate_criteria_zh().end());
  combo(tr(Str::prog_criterion), f.criterion, criteria, same);
  ImGui::SameLine();
  ImGui::SliderInt(tr(Str::prog_score), &f.score, 1, 5);
  ImGui::InputText(tr(Str::prog_note), &f.score_note);
  ImGui::SameLine();
  ImGui::InputText(tr(Str::prog_assessor), &f.score_assessor);
  ImGui::InputText(tr(Str::prog_reason), &f.score_reason);
  ImGui::SameLine();
  ImGui::InputText((std::string(tr(Str::prog_date)) + "##score").c_str(), &f.score_date);
  ImGui::PopItemWidth();
  if (gated_button(app, "candidate_scores", button_id(Str::prog_save, "score").c_str())) {
    if (f.candidate_row < 0 || f.candidate_row >= static_cast<int>(v.candidates.size())) {
      app.notify(tr(Str::prog_select_row));
    } else {
      const std::string name = v.candidates[static_cast<std::size_t>(f.candidate_row)].name;
      programme_write(app, [&](Workspace& w) {
        CandidateScore sc;
        sc.criterion = candidate_criteria()[static_cast<std::size_t>(f.criterion)];
        sc.score = f.score, sc.note = f.score_note, sc.override_reason = f.score_reason;
        sc.assessor = f.score_assessor, sc.date = f.score_date;
        record_score(w, name, sc);
      });
    }
  }

  f.drawn.push_back("weights");
  if (f.weights_key != v.as_of + std::to_string(app.data_version)) {
    f.weights = v.weights;
    f.weights_key = v.as_of + std::to_string(app.data_version);
  }
  ImGui::TextUnformatted(tr(Str::prog_weights));
  ImGui::PushItemWidth(60 * s);
  for (std::size_t i = 0; i < kCriteria; ++i) {
    if (i) ImGui::SameLine();
    ImGui::InputDouble(candidate_criteria_zh()[i], &f.weights[i], 0, 0, "%.1f");
  }
  ImGui::PopItemWidth();
  ImGui::SameLine();
  if (gated_button(app, "giatlas_settings", button_id(Str::prog_save, "weights").c_str()))
    programme_write(app, [&](Workspace& w) { set_candidate_weights(w, f.weights); });
}

void draw_target_form(App& app, const ProgrammeView& v) {
  ProgrammeForms& f = app.ui.programme_forms;
  const float s = app.content_scale;
  if (v.targets.empty()) return;
  f.drawn.push_back("target");
  ImGui::Separator();
  ImGui::TextUnformatted(tr(Str::prog_edit_target));
  std::vector<std::string> titles;
  for (const TargetResult& r : v.targets) titles.push_back(r.target.title);
  ImGui::PushItemWidth(200 * s);
  f.target_row = std::clamp(f.target_row, 0, static_cast<int>(titles.size()) - 1);
  combo(tr(Str::prog_target), f.target_row, titles, same);
  const ProgrammeTarget& t = v.targets[static_cast<std::size_t>(f.target_row)].target;
  if (f.target_key != t.key + std::to_string(app.data_version)) {  // load the chosen target's fields
    f.threshold = t.threshold, f.target_from = t.period_from, f.target_to = t.period_to;
    f.target_key = t.key + std::to_string(app.data_version);
  }
  ImGui::SameLine();
  ImGui::PushItemWidth(90 * s);
  ImGui::InputDouble(tr(Str::prog_threshold), &f.threshold, 0, 0, "%.2f");
  ImGui::PopItemWidth();
  ImGui::InputText(tr(Str::prog_from), &f.target_from);
  ImGui::SameLine();
  ImGui::InputText(tr(Str::prog_to), &f.target_to);
  ImGui::PopItemWidth();
  ImGui::SameLine();
  if (gated_button(app, "programme_targets", button_id(Str::prog_save, "target").c_str())) {
    ProgrammeTarget n = t;
    n.threshold = f.threshold, n.period_from = f.target_from, n.period_to = f.target_to;
    programme_write(app, [&](Workspace& w) { set_target(w, n); });
  }
}

}  // namespace giatlas::gui
