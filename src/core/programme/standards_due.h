// The plan's standards rule: every registered GI publishes a standard within 2 years of its
// registration; a GI registered before the plan began (and still without one) has 2 years from
// the plan's start. DEFAULT plan start: 2021-01-01 (targets.h, kPlanStart).
#pragma once
#include <string>
#include <vector>

#include "programme/programme_model.h"

namespace giatlas {

enum class StandardState {
  on_time,   // a standard published on or before the due date
  late,      // a standard published, but after the due date
  overdue,   // none published by `as_of`, and the due date has passed
  due_soon,  // none published, due within `soon_days` of `as_of` (inclusive)
  pending,   // none published, due later
};
const char* standard_state_code(StandardState s);  // on_time, late, overdue, due_soon, pending
const char* standard_state_zh(StandardState s);  // 按期制定, 逾期后制定, 已逾期, 即将到期, 未到期

struct StandardDue {
  std::string gi;
  std::string registered;  // first registration date
  std::string due;         // 2 years after max(registered, plan_start)
  std::string standard;    // the first standard published by as_of ("" = none)
  std::string published;
  StandardState state = StandardState::pending;
  long days_left = 0;  // due - as_of (negative when overdue)
};

// One row per GI registered on or before `as_of` (first registration date of `protections`),
// ordered by due date then GI name. Standards published after `as_of` do not count yet.
// REQUIRES: valid ISO dates. DEFAULT soon_days 90.
std::vector<StandardDue> standards_due(const std::vector<GiProtection>& protections,
                                       const std::vector<GiStandard>& standards,
                                       const std::string& plan_start, const std::string& as_of,
                                       int soon_days = 90);

}  // namespace giatlas
