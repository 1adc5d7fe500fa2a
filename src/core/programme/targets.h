// The programme's targets as data, and whether each is met, on track or behind.
//
// DEFAULT targets (the 2021–2025 plan; rows of programme_targets with the same key replace them):
//   new_trademarks     ≥ 5   new GI trademarks (证明商标/集体商标) registered 2021-01-01..2025-12-31
//   mark_users         ≥ 5   current authorised users of the special mark (use_rate.h)
//   use_rate           ≥ 0.5 registered GIs with a current user ÷ registered GIs (use_rate.h)
//   standards_overdue  ≤ 0   registered GIs whose standard is overdue (standards_due.h); its
//                            period_from is the plan's start for the standards rule
// STATUS RULE on a date D: met when the value satisfies the target; otherwise behind when D is on
// or after period_to, or for standards_overdue; otherwise on track when the value reaches the
// share of the threshold that the elapsed share of the period asks for
// (threshold × (D − from) ÷ (to − from)), else behind.
#pragma once
#include <string>
#include <vector>

#include "programme/programme_model.h"
#include "programme/standards_due.h"
#include "programme/use_rate.h"
#include "workspace/model.h"

namespace giatlas {

class Workspace;

inline constexpr const char* kPlanStart = "2021-01-01";

const std::vector<std::string>&
target_metrics();  // new_trademarks, new_registrations, mark_users, use_rate, standards_overdue
std::vector<ProgrammeTarget> default_targets();
// The defaults with the workspace's own rows laid over them by key (extra keys appended).
std::vector<ProgrammeTarget> programme_targets(const Workspace& ws);
// The plan's start for the standards rule: the standards_overdue target's period_from.
std::string plan_start(const std::vector<ProgrammeTarget>& targets);

// Checks and stores a target (Error for an unknown metric, bad or reversed dates, a negative
// threshold or a rate above 1). Keys of the defaults keep their metric when `t.metric` is "".
ProgrammeTarget set_target(Workspace& ws, ProgrammeTarget t);

enum class TargetStatus { met, on_track, behind };
const char* target_status_code(TargetStatus s);  // met, on_track, behind
const char* target_status_zh(TargetStatus s);    // 已完成, 按进度推进, 滞后
// A target's value as people read it (the CLI, the window and the report alike): a use rate as
// "66.7%", a count as "3".
std::string target_value_text(const ProgrammeTarget& t, double value);

// Everything the targets are measured on.
struct ProgrammeFacts {
  std::vector<GiProduct> reg;
  std::vector<RegisterStatusRecord> reg_changes;  // dated register status changes
  std::vector<GiProtection> protections;
  std::vector<GiStandard> standards;
  std::vector<MarkUser> users;
};
ProgrammeFacts programme_facts(const Workspace& ws);

double measure_target(const ProgrammeTarget& t, const ProgrammeFacts& f, const std::string& as_of);
TargetStatus target_status(const ProgrammeTarget& t, double value, const std::string& as_of);

struct TargetResult {
  ProgrammeTarget target;
  double value = 0;
  double expected_now = 0;  // what "on track" asks for on as_of
  TargetStatus status = TargetStatus::behind;
};
std::vector<TargetResult> evaluate_targets(const std::vector<ProgrammeTarget>& targets,
                                           const ProgrammeFacts& f, const std::string& as_of);

}  // namespace giatlas
