// Roles, grants, row-level security and the append-only zone trigger (see pg_roles.h). Every
// name spliced into SQL is a plain_sql_identifier-checked schema or user name; every value is an
// sql_literal.
#include "workspace/pg_roles.h"

#include <array>
#include <cctype>

#include "error.h"
#include "workspace/pg_audit.h"
#include "workspace/postgis_store.h"

namespace giatlas {

namespace {

constexpr std::array<const char*, 4> kRoles{"admin", "surveyor", "inspector", "viewer"};

void exec(GDALDataset& ds, const std::string& sql) { pg_scalar(ds, sql); }

std::string group(const std::string& schema, const std::string& role) { return schema + "_" + role; }

std::string all_groups(const std::string& s) {
  return group(s, "admin") + ", " + group(s, "surveyor") + ", " + group(s, "inspector") + ", " +
         group(s, "viewer");
}

// The tables of `schema` whose names satisfy `where` (an SQL condition on c.relname).
std::vector<std::string> tables_where(GDALDataset& ds, const std::string& schema, const std::string& where) {
  std::vector<std::string> out;
  for (auto& row :
       pg_rows(ds,
               "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
               "WHERE n.nspname = " +
                   sql_literal(schema) + " AND c.relkind IN ('r', 'p') AND (" + where + ") ORDER BY 1"))
    if (plain_sql_identifier(row.at(0))) out.push_back(row[0]);
  return out;
}

// The group roles and their grants, exactly as pg_roles.h lists them (revoked first, so that a
// second run leaves the same grants), and the row policies.
void install_grants(GDALDataset& ds, const std::string& s) {
  // @S: the checked schema name; @ADMIN, @SURVEYOR, @INSPECTOR, @VIEWER: its group roles (checked
  // names too), as names and, with a trailing _LIT, as literals.
  static constexpr const char* kGrants = R"sql(
DO $g$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @ADMIN_LIT) THEN CREATE ROLE @ADMIN NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @SURVEYOR_LIT) THEN CREATE ROLE @SURVEYOR NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @INSPECTOR_LIT) THEN CREATE ROLE @INSPECTOR NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @VIEWER_LIT) THEN CREATE ROLE @VIEWER NOLOGIN; END IF;
END $g$;
REVOKE ALL ON ALL TABLES IN SCHEMA @S FROM @ADMIN, @SURVEYOR, @INSPECTOR, @VIEWER;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA @S FROM @ADMIN, @SURVEYOR, @INSPECTOR, @VIEWER;
GRANT USAGE ON SCHEMA @S TO @ADMIN, @SURVEYOR, @INSPECTOR, @VIEWER;
GRANT SELECT ON ALL TABLES IN SCHEMA @S TO @ADMIN, @SURVEYOR, @INSPECTOR, @VIEWER;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA @S TO @SURVEYOR, @INSPECTOR;
GRANT UPDATE ON @S.giatlas_metadata TO @SURVEYOR, @INSPECTOR;
GRANT INSERT, UPDATE, DELETE ON @S.census_points TO @SURVEYOR;
GRANT INSERT, UPDATE (effective_to) ON @S.gi_zones TO @SURVEYOR;
GRANT ALL ON ALL TABLES IN SCHEMA @S TO @ADMIN;
GRANT ALL ON ALL SEQUENCES IN SCHEMA @S TO @ADMIN;
GRANT ALL ON SCHEMA @S TO @ADMIN;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON @S.audit_log FROM @ADMIN;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON @S.giatlas_index_rebuilds FROM @ADMIN;
GRANT EXECUTE ON FUNCTION @S.giatlas_defer_spatial_indexes(text) TO @ADMIN, @SURVEYOR, @INSPECTOR;
-- Row policies: every role reads every row; a surveyor writes census points of its township;
-- writers touch only the 'modified' metadata row; admins pass.
ALTER TABLE @S.census_points ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS giatlas_read ON @S.census_points;
CREATE POLICY giatlas_read ON @S.census_points FOR SELECT USING (true);
DROP POLICY IF EXISTS giatlas_insert ON @S.census_points;
CREATE POLICY giatlas_insert ON @S.census_points FOR INSERT WITH CHECK (@S.giatlas_township_ok(township));
DROP POLICY IF EXISTS giatlas_update ON @S.census_points;
CREATE POLICY giatlas_update ON @S.census_points FOR UPDATE
  USING (@S.giatlas_township_ok(township)) WITH CHECK (@S.giatlas_township_ok(township));
