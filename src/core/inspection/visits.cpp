// Visit outcomes: validation, origin check at the visit date, measured location, append-only.
#include "inspection/visits.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "check/origin_check.h"
#include "error.h"
#include "geo/crs_input.h"
#include "inspection/inspection_store.h"
#include "io/coordinate_text.h"
#include "workspace/iso_date.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {

std::set<std::int64_t> superseded_ids(const std::vector<VisitOutcome>& all) {
  std::set<std::int64_t> s;
  for (const auto& r : all)
    if (r.supersedes) s.insert(r.supersedes);
  return s;
}

Point measured_point(const VisitInput& in) {
  const InputCrs crs = input_crs_from_user(in.crs);
  Point p;
  if (crs.geographic()) {
    CoordValue x = parse_coordinate(in.x, CoordAxis::Lon), y = parse_coordinate(in.y, CoordAxis::Lat);
    if (!x.ok()) throw Error("record visit: measured longitude: " + x.message);
    if (!y.ok()) throw Error("record visit: measured latitude: " + y.message);
    p = {x.degrees, y.degrees};
  } else {
    char *ex = nullptr, *ey = nullptr;
    p = {std::strtod(in.x.c_str(), &ex), std::strtod(in.y.c_str(), &ey)};
    if (in.x.empty() || in.y.empty() || *ex || *ey)
      throw Error("record visit: measured location '" + in.x + ", " + in.y + "' is not two numbers in " + crs.label);
  }
  if (!ToCgcs2000(crs).point(p))
    throw Error("record visit: measured location '" + in.x + ", " + in.y + "' is outside " + crs.label + "'s area");
  return p;
}

}  // namespace

std::vector<VisitOutcome> current_outcomes(const Workspace& ws, const std::string& plan) {
  auto all = visit_outcomes(ws);
  const auto gone = superseded_ids(all);
  std::optional<std::int64_t> plan_id;
  if (!plan.empty()) {
    auto p = saved_plan(ws, plan);
    if (!p) throw Error("no plan named '" + plan + "'");
    plan_id = p->id;
  }
  std::erase_if(all, [&](const VisitOutcome& r) { return gone.count(r.id) || (plan_id && r.plan_id != *plan_id); });
  return all;
}

