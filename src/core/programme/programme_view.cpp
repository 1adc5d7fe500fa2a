// The programme window's data in one read.
#include "programme/programme_view.h"

#include "programme/calendar.h"
#include "programme/register_book.h"
#include "programme/use_rate.h"
#include "workspace/gi_register.h"
#include "workspace/workspace.h"

namespace giatlas {

ProgrammeView programme_view(const Workspace& ws, std::string as_of) {
  if (as_of.empty()) as_of = today_iso();
  ProgrammeView v;
  v.as_of = as_of;
  const ProgrammeFacts f = programme_facts(ws);
  const auto targets = programme_targets(ws);
  v.targets = evaluate_targets(targets, f, as_of);
  const std::string start = plan_start(targets);
  for (int y = year_of(start); y <= year_of(as_of); ++y) {
    ProgrammeYear py;
    py.year = y;
    py.date = y == year_of(as_of) ? as_of : year_end(y);
    for (const GiProtection& p : f.protections)
      if (p.registration_date.rfind(std::to_string(y), 0) == 0 &&
          (p.protection_type == "地理标志证明商标" || p.protection_type == "地理标志集体商标"))
        ++py.new_trademarks;
    const UseRate r = use_rate(f.reg, f.reg_changes, f.protections, f.users, py.date);
    py.registered = r.registered, py.use_rate = r.rate, py.current_users = r.current_users;
    v.years.push_back(py);
  }
  v.standards = standards_due(f.protections, f.standards, start, as_of);
  for (const GiProduct& g : f.reg) {
    RegisterRow row;
    row.gi = g;
    // Its status on as_of: the latest dated record by then; an entry whose records all come
    // later was not in the register yet; one with no records keeps its (undated) status.
    bool dated = false;
    const RegisterStatusRecord* then = nullptr;  // the latest by (date, id) on or before as_of
    for (const RegisterStatusRecord& c : f.reg_changes) {
      if (c.gi != g.name) continue;
      dated = true;
      if (c.date <= as_of && (!then || c.date > then->date || (c.date == then->date && c.id > then->id)))
        then = &c;
    }
    if (dated && !then) continue;
    if (then) row.gi.status = then->status;
    for (const GiProtection& p : f.protections)
      if (p.gi == g.name && p.registration_date <= as_of) row.protections.push_back(p);
    for (const GiStandard& s : f.standards)
      if (s.gi == g.name && s.published <= as_of) row.standards.push_back(s);
    for (const MarkUser& u : f.users)
      if (u.gi == g.name && u.approved <= as_of) {
        ++row.all_users, row.current_users += mark_user_current(u, as_of) ? 1 : 0;
        row.users.push_back(u);
      }
    for (const StandardDue& d : v.standards)
      if (d.gi == g.name) row.standard_state = standard_state_zh(d.state);
    v.register_rows.push_back(std::move(row));
  }
  v.catalogue = catalogue(ws, as_of);
  v.candidates = candidate_ranking(ws, as_of);
  v.weights = candidate_weights(ws);
  return v;
}

std::vector<std::string> ProgrammeView::texts() const {
  std::vector<std::string> t;
  for (const TargetResult& r : targets) t.push_back(r.target.title + target_status_zh(r.status));
  for (const RegisterRow& r : register_rows) {
    t.push_back(r.gi.name + r.gi.holder + r.gi.category + r.standard_state);
    for (const GiProtection& p : r.protections)
      t.push_back(p.protection_type + p.registration_no + p.authority);
    for (const GiStandard& s : r.standards) t.push_back(s.number + s.title + s.level);
  }
  for (const CatalogueRow& c : catalogue) {
    t.push_back(c.resource.name + c.resource.category + catalogue_status_zh(c.status));
    for (const std::string& s : c.resource.townships) t.push_back(s);
  }
  for (const CandidateSheet& s : candidates) t.push_back(s.name + s.category);
  for (const RegisterRow& r : register_rows)
    for (const MarkUser& u : r.users) t.push_back(u.name + mark_use_status_zh(mark_user_status_on(u, as_of)));
  for (const auto* list : {&resource_categories(), &gi_protection_types(), &standard_levels()})
    for (const std::string& s : *list) t.push_back(s);
  for (const std::string& s : mark_use_statuses()) t.push_back(mark_use_status_zh(s));
  for (const TargetResult& r : targets) t.push_back(r.target.key + r.target.metric);
  for (const char* c : candidate_criteria_zh()) t.push_back(c);
  for (const std::string& s : catalogue_statuses()) t.push_back(catalogue_status_zh(s));
  for (const char* s :
       {"已完成", "按进度推进", "滞后", "按期制定", "逾期后制定", "已逾期", "即将到期", "未到期"})
    t.push_back(s);
  return t;
}

}  // namespace giatlas
