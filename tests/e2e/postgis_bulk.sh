#!/usr/bin/env bash
# Large loads into a PostGIS workspace (workspace/bulk_insert.h, pg_copy_reader.h), on a private
# PostgreSQL cluster: 60,000 producers imported by the tables' owner go as one COPY stream with
# reserved ids and the spatial index rebuilt after them; hostile text comes back unchanged; the
# audit trail has one entry for the load and one per row for a small one; a load the server
# refuses half way leaves the table, its index and the trail as they were, in one line; an
# inspector (not the owner) loads with the index kept; a workspace granted before inspectors
# could advance id sequences still takes their rows; the origin check reads the producers by
# binary COPY and gives the GeoPackage's report byte for byte.
# Usage: postgis_bulk.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1
. "$(dirname "$0")/lib/pg_cluster.sh"

tmp=$(mktemp -d)
chmod 755 "$tmp"
cleanup() {
  pg_cluster_stop
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- output:"; cat "$tmp/out" "$tmp/err" 2> /dev/null || true; exit 1; }

pg_cluster_start pgbulk 61000 ins,vw,adm
sql() { psql -X -q -h "$pg" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -At "$@"; }
sql -c "CREATE EXTENSION postgis" -c "CREATE ROLE ins LOGIN PASSWORD 'ins-pw-5'" \
  -c "CREATE ROLE vw LOGIN PASSWORD 'vw-pw-6'" -c "CREATE ROLE adm LOGIN PASSWORD 'adm-pw-7'" > /dev/null
pw() { case $1 in ins) echo ins-pw-5 ;; vw) echo vw-pw-6 ;; adm) echo adm-pw-7 ;; esac; }
as() { local u=$1; shift; PGPASSWORD=$(pw "$u") psql -X -q -h "$pg" -p "$port" -U "$u" -d postgres -v ON_ERROR_STOP=1 -At "$@"; }
owner="PG:host=$pg port=$port dbname=postgres user=postgres active_schema=wulong"
ins="PG:host=$pg port=$port dbname=postgres user=ins password=ins-pw-5 active_schema=wulong"

src=$3
# The sample (townships, zones, register, 2,000 producers) as the office's workspace.
"$cli" copy "$src/data/wulong-sample.gpkg" "$owner" --quiet > "$tmp/out" 2>&1 || fail "copy the sample into PostGIS"
"$cli" db grant "$owner" ins --role inspector > "$tmp/out" 2>&1 || fail "grant inspector"
"$cli" db grant "$owner" vw --role viewer > "$tmp/out" 2>&1 || fail "grant viewer"
"$cli" db grant "$owner" adm --role admin > "$tmp/out" 2>&1 || fail "grant admin"
base=$(sql -c "SELECT max(fid) FROM wulong.producers")
trail() { sql -c "SELECT count(*) FROM wulong.audit_log WHERE tbl = 'producers'"; }
trail0=$(trail)

# 60,000 producers in and around the district; row 3 carries hostile text in every field.
python3 - "$tmp" << 'PY'
import csv, random, sys
random.seed(7)
d = sys.argv[1]
def rows(n, start, bad=None):
    out = []
    for i in range(n):
        k = start + i
        name = f"武隆区第{k}号合作社"
        if k == 3:
            name = "x'); DROP TABLE producers;-- \"引号\"\ttab\\back\nnewline"
        if bad is not None and i == bad:
            name = "BAD NAME"
        out.append([name, f"93500156{k:010d}", random.choice(["武隆高山萝卜", "武隆猪腰枣"]),
                    f"{107.4 + random.uniform(-0.4, 0.4):.6f}", f"{29.4 + random.uniform(-0.3, 0.3):.6f}"])
    return out
def write(path, rs):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["企业名称", "统一社会信用代码", "地理标志产品", "经度", "纬度"])
        w.writerows(rs)
write(f"{d}/big.csv", rows(60000, 1))
write(f"{d}/refused.csv", rows(60000, 100001, bad=40000))
write(f"{d}/ins.csv", rows(200, 200001))
write(f"{d}/ins-big.csv", rows(70000, 500001))
write(f"{d}/three.csv", rows(3, 300001))
write(f"{d}/two.csv", rows(2, 400001))
PY