DROP POLICY IF EXISTS giatlas_delete ON @S.census_points;
CREATE POLICY giatlas_delete ON @S.census_points FOR DELETE USING (@S.giatlas_township_ok(township));
ALTER TABLE @S.giatlas_metadata ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS giatlas_read ON @S.giatlas_metadata;
CREATE POLICY giatlas_read ON @S.giatlas_metadata FOR SELECT USING (true);
DROP POLICY IF EXISTS giatlas_touch ON @S.giatlas_metadata;
CREATE POLICY giatlas_touch ON @S.giatlas_metadata FOR UPDATE
  USING (key = 'modified' OR @S.giatlas_is_admin()) WITH CHECK (key = 'modified' OR @S.giatlas_is_admin());
DROP POLICY IF EXISTS giatlas_admin ON @S.giatlas_metadata;
CREATE POLICY giatlas_admin ON @S.giatlas_metadata FOR ALL
  USING (@S.giatlas_is_admin()) WITH CHECK (@S.giatlas_is_admin());
)sql";
  std::vector<std::pair<std::string, std::string>> names;
  for (const char* r : kRoles) {
    std::string key(1, '@');
    key += r;
    for (char& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    names.push_back({key + "_LIT", sql_literal(group(s, r))});
    names.push_back({key, group(s, r)});
  }
  names.push_back({"@S", s});
  std::string sql = fill_sql(kGrants, names);
  // The inspector's tables (the market-regulation bureau's: producers, inspections, and the GI
  // programme's register records, mark users, targets and candidate scores): those of them the
  // workspace has, and any plan tables (schema 4: plan_records, plan_visits, plan_outcomes — the
  // saved inspection plans, their visits and visit outcomes; inspector-role work).
  for (const std::string& t : tables_where(
           ds, s,
           "c.relname IN ('producers', 'inspections', 'inspectors', 'gi_protections', 'gi_standards', "
           "'mark_users', 'programme_targets', 'candidate_scores', 'mark_user_status', 'register_status', 'production_areas', 'lots') "
           "OR c.relname LIKE 'plan%'"))
    sql += "GRANT INSERT, UPDATE, DELETE ON " + s + "." + t + " TO " + group(s, "inspector") + ";";
  // The surveyor's resource census: the resource library and its catalogue status records.
  // Production areas are surveyed in the field too (gi_yields, the balance's assumptions, stay the admin's).
  for (const std::string& t :
       tables_where(ds, s, "c.relname IN ('gi_resources', 'resource_status', 'production_areas')"))
    sql += "GRANT INSERT, UPDATE, DELETE ON " + s + "." + t + " TO " + group(s, "surveyor") + ";";
  // Field work (workspace/field_work.h): a merge records what it took, whoever brings points or
  // inspections back; field_base is a field export's own table, written by admins only.
  for (const std::string& t : tables_where(ds, s, "c.relname = 'field_merges'"))
    sql += "GRANT INSERT ON " + s + "." + t + " TO " + group(s, "surveyor") + ", " + group(s, "inspector") + ";";
  // A role that adds rows to a table may also advance its id sequence: a bulk load reserves its
  // ids first and the driver then sets the sequence past the largest (workspace/bulk_insert.h).
  sql += "DO $q$ DECLARE r record; BEGIN FOR r IN "
         "SELECT g.role, pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS seq "
         "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
         "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'fid' AND NOT a.attisdropped "
         "CROSS JOIN (VALUES (" + sql_literal(group(s, "surveyor")) + "), (" + sql_literal(group(s, "inspector")) +
         ")) AS g(role) WHERE n.nspname = " + sql_literal(s) + " AND c.relkind = 'r' "
         "AND has_table_privilege(g.role, c.oid, 'INSERT') LOOP "
         "IF r.seq IS NOT NULL THEN EXECUTE format('GRANT UPDATE ON SEQUENCE %s TO %I', r.seq, r.role); END IF; "
         "END LOOP; END $q$;";
  exec(ds, sql);
}

}  // namespace