VisitOutcome record_visit(Workspace& ws, const VisitInput& in, const Progress& progress) {
  const std::string what = "record visit " + in.plan + " #" + std::to_string(in.visit_no);
  auto plan = saved_plan(ws, in.plan);
  if (!plan) throw Error("record visit: no plan named '" + in.plan + "' (giatlas-cli plan list)");
  if (plan->status == "closed") throw Error(what + ": the plan is closed");
  const auto visits = plan_visits(ws, plan->id);
  auto v = std::find_if(visits.begin(), visits.end(), [&](const PlanVisitRow& r) { return r.visit_no == in.visit_no; });
  if (v == visits.end())
    throw Error(what + ": the plan has visits 1 to " + std::to_string(visits.size()));
  VisitOutcome rec;
  rec.plan_id = plan->id;
  rec.visit_no = in.visit_no;
  rec.producer_id = v->producer_id;
  rec.producer_name = v->producer_name;
  rec.credit_code = v->credit_code;
  rec.gi = v->gi;
  rec.date = in.date.empty() ? today_iso() : in.date;
  if (!is_iso_date(rec.date)) throw Error(what + ": date '" + rec.date + "' is not a day written YYYY-MM-DD");
  if (std::find(finding_codes().begin(), finding_codes().end(), in.finding) == finding_codes().end())
    throw Error(what + ": finding '" + in.finding + "' is not one of conforming, mark_misused, outside_zone, labelling, other");
  rec.finding = in.finding;
  if (std::find(action_codes().begin(), action_codes().end(), in.action) == action_codes().end())
    throw Error(what + ": action '" + in.action + "' is not one of none, rectification, case_opened");
  rec.action = in.action;
  if (!in.follow_up.empty()) {
    if (!is_iso_date(in.follow_up)) throw Error(what + ": follow-up date '" + in.follow_up + "' is not YYYY-MM-DD");
    if (in.follow_up < rec.date) throw Error(what + ": the follow-up date is before the visit");
  }
  rec.follow_up = in.follow_up;
  // Inspectors present: at least two, each active on the roster, none twice.
  std::set<std::string> roster, seen;
  for (const Inspector& i : ws.inspectors())
    if (i.active) roster.insert(i.name);
  for (const std::string& n : in.inspectors) {
    if (!roster.count(n)) throw Error(what + ": '" + n + "' is not an active inspector of the roster");
    if (!seen.insert(n).second) throw Error(what + ": '" + n + "' is named twice");
  }
  if (seen.size() < 2) throw Error(what + ": at least 2 inspectors must be present (" + std::to_string(seen.size()) + " given)");
  for (const std::string& n : in.inspectors) rec.inspectors += (rec.inspectors.empty() ? "" : ";") + n;
  // The measured location, kept as typed and converted.
  if (!in.x.empty() || !in.y.empty() || !in.crs.empty()) {
    if (in.x.empty() || in.y.empty() || in.crs.empty())
      throw Error(what + ": a measured location needs x, y and its coordinate system");
    rec.raw_x = in.x;
    rec.raw_y = in.y;
    rec.raw_crs = in.crs;
    rec.location = measured_point(in);
  }
  if (in.accuracy_m && !(*in.accuracy_m >= 0)) throw Error(what + ": accuracy must be 0 m or more");
  if (in.accuracy_m && !rec.location) throw Error(what + ": an accuracy without a measured location");
  rec.accuracy_m = in.accuracy_m;
  for (const std::string& e : in.evidence) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(e, ec)) throw Error(what + ": evidence file '" + e + "' does not exist");
  }
  rec.evidence = in.evidence;
  rec.note = in.note;
  // Append-only: a visit with a current record takes a correction of that record.
  const auto all = visit_outcomes(ws);
  const auto gone = superseded_ids(all);
  const VisitOutcome* current = nullptr;
  for (const auto& r : all)
    if (r.plan_id == rec.plan_id && r.visit_no == rec.visit_no && !gone.count(r.id)) current = &r;
  if (in.corrects == 0 && current)
    throw Error(what + ": already recorded as record #" + std::to_string(current->id) +
                "; a correction names it (--corrects " + std::to_string(current->id) + ")");
  if (in.corrects != 0 && (!current || current->id != in.corrects))
    throw Error(what + ": record #" + std::to_string(in.corrects) + " is not the current record of this visit" +
                (current ? " (#" + std::to_string(current->id) + " is)" : ""));
  rec.supersedes = in.corrects;
  // The origin check of this producer on the visit date.
  for (const Producer& p : ws.producers()) {
    if (p.id != rec.producer_id) continue;
    CheckOptions co;
    co.date = rec.date;
    co.threads = 1;
    CheckReport r = run_origin_check(ws, std::vector<Producer>{p}, co, progress);
    if (!r.rows.empty()) {
      rec.check_result = result_code(r.rows.front().result);
      rec.check_reason = r.rows.front().reason;
      rec.zone_version = r.rows.front().zone_version;
    }
    break;
  }
  if (rec.check_result.empty()) rec.check_reason = "producer #" + std::to_string(rec.producer_id) + " is no longer in the workspace";
  append_outcome(ws, rec);
  return rec;
}

VisitOutcome close_visit(Workspace& ws, std::int64_t record_id, const std::string& date, const std::string& note) {
  const auto all = visit_outcomes(ws);
  const auto gone = superseded_ids(all);
  auto it = std::find_if(all.begin(), all.end(), [&](const VisitOutcome& r) { return r.id == record_id; });
  if (it == all.end()) throw Error("close visit: no record #" + std::to_string(record_id));
  if (gone.count(record_id)) throw Error("close visit: record #" + std::to_string(record_id) + " has been superseded; close the current record");
  if (!it->closed.empty()) throw Error("close visit: record #" + std::to_string(record_id) + " was closed on " + it->closed);
  VisitOutcome rec = *it;
  rec.closed = date.empty() ? today_iso() : date;
  if (!is_iso_date(rec.closed)) throw Error("close visit: date '" + rec.closed + "' is not YYYY-MM-DD");
  if (rec.closed < rec.date) throw Error("close visit: the closing date is before the visit");
  rec.supersedes = record_id;
  if (!note.empty()) rec.note = rec.note.empty() ? note : rec.note + "; " + note;
  append_outcome(ws, rec);
  return rec;
}

}  // namespace giatlas
