// What a workspace role may change (see role_rules.h).
#include "workspace/role_rules.h"

#include <array>
#include <string_view>

namespace giatlas {

namespace {

// Exactly the INSERT grants of pg_roles.cpp (install_grants).
constexpr std::array<std::string_view, 6> kSurveyorTables{
    "census_points", "gi_zones", "gi_resources", "resource_status", "production_areas", "field_merges"};
constexpr std::array<std::string_view, 13> kInspectorTables{
    "producers",        "inspections",       "inspectors",       "gi_protections", "gi_standards",
    "mark_users",       "programme_targets", "candidate_scores", "mark_user_status", "register_status",
    "production_areas", "lots",              "field_merges"};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& tables, const std::string& table) {
  for (std::string_view t : tables)
    if (table == t) return true;
  return false;
}

bool may(const std::string& role, const std::string& table) {
  // The audit trail and the pending index rebuilds are written by the workspace's own triggers
  // and functions only.
  if (role == "admin") return table != "audit_log" && table != "giatlas_index_rebuilds";
  if (role == "surveyor") return listed(kSurveyorTables, table);
  if (role == "inspector") return listed(kInspectorTables, table) || table.rfind("plan", 0) == 0;
  return false;  // viewer, and any role this version does not know
}

}  // namespace

RoleVerdict role_may_change(const WorkspaceRole& who, bool postgis, const std::string& table) {
  if (!postgis || who.role.empty() || may(who.role, table)) return {};
  return {false, refusal_sentence(who, {RefusalKind::privilege, table}, table)};
}

}  // namespace giatlas
