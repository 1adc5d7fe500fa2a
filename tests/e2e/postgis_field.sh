#!/usr/bin/env bash
# Field work offline against a private PostgreSQL cluster: export-field cuts a GeoPackage for two
# townships from a PostGIS workspace; in the field a census point is recorded (giatlas-cli), an
# exported one corrected, and two producers' locations are corrected (the desktop's record editor,
# when the GUI is built); meanwhile the office changes one of those producers. merge brings back the
# point, the census correction and the one location, reports the other as a conflict (CSV) without
# overwriting, and adds nothing twice.
# Usage: postgis_field.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1 gui=$2
src=$3
. "$(dirname "$0")/lib/pg_cluster.sh"

tmp=$(mktemp -d)
chmod 755 "$tmp"
cleanup() {
  pg_cluster_stop
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- output:"; cat "$tmp/out" "$tmp/err" 2> /dev/null || true; exit 1; }
export XDG_CONFIG_HOME=$tmp/config

pg_cluster_start pgfield 60000
sql() { psql -X -q -h "$pg" -p "$port" -U postgres -d gi -v ON_ERROR_STOP=1 "$@"; }
psql -X -q -h "$pg" -p "$port" -U postgres -d postgres -c "CREATE DATABASE gi" > /dev/null
sql -c "CREATE EXTENSION postgis" > /dev/null
db="PG:host=$pg port=$port dbname=gi user=postgres active_schema=wulong"
"$cli" copy "$src/data/wulong-sample.gpkg" "$db" --quiet > /dev/null || fail "copy into PostGIS failed"

# --- out to the field ------------------------------------------------------------------------------
"$cli" export-field "$db" --townships 仙女山街道，白马镇 --out "$tmp/field.gpkg" --quiet > "$tmp/out" 2> "$tmp/err" \
  || fail "export-field failed"
grep -q "for field work (field-500156-" "$tmp/out" || fail "export-field did not name the export"
grep -Eq "townships +2 rows" "$tmp/out" || fail "not the two townships"
# those with a location there, and those without one whose township says so
in_field=$(sql -At -c "SELECT count(*) FROM wulong.producers p WHERE EXISTS (SELECT 1 FROM wulong.townships t WHERE t.name IN ('仙女山街道', '白马镇') AND ST_Intersects(t.geom, p.geom)) OR ((p.geom IS NULL OR ST_IsEmpty(p.geom)) AND p.township IN ('仙女山街道', '白马镇'))")
grep -Eq "producers +$in_field rows" "$tmp/out" || fail "not the $in_field producers of the two townships"
if "$cli" export-field "$db" --townships 无此镇 --out "$tmp/x.gpkg" > /dev/null 2> "$tmp/err"; then fail "an unknown township"; fi
grep -q "has no township 无此镇" "$tmp/err" || fail "the unknown township is not named"
[ ! -e "$tmp/x.gpkg" ] || fail "a failed export left a file"
if "$cli" merge "$src/data/wulong-sample.gpkg" --into "$db" > /dev/null 2> "$tmp/err"; then fail "merged a plain workspace"; fi
grep -q "is not a field export" "$tmp/err" || fail "a plain workspace is not refused with a reason"

# --- in the field ------------------------------------------------------------------------------------
read -r x y < <(sql -At -F ' ' -c "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM wulong.townships WHERE name = '仙女山街道') s")
"$cli" census add "$tmp/field.gpkg" --lon "$x" --lat "$y" --product 萝卜 --category 蔬菜 --note 野外新点 > /dev/null \
  || fail "census add in the field"
census0=$(sql -At -c "SELECT count(*) FROM wulong.census_points")
# an exported census point corrected in the field (its product), one the office leaves alone
c1=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT min(fid) FROM census_points WHERE note IS NULL OR note <> ?", ("野外新点",)).fetchone()[0])' "$tmp/field.gpkg")
ogrinfo -q "$tmp/field.gpkg" -sql "UPDATE census_points SET product = '野外更正品种' WHERE fid = $c1" > /dev/null 2>&1 \
  || fail "correcting a census point in the field file"
[ -n "$c1" ] && [ "$c1" != None ] || fail "no exported census point to correct"
read -r p1 p2 < <(sql -At -F ' ' -c "SELECT min(p.fid), max(p.fid) FROM wulong.producers p JOIN wulong.townships t ON ST_Intersects(t.geom, p.geom) WHERE t.name = '仙女山街道' AND p.geom IS NOT NULL")
sql -c "UPDATE wulong.producers SET note = '办公室已更新电话' WHERE fid = $p2" > /dev/null
corrected=0
if [ "$gui" != none ] && command -v xvfb-run > /dev/null; then
  for p in "$p1" "$p2"; do
    xvfb-run -a -s "-screen 0 1280x800x24" "$gui" --workspace "$tmp/field.gpkg" --size 1024x768 --screenshot "$tmp/r.png" \
      --edit-record "producer:$p" --record-set lon="$x" --record-set lat="$y" --record-save > "$tmp/out" 2>&1 \
      || fail "the record editor failed"
    grep -q "record_edit open 1 conflict ''" "$tmp/out" || fail "the field correction was refused"
  done
  corrected=1
fi

# --- back to the office ------------------------------------------------------------------------------
"$cli" merge "$tmp/field.gpkg" --into "$db" --report "$tmp/conflicts.csv" --quiet > "$tmp/out" 2> "$tmp/err" \
  || fail "merge failed"
[ "$(sql -At -c "SELECT count(*) FROM wulong.census_points")" = $((census0 + 1)) ] || fail "the field's census point did not come back"
[ "$(sql -At -c "SELECT count(*) FROM wulong.census_points WHERE note = '野外新点'")" = 1 ] || fail "not the field's point"
[ "$(sql -At -c "SELECT product FROM wulong.census_points WHERE fid = $c1")" = 野外更正品种 ] \
  || fail "the census point corrected in the field did not come back"
if [ "$corrected" = 1 ]; then
  grep -q "1 census points, 0 inspections, 1 corrected locations added; 1 census points corrected; 0 already merged before; 1 conflicts" "$tmp/out" \
    || fail "the merge's account: $(cat "$tmp/out")"
  [ "$(sql -At -c "SELECT round(ST_X(geom)::numeric, 6) = round($x::numeric, 6) FROM wulong.producers WHERE fid = $p1")" = t ] \
    || fail "the corrected location did not come back"
  [ "$(sql -At -c "SELECT round(ST_X(geom)::numeric, 6) = round($x::numeric, 6) FROM wulong.producers WHERE fid = $p2")" = f ] \
    || fail "a producer changed on both sides was overwritten"
  grep -q "conflict producers #$p2 .*location changed in the field .* and on the server (note by postgres at 20.*); not merged" "$tmp/out" \
    || fail "the conflict is not reported"
  grep -q "^producers,$p2,.*,location,.*,note," "$tmp/conflicts.csv" || fail "the conflict is not in the report"
fi
"$cli" merge "$tmp/field.gpkg" --into "$db" --quiet > "$tmp/out" 2> "$tmp/err" || fail "the second merge failed"
grep -q "^merged .*: 0 census points, 0 inspections, 0 corrected locations added; 0 census points corrected; $((2 + corrected)) already merged before" "$tmp/out" \
  || fail "the second merge: $(cat "$tmp/out")"
[ "$(sql -At -c "SELECT count(*) FROM wulong.census_points")" = $((census0 + 1)) ] || fail "the second merge added a point twice"
! grep -q "password" "$tmp/field.gpkg" || fail "a password in the field file"
echo "PASS: postgis_field"
