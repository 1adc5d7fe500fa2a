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
-- Inserts are recorded per statement from its transition table: up to 100 rows each with its
-- values (geometry as GeoJSON, which to_jsonb of a whole row makes slowly), more (an import) as
-- one entry with the count and the id ranges; the rows themselves are in the table, and later
-- changes to them are recorded as updates.
CREATE OR REPLACE FUNCTION @S.giatlas_audit_insert() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $f$
DECLARE k text := TG_ARGV[0]; n bigint; cols text; ids text;
BEGIN
  SELECT count(*) INTO n FROM new_rows;
  IF n = 0 THEN RETURN NULL; END IF;
  IF n <= 100 THEN
    SELECT string_agg(CASE WHEN t.typname = 'geometry' THEN format('ST_AsGeoJSON(r.%I)::jsonb AS %I', a.attname, a.attname)
                           ELSE format('r.%I', a.attname) END, ', ' ORDER BY a.attnum)
      INTO cols FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
      WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped;
    EXECUTE format('INSERT INTO %I.audit_log (tbl, row_id, action, changes) SELECT %L, %s, ''insert'', '
                   'jsonb_build_object(''row'', to_jsonb(q)) FROM (SELECT %s FROM new_rows r) q',
                   TG_TABLE_SCHEMA, TG_TABLE_NAME, CASE WHEN k = '' THEN 'NULL' ELSE format('q.%I::bigint', k) END, cols);
  ELSE
    IF k <> '' THEN
      EXECUTE format('SELECT string_agg(CASE WHEN lo = hi THEN lo::text ELSE lo || ''-'' || hi END, '','' ORDER BY lo) '
                     'FROM (SELECT min(v) AS lo, max(v) AS hi FROM (SELECT v, v - row_number() OVER (ORDER BY v) AS g '
                     'FROM (SELECT %I::bigint AS v FROM new_rows) a) b GROUP BY g) c', k) INTO ids;
    END IF;
    EXECUTE format('INSERT INTO %I.audit_log (tbl, row_id, action, changes) VALUES (%L, NULL, ''insert'', $1)',
                   TG_TABLE_SCHEMA, TG_TABLE_NAME) USING jsonb_build_object('rows', n, 'ids', ids);
  END IF;
  RETURN NULL;
END $f$;
DO $d$ DECLARE t text; k text; BEGIN
  FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = @SCHEMA AND c.relkind IN ('r', 'p') AND c.relname NOT IN ('audit_log', 'giatlas_index_rebuilds') LOOP
    SELECT coalesce(min(a.attname), '') INTO k FROM pg_attribute a
      WHERE a.attrelid = format('%I.%I', @SCHEMA, t)::regclass AND a.attname IN ('fid', 'id') AND NOT a.attisdropped;
    EXECUTE format('CREATE OR REPLACE TRIGGER giatlas_audit AFTER UPDATE OR DELETE ON %I.%I '
                   'FOR EACH ROW EXECUTE FUNCTION %I.giatlas_audit()', @SCHEMA, t, @SCHEMA);
    EXECUTE format('CREATE OR REPLACE TRIGGER giatlas_audit_insert AFTER INSERT ON %I.%I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION %I.giatlas_audit_insert(%L)', @SCHEMA, t, @SCHEMA, k);
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
