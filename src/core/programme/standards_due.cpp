// Standards due 2 years after registration (or after the plan's start for older GIs).
#include "programme/standards_due.h"

#include <algorithm>
#include <map>

#include "programme/calendar.h"

namespace giatlas {

const char* standard_state_code(StandardState s) {
  switch (s) {
    case StandardState::on_time:
      return "on_time";
    case StandardState::late:
      return "late";
    case StandardState::overdue:
      return "overdue";
    case StandardState::due_soon:
      return "due_soon";
    case StandardState::pending:
      return "pending";
  }
  return "";
}

const char* standard_state_zh(StandardState s) {
  switch (s) {
    case StandardState::on_time:
      return "按期制定";
    case StandardState::late:
      return "逾期后制定";
    case StandardState::overdue:
      return "已逾期";
    case StandardState::due_soon:
      return "即将到期";
    case StandardState::pending:
      return "未到期";
  }
  return "";
}

std::vector<StandardDue> standards_due(const std::vector<GiProtection>& protections,
                                       const std::vector<GiStandard>& standards,
                                       const std::string& plan_start, const std::string& as_of,
                                       int soon_days) {
  std::map<std::string, std::string> first;  // GI -> first registration date
  for (const GiProtection& p : protections) {
    if (p.registration_date.empty() || p.registration_date > as_of) continue;
    auto [it, fresh] = first.emplace(p.gi, p.registration_date);
    if (!fresh && p.registration_date < it->second) it->second = p.registration_date;
  }
  std::vector<StandardDue> out;
  for (const auto& [gi, registered] : first) {
    StandardDue d;
    d.gi = gi;
    d.registered = registered;
    d.due = add_years(std::max(registered, plan_start), 2);
    for (const GiStandard& s : standards) {
      if (s.gi != gi || s.published.empty() || s.published > as_of) continue;
      if (d.published.empty() || s.published < d.published) d.standard = s.number, d.published = s.published;
    }
    d.days_left = days_between(as_of, d.due);
    if (!d.published.empty())
      d.state = d.published <= d.due ? StandardState::on_time : StandardState::late;
    else if (d.days_left < 0)
      d.state = StandardState::overdue;
    else if (d.days_left <= soon_days)
      d.state = StandardState::due_soon;
    else
      d.state = StandardState::pending;
    out.push_back(d);
  }
  std::sort(out.begin(), out.end(), [](const StandardDue& a, const StandardDue& b) {
    return a.due != b.due ? a.due < b.due : a.gi < b.gi;
  });
  return out;
}

}  // namespace giatlas
