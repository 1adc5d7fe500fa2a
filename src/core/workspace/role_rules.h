// What a workspace role may change, table by table: the same rule PostgreSQL enforces through the
// GRANTs of workspace/pg_roles.h, here so that the app can grey out what the database would refuse
// and say why in the refusal's own sentence ("your role (viewer) cannot change zones
// (你的角色（查看者）不能修改保护范围)"). The database still decides; this only mirrors it
// (tests/e2e/postgis_role_rules.sh compares it with has_table_privilege). Pure functions.
#pragma once
#include <string>

#include "workspace/pg_refusal.h"

namespace giatlas {

struct RoleVerdict {
  bool allowed = true;
  std::string reason;  // the refusal sentence when not allowed, "" when allowed
};

// May a user with workspace role `who` add rows to `table` (and change those it may)? A
// GeoPackage (`postgis` false) is its owner's: everything. On PostGIS a user with no workspace
// role (the schema's owner, a superuser) is left to the database: allowed here. admin: every table
// but the audit trail; surveyor: census points, new zone versions, the resource census, production
// areas, field merges; inspector: producers, inspections, inspectors, the register's records, plans,
// production areas, lots, field merges; viewer: nothing.
RoleVerdict role_may_change(const WorkspaceRole& who, bool postgis, const std::string& table);

}  // namespace giatlas
