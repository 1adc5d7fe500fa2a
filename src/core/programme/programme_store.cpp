// The GI programme's tables: one read and one write function per record type.
#include "programme/programme_store.h"

#include <algorithm>
#include <functional>

#include "error.h"
#include "workspace/feature_io.h"
#include "workspace/schema.h"
#include "workspace/table_rows.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {

void write_resource(OGRFeature& f, const FieldIndex& i, const GiResource& r) {
  set_text(f, i["name"], r.name);
  set_text(f, i["category"], r.category);
  set_text(f, i["townships"], join_field_list(r.townships));
  set_real(f, i["area_mu"], r.area_mu);
  set_real(f, i["annual_output_t"], r.annual_output_t);
  set_int(f, i["households"], r.households);
  set_int(f, i["firms"], r.firms);
  set_int(f, i["since_year"], r.since_year);
  set_text(f, i["history"], r.history);
  set_text(f, i["reputation"], r.reputation);
  set_text(f, i["sources"], r.sources);
  set_text(f, i["photos"], join_field_list(r.photos));
  set_text(f, i["surveyor"], r.surveyor);
  set_date(f, i["survey_date"], r.survey_date);
  set_text(f, i["gi"], r.gi);
}

GiResource read_resource(const OGRFeature& f, const FieldIndex& i) {
  GiResource r;
  r.name = get_text(f, i["name"]);
  r.category = get_text(f, i["category"]);
  r.townships = split_field_list(get_text(f, i["townships"]));
  r.area_mu = get_real(f, i["area_mu"]);
  r.annual_output_t = get_real(f, i["annual_output_t"]);
  r.households = static_cast<int>(get_int(f, i["households"]));
  r.firms = static_cast<int>(get_int(f, i["firms"]));
  r.since_year = static_cast<int>(get_int(f, i["since_year"]));
  r.history = get_text(f, i["history"]);
  r.reputation = get_text(f, i["reputation"]);
  r.sources = get_text(f, i["sources"]);
  r.photos = split_field_list(get_text(f, i["photos"]));
  r.surveyor = get_text(f, i["surveyor"]);
  r.survey_date = get_date(f, i["survey_date"]);
  r.gi = get_text(f, i["gi"]);
  return r;
}

void write_status(OGRFeature& f, const FieldIndex& i, const CatalogueStatusRecord& r) {
  set_int(f, i["resource_id"], r.resource_id);
  set_text(f, i["status"], r.status);
  set_date(f, i["date"], r.date);
  set_text(f, i["recorded_by"], r.recorded_by);
  set_text(f, i["note"], r.note);
}

CatalogueStatusRecord read_status(const OGRFeature& f, const FieldIndex& i) {
  CatalogueStatusRecord r;
  r.resource_id = get_int(f, i["resource_id"]);
  r.status = get_text(f, i["status"]);
  r.date = get_date(f, i["date"]);
  r.recorded_by = get_text(f, i["recorded_by"]);
  r.note = get_text(f, i["note"]);
  return r;
}

void write_protection(OGRFeature& f, const FieldIndex& i, const GiProtection& p) {
  set_text(f, i["gi"], p.gi);
  set_text(f, i["protection_type"], p.protection_type);
  set_text(f, i["registration_no"], p.registration_no);
  set_date(f, i["registration_date"], p.registration_date);
  set_text(f, i["authority"], p.authority);
  set_text(f, i["holder"], p.holder);
}

GiProtection read_protection(const OGRFeature& f, const FieldIndex& i) {
  GiProtection p;
  p.gi = get_text(f, i["gi"]);
  p.protection_type = get_text(f, i["protection_type"]);
  p.registration_no = get_text(f, i["registration_no"]);
  p.registration_date = get_date(f, i["registration_date"]);
  p.authority = get_text(f, i["authority"]);
  p.holder = get_text(f, i["holder"]);
  return p;
}

void write_standard(OGRFeature& f, const FieldIndex& i, const GiStandard& s) {
  set_text(f, i["gi"], s.gi);
  set_text(f, i["number"], s.number);
  set_text(f, i["title"], s.title);
  set_text(f, i["level"], s.level);
  set_date(f, i["published"], s.published);
}

