#!/usr/bin/env bash
# A workspace on PostgreSQL/PostGIS, through the same commands as a GeoPackage: a private
# cluster is started for the test (unix socket only, removed at the end). `new PG:…` creates a
# schema, `info PG:…` lists the database's workspaces, `copy` goes GeoPackage → PostGIS →
# GeoPackage with every table byte for byte, the origin check gives the same report on both,
# imports, zone versions and the register work on PostGIS, two imports at once both land,
# hostile names round-trip, and a password never appears in any message.
# Usage: postgis_workspace.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1
. "$(dirname "$0")/lib/pg_cluster.sh"
command -v python3 > /dev/null || { echo "FAIL: python3 is needed for this test"; exit 1; }

tmp=$(mktemp -d)
chmod 755 "$tmp"
cleanup() {
  pg_cluster_stop
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- output:"; cat "$tmp/out" 2> /dev/null || true; exit 1; }

# ana signs in with a password; everyone else is trusted (the test's own superuser)
pg_cluster_start pgws 57000 ana
sql() { psql -X -q -h "$pg" -p "$port" -U postgres -d gi -v ON_ERROR_STOP=1 "$@"; }
psql -X -q -h "$pg" -p "$port" -U postgres -d postgres -c "CREATE DATABASE gi" > /dev/null
sql -c "CREATE EXTENSION postgis" -c "CREATE ROLE ana LOGIN PASSWORD 'Zq9-secret-pw'" \
  -c "GRANT CREATE ON DATABASE gi TO ana" > /dev/null
db="PG:host=$pg port=$port dbname=gi user=postgres"

# --- a new workspace is a schema; info lists the database's workspaces ---------------------
"$cli" new "$db" --district 武隆区 --code 500156 > "$tmp/out" || fail "new PG: failed"
grep -q "active_schema=giatlas_500156" "$tmp/out" || fail "new did not name the schema it made"
[ -z "$(ls -A "$PWD" | grep -F 'PG:' || true)" ] || fail "new PG: wrote a file named after the connection"
[ "$(sql -At -c "SELECT count(*) FROM giatlas_500156.giatlas_metadata")" -ge 7 ] || fail "no metadata in the schema"
[ "$(sql -At -c "SELECT Find_SRID('giatlas_500156', 'townships', 'geom')")" = 4490 ] || fail "townships not in EPSG:4490"
sql -At -c "SELECT indexdef FROM pg_indexes WHERE schemaname = 'giatlas_500156' AND tablename = 'producers'" \
  | grep -qi "gist" || fail "producers have no GiST index"
if "$cli" new "$db" --district 武隆区 --code 500156 > /dev/null 2> "$tmp/err"; then fail "a second new into the same schema"; fi
grep -q "already holds a workspace" "$tmp/err" || fail "the second new did not say why: $(cat "$tmp/err")"

# --- copy: GeoPackage -> PostGIS -> GeoPackage, every table the same -------------------------
mkdir "$tmp/a" "$tmp/b"
"$cli" sample "$tmp/a/sample.gpkg" --seed 4 --producers 500 --density 0.3 > /dev/null
"$cli" copy "$tmp/a/sample.gpkg" "$db active_schema=wulong" --quiet > "$tmp/out" || fail "copy to PostGIS failed"
grep -Eq "producers +500 rows" "$tmp/out" || fail "copy did not report the producers"
"$cli" info "$db" > "$tmp/out"
grep -q "workspaces     2" "$tmp/out" || fail "info does not list both workspaces"
grep -Eq "wulong +武隆区 \(500156\)" "$tmp/out" || fail "info does not list the copied workspace"
if "$cli" check "$db" > /dev/null 2> "$tmp/err"; then fail "a check without a schema among two workspaces"; fi
grep -q "holds 2 workspaces, name one with active_schema=: giatlas_500156 (武隆区), wulong (武隆区)" "$tmp/err" \
  || fail "the ambiguity is not explained: $(cat "$tmp/err")"
"$cli" copy "$db active_schema=wulong" "$tmp/b/back.gpkg" --quiet > /dev/null || fail "copy back failed"
python3 - "$tmp/a/sample.gpkg" "$tmp/b/back.gpkg" <<'PY' || fail "the round trip changed a table"
import sqlite3, sys
a, b = (sqlite3.connect(p) for p in sys.argv[1:])
def workspace_tables(con):  # every table of the workspace, not the GeoPackage's own nor QGIS's
    return sorted(n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                  if not n.startswith(("gpkg_", "rtree_", "sqlite_")) and n != "layer_styles")
tables = workspace_tables(a)
if tables != workspace_tables(b) or len(tables) < 10:
    print("tables differ:", tables, workspace_tables(b))
    sys.exit(1)
for t in tables:
    ra = a.execute("SELECT * FROM %s ORDER BY fid" % t).fetchall()
    rb = b.execute("SELECT * FROM %s ORDER BY fid" % t).fetchall()
    if ra != rb:
        print("table", t, "differs:", len(ra), "vs", len(rb), "rows")
        sys.exit(1)
print("round trip: %d tables equal" % len(tables))
PY
if "$cli" copy "$tmp/a/sample.gpkg" "$db active_schema=wulong" > /dev/null 2> "$tmp/err"; then fail "copy over a workspace"; fi
grep -q "already holds a workspace" "$tmp/err" || fail "copy over a workspace: $(cat "$tmp/err")"

cmp -s "$tmp/a/sample.dem.tif" "$tmp/b/back.dem.tif" || fail "the DEM did not go to PostGIS and back unchanged"

# --- the same origin check and altitudes on both stores (the DEM lives in the database) -------
"$cli" check "$db active_schema=wulong" --date 2026-06-01 --out "$tmp/b/pg.csv" > /dev/null 2>&1 || fail "check on PostGIS failed"
"$cli" check "$tmp/a/sample.gpkg" --date 2026-06-01 --out "$tmp/a/gpkg.csv" > /dev/null 2>&1 || fail "check on the sample failed"
cmp -s "$tmp/b/pg.csv" "$tmp/a/gpkg.csv" || fail "the check report differs between PostGIS and GeoPackage"
grep -q "below_band" "$tmp/b/pg.csv" || fail "no altitude findings on PostGIS: its DEM was not used"
"$cli" dem sample "$db active_schema=wulong" 107.75,29.45 107.5,29.2 > "$tmp/b/pg-alt.txt" || fail "dem sample on PostGIS"
"$cli" dem sample "$tmp/a/sample.gpkg" 107.75,29.45 107.5,29.2 > "$tmp/a/gp-alt.txt"
cmp -s "$tmp/b/pg-alt.txt" "$tmp/a/gp-alt.txt" || fail "altitudes differ between the stores"
"$cli" new "$db active_schema=terrain" --district 武隆区 > /dev/null
"$cli" dem import "$tmp/a/sample.dem.tif" --into "$db active_schema=terrain" > /dev/null || fail "dem import into PostGIS failed"
"$cli" dem sample "$db active_schema=terrain" 107.75,29.45 107.5,29.2 > "$tmp/b/pg-alt2.txt"
cmp -s "$tmp/b/pg-alt2.txt" "$tmp/a/gp-alt.txt" || fail "the imported DEM gives other altitudes"

# --- import, zone versions and the register on PostGIS ---------------------------------------
ws="$db active_schema=wulong"
python3 - "$tmp" <<'PY'
import sys
for name in ("users-a", "users-b"):
    with open("%s/%s.csv" % (sys.argv[1], name), "w") as f:
        f.write("名称,统一社会信用代码,地理标志产品,经度,纬度\n")
        for i in range(3000):
            f.write("%s农户%d,,武隆高山萝卜,%.6f,%.6f\n" % (name, i, 107.6 + (i % 100) * 1e-3, 29.3 + (i // 100) * 1e-3))
        f.write("%s坏行,,武隆高山萝卜,东经,北纬\n" % name)
PY
"$cli" import "$tmp/users-a.csv" --into "$ws" --as producers --crs EPSG:4490 > "$tmp/out" 2>&1 &
p1=$!
"$cli" import "$tmp/users-b.csv" --into "$ws" --as producers --crs EPSG:4490 > "$tmp/out2" 2>&1 &
p2=$!
wait "$p1" || fail "the first of two imports into PostGIS failed"
wait "$p2" || { cat "$tmp/out2"; fail "the second of two imports into PostGIS failed"; }
grep -q "rows read: 3001" "$tmp/out" && grep -q "accepted: 3001 (1 with warnings)" "$tmp/out" \
  && grep -q "row 3002: location unreadable, imported without one" "$tmp/out" || fail "import accounting on PostGIS"
[ "$(sql -At -c "SELECT count(*) FROM wulong.producers")" = 6502 ] || fail "two imports at once: $(sql -At -c "SELECT count(*) FROM wulong.producers") producers, 6502 expected"
[ "$(sql -At -c "SELECT count(DISTINCT fid) FROM wulong.producers")" = 6502 ] || fail "duplicate producer ids"
"$cli" zone build "$ws" --gi 武隆老鹰茶 --townships 仙女山街道,白马镇 --effective 2026-12-01 --author 测绘员 > "$tmp/out" \
  || fail "zone build on PostGIS failed"
"$cli" zone list "$ws" > "$tmp/out"
grep -Eq "武隆老鹰茶 +2 +2026-12-01 +- " "$tmp/out" || fail "the new zone version is not listed"
grep -Eq "武隆老鹰茶 +1 +2025-05-01 +2026-12-01 " "$tmp/out" || fail "the previous version was not closed"
"$cli" scope "$ws" --gi 武隆老鹰茶 > "$tmp/out" || fail "scope on PostGIS failed"
grep -q "仙女山街道、白马镇" "$tmp/out" || fail "the scope statement does not name the units"
hostile="x'); DROP TABLE producers;--"
"$cli" register add "$ws" "$hostile" > /dev/null || fail "a hostile GI name was refused"
"$cli" register list "$ws" | grep -qF "$hostile" || fail "the hostile GI name did not round-trip"
[ "$(sql -At -c "SELECT count(*) FROM wulong.producers")" = 6502 ] || fail "the producers table was hurt by a name"

# --- passwords are never printed ---------------------------------------------------------------
anadb="PG:host=$pg port=$port dbname=gi user=ana password=Zq9-secret-pw"
if "$cli" info "PG:host=$pg port=$port dbname=gi user=ana password=wrong-Zq9-pw" > "$tmp/out" 2> "$tmp/err"; then
  fail "a wrong password was accepted"
fi
grep -q "password=\*\*\*" "$tmp/err" || fail "the failed connection is not named with its password masked: $(cat "$tmp/err")"
grep -q "password authentication failed" "$tmp/err" || fail "the server's reason is not said: $(cat "$tmp/err")"
"$cli" new "$anadb active_schema=ana_ws" --district 武隆区 > "$tmp/out" 2>&1 || fail "ana could not create a workspace"
"$cli" info "$anadb active_schema=ana_ws" >> "$tmp/out" 2>&1 || fail "ana could not read her workspace"
if "$cli" import "$tmp/missing.csv" --into "$anadb active_schema=ana_ws" --as producers >> "$tmp/out" 2>&1; then
  fail "an import of a missing file succeeded"
fi
grep -q "Zq9-secret-pw" "$tmp/out" "$tmp/err" && fail "a password was printed"
grep -q "Zq9-secret-pw" < <(sql -At -c "SELECT value FROM ana_ws.giatlas_metadata UNION ALL SELECT value FROM ana_ws.giatlas_settings") \
  && fail "a password was written into the workspace"
# --- the desktop opens a PostGIS workspace; no password on screen or in its settings ---------
gui=${2:-none}
if [ "$gui" != none ] && command -v xvfb-run > /dev/null; then
  mkdir -p "$tmp/config"
  XDG_CONFIG_HOME="$tmp/config" xvfb-run -a -s "-screen 0 1024x700x24" "$gui" --size 1024x700 \
    --workspace "$db password=Zq9-secret-pw active_schema=wulong" --print-layout --screenshot "$tmp/pg.png" \
    > "$tmp/out" 2>&1 || fail "the desktop could not open the PostGIS workspace"
  [ -s "$tmp/pg.png" ] || fail "no screenshot of the PostGIS workspace"
  grep -q "Zq9-secret-pw" "$tmp/out" && fail "the desktop printed a password"
  grep -rq "Zq9-secret-pw" "$tmp/config" && fail "the desktop remembered a password"
else
  echo "postgis_workspace: no desktop build or no xvfb-run, the desktop part skipped"
fi
echo "PASS: postgis_workspace"
