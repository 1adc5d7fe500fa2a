// Saved plans, plan visits and visit outcomes in the workspace tables.
#include "inspection/inspection_store.h"

#include <algorithm>

#include "error.h"
#include "programme/plan_document.h"
#include "workspace/feature_io.h"
#include "workspace/schema.h"
#include "workspace/table_rows.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {

void write_plan_row(OGRFeature& f, const FieldIndex& i, const SavedPlan& p) {
  set_text(f, i["name"], p.name);
  set_text(f, i["kind"], p.kind);
  set_text(f, i["status"], p.status);
  set_text(f, i["seed"], p.seed);
  set_date(f, i["date"], p.date);
  set_text(f, i["options"], p.options);
  set_int(f, i["eligible"], p.eligible);
  set_text(f, i["created"], p.created);
}

SavedPlan read_plan_row(const OGRFeature& f, const FieldIndex& i) {
  SavedPlan p;
  p.name = get_text(f, i["name"]);
  p.kind = get_text(f, i["kind"]);
  p.status = get_text(f, i["status"]);
  p.seed = get_text(f, i["seed"]);
  p.date = get_date(f, i["date"]);
  p.options = get_text(f, i["options"]);
  p.eligible = get_int(f, i["eligible"]);
  p.created = get_text(f, i["created"]);
  return p;
}

void write_visit(OGRFeature& f, const FieldIndex& i, const PlanVisitRow& v) {
  set_int(f, i["plan_id"], v.plan_id);
  set_int(f, i["visit_no"], v.visit_no);
  set_int(f, i["producer_id"], v.producer_id);
  set_text(f, i["producer_name"], v.producer_name);
  set_text(f, i["credit_code"], v.credit_code);
  set_text(f, i["gi"], v.gi);
  set_text(f, i["township"], v.township);
  set_text(f, i["inspectors"], v.inspectors);
  set_date(f, i["date"], v.date);
}

PlanVisitRow read_visit(const OGRFeature& f, const FieldIndex& i) {
  PlanVisitRow v;
  v.plan_id = get_int(f, i["plan_id"]);
  v.visit_no = static_cast<int>(get_int(f, i["visit_no"]));
  v.producer_id = get_int(f, i["producer_id"]);
  v.producer_name = get_text(f, i["producer_name"]);
  v.credit_code = get_text(f, i["credit_code"]);
  v.gi = get_text(f, i["gi"]);
  v.township = get_text(f, i["township"]);
  v.inspectors = get_text(f, i["inspectors"]);
  v.date = get_date(f, i["date"]);
  return v;
}

void write_outcome(OGRFeature& f, const FieldIndex& i, const VisitOutcome& r) {
  set_int(f, i["plan_id"], r.plan_id);
  set_int(f, i["visit_no"], r.visit_no);
  set_int(f, i["producer_id"], r.producer_id);
  set_text(f, i["producer_name"], r.producer_name);
  set_text(f, i["credit_code"], r.credit_code);
  set_text(f, i["gi"], r.gi);
  set_date(f, i["date"], r.date);
  set_text(f, i["inspectors"], r.inspectors);
  set_text(f, i["finding"], r.finding);
  set_text(f, i["check_result"], r.check_result);
  set_text(f, i["check_reason"], r.check_reason);
  set_int(f, i["zone_version"], r.zone_version);
  set_text(f, i["raw_x"], r.raw_x);
  set_text(f, i["raw_y"], r.raw_y);
  set_text(f, i["raw_crs"], r.raw_crs);
  set_optional_real(f, i["accuracy_m"], r.accuracy_m);
  set_text(f, i["evidence"], join_field_list(r.evidence));
  set_text(f, i["action"], r.action);
  set_date(f, i["follow_up"], r.follow_up);
  set_date(f, i["closed"], r.closed);
  set_int(f, i["supersedes"], r.supersedes);
  set_text(f, i["recorded"], r.recorded);
  set_text(f, i["note"], r.note);
  if (r.location) {
    OGRPoint pt(r.location->x, r.location->y);
    f.SetGeometry(&pt);
  }
}

VisitOutcome read_outcome(const OGRFeature& f, const FieldIndex& i) {
  VisitOutcome r;
  r.plan_id = get_int(f, i["plan_id"]);
  r.visit_no = static_cast<int>(get_int(f, i["visit_no"]));
  r.producer_id = get_int(f, i["producer_id"]);
  r.producer_name = get_text(f, i["producer_name"]);
  r.credit_code = get_text(f, i["credit_code"]);
  r.gi = get_text(f, i["gi"]);
  r.date = get_date(f, i["date"]);
  r.inspectors = get_text(f, i["inspectors"]);
  r.finding = get_text(f, i["finding"]);
  r.check_result = get_text(f, i["check_result"]);
  r.check_reason = get_text(f, i["check_reason"]);
  r.zone_version = static_cast<int>(get_int(f, i["zone_version"]));
  r.raw_x = get_text(f, i["raw_x"]);
  r.raw_y = get_text(f, i["raw_y"]);
  r.raw_crs = get_text(f, i["raw_crs"]);
  r.accuracy_m = get_optional_real(f, i["accuracy_m"]);
  r.evidence = split_field_list(get_text(f, i["evidence"]));
  r.action = get_text(f, i["action"]);
  r.follow_up = get_date(f, i["follow_up"]);
  r.closed = get_date(f, i["closed"]);
  r.supersedes = get_int(f, i["supersedes"]);
  r.recorded = get_text(f, i["recorded"]);
  r.note = get_text(f, i["note"]);
  if (const OGRGeometry* g = f.GetGeometryRef(); g && !g->IsEmpty() && wkbFlatten(g->getGeometryType()) == wkbPoint)
    r.location = Point{g->toPoint()->getX(), g->toPoint()->getY()};
  return r;
}