# --- the owner's load: one stream, ids as reserved, the spatial index rebuilt -------------------
index_def() { sql -c "SELECT indexdef FROM pg_indexes WHERE schemaname = 'wulong' AND tablename = 'producers' AND indexdef LIKE '%gist%'"; }
# The index itself: a rebuilt one is a new relation.
index_oid() { sql -c "SELECT i.indexrelid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam WHERE i.indrelid = 'wulong.producers'::regclass AND a.amname = 'gist'"; }
before_index=$(index_def)
oid0=$(index_oid)
[ -n "$before_index" ] || fail "the producers table has no spatial index to begin with"
"$cli" import "$tmp/big.csv" --into "$owner" --as producers --crs EPSG:4490 > "$tmp/out" 2> "$tmp/err" || fail "owner's import"
grep -q "accepted: 60000" "$tmp/out" || fail "60,000 rows not accepted"
[ "$(sql -c "SELECT count(*), min(fid), max(fid) FROM wulong.producers WHERE fid > $base")" = "60000|$((base + 1))|$((base + 60000))" ] \
  || fail "the new ids are not the 60,000 after the sample's"
[ "$(sql -c "SELECT credit_code FROM wulong.producers WHERE fid = $((base + 59999))")" = "935001560000059999" ] \
  || fail "row 59,999 of the file is not the 59,999th new producer"
[ "$(index_def)" = "$before_index" ] || fail "the spatial index is not as it was after the load"
oid1=$(index_oid)
[ "$oid1" != "$oid0" ] || fail "the owner's large load did not build the spatial index anew"
sql -c "SELECT name FROM wulong.producers WHERE fid = $((base + 3))" > "$tmp/name3"
printf '%s\n' "x'); DROP TABLE producers;-- \"引号\"	tab\\back" "newline" | cmp -s - "$tmp/name3" \
  || fail "hostile text did not round-trip through the stream"
[ "$(trail)" = $((trail0 + 1)) ] || fail "the load is not one audit entry"
[ "$(sql -c "SELECT who, action, changes->>'rows', changes->>'ids' FROM wulong.audit_log WHERE tbl = 'producers' ORDER BY id DESC LIMIT 1")" = \
  "postgres|insert|60000|$((base + 1))-$((base + 60000))" ] || fail "the load's audit entry does not say who, how many and which ids"
"$cli" log "$owner" --table producers > "$tmp/out" 2>&1 || fail "log"
grep -q '"rows": 60000' "$tmp/out" || fail "giatlas-cli log does not show the load's entry"

# --- a load the server refuses half way: nothing of it stays ------------------------------------
sql -c "ALTER TABLE wulong.producers ADD CONSTRAINT no_bad_name CHECK (name <> 'BAD NAME')" > /dev/null
if "$cli" import "$tmp/refused.csv" --into "$owner" --as producers --crs EPSG:4490 > "$tmp/out" 2> "$tmp/err"; then
  fail "a load with a refused row succeeded"
fi
grep -q "no_bad_name" "$tmp/err" || fail "the refusal does not name the constraint"
[ "$(wc -l < "$tmp/err")" = 1 ] || fail "the refusal is not one line"
[ "$(sql -c "SELECT count(*) FROM wulong.producers")" = $((base + 60000)) ] || fail "rows of the refused load stayed"
[ "$(index_def)" = "$before_index" ] && [ "$(index_oid)" = "$oid1" ] || fail "the refused load lost the spatial index"
[ "$(trail)" = $((trail0 + 1)) ] || fail "the refused load is in the audit trail"
grep -q "the server refused the load: .*no_bad_name.*(row 40001 of the load; nothing of it was saved)" "$tmp/err" \
  || fail "the refusal does not name the row of the load"
sql -c "ALTER TABLE wulong.producers DROP CONSTRAINT no_bad_name" > /dev/null

# --- an inspector's load: the index is kept, the ids follow, the trail names the inspector ------
"$cli" import "$tmp/ins.csv" --into "$ins" --as producers --crs EPSG:4490 > "$tmp/out" 2> "$tmp/err" || fail "inspector's import"
grep -q "accepted: 200" "$tmp/out" || fail "the inspector's 200 rows"
[ "$(sql -c "SELECT count(*) FROM wulong.producers WHERE credit_code LIKE '93500156000020%'")" = 200 ] || fail "200 rows of the inspector's"
[ "$(sql -c "SELECT changes->>'rows' FROM wulong.audit_log WHERE tbl = 'producers' AND who = 'ins'")" = 200 ] \
  || fail "the inspector's load is not one audit entry naming them"
[ "$(index_oid)" = "$oid1" ] || fail "the spatial index was rebuilt under an inspector's load"
# Three rows: each is in the trail with its values.
"$cli" import "$tmp/three.csv" --into "$ins" --as producers --crs EPSG:4490 > "$tmp/out" 2> "$tmp/err" || fail "three rows"
[ "$(sql -c "SELECT count(*) FROM wulong.audit_log WHERE tbl = 'producers' AND who = 'ins' AND changes->'row'->>'name' LIKE '武隆区第30000_号合作社'")" = 3 ] \
  || fail "a small load is not in the trail row by row with its values"
