// Workspace roles that PostgreSQL itself enforces, so that a plain SQL client meets the same
// refusals as GI Atlas. Per workspace schema S: NOLOGIN group roles S_admin, S_surveyor,
// S_inspector, S_viewer with these GRANTs —
//   viewer:    USAGE on the schema, SELECT on every table (the audit trail included);
//   surveyor:  viewer + census_points (insert, update, delete), gi_zones (insert; update of
//              effective_to only), the 'modified' row of giatlas_metadata, the sequences,
//              production_areas;
//   inspector: viewer + producers, inspections, inspectors and any plan* table, production_areas
//              and lots (gi_yields, the mass balance's assumptions, only admin writes);
//   admin:     everything on the schema except writing the audit trail.
// S.giatlas_users(username, role, township) records each assignment; row-level security on
// census_points reads it: a surveyor with a home township inserts, updates and deletes only
// that township's census points (an UPDATE or DELETE of another township's point changes no
// row, as row-level security does; Workspace reports it as a refusal). Admins pass every policy.
// Zone versions are append-only for everyone but S_admin's direct members (a trigger), and an
// audit trigger on every table fills S.audit_log (workspace/pg_audit.h).
#pragma once
#include <string>
#include <vector>

#include "geo/gdal.h"
#include "workspace/pg_refusal.h"
#include "workspace/store_address.h"

namespace giatlas {

// "admin", "surveyor", "inspector", "viewer".
bool is_workspace_role(const std::string& role);

// Installs, idempotently, the database-side rules of the workspace in `schema`: the
// giatlas_users table, the admin and township functions the policies use, the append-only
// trigger on gi_zones, the audit_log table and its triggers on every table. REQUIRES: `ds`
// connected as the owner of the schema's tables; `schema` a plain SQL identifier.
void pg_install_guards(GDALDataset& ds, const std::string& schema);

// The workspace schema `a` names, or the database's only workspace (Error naming them when there
// are several, or none).
std::string pg_workspace_schema(const StoreAddress& a, const char* what);

// Gives `user` the workspace role `role` (replacing the one it had), `township` its home township
// (surveyors only; "" for all). Creates the group roles, grants and policies on first use and
// installs the guards (pg_install_guards) for workspaces made before them. A user that does not
// exist is created NOLOGIN; the returned notes say so. REQUIRES: connected as the schema's owner
// with CREATEROLE (or a superuser); `user` a plain SQL identifier.
std::vector<std::string> pg_grant(const StoreAddress& a, const std::string& user, const std::string& role,
                                  const std::string& township);
// Takes every role of this workspace from `user`. Error when it had none.
void pg_revoke(const StoreAddress& a, const std::string& user);

struct RoleAssignment {
  std::string user;
  std::string role;
  std::string township;  // "" for all
  bool can_login = false;
};
// The assignments of the workspace, by user name.
std::vector<RoleAssignment> pg_role_assignments(const StoreAddress& a);

// True when `schema` exists but the connected user may not use it (no workspace role).
bool pg_schema_closed(GDALDataset& ds, const std::string& schema);

// The role of the connected user (session_user) in `schema`: its giatlas_users row, else its
// membership of a group role, else none. Never throws (none when it cannot tell).
WorkspaceRole pg_session_role(GDALDataset& ds, const std::string& schema);

}  // namespace giatlas
