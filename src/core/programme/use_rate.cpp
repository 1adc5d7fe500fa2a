// The use rate of registered GIs by their authorised users.
#include "programme/use_rate.h"

#include <map>

namespace giatlas {

std::string mark_user_status_on(const MarkUser& u, const std::string& date) {
  std::string s = u.status;
  for (const MarkUserStatusRecord& c : u.changes)  // by (date, id)
    if (c.date <= date) s = c.status;
  return s;
}

std::string mark_user_expiry_on(const MarkUser& u, const std::string& date) {
  std::string e = u.expiry;
  for (const MarkUserStatusRecord& c : u.changes)
    if (c.date <= date && !c.expiry.empty()) e = c.expiry;
  return e;
}

std::string mark_user_latest_status(const MarkUser& u) {
  return u.changes.empty() ? u.status : u.changes.back().status;
}

bool mark_user_current(const MarkUser& u, const std::string& date) {
  if (u.approved.empty() || u.approved > date || mark_user_status_on(u, date) != "active") return false;
  const std::string expiry = mark_user_expiry_on(u, date);
  return expiry.empty() || expiry >= date;
}

std::set<std::string> registered_gis(const std::vector<GiProduct>& reg,
                                     const std::vector<RegisterStatusRecord>& changes,
                                     const std::vector<GiProtection>& protections, const std::string& date) {
  std::set<std::string> revoked, dated;
  for (const RegisterStatusRecord& c : changes) dated.insert(c.gi);
  for (const GiProduct& g : reg)
    if (!dated.count(g.name) && g.status == "revoked") revoked.insert(g.name);
  std::map<std::string, const RegisterStatusRecord*> on_date;  // the latest record on or before `date`
  for (const RegisterStatusRecord& c : changes)
    if (c.date <= date) {
      const RegisterStatusRecord*& best = on_date[c.gi];
      if (!best || c.date > best->date || (c.date == best->date && c.id > best->id)) best = &c;
    }
  for (const auto& [gi, c] : on_date)
    if (c->status == "revoked") revoked.insert(gi);
  std::set<std::string> out;
  for (const GiProtection& p : protections)
    if (!p.registration_date.empty() && p.registration_date <= date && !revoked.count(p.gi)) out.insert(p.gi);
  return out;
}

UseRate use_rate(const std::vector<GiProduct>& reg, const std::vector<RegisterStatusRecord>& changes,
                 const std::vector<GiProtection>& protections, const std::vector<MarkUser>& users,
                 const std::string& date) {
  UseRate r;
  r.date = date;
  std::map<std::string, GiUse> per;
  for (const std::string& gi : registered_gis(reg, changes, protections, date)) per[gi].gi = gi;
  for (const MarkUser& u : users) {
    auto it = per.find(u.gi);
    if (it == per.end()) continue;
    ++it->second.all_users;
    if (mark_user_current(u, date)) ++it->second.current_users;
  }
  for (auto& [gi, use] : per) {
    ++r.registered;
    if (use.current_users > 0) ++r.with_users;
    r.current_users += use.current_users;
    r.per_gi.push_back(use);
  }
  r.rate = r.registered ? static_cast<double>(r.with_users) / r.registered : 0.0;
  return r;
}

}  // namespace giatlas