bool is_workspace_role(const std::string& role) {
  for (const char* r : kRoles)
    if (role == r) return true;
  return false;
}

void pg_install_guards(GDALDataset& ds, const std::string& s) {
  if (!plain_sql_identifier(s)) throw Error("'" + s + "' cannot be a schema name");
  // @S: the checked schema name; @ADMIN: S_admin and @REFUSED: the trigger's message, as literals.
  // giatlas_is_admin: a direct member of S_admin (a superuser or the tables' owner is not an admin
  // by being one). Zone versions: closing the version in force (effective_to from NULL to a date,
  // nothing else changed) is the one change that is not an admin's privilege.
  static constexpr const char* kGuards = R"sql(
CREATE TABLE IF NOT EXISTS @S.giatlas_users (id serial PRIMARY KEY, username text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('admin', 'surveyor', 'inspector', 'viewer')), township text);
CREATE OR REPLACE FUNCTION @S.giatlas_is_admin() RETURNS boolean LANGUAGE sql STABLE AS $f$
  SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m
    JOIN pg_catalog.pg_roles g ON g.oid = m.roleid JOIN pg_catalog.pg_roles u ON u.oid = m.member
    WHERE g.rolname = @ADMIN AND u.rolname = session_user) $f$;
CREATE OR REPLACE FUNCTION @S.giatlas_township_ok(t text) RETURNS boolean LANGUAGE sql STABLE AS $f$
  SELECT @S.giatlas_is_admin()
    OR NOT EXISTS (SELECT 1 FROM @S.giatlas_users u
                   WHERE u.username = session_user AND coalesce(u.township, '') <> '')
    OR EXISTS (SELECT 1 FROM @S.giatlas_users u WHERE u.username = session_user AND u.township = t) $f$;
CREATE OR REPLACE FUNCTION @S.giatlas_zone_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF @S.giatlas_is_admin() THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.effective_to IS NULL AND NEW.effective_to IS NOT NULL
     AND (to_jsonb(OLD) - 'effective_to') = (to_jsonb(NEW) - 'effective_to') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = @REFUSED;
END $f$;
CREATE OR REPLACE TRIGGER giatlas_zone_append_only BEFORE UPDATE OR DELETE ON @S.gi_zones
  FOR EACH ROW EXECUTE FUNCTION @S.giatlas_zone_append_only();
CREATE OR REPLACE TRIGGER giatlas_zone_no_truncate BEFORE TRUNCATE ON @S.gi_zones
  FOR EACH STATEMENT EXECUTE FUNCTION @S.giatlas_zone_append_only();
-- A large load by anyone who may add rows to a table (workspace/bulk_insert.h): its plain
-- one-column GiST indexes are dropped for the load and built again when the transaction commits,
-- by a deferred trigger, whether or not the loader asks. Only these functions (the owner's) write
-- giatlas_index_rebuilds, and the rebuild takes nothing but names from it, each checked and quoted.
CREATE TABLE IF NOT EXISTS @S.giatlas_index_rebuilds (id serial PRIMARY KEY, tbl text NOT NULL,
  index_name text NOT NULL, col text NOT NULL);
REVOKE ALL ON @S.giatlas_index_rebuilds FROM PUBLIC;
CREATE OR REPLACE FUNCTION @S.giatlas_defer_spatial_indexes(t text) RETURNS integer LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = pg_catalog, public AS $f$
DECLARE r record; n integer := 0; rel regclass;
BEGIN
  rel := to_regclass(format('%I.%I', @SCHEMA, t));
  IF rel IS NULL OR NOT has_table_privilege(session_user, rel, 'INSERT') THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = format('permission denied for table %s', t);
  END IF;
  FOR r IN SELECT c.relname AS index_name, a.attname AS col
           FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am m ON m.oid = c.relam
           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
           JOIN pg_type ty ON ty.oid = a.atttypid
           WHERE i.indrelid = rel AND m.amname = 'gist' AND i.indnatts = 1 AND NOT i.indisunique
             AND i.indpred IS NULL AND i.indexprs IS NULL AND ty.typname = 'geometry' LOOP
    INSERT INTO @S.giatlas_index_rebuilds (tbl, index_name, col) VALUES (t, r.index_name, r.col);
    EXECUTE format('DROP INDEX %I.%I', @SCHEMA, r.index_name);
    n := n + 1;
  END LOOP;
  RETURN n;
END $f$;
REVOKE ALL ON FUNCTION @S.giatlas_defer_spatial_indexes(text) FROM PUBLIC;
CREATE OR REPLACE FUNCTION @S.giatlas_rebuild_indexes() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = pg_catalog, public AS $f$
DECLARE r record;
BEGIN
  FOR r IN DELETE FROM @S.giatlas_index_rebuilds RETURNING tbl, index_name, col LOOP
    IF to_regclass(format('%I.%I', @SCHEMA, r.tbl)) IS NOT NULL THEN
      EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gist (%I)', r.index_name, @SCHEMA, r.tbl, r.col);
    END IF;
  END LOOP;
  RETURN NULL;
END $f$;
DROP TRIGGER IF EXISTS giatlas_rebuild_indexes ON @S.giatlas_index_rebuilds;
CREATE CONSTRAINT TRIGGER giatlas_rebuild_indexes AFTER INSERT ON @S.giatlas_index_rebuilds
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION @S.giatlas_rebuild_indexes();
)sql";
  exec(ds, fill_sql(kGuards, {{"@SCHEMA", sql_literal(s)},
                              {"@S", s},
                              {"@ADMIN", sql_literal(group(s, "admin"))},
                              {"@REFUSED", sql_literal(kZoneAppendOnlyMessage)}}));
  pg_install_audit(ds, s);
}

