#!/usr/bin/env bash
# Working together on one PostGIS workspace (a private cluster, unix socket only, removed at the
# end). Zones: ana and bo, surveyors, both start from the same version; ana's save becomes the
# next version, bo's is refused naming ana and when (nothing written), and bo saves on top once
# he has seen it. Census points: four clients import 1,000 points each at the same time, in
# batches of 100, each batch its own change: all 4,000 are kept, none twice.
# Usage: postgis_concurrency.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1
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

pg_cluster_start pgconc 59000 ana,bo
sql() { psql -X -q -h "$pg" -p "$port" -U postgres -d gi -v ON_ERROR_STOP=1 "$@"; }
psql -X -q -h "$pg" -p "$port" -U postgres -d postgres -c "CREATE DATABASE gi" > /dev/null
sql -c "CREATE EXTENSION postgis" -c "CREATE ROLE ana LOGIN PASSWORD 'ana-pw-2'" \
  -c "CREATE ROLE bo LOGIN PASSWORD 'bo-pw-3'" > /dev/null
owner="PG:host=$pg port=$port dbname=gi user=postgres active_schema=wulong"
ws() { echo "PG:host=$pg port=$port dbname=gi user=$1 password=$2 active_schema=wulong"; }
ana=$(ws ana ana-pw-2)
bo=$(ws bo bo-pw-3)

"$cli" copy "$src/data/wulong-sample.gpkg" "$owner" --quiet > "$tmp/out" || fail "copy into PostGIS failed"
"$cli" db grant "$owner" ana --role surveyor > /dev/null || fail "grant ana"
"$cli" db grant "$owner" bo --role surveyor > /dev/null || fail "grant bo"

# --- zones: the same version edited twice ---------------------------------------------------------
gi=武隆高山萝卜
seen=$(sql -At -c "SELECT max(version) FROM wulong.gi_zones WHERE gi = '$gi'")
[ -n "$seen" ] || fail "the sample has no zone for $gi"
"$cli" zone build "$ana" --gi "$gi" --townships 仙女山街道 --effective 2031-01-01 --based-on "$seen" \
  > "$tmp/out" 2> "$tmp/err" || fail "ana's save was refused"
grep -q "saved $gi zone version $((seen + 1))" "$tmp/out" || fail "ana's save did not make version $((seen + 1))"
if "$cli" zone build "$bo" --gi "$gi" --townships 白马镇 --effective 2031-06-01 --based-on "$seen" \
  > "$tmp/out" 2> "$tmp/err"; then fail "bo's save over ana's version was accepted"; fi
grep -q "edited from version $seen, but version $((seen + 1)) was saved meanwhile by ana at 20" "$tmp/err" \
  || fail "the refusal does not name ana and when: $(cat "$tmp/err")"
grep -q "nothing saved" "$tmp/err" || fail "the refusal does not say nothing was saved"
[ "$(wc -l < "$tmp/err")" = 1 ] || fail "the refusal is more than one line"
! grep -q "pw-" "$tmp/err" || fail "a password in a message"
[ "$(sql -At -c "SELECT max(version) FROM wulong.gi_zones WHERE gi = '$gi'")" = $((seen + 1)) ] \
  || fail "the refused save wrote a version"
[ "$(sql -At -c "SELECT saved_by FROM wulong.gi_zones WHERE gi = '$gi' AND version = $((seen + 1))")" = ana ] \
  || fail "the version does not record who saved it"
# seen, then saved on top
"$cli" zone build "$bo" --gi "$gi" --townships 白马镇 --effective 2031-06-01 --based-on $((seen + 1)) \
  > "$tmp/out" 2> "$tmp/err" || fail "bo's save on top of ana's was refused"
grep -q "saved $gi zone version $((seen + 2))" "$tmp/out" || fail "bo's save did not make version $((seen + 2))"
# an unchecked save (no --based-on) still works as before
"$cli" zone build "$ana" --gi "$gi" --townships 仙女山街道 --effective 2032-01-01 > /dev/null 2> "$tmp/err" \
  || fail "a save without --based-on was refused"
if "$cli" zone build "$ana" --gi "$gi" --townships 仙女山街道 --effective 2033-01-01 --based-on x \
  > /dev/null 2> "$tmp/err"; then fail "a bad --based-on was accepted"; fi

# --- census points: four clients at once ---------------------------------------------------------
read -r x0 y0 < <(sql -At -F ' ' -c "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM wulong.townships ORDER BY fid LIMIT 1) s")
before=$(sql -At -c "SELECT count(*) FROM wulong.census_points")
for c in 1 2 3 4; do
  for b in $(seq 0 9); do
    {
      echo "lon,lat,product,category,note"
      for i in $(seq 1 100); do echo "$x0,$y0,萝卜,蔬菜,client$c-$((b * 100 + i))"; done
    } > "$tmp/c$c-$b.csv"
  done
done
client() {
  local c=$1 b
  for b in $(seq 0 9); do
    "$cli" import "$tmp/c$c-$b.csv" --into "$owner" --as census --crs EPSG:4490 > "$tmp/client$c.out" 2>&1 || return 1
  done
}
pids=()
for c in 1 2 3 4; do client "$c" & pids+=($!); done
for p in "${pids[@]}"; do wait "$p" || fail "a client's import failed: $(cat "$tmp"/client*.out)"; done
after=$(sql -At -c "SELECT count(*) FROM wulong.census_points")
[ $((after - before)) = 4000 ] || fail "$((after - before)) census points kept of 4,000"
[ "$(sql -At -c "SELECT count(DISTINCT note) FROM wulong.census_points WHERE note LIKE 'client%'")" = 4000 ] \
  || fail "a census point was lost or kept twice"
[ "$(sql -At -c "SELECT count(*) - count(DISTINCT fid) FROM wulong.census_points")" = 0 ] || fail "a duplicate id"
echo "PASS: postgis_concurrency"
