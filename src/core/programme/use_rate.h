// Authorised users of the GI special mark and the plan's use rate:
//   use rate on a date D = registered GIs with at least one current authorised user on D
//                          ÷ GIs registered on D.
// A GI is registered on D when one of its protections was registered on or before D and it was
// not revoked on D: its latest register status record on or before D is not "revoked" (a GI with
// no status records at all: the register's own status, undated, is not "revoked").
// A user is current on D when its status in force on D is active (mark_user_status_on), it was
// approved on or before D, and its expiry in force on D (if any) is on or after D.
// "Per year" means on 31 December of that year (or on the as-of date for the year not yet over).
#pragma once
#include <set>
#include <string>
#include <vector>

#include "programme/programme_model.h"
#include "workspace/model.h"

namespace giatlas {

// The status in force on `date`: the latest of u.changes dated on or before it, else u.status.
std::string mark_user_status_on(const MarkUser& u, const std::string& date);
// The expiry in force on `date`: the latest change on or before it that set one, else u.expiry.
std::string mark_user_expiry_on(const MarkUser& u, const std::string& date);
// The latest status (its last change, else as approved) and its date ("" = as approved).
std::string mark_user_latest_status(const MarkUser& u);
bool mark_user_current(const MarkUser& u, const std::string& date);

// GI names registered on `date` by the rule above; `changes` are the register status records.
std::set<std::string> registered_gis(const std::vector<GiProduct>& reg,
                                     const std::vector<RegisterStatusRecord>& changes,
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

UseRate use_rate(const std::vector<GiProduct>& reg, const std::vector<RegisterStatusRecord>& changes,
                 const std::vector<GiProtection>& protections, const std::vector<MarkUser>& users,
                 const std::string& date);

}  // namespace giatlas