std::string pg_workspace_schema(const StoreAddress& a, const char* what) {
  if (!a.schema.empty()) return a.schema;
  const std::vector<PgWorkspace> all = pg_list_workspaces(a);
  if (all.empty())
    throw Error(std::string(what) + " " + a.shown + ": no GI Atlas workspace in this database");
  if (all.size() > 1) {
    std::string names;
    for (const auto& w : all) names += (names.empty() ? "" : ", ") + w.schema;
    throw Error(std::string(what) + " " + a.shown + ": the database holds " + std::to_string(all.size()) +
                " workspaces, name one with active_schema=: " + names);
  }
  return all.front().schema;
}

std::vector<std::string> pg_grant(const StoreAddress& a, const std::string& user, const std::string& role,
                                  const std::string& township) {
  const std::string what = "grant " + user;
  if (!is_workspace_role(role))
    throw Error(what + ": unknown role '" + role + "' (admin, surveyor, inspector or viewer)");
  if (!plain_sql_identifier(user))
    throw Error(
        what + ": a user name here must be a plain SQL name (letters, digits, _; not starting with a digit)");
  if (!township.empty() && role != "surveyor") throw Error(what + ": only a surveyor has a home township");
  const std::string s = pg_workspace_schema(a, "grant roles in");
  if (group(s, "inspector").size() > 63)
    throw Error(what + ": schema name " + s + " is too long for its role names");
  GdalDataset ds = pg_connect(a, s, true, "grant roles in");
  std::vector<std::string> notes;
  if (ds->StartTransaction() != OGRERR_NONE) throw Error(what + ": cannot start a transaction");
  try {
    if (!township.empty() && !pg_scalar(*ds, "SELECT 1 FROM " + s + ".townships WHERE name = " +
                                                 sql_literal(township) + " LIMIT 1"))
      throw Error("workspace " + s + " has no township named '" + township + "'");
    try {
      pg_install_guards(*ds, s);
      install_grants(*ds, s);
    } catch (const Error& e) {
      throw Error("setting up the roles of " + s +
                  " needs the owner of its tables with CREATEROLE: " + std::string(e.what()).substr(0, 200));
    }
    if (!pg_scalar(*ds, "SELECT 1 FROM pg_roles WHERE rolname = " + sql_literal(user))) {
      exec(*ds, "CREATE ROLE " + user + " NOLOGIN");
      notes.push_back("user " + user + " did not exist: created without login (ALTER ROLE " + user +
                      " LOGIN PASSWORD '…' lets it sign in)");
    }
    exec(*ds, "SET LOCAL client_min_messages = error; REVOKE " + all_groups(s) + " FROM " + user +
                  "; GRANT " + group(s, role) + " TO " + user);
    exec(*ds,
         "INSERT INTO " + s + ".giatlas_users (username, role, township) VALUES (" + sql_literal(user) +
             ", " + sql_literal(role) + ", " + (township.empty() ? "NULL" : sql_literal(township)) +
             ") ON CONFLICT (username) DO UPDATE SET role = EXCLUDED.role, township = EXCLUDED.township");
    if (ds->CommitTransaction() != OGRERR_NONE) throw Error(CPLGetLastErrorMsg());
  } catch (const Error& e) {
    ds->RollbackTransaction();
    const std::string why = e.what();
    throw Error(why.rfind(what, 0) == 0 ? why : what + ": " + why);
  }
  return notes;
}

