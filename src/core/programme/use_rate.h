// Authorised users of the GI special mark and the plan's use rate:
//   use rate on a date D = registered GIs with at least one current authorised user on D
//                          ÷ GIs registered on D.
// A GI is registered on D when one of its protections was registered on or before D and the
// register does not list it as revoked. A user is current on D when its status is active,
// approved on or before D, and its expiry (if any) is on or after D.
// "Per year" means on 31 December of that year (or on the as-of date for the year not yet over).
#pragma once
#include <set>
#include <string>
#include <vector>

#include "programme/programme_model.h"
#include "workspace/model.h"

namespace giatlas {

bool mark_user_current(const MarkUser& u, const std::string& date);

// GI names registered on `date` by the rule above.
std::set<std::string> registered_gis(const std::vector<GiProduct>& reg,
                                     const std::vector<GiProtection>& protections, const std::string& date);

struct GiUse {
  std::string gi;
  int current_users = 0;  // current on the date
  int all_users = 0;      // ever recorded, any status
};

struct UseRate {
  std::string date;
  int registered = 0;
  int with_users = 0;         // registered GIs with >= 1 current user
  int current_users = 0;      // current users of registered GIs (the plan's "mark users" count)
  double rate = 0;            // with_users / registered; 0 when nothing is registered
  std::vector<GiUse> per_gi;  // one row per registered GI, by name
};

UseRate use_rate(const std::vector<GiProduct>& reg, const std::vector<GiProtection>& protections,
                 const std::vector<MarkUser>& users, const std::string& date);

}  // namespace giatlas
