// The use rate of registered GIs by their authorised users.
#include "programme/use_rate.h"

#include <map>

namespace giatlas {

bool mark_user_current(const MarkUser& u, const std::string& date) {
  return u.status == "active" && !u.approved.empty() && u.approved <= date &&
         (u.expiry.empty() || u.expiry >= date);
}

std::set<std::string> registered_gis(const std::vector<GiProduct>& reg,
                                     const std::vector<GiProtection>& protections, const std::string& date) {
  std::set<std::string> revoked;
  for (const GiProduct& g : reg)
    if (g.status == "revoked") revoked.insert(g.name);
  std::set<std::string> out;
  for (const GiProtection& p : protections)
    if (!p.registration_date.empty() && p.registration_date <= date && !revoked.count(p.gi)) out.insert(p.gi);
  return out;
}

UseRate use_rate(const std::vector<GiProduct>& reg, const std::vector<GiProtection>& protections,
                 const std::vector<MarkUser>& users, const std::string& date) {
  UseRate r;
  r.date = date;
  std::map<std::string, GiUse> per;
  for (const std::string& gi : registered_gis(reg, protections, date)) per[gi].gi = gi;
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