GiStandard read_standard(const OGRFeature& f, const FieldIndex& i) {
  GiStandard s;
  s.gi = get_text(f, i["gi"]);
  s.number = get_text(f, i["number"]);
  s.title = get_text(f, i["title"]);
  s.level = get_text(f, i["level"]);
  s.published = get_date(f, i["published"]);
  return s;
}

void write_user(OGRFeature& f, const FieldIndex& i, const MarkUser& u) {
  set_text(f, i["gi"], u.gi);
  set_int(f, i["producer_id"], u.producer_id);
  set_text(f, i["name"], u.name);
  set_text(f, i["credit_code"], u.credit_code);
  set_date(f, i["approved"], u.approved);
  set_text(f, i["status"], u.status);
  set_date(f, i["expiry"], u.expiry);
  set_text(f, i["note"], u.note);
}

MarkUser read_user(const OGRFeature& f, const FieldIndex& i) {
  MarkUser u;
  u.gi = get_text(f, i["gi"]);
  u.producer_id = get_int(f, i["producer_id"]);
  u.name = get_text(f, i["name"]);
  u.credit_code = get_text(f, i["credit_code"]);
  u.approved = get_date(f, i["approved"]);
  u.status = get_text(f, i["status"]);
  u.expiry = get_date(f, i["expiry"]);
  u.note = get_text(f, i["note"]);
  return u;
}

void write_user_change(OGRFeature& f, const FieldIndex& i, const MarkUserStatusRecord& r) {
  set_int(f, i["user_id"], r.user_id);
  set_text(f, i["status"], r.status);
  set_date(f, i["date"], r.date);
  set_date(f, i["expiry"], r.expiry);
  set_text(f, i["recorded_by"], r.recorded_by);
  set_text(f, i["note"], r.note);
}

MarkUserStatusRecord read_user_change(const OGRFeature& f, const FieldIndex& i) {
  MarkUserStatusRecord r;
  r.user_id = get_int(f, i["user_id"]);
  r.status = get_text(f, i["status"]);
  r.date = get_date(f, i["date"]);
  r.expiry = get_date(f, i["expiry"]);
  r.recorded_by = get_text(f, i["recorded_by"]);
  r.note = get_text(f, i["note"]);
  return r;
}

void write_register_status(OGRFeature& f, const FieldIndex& i, const RegisterStatusRecord& r) {
  set_text(f, i["gi"], r.gi);
  set_text(f, i["status"], r.status);
  set_date(f, i["date"], r.date);
  set_text(f, i["recorded_by"], r.recorded_by);
  set_text(f, i["note"], r.note);
}

RegisterStatusRecord read_register_status_row(const OGRFeature& f, const FieldIndex& i) {
  RegisterStatusRecord r;
  r.gi = get_text(f, i["gi"]);
  r.status = get_text(f, i["status"]);
  r.date = get_date(f, i["date"]);
  r.recorded_by = get_text(f, i["recorded_by"]);
  r.note = get_text(f, i["note"]);
  return r;
}

void write_target(OGRFeature& f, const FieldIndex& i, const ProgrammeTarget& t) {
  set_text(f, i["key"], t.key);
  set_text(f, i["title"], t.title);
  set_text(f, i["metric"], t.metric);
  set_real(f, i["threshold"], t.threshold);
  set_date(f, i["period_from"], t.period_from);
  set_date(f, i["period_to"], t.period_to);
}

ProgrammeTarget read_target(const OGRFeature& f, const FieldIndex& i) {
  ProgrammeTarget t;
  t.key = get_text(f, i["key"]);
  t.title = get_text(f, i["title"]);
  t.metric = get_text(f, i["metric"]);
  t.threshold = get_real(f, i["threshold"]);
  t.period_from = get_date(f, i["period_from"]);
  t.period_to = get_date(f, i["period_to"]);
  return t;
}

void write_score(OGRFeature& f, const FieldIndex& i, const CandidateScore& s) {
  set_int(f, i["resource_id"], s.resource_id);
  set_text(f, i["criterion"], s.criterion);
  set_int(f, i["score"], s.score);
  set_text(f, i["note"], s.note);
  set_text(f, i["override_reason"], s.override_reason);
  set_text(f, i["assessor"], s.assessor);
  set_date(f, i["date"], s.date);
}

