// giatlas-cli db: the workspace roles a PostgreSQL database enforces — grant, revoke, list.
#include <cstdio>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "error.h"
#include "workspace/pg_roles.h"
#include "workspace/role_rules.h"
#include "workspace/store_address.h"

namespace giatlas::cli {

namespace {

StoreAddress database_workspace(const std::string& text, const std::string& sub) {
  const StoreAddress a = parse_store_address(text);
  if (!a.postgis())
    throw Error(sub + " " + text +
                ": roles exist on PostGIS workspaces only (a GeoPackage is one person's file)");
  return a;
}

}  // namespace

int cmd_db(int argc, char** argv) {
  Args args(argc, argv, 2, {});
  const std::string& sub = args.need(0, "db subcommand (grant, revoke, roles or may)");
  if (sub == "grant") {
    args.allow_only({"role", "township"});
    const StoreAddress a = database_workspace(args.need(1, "workspace (PG:…)"), sub);
    const std::string& user = args.need(2, "database user");
    const auto role = args.get("role");
    if (!role) throw Error("grant: --role admin|surveyor|inspector|viewer is required");
    const std::string township = args.get_or("township", "");
    for (const std::string& note : pg_grant(a, user, *role, township)) std::cout << "note: " << note << "\n";
    std::cout << user << " is now " << *role << (township.empty() ? "" : " of " + township) << " in "
              << a.shown << "\n";
    return 0;
  }
  if (sub == "revoke") {
    args.allow_only({});
    const StoreAddress a = database_workspace(args.need(1, "workspace (PG:…)"), sub);
    const std::string& user = args.need(2, "database user");
    pg_revoke(a, user);
    std::cout << user << " has no role in " << a.shown << " any more\n";
    return 0;
  }
  if (sub == "roles") {
    args.allow_only({});
    const StoreAddress a = database_workspace(args.need(1, "workspace (PG:…)"), sub);
    const std::vector<RoleAssignment> all = pg_role_assignments(a);
    if (all.empty()) std::cout << "no roles given in " << a.shown << " yet (giatlas-cli db grant)\n";
    for (const RoleAssignment& r : all)
      std::printf("%-24s %-10s %-16s %s\n", r.user.c_str(), r.role.c_str(),
                  r.township.empty() ? "(all townships)" : r.township.c_str(),
                  r.can_login ? "" : "(cannot log in)");
    return 0;
  }
  if (sub == "may") {
    // The rule the app greys its actions by (workspace/role_rules.h): may ROLE change each TABLE?
    args.allow_only({});
    const std::string& role = args.need(1, "workspace role (admin, surveyor, inspector or viewer)");
    if (!is_workspace_role(role)) throw Error("may: unknown role '" + role + "' (admin, surveyor, inspector or viewer)");
    args.need(2, "table");
    for (std::size_t i = 2; i < args.positional().size(); ++i) {
      const std::string& table = args.positional()[i];
      const RoleVerdict v = role_may_change({role, ""}, true, table);
      std::cout << table << (v.allowed ? " yes" : " no: " + v.reason) << "\n";
    }
    return 0;
  }
  throw Error("unknown subcommand '" + sub + "' (grant, revoke, roles or may)");
}

}  // namespace giatlas::cli