int status_rank(const std::string& s) {
  if (s == "draft") return 0;
  if (s == "published") return 1;
  if (s == "closed") return 2;
  return -1;
}

}  // namespace

const std::vector<std::string>& finding_codes() {
  static const std::vector<std::string> codes = {"conforming", "mark_misused", "outside_zone", "labelling", "other"};
  return codes;
}
const std::vector<std::string>& action_codes() {
  static const std::vector<std::string> codes = {"none", "rectification", "case_opened"};
  return codes;
}
std::string finding_label_zh(const std::string& code) {
  if (code == "conforming") return "未发现问题";
  if (code == "mark_misused") return "违规使用专用标志";
  if (code == "outside_zone") return "产地不在保护范围内";
  if (code == "labelling") return "标签标识不规范";
  if (code == "other") return "其他问题";
  return "";
}
std::string action_label_zh(const std::string& code) {
  if (code == "none") return "无需处理";
  if (code == "rectification") return "责令整改";
  if (code == "case_opened") return "立案查处";
  return "";
}

SavedPlan save_named_plan(Workspace& ws, const InspectionPlan& plan, const std::string& name) {
  if (name.empty()) throw Error("save plan: a plan needs a name");
  if (saved_plan(ws, name)) throw Error("save plan: a plan named '" + name + "' already exists");
  const PlanOptions& o = plan.options;
  SavedPlan p;
  p.name = name;
  p.kind = (!o.gis.empty() || !o.townships.empty() || !o.window_from.empty()) ? "campaign" : "random";
  p.status = "draft";
  p.seed = std::to_string(o.seed);
  p.date = o.date;
  p.options = plan_options_text(plan);
  p.eligible = plan.eligible;
  p.created = now_iso();
  Workspace::Transaction t(ws, table::kPlanRecords);
  OGRLayer& records = table_for_writing(ws, table::kPlanRecords);
  create_row(records, FieldIndex(records), p, write_plan_row);
  OGRLayer& visits = table_for_writing(ws, table::kPlanVisits);
  const FieldIndex visit_fields(visits);
  for (std::size_t i = 0; i < plan.visits.size(); ++i) {
    const PlannedVisit& v = plan.visits[i];
    PlanVisitRow row{0, p.id, static_cast<int>(i + 1), v.producer_id, v.producer_name, v.credit_code, v.gi, v.township,
                     join_field_list(v.inspectors), v.date};
    create_row(visits, visit_fields, row, write_visit);
  }
  t.commit();
  return p;
}

std::vector<SavedPlan> saved_plans(const Workspace& ws) { return read_rows(ws, table::kPlanRecords, read_plan_row); }

std::optional<SavedPlan> saved_plan(const Workspace& ws, const std::string& name) {
  for (SavedPlan& p : saved_plans(ws))
    if (p.name == name) return p;
  return std::nullopt;
}

void set_plan_status(Workspace& ws, const std::string& name, const std::string& status) {
  if (status_rank(status) < 0) throw Error("plan status: '" + status + "' is not draft, published or closed");
  auto p = saved_plan(ws, name);
  if (!p) throw Error("plan status: no plan named '" + name + "'");
  if (status_rank(status) <= status_rank(p->status))
    throw Error("plan status: plan '" + name + "' is " + p->status + "; it can only move forward (draft → published → closed)");
  Workspace::Transaction t(ws, table::kPlanRecords);
  OGRLayer& l = table_for_writing(ws, table::kPlanRecords);
  OgrFeature f(l.GetFeature(p->id));
  if (!f) throw Error("plan status: plan '" + name + "' vanished");
  set_text(*f, FieldIndex(l)["status"], status);
  if (l.SetFeature(f.get()) != OGRERR_NONE) throw Error("plan status: updating plan '" + name + "' failed: " + CPLGetLastErrorMsg());
  t.commit();
}

std::vector<PlanVisitRow> plan_visits(const Workspace& ws, std::int64_t plan_id) {
  auto all = read_rows(ws, table::kPlanVisits, read_visit);
  std::erase_if(all, [&](const PlanVisitRow& v) { return v.plan_id != plan_id; });
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.visit_no < b.visit_no; });
  return all;
}

std::vector<VisitOutcome> visit_outcomes(const Workspace& ws) { return read_rows(ws, table::kPlanOutcomes, read_outcome); }

void append_outcome(Workspace& ws, VisitOutcome& rec) {
  rec.recorded = now_iso();
  std::vector<VisitOutcome> one{rec};
  insert_rows(ws, table::kPlanOutcomes, one, write_outcome);
  rec.id = one.front().id;
}

}  // namespace giatlas
