// The audit trail of a PostGIS workspace (see pg_audit.h).
#include "workspace/pg_audit.h"

#include <cstdlib>

#include "error.h"
#include "workspace/iso_date.h"
#include "workspace/postgis_store.h"

namespace giatlas {

void pg_install_audit(GDALDataset& ds, const std::string& s) {
  if (!plain_sql_identifier(s)) throw Error("'" + s + "' cannot be a schema name");
  // The trigger function runs as the tables' owner (SECURITY DEFINER), so writers need no right on
  // audit_log; session_user stays the person connected. An update records only the columns it
  // changed; touching the 'modified' metadata row (every change does) is not recorded.
  // @S: the checked schema name, @SCHEMA: the same as a literal.
  static constexpr const char* kAudit = R"sql(
CREATE TABLE IF NOT EXISTS @S.audit_log (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(),
  who text NOT NULL DEFAULT session_user, tbl text NOT NULL, row_id bigint, action text NOT NULL, changes jsonb);
CREATE INDEX IF NOT EXISTS audit_log_at ON @S.audit_log (at);
CREATE OR REPLACE FUNCTION @S.giatlas_audit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $f$
DECLARE o jsonb; n jsonb; was jsonb; now_ jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    n := to_jsonb(NEW);
    INSERT INTO @S.audit_log (tbl, row_id, action, changes)
      VALUES (TG_TABLE_NAME, coalesce(n->>'fid', n->>'id')::bigint, 'insert', jsonb_build_object('row', n));
  ELSIF TG_OP = 'UPDATE' THEN
    o := to_jsonb(OLD); n := to_jsonb(NEW);
    IF TG_TABLE_NAME = 'giatlas_metadata' AND o->>'key' = 'modified' AND n->>'key' = 'modified' THEN
      RETURN NULL;
    END IF;
    SELECT coalesce(jsonb_object_agg(e.key, o->e.key), '{}'::jsonb), coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb)
      INTO was, now_ FROM jsonb_each(n) e WHERE e.value IS DISTINCT FROM o->e.key;
    IF now_ <> '{}'::jsonb THEN
      INSERT INTO @S.audit_log (tbl, row_id, action, changes) VALUES (TG_TABLE_NAME,
        coalesce(n->>'fid', n->>'id')::bigint, 'update', jsonb_build_object('old', was, 'new', now_));
    END IF;
  ELSE
    o := to_jsonb(OLD);
    INSERT INTO @S.audit_log (tbl, row_id, action, changes)
      VALUES (TG_TABLE_NAME, coalesce(o->>'fid', o->>'id')::bigint, 'delete', jsonb_build_object('row', o));
  END IF;
  RETURN NULL;
END $f$;
DO $d$ DECLARE t text; BEGIN
  FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = @SCHEMA AND c.relkind IN ('r', 'p') AND c.relname <> 'audit_log' LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER giatlas_audit AFTER INSERT OR UPDATE OR DELETE ON %I.%I '
                   'FOR EACH ROW EXECUTE FUNCTION %I.giatlas_audit()', @SCHEMA, t, @SCHEMA);
  END LOOP;
END $d$;
)sql";
  pg_scalar(ds, fill_sql(kAudit, {{"@SCHEMA", sql_literal(s)}, {"@S", s}}));
}

std::vector<AuditEntry> read_audit_log(const Workspace& ws, const std::string& since,
                                       const std::string& table) {
  if (!ws.postgis())
    throw Error(ws.shown() + ": the audit trail exists on PostGIS workspaces only (this is a GeoPackage)");
  if (!since.empty() && !is_iso_date(since))
    throw Error("--since wants a date YYYY-MM-DD, not '" + since + "'");
  const std::string s = parse_store_address(ws.path()).schema;
  if (!plain_sql_identifier(s)) throw Error(ws.shown() + ": no workspace schema");
  GDALDataset& ds = ws.dataset();
  if (!pg_scalar(ds, "SELECT to_regclass(" + sql_literal(s + ".audit_log") + ")::text"))
    throw Error(ws.shown() + ": this workspace has no audit trail yet (giatlas-cli db grant installs it)");
  std::string sql =
      // Every column named: GDAL merges columns of the same name.
      "SELECT id AS a_id, to_char(at, 'YYYY-MM-DD HH24:MI:SSOF') AS a_at, who AS a_who, tbl AS a_tbl, "
      "coalesce(row_id, 0) AS a_row, action AS a_action, "
      "(changes #- '{row,geom}' #- '{old,geom}' #- '{new,geom}')::text AS a_changes, "
      "(changes #> '{row,geom}' IS NOT NULL OR changes #> '{new,geom}' IS NOT NULL)::text AS a_geom FROM " +
      s + ".audit_log WHERE true";
  if (!since.empty()) sql += " AND at >= " + sql_literal(since) + "::date";
  if (!table.empty()) sql += " AND tbl = " + sql_literal(table);
  std::vector<AuditEntry> out;
  try {
    for (auto& r : pg_rows(ds, sql + " ORDER BY id")) {
      AuditEntry e;
      e.id = std::atoll(r.at(0).c_str());
      e.at = r.at(1);
      e.who = r.at(2);
      e.table = r.at(3);
      e.row_id = std::atoll(r.at(4).c_str());
      e.action = r.at(5);
      e.changes = r.at(6);
      if (r.at(7) == "true") e.changes += " (geometry)";
      out.push_back(std::move(e));
    }
  } catch (const Error& e) {
    throw Error(ws.shown() + ": cannot read the audit trail: " + std::string(e.what()).substr(0, 200));
  }
  return out;
}

}  // namespace giatlas