void pg_revoke(const StoreAddress& a, const std::string& user) {
  const std::string what = "revoke " + user;
  if (!plain_sql_identifier(user)) throw Error(what + ": a user name here must be a plain SQL name");
  const std::string s = pg_workspace_schema(a, "revoke roles in");
  GdalDataset ds = pg_connect(a, s, true, "revoke roles in");
  bool listed = false, member = false;
  try {
    listed = pg_scalar(*ds, "SELECT 1 FROM " + s + ".giatlas_users WHERE username = " + sql_literal(user))
                 .has_value();
  } catch (const Error&) {
  }
  member = pg_scalar(*ds,
                     "SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON "
                     "u.oid = m.member WHERE u.rolname = " +
                         sql_literal(user) + " AND g.rolname IN (" + sql_literal(group(s, "admin")) + ", " +
                         sql_literal(group(s, "surveyor")) + ", " + sql_literal(group(s, "inspector")) +
                         ", " + sql_literal(group(s, "viewer")) + ")")
               .has_value();
  if (!listed && !member) throw Error(what + ": " + user + " has no role in workspace " + s);
  try {
    if (member) exec(*ds, "SET client_min_messages = error; REVOKE " + all_groups(s) + " FROM " + user);
    if (listed) exec(*ds, "DELETE FROM " + s + ".giatlas_users WHERE username = " + sql_literal(user));
  } catch (const Error& e) {
    throw Error(what + ": " + std::string(e.what()).substr(0, 200));
  }
}

std::vector<RoleAssignment> pg_role_assignments(const StoreAddress& a) {
  const std::string s = pg_workspace_schema(a, "list the roles of");
  GdalDataset ds = pg_connect(a, s, false, "list the roles of");
  if (!pg_scalar(*ds, "SELECT to_regclass(" + sql_literal(s + ".giatlas_users") + ")::text"))
    return {};  // no role given yet
  std::vector<RoleAssignment> out;
  for (auto& row :
       pg_rows(*ds,
               "SELECT u.username, u.role, coalesce(u.township, ''), "
               "CASE WHEN r.rolcanlogin THEN 'yes' ELSE 'no' END FROM " +
                   s + ".giatlas_users u LEFT JOIN pg_roles r ON r.rolname = u.username ORDER BY 1"))
    out.push_back({row.at(0), row.at(1), row.at(2), row.at(3) == "yes"});
  return out;
}

bool pg_schema_closed(GDALDataset& ds, const std::string& schema) {
  try {
    return pg_scalar(ds, "SELECT 1 FROM pg_namespace WHERE nspname = " + sql_literal(schema) +
                             " AND NOT has_schema_privilege(oid, 'USAGE')")
        .has_value();
  } catch (const Error&) {
    return false;
  }
}

WorkspaceRole pg_session_role(GDALDataset& ds, const std::string& s) {
  WorkspaceRole who;
  if (!plain_sql_identifier(s)) return who;
  try {
    if (pg_scalar(ds, "SELECT to_regclass(" + sql_literal(s + ".giatlas_users") + ")::text")) {
      auto rows = pg_rows(ds, "SELECT role, coalesce(township, '') FROM " + s +
                                  ".giatlas_users WHERE username = session_user");
      if (!rows.empty()) return {rows[0].at(0), rows[0].at(1)};
    }
    for (const char* r : kRoles)
      if (pg_scalar(ds,
                    "SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON "
                    "u.oid = m.member WHERE u.rolname = session_user AND g.rolname = " +
                        sql_literal(group(s, r))))
        return {r, ""};
  } catch (const Error&) {
  }
  return who;
}

}  // namespace giatlas
