// Protections, standards and authorised users of the register's GIs.
#include "programme/register_book.h"

#include <algorithm>

#include "error.h"
#include "programme/calendar.h"
#include "programme/programme_store.h"
#include "programme/use_rate.h"
#include "workspace/gi_register.h"
#include "workspace/iso_date.h"
#include "workspace/workspace.h"

namespace giatlas {

const std::vector<std::string>& standard_levels() {
  static const std::vector<std::string> v = {"国家标准", "行业标准", "地方标准", "团体标准", "企业标准"};
  return v;
}

const std::vector<std::string>& mark_use_statuses() {
  static const std::vector<std::string> v = {"active", "suspended", "revoked"};
  return v;
}

std::string mark_use_status_zh(const std::string& s) {
  if (s == "active") return "使用中";
  if (s == "suspended") return "暂停使用";
  if (s == "revoked") return "已撤销";
  return s;
}

namespace {

bool listed(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string list_text(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

GiProduct need_gi(const Workspace& ws, const std::string& what, const std::string& gi) {
  auto g = ws.gi_product(gi);
  if (!g) throw Error(what + ": '" + gi + "' is not in the register");
  return *g;
}

void need_date(const std::string& what, const char* field, const std::string& d, bool required) {
  if (d.empty() && !required) return;
  if (d.empty()) throw Error(what + ": " + field + " is missing");
  if (!is_iso_date(d)) throw Error(what + ": " + field + " '" + d + "' is not YYYY-MM-DD");
}

}  // namespace

std::vector<GiProtection> merged_protections(const std::vector<GiProduct>& reg,
                                             const std::vector<GiProtection>& rows) {
  std::vector<GiProtection> out = rows;
  for (const GiProduct& g : reg) {
    if (g.registration_date.empty()) continue;
    const bool recorded = std::any_of(rows.begin(), rows.end(), [&](const GiProtection& p) {
      return p.gi == g.name && (p.registration_no == g.registration_no || g.registration_no.empty());
    });
    if (recorded) continue;
    GiProtection p;
    p.gi = g.name, p.protection_type = g.protection_type, p.registration_no = g.registration_no;
    p.registration_date = g.registration_date, p.holder = g.holder;
    out.push_back(p);
  }
  return out;
}

std::vector<GiStandard> merged_standards(const std::vector<GiProduct>& reg,
                                         const std::vector<GiStandard>& rows) {
  std::vector<GiStandard> out = rows;
  for (const GiProduct& g : reg) {
    if (g.standard_no.empty()) continue;
    const bool recorded = std::any_of(rows.begin(), rows.end(), [&](const GiStandard& s) {
      return s.gi == g.name && s.number == g.standard_no;
    });
    if (recorded) continue;
    GiStandard s;
    s.gi = g.name, s.number = g.standard_no, s.published = g.standard_date;
    out.push_back(s);
  }
  return out;
}

std::vector<GiProtection> gi_protections(const Workspace& ws) {
  return merged_protections(ws.gi_products(), read_protection_rows(ws));
}

std::vector<GiStandard> gi_standards(const Workspace& ws) {
  return merged_standards(ws.gi_products(), read_standard_rows(ws));
}

std::string first_registration(const std::vector<GiProtection>& protections, const std::string& gi) {
  std::string first;
  for (const GiProtection& p : protections)
    if (p.gi == gi && !p.registration_date.empty() && (first.empty() || p.registration_date < first))
      first = p.registration_date;
  return first;
}

GiProtection add_protection(Workspace& ws, GiProtection p) {
  const std::string what = "protection of " + p.gi;
  GiProduct g = need_gi(ws, "protection", p.gi);
  if (!listed(gi_protection_types(), p.protection_type))
    throw Error(what + ": type '" + p.protection_type +
                "' is not one of: " + list_text(gi_protection_types()));
  if (p.registration_no.empty()) throw Error(what + ": a registration number is missing");
  need_date(what, "registration date", p.registration_date, true);
  for (const GiProtection& old : gi_protections(ws))
    if (old.gi == p.gi && old.registration_no == p.registration_no)
      throw Error(what + ": registration " + p.registration_no + " is already recorded");
  if (p.holder.empty()) p.holder = g.holder;
  Workspace::Transaction t(ws);
  std::vector<GiProtection> one{p};
  insert_protections(ws, one);
  if (g.registration_no.empty()) {
    g.protection_type = p.protection_type, g.registration_no = p.registration_no;
    g.registration_date = p.registration_date;
  }
  if (g.holder.empty()) g.holder = p.holder;
  if (g.status != "registered") {  // dated by the registration itself
    std::vector<RegisterStatusRecord> rec{
        {0, g.name, "registered", p.registration_date, "", "registration " + p.registration_no}};
    insert_register_status(ws, rec);
  }
  g.status = "registered";
  ws.update_gi_product(g);
  t.commit();
  return one.front();
}

GiStandard add_standard(Workspace& ws, GiStandard s) {
  const std::string what = "standard of " + s.gi;
  need_gi(ws, "standard", s.gi);
  if (s.number.empty()) throw Error(what + ": a standard number is missing");
  need_date(what, "publication date", s.published, true);
  if (s.level.empty()) s.level = "地方标准";
  if (!listed(standard_levels(), s.level))
    throw Error(what + ": level '" + s.level + "' is not one of: " + list_text(standard_levels()));
  for (const GiStandard& old : gi_standards(ws))
    if (old.gi == s.gi && old.number == s.number)
      throw Error(what + ": " + s.number + " is already recorded");
  std::vector<GiStandard> one{s};
  insert_standards(ws, one);
  return one.front();
}

MarkUser add_mark_user(Workspace& ws, MarkUser u) {
  const std::string what = "authorised user " + u.name;
  need_gi(ws, what, u.gi);
  if (u.name.empty()) throw Error("authorised user of " + u.gi + ": a name is missing");
  need_date(what, "approval date", u.approved, true);
  need_date(what, "expiry", u.expiry, false);
  if (!u.expiry.empty() && u.expiry <= u.approved)
    throw Error(what + ": expiry " + u.expiry + " is not after approval " + u.approved);
  if (u.status.empty()) u.status = "active";
  if (!listed(mark_use_statuses(), u.status))
    throw Error(what + ": status '" + u.status + "' is not one of: " + list_text(mark_use_statuses()));
  Workspace::Transaction t(ws);
  std::vector<Producer> link;
  if (u.producer_id == 0) {
    std::optional<Producer> by_code, by_name;
    ws.for_each_producer([&](Producer&& p) {
      if (p.gi != u.gi) return;
      if (!u.credit_code.empty() && p.credit_code == u.credit_code && !by_code) by_code = p;
      if (p.name == u.name && !by_name) by_name = p;
    });
    if (by_code || by_name) {
      Producer p = by_code ? *by_code : *by_name;
      u.producer_id = p.id;
      if (u.credit_code.empty()) u.credit_code = p.credit_code;
      if (!p.authorised && u.status == "active") {
        p.authorised = true;
        p.authorised_since = u.approved;
        link.push_back(p);
      }
    }
  }
  std::vector<MarkUser> one{u};
  insert_mark_users(ws, one);
  if (!link.empty()) ws.update_producers(link);
  t.commit();
  return one.front();
}

MarkUser set_mark_user_status(Workspace& ws, std::int64_t id, const std::string& status,
                              const std::string& expiry, std::string date, const std::string& recorded_by,
                              const std::string& note) {
  for (MarkUser u : read_mark_users(ws)) {
    if (u.id != id) continue;
    const std::string what = "authorised user " + u.name;
    if (!listed(mark_use_statuses(), status))
      throw Error(what + ": status '" + status + "' is not one of: " + list_text(mark_use_statuses()));
    if (date.empty()) date = today_iso();
    need_date(what, "date", date, true);
    need_date(what, "expiry", expiry, false);
    if (!u.approved.empty() && date < u.approved)
      throw Error(what + ": " + date + " is before the approval on " + u.approved);
    if (!u.changes.empty() && date < u.changes.back().date)
      throw Error(what + ": " + date + " is before its latest status change on " + u.changes.back().date);
    if (!expiry.empty() && expiry <= date) throw Error(what + ": expiry " + expiry + " is not after " + date);
    if (expiry.empty() && mark_user_status_on(u, date) == status)
      throw Error(what + ": already " + status + " on " + date);
    std::vector<MarkUserStatusRecord> one{{0, u.id, status, date, expiry, recorded_by, note}};
    insert_mark_user_changes(ws, one);
    u.changes.push_back(one.front());
    return u;
  }
  throw Error("authorised user #" + std::to_string(id) + " does not exist");
}

RegisterStatusRecord set_register_status(Workspace& ws, const std::string& gi, const std::string& status,
                                         std::string date, const std::string& recorded_by,
                                         const std::string& note) {
  const std::string what = "register status of " + gi;
  GiProduct g = need_gi(ws, "register status", gi);
  if (!listed(gi_statuses(), status))
    throw Error(what + ": status '" + status + "' is not one of: " + list_text(gi_statuses()));
  if (date.empty()) date = today_iso();
  need_date(what, "date", date, true);
  for (const RegisterStatusRecord& old : read_register_status(ws))
    if (old.gi == gi && old.date > date)
      throw Error(what + ": " + date + " is before its latest record on " + old.date);
  Workspace::Transaction t(ws);
  std::vector<RegisterStatusRecord> one{{0, gi, status, date, recorded_by, note}};
  insert_register_status(ws, one);
  g.status = status;
  ws.update_gi_product(g);
  t.commit();
  return one.front();
}

}  // namespace giatlas
