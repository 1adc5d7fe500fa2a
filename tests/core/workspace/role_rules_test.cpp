#include <catch2/catch.hpp>

#include "workspace/role_rules.h"

using namespace giatlas;

TEST_CASE("role rules: a GeoPackage and a user with no workspace role may change everything", "[role_rules]") {
  for (const char* role : {"viewer", "surveyor", "inspector", "admin", ""})
    CHECK(role_may_change({role, ""}, false, "gi_zones").allowed);
  const RoleVerdict owner = role_may_change({"", ""}, true, "gi_zones");
  CHECK(owner.allowed);
  CHECK(owner.reason.empty());
}

TEST_CASE("role rules: a viewer changes nothing, in the refusal's own sentence", "[role_rules]") {
  const RoleVerdict v = role_may_change({"viewer", ""}, true, "gi_zones");
  CHECK_FALSE(v.allowed);
  CHECK(v.reason == "your role (viewer) cannot change zones (你的角色（查看者）不能修改保护范围)");
  for (const char* t : {"producers", "census_points", "plan_records", "giatlas_settings", "townships"})
    CHECK_FALSE(role_may_change({"viewer", ""}, true, t).allowed);
  CHECK(role_may_change({"viewer", ""}, true, "producers").reason ==
        "your role (viewer) cannot change producers (你的角色（查看者）不能修改生产者)");
}

TEST_CASE("role rules: surveyor, inspector and admin", "[role_rules]") {
  const WorkspaceRole surveyor{"surveyor", "仙女山街道"}, inspector{"inspector", ""}, admin{"admin", ""};
  CHECK(role_may_change(surveyor, true, "gi_zones").allowed);
  CHECK(role_may_change(surveyor, true, "census_points").allowed);
  CHECK_FALSE(role_may_change(surveyor, true, "producers").allowed);
  CHECK(role_may_change(surveyor, true, "producers").reason ==
        "your role (surveyor) cannot change producers (你的角色（调查员）不能修改生产者)");
  CHECK_FALSE(role_may_change(surveyor, true, "plan_records").allowed);
  CHECK(role_may_change(inspector, true, "producers").allowed);
  CHECK(role_may_change(inspector, true, "plan_outcomes").allowed);
  CHECK(role_may_change(inspector, true, "lots").allowed);
  CHECK_FALSE(role_may_change(inspector, true, "gi_zones").allowed);
  CHECK_FALSE(role_may_change(inspector, true, "census_points").allowed);
  CHECK_FALSE(role_may_change(inspector, true, "giatlas_settings").allowed);
  CHECK(role_may_change(admin, true, "gi_zones").allowed);
  CHECK(role_may_change(admin, true, "giatlas_settings").allowed);
  CHECK_FALSE(role_may_change(admin, true, "audit_log").allowed);
}
