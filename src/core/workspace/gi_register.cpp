// GI register vocabulary and entry checks.
#include "workspace/gi_register.h"

#include <algorithm>

#include "error.h"
#include "workspace/feature_io.h"
#include "workspace/workspace.h"

namespace giatlas {

const std::vector<std::string>& gi_categories() {
  static const std::vector<std::string> v = {"特色农产品", "传统手工业品", "道地药材", "非物质文化遗产", "其他"};
  return v;
}

const std::vector<std::string>& gi_protection_types() {
  static const std::vector<std::string> v = {"地理标志保护产品", "地理标志证明商标", "地理标志集体商标", "农产品地理标志"};
  return v;
}

const std::vector<std::string>& gi_statuses() {
  static const std::vector<std::string> v = {"candidate", "applying", "registered", "revoked"};
  return v;
}

namespace {

std::string one_of(const char* what, const std::string& value, const std::vector<std::string>& allowed) {
  if (value.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return "";
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  return std::string(what) + " '" + value + "' is not one of: " + list;
}

}  // namespace

std::string gi_product_problem(const GiProduct& g) {
  if (g.name.empty()) return "a GI needs a name";
  for (const std::string& p : {one_of("category", g.category, gi_categories()),
                               one_of("protection type", g.protection_type, gi_protection_types()),
                               one_of("status", g.status, gi_statuses())})
    if (!p.empty()) return p;
  if (!g.registration_date.empty() && !is_iso_date(g.registration_date))
    return "registration date '" + g.registration_date + "' is not YYYY-MM-DD";
  if (!g.standard_date.empty() && !is_iso_date(g.standard_date))
    return "standard date '" + g.standard_date + "' is not YYYY-MM-DD";
  return "";
}

GiProduct add_new_gi(Workspace& ws, GiProduct g) {
  const auto first = g.name.find_first_not_of(" \t");
  const auto last = g.name.find_last_not_of(" \t");
  g.name = first == std::string::npos ? "" : g.name.substr(first, last - first + 1);
  if (g.name.empty()) throw Error("new GI: a GI needs a name");
  if (g.status.empty()) g.status = "candidate";
  if (g.category.empty()) g.category = gi_categories().front();
  if (const std::string problem = gi_product_problem(g); !problem.empty()) throw Error("new GI: " + problem);
  if (ws.gi_product(g.name)) throw Error("new GI: '" + g.name + "' is already in the register");
  ws.add_gi_product(g);
  return g;
}

}  // namespace giatlas