CandidateScore read_score(const OGRFeature& f, const FieldIndex& i) {
  CandidateScore s;
  s.resource_id = get_int(f, i["resource_id"]);
  s.criterion = get_text(f, i["criterion"]);
  s.score = static_cast<int>(get_int(f, i["score"]));
  s.note = get_text(f, i["note"]);
  s.override_reason = get_text(f, i["override_reason"]);
  s.assessor = get_text(f, i["assessor"]);
  s.date = get_date(f, i["date"]);
  return s;
}

}  // namespace

std::vector<GiResource> read_resources(const Workspace& ws) {
  return read_rows(ws, table::kResources, read_resource);
}
std::vector<CatalogueStatusRecord> read_status_records(const Workspace& ws) {
  return read_rows(ws, table::kResourceStatus, read_status);
}
std::vector<GiProtection> read_protection_rows(const Workspace& ws) {
  return read_rows(ws, table::kProtections, read_protection);
}
std::vector<GiStandard> read_standard_rows(const Workspace& ws) {
  return read_rows(ws, table::kStandards, read_standard);
}
std::vector<MarkUser> read_mark_users(const Workspace& ws) {
  std::vector<MarkUser> users = read_rows(ws, table::kMarkUsers, read_user);
  std::vector<MarkUserStatusRecord> changes = read_mark_user_changes(ws);
  std::stable_sort(changes.begin(), changes.end(),
                   [](const auto& a, const auto& b) { return a.date < b.date; });  // id order kept per date
  for (MarkUser& u : users)
    for (const MarkUserStatusRecord& c : changes)
      if (c.user_id == u.id) u.changes.push_back(c);
  return users;
}
std::vector<MarkUserStatusRecord> read_mark_user_changes(const Workspace& ws) {
  return read_rows(ws, table::kMarkUserStatus, read_user_change);
}
std::vector<RegisterStatusRecord> read_register_status(const Workspace& ws) {
  return read_rows(ws, table::kRegisterStatus, read_register_status_row);
}
std::vector<ProgrammeTarget> read_target_rows(const Workspace& ws) {
  return read_rows(ws, table::kTargets, read_target);
}
std::vector<CandidateScore> read_scores(const Workspace& ws) {
  return read_rows(ws, table::kScores, read_score);
}

void insert_resources(Workspace& ws, std::vector<GiResource>& rows) {
  insert_rows(ws, table::kResources, rows, write_resource);
}
void update_resource(Workspace& ws, const GiResource& row) {
  update_row(ws, table::kResources, row, write_resource);
}
void insert_status_records(Workspace& ws, std::vector<CatalogueStatusRecord>& rows) {
  insert_rows(ws, table::kResourceStatus, rows, write_status);
}
void insert_protections(Workspace& ws, std::vector<GiProtection>& rows) {
  insert_rows(ws, table::kProtections, rows, write_protection);
}
void insert_standards(Workspace& ws, std::vector<GiStandard>& rows) {
  insert_rows(ws, table::kStandards, rows, write_standard);
}
void insert_mark_users(Workspace& ws, std::vector<MarkUser>& rows) {
  insert_rows(ws, table::kMarkUsers, rows, write_user);
}
void insert_mark_user_changes(Workspace& ws, std::vector<MarkUserStatusRecord>& rows) {
  insert_rows(ws, table::kMarkUserStatus, rows, write_user_change);
}
void insert_register_status(Workspace& ws, std::vector<RegisterStatusRecord>& rows) {
  insert_rows(ws, table::kRegisterStatus, rows, write_register_status);
}
void insert_scores(Workspace& ws, std::vector<CandidateScore>& rows) {
  insert_rows(ws, table::kScores, rows, write_score);
}

void put_target(Workspace& ws, ProgrammeTarget& t) {
  for (const ProgrammeTarget& old : read_target_rows(ws))
    if (old.key == t.key) {
      t.id = old.id;
      update_row(ws, table::kTargets, t, write_target);
      return;
    }
  std::vector<ProgrammeTarget> one{t};
  insert_rows(ws, table::kTargets, one, write_target);
  t.id = one.front().id;
}

}  // namespace giatlas