[ "$(sql -c "SELECT count(*) FROM wulong.audit_log WHERE tbl = 'producers' AND row_id = (SELECT fid FROM wulong.producers WHERE credit_code = '935001560000300002')")" = 1 ] \
  || fail "a small load's entry does not name its row"

# A large load by the inspector: the workspace's function drops the index for it and builds it anew.
"$cli" import "$tmp/ins-big.csv" --into "$ins" --as producers --crs EPSG:4490 > "$tmp/out" 2> "$tmp/err" \
  || fail "the inspector's large import"
grep -q "accepted: 70000" "$tmp/out" || fail "the inspector's 70,000 rows"
oid2=$(index_oid)
[ -n "$oid2" ] && [ "$oid2" != "$oid1" ] && [ "$(index_def)" = "$before_index" ] \
  || fail "the inspector's large load did not build the spatial index anew"
# The function's trigger builds the index at commit even when the caller never asks it to.
as ins -c "BEGIN" -c "SELECT wulong.giatlas_defer_spatial_indexes('producers')" -c "COMMIT" > "$tmp/out" 2> "$tmp/err" \
  || fail "the inspector cannot defer the index by SQL"
[ "$(index_def)" = "$before_index" ] && [ "$(index_oid)" != "$oid2" ] || fail "the index was not built again at commit"
[ "$(sql -c "SELECT count(*) FROM wulong.giatlas_index_rebuilds")" = 0 ] || fail "a rebuild is left pending"
# A viewer may not, and nobody but the functions writes their table (not even an admin).
if as vw -c "SELECT wulong.giatlas_defer_spatial_indexes('producers')" > "$tmp/out" 2> "$tmp/err"; then
  fail "a viewer dropped the spatial index"
fi
grep -q "permission denied" "$tmp/err" || fail "the viewer's refusal"
[ -n "$(index_oid)" ] || fail "the viewer's attempt lost the index"
for u in ins adm; do
  if as "$u" -c "INSERT INTO wulong.giatlas_index_rebuilds (tbl, index_name, col) VALUES ('producers', 'x', 'geom')" \
    > "$tmp/out" 2> "$tmp/err"; then fail "$u wrote the rebuild table"; fi
  grep -q "permission denied for table giatlas_index_rebuilds" "$tmp/err" || fail "$u's refusal on the rebuild table"
done

# --- grants from before: the server numbers the rows -----------------------------------------
sql -c "REVOKE UPDATE ON SEQUENCE wulong.producers_fid_seq FROM wulong_inspector" > /dev/null
last=$(sql -c "SELECT max(fid) FROM wulong.producers")
"$cli" import "$tmp/two.csv" --into "$ins" --as producers --crs EPSG:4490 > "$tmp/out" 2> "$tmp/err" \
  || fail "an inspector without UPDATE on the sequence cannot import"
[ "$(sql -c "SELECT count(*) FROM wulong.producers WHERE fid > $last AND credit_code LIKE '93500156000040000%'")" = 2 ] \
  || fail "the two rows are not after the others"

# --- the origin check by binary COPY: the GeoPackage's report, byte for byte --------------------
"$cli" copy "$owner" "$tmp/copy.gpkg" > "$tmp/out" 2>&1 || fail "copy to a GeoPackage"
"$cli" check "$owner" --date 2026-06-01 --out "$tmp/pg.csv" > "$tmp/out" 2>&1 || fail "check on PostGIS"
"$cli" check "$tmp/copy.gpkg" --date 2026-06-01 --out "$tmp/gpkg.csv" > "$tmp/out" 2>&1 || fail "check on the copy"
[ "$(wc -l < "$tmp/pg.csv")" -gt 60000 ] || fail "the check report is short"
cmp -s "$tmp/pg.csv" "$tmp/gpkg.csv" || fail "the check report differs between PostGIS and its GeoPackage copy"
# The inspector's check reads the same (its own connection, its own rights).
"$cli" check "$ins" --date 2026-06-01 --out "$tmp/ins-check.csv" > "$tmp/out" 2>&1 || fail "check as the inspector"
cmp -s "$tmp/ins-check.csv" "$tmp/pg.csv" || fail "the inspector's check report differs"
! grep -q "ins-pw" "$tmp/pg.csv" "$tmp/ins-check.csv" || fail "a password in a report"
echo "PASS: postgis_bulk"
