// Programme targets: defaults, storage, measurement and status.
#include "programme/targets.h"

#include <cmath>
#include <cstdio>

#include <algorithm>

#include "error.h"
#include "programme/calendar.h"
#include "programme/programme_store.h"
#include "programme/register_book.h"
#include "workspace/iso_date.h"
#include "workspace/workspace.h"

namespace giatlas {

const std::vector<std::string>& target_metrics() {
  static const std::vector<std::string> v = {"new_trademarks", "new_registrations", "mark_users", "use_rate",
                                             "standards_overdue"};
  return v;
}

std::vector<ProgrammeTarget> default_targets() {
  auto t = [](const char* key, const char* title, double threshold) {
    ProgrammeTarget r;
    r.key = key, r.metric = key, r.title = title, r.threshold = threshold;
    r.period_from = kPlanStart, r.period_to = "2025-12-31";
    return r;
  };
  return {t("new_trademarks", "新增地理标志商标注册（件）", 5),
          t("mark_users", "地理标志专用标志使用主体（家）", 5),
          t("use_rate", "已注册地理标志专用标志使用率", 0.5),
          t("standards_overdue", "注册后2年内制定标准：逾期未制定（个）", 0)};
}

std::vector<ProgrammeTarget> programme_targets(const Workspace& ws) {
  std::vector<ProgrammeTarget> out = default_targets();
  for (const ProgrammeTarget& row : read_target_rows(ws)) {
    auto it =
        std::find_if(out.begin(), out.end(), [&](const ProgrammeTarget& t) { return t.key == row.key; });
    if (it != out.end())
      *it = row;
    else
      out.push_back(row);
  }
  return out;
}

std::string plan_start(const std::vector<ProgrammeTarget>& targets) {
  for (const ProgrammeTarget& t : targets)
    if (t.metric == "standards_overdue" && !t.period_from.empty()) return t.period_from;
  return kPlanStart;
}

ProgrammeTarget set_target(Workspace& ws, ProgrammeTarget t) {
  const std::string what = "target " + t.key;
  if (t.key.empty()) throw Error("target: a key is missing");
  for (const ProgrammeTarget& d : programme_targets(ws))
    if (d.key == t.key) {
      if (t.metric.empty()) t.metric = d.metric;
      if (t.title.empty()) t.title = d.title;
      if (t.period_from.empty()) t.period_from = d.period_from;
      if (t.period_to.empty()) t.period_to = d.period_to;
    }
  const auto& m = target_metrics();
  if (std::find(m.begin(), m.end(), t.metric) == m.end())
    throw Error(what + ": metric '" + t.metric +
                "' is not one of new_trademarks, new_registrations, mark_users, "
                "use_rate, standards_overdue");
  for (const std::string* d : {&t.period_from, &t.period_to})
    if (!is_iso_date(*d)) throw Error(what + ": period date '" + *d + "' is not YYYY-MM-DD");
  if (t.period_to <= t.period_from)
    throw Error(what + ": the period ends (" + t.period_to + ") before it begins");
  if (t.threshold < 0) throw Error(what + ": the threshold must not be negative");
  if (t.metric == "use_rate" && t.threshold > 1) throw Error(what + ": a use rate is a share from 0 to 1");
  if (t.title.empty()) t.title = t.key;
  put_target(ws, t);
  return t;
}

const char* target_status_code(TargetStatus s) {
  return s == TargetStatus::met ? "met" : s == TargetStatus::on_track ? "on_track" : "behind";
}

std::string target_value_text(const ProgrammeTarget& t, double value) {
  char b[32];
  if (t.metric == "use_rate")
    std::snprintf(b, sizeof b, "%.1f%%", value * 100);
  else if (value == std::floor(value) && std::fabs(value) < 1e15)
    std::snprintf(b, sizeof b, "%.0f", value);  // a count
  else
    std::snprintf(b, sizeof b, "%g", value);
  return b;
}

const char* target_status_zh(TargetStatus s) {
  return s == TargetStatus::met ? "已完成" : s == TargetStatus::on_track ? "按进度推进" : "滞后";
}

ProgrammeFacts programme_facts(const Workspace& ws) {
  ProgrammeFacts f;
  f.reg = ws.gi_products();
  f.reg_changes = read_register_status(ws);
  f.protections = merged_protections(f.reg, read_protection_rows(ws));
  f.standards = merged_standards(f.reg, read_standard_rows(ws));
  f.users = read_mark_users(ws);
  return f;
}

namespace {

bool is_trademark(const std::string& type) {
  return type == "地理标志证明商标" || type == "地理标志集体商标";
}

double expected_share(const ProgrammeTarget& t, const std::string& as_of) {
  if (as_of <= t.period_from) return 0;
  if (as_of >= t.period_to) return 1;
  return static_cast<double>(days_between(t.period_from, as_of)) / days_between(t.period_from, t.period_to);
}

}  // namespace

double measure_target(const ProgrammeTarget& t, const ProgrammeFacts& f, const std::string& as_of) {
  if (t.metric == "new_trademarks" || t.metric == "new_registrations") {
    const std::string until = std::min(as_of, t.period_to);
    return static_cast<double>(
        std::count_if(f.protections.begin(), f.protections.end(), [&](const GiProtection& p) {
          return p.registration_date >= t.period_from && p.registration_date <= until &&
                 (t.metric == "new_registrations" || is_trademark(p.protection_type));
        }));
  }
  if (t.metric == "mark_users")
    return use_rate(f.reg, f.reg_changes, f.protections, f.users, as_of).current_users;
  if (t.metric == "use_rate") return use_rate(f.reg, f.reg_changes, f.protections, f.users, as_of).rate;
  if (t.metric == "standards_overdue") {
    const auto due = standards_due(f.protections, f.standards, t.period_from, as_of);
    return static_cast<double>(std::count_if(
        due.begin(), due.end(), [](const StandardDue& d) { return d.state == StandardState::overdue; }));
  }
  throw Error("target " + t.key + ": unknown metric '" + t.metric + "'");
}

TargetStatus target_status(const ProgrammeTarget& t, double value, const std::string& as_of) {
  if (t.metric == "standards_overdue") return value <= t.threshold ? TargetStatus::met : TargetStatus::behind;
  if (value >= t.threshold - 1e-9) return TargetStatus::met;
  if (as_of >= t.period_to) return TargetStatus::behind;
  return value >= t.threshold * expected_share(t, as_of) - 1e-9 ? TargetStatus::on_track
                                                                : TargetStatus::behind;
}

std::vector<TargetResult> evaluate_targets(const std::vector<ProgrammeTarget>& targets,
                                           const ProgrammeFacts& f, const std::string& as_of) {
  std::vector<TargetResult> out;
  for (const ProgrammeTarget& t : targets) {
    TargetResult r;
    r.target = t;
    r.value = measure_target(t, f, as_of);
    r.expected_now = t.metric == "standards_overdue" ? t.threshold : t.threshold * expected_share(t, as_of);
    r.status = target_status(t, r.value, as_of);
    out.push_back(r);
  }
  return out;
}

}  // namespace giatlas
