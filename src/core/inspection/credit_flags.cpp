// Credit flags from visit outcomes, with their expiry.
#include "inspection/credit_flags.h"

#include <algorithm>
#include <cstdlib>

#include "error.h"
#include "inspection/visits.h"
#include "programme/calendar.h"
#include "workspace/iso_date.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {
constexpr const char* kSetting = "credit_flag_years";
}

FlagRule flag_rule(const Workspace& ws) {
  FlagRule rule;
  const std::string v = ws.setting(kSetting, "");
  if (v.empty()) return rule;
  char* end = nullptr;
  long y = std::strtol(v.c_str(), &end, 10);
  if (*end || y < 1 || y > 50) throw Error("workspace setting credit_flag_years '" + v + "' is not a whole number from 1 to 50");
  rule.years = static_cast<int>(y);
  return rule;
}

void set_flag_rule(Workspace& ws, const FlagRule& rule) {
  if (rule.years < 1 || rule.years > 50) throw Error("credit flags: expiry must be 1 to 50 years");
  ws.set_setting(kSetting, std::to_string(rule.years));
}

bool flagging_finding(const std::string& finding) { return finding == "mark_misused" || finding == "outside_zone"; }

std::vector<CreditFlag> credit_flags(const std::vector<VisitOutcome>& current, const std::string& on, const FlagRule& rule) {
  if (!is_iso_date(on)) throw Error("credit flags: date '" + on + "' is not YYYY-MM-DD");
  std::vector<CreditFlag> out;
  for (const VisitOutcome& r : current) {
    if (!flagging_finding(r.finding) || !is_iso_date(r.date) || r.date > on) continue;
    CreditFlag f;
    f.producer_id = r.producer_id;
    f.producer_name = r.producer_name;
    f.credit_code = r.credit_code;
    f.gi = r.gi;
    f.finding = r.finding;
    f.date = r.date;
    f.expires = add_years(r.date, rule.years);
    f.live = on < f.expires;
    f.record_id = r.id;
    out.push_back(std::move(f));
  }
  std::sort(out.begin(), out.end(), [](const CreditFlag& a, const CreditFlag& b) {
    return a.producer_id != b.producer_id ? a.producer_id < b.producer_id : a.date < b.date;
  });
  return out;
}

std::vector<CreditFlag> credit_flags(const Workspace& ws, const std::string& on, const FlagRule& rule) {
  return credit_flags(current_outcomes(ws), on, rule);
}

}  // namespace giatlas
