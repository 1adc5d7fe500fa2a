#!/usr/bin/env bash
# Roles the database enforces, on a private cluster (unix socket only, removed at the end): the
# owner boss copies the sample workspace into PostGIS and gives ana viewer, bo surveyor of
# 仙女山街道 and cy inspector. Each of them, signing in with a password, may do what the role
# allows and is refused what it does not, with one sentence through giatlas-cli and with the
# server's own refusal through plain psql. Zone versions cannot be deleted or rewritten by anyone
# but an admin (not even the tables' owner); the audit trail records who changed what.
# Usage: postgis_roles.sh <giatlas-cli> <giatlas|none> <source-dir>
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

# the people sign in with passwords (scram); postgres, the test's own superuser, is trusted
pg_cluster_start pgroles 58000 boss,ana,bo,cy
sql() { psql -X -q -h "$pg" -p "$port" -U postgres -d gi -v ON_ERROR_STOP=1 "$@"; }
psql -X -q -h "$pg" -p "$port" -U postgres -d postgres -c "CREATE DATABASE gi" > /dev/null
sql -c "CREATE EXTENSION postgis" \
  -c "CREATE ROLE boss LOGIN CREATEROLE PASSWORD 'boss-pw-1'" -c "GRANT CREATE ON DATABASE gi TO boss" \
  -c "CREATE ROLE ana LOGIN PASSWORD 'ana-pw-2'" -c "CREATE ROLE bo LOGIN PASSWORD 'bo-pw-3'" \
  -c "CREATE ROLE cy LOGIN PASSWORD 'cy-pw-4'" > /dev/null
pw() { case $1 in boss) echo boss-pw-1 ;; ana) echo ana-pw-2 ;; bo) echo bo-pw-3 ;; cy) echo cy-pw-4 ;; esac; }
ws() { echo "PG:host=$pg port=$port dbname=gi user=$1 password=$(pw "$1") active_schema=wulong"; }
# psql as a user; the server's refusal (stderr) goes to $tmp/err
as() { local u=$1; shift; PGPASSWORD=$(pw "$u") psql -X -q -h "$pg" -p "$port" -U "$u" -d gi -v ON_ERROR_STOP=1 "$@"; }
# refused <user> <expected stderr text> <sql>: psql as <user> must fail saying that
refused() {
  if as "$1" -c "$3" > "$tmp/out" 2> "$tmp/err"; then fail "psql as $1 was allowed: $3"; fi
  grep -qF "$2" "$tmp/err" || fail "psql as $1: '$3' refused without '$2'"
}
# cli_refused <expected sentence> <giatlas-cli arguments…>: one line on stderr, that sentence
cli_refused() {
  local want=$1; shift
  if "$cli" "$@" > "$tmp/out" 2> "$tmp/err"; then fail "giatlas-cli $1 was allowed"; fi
  grep -qF "$want" "$tmp/err" || fail "giatlas-cli $1 did not say '$want'"
  [ "$(wc -l < "$tmp/err")" = 1 ] || fail "giatlas-cli $1: more than one line on stderr"
  ! grep -q "pw-" "$tmp/err" || fail "a password in a message"
}

# --- the owner copies the sample in; zone versions are append-only even for it -------------
"$cli" copy "$src/data/wulong-sample.gpkg" "$(ws boss)" --quiet > "$tmp/out" || fail "copy into PostGIS failed"
zones0=$(sql -At -c "SELECT count(*) FROM wulong.gi_zones")
refused boss "zone versions are append-only" "DELETE FROM wulong.gi_zones WHERE version = 1"
refused boss "zone versions are append-only" "UPDATE wulong.gi_zones SET note = 'rewritten' WHERE version = 1"
refused boss "zone versions are append-only" "TRUNCATE wulong.gi_zones"
[ "$(sql -At -c "SELECT count(*) FROM wulong.gi_zones")" = "$zones0" ] || fail "a zone version went"

# --- roles: grant, the notes, the list ------------------------------------------------------
"$cli" db grant "$(ws boss)" ana --role viewer > "$tmp/out" || fail "grant viewer"
"$cli" db grant "$(ws boss)" bo --role surveyor --township 仙女山街道 > "$tmp/out" || fail "grant surveyor"
grep -q "bo is now surveyor of 仙女山街道" "$tmp/out" || fail "grant did not say what it did"
"$cli" db grant "$(ws boss)" cy --role inspector > "$tmp/out" || fail "grant inspector"
"$cli" db grant "$(ws boss)" cy --role inspector > "$tmp/out" || fail "a second grant is not idempotent"
"$cli" db grant "$(ws boss)" dee --role viewer > "$tmp/out" || fail "grant to a new user"
grep -q "note: user dee did not exist: created without login" "$tmp/out" || fail "no note for the user made"
if "$cli" db grant "$(ws boss)" eve --role surveyor --township 无此镇 > /dev/null 2> "$tmp/err"; then fail "an unknown township"; fi
grep -q "no township named '无此镇'" "$tmp/err" || fail "unknown township not said"
if "$cli" db grant "$(ws boss)" "x; DROP TABLE y" --role viewer > /dev/null 2> "$tmp/err"; then fail "a hostile user name"; fi
"$cli" db roles "$(ws boss)" > "$tmp/out"
grep -Eq "^bo +surveyor +仙女山街道" "$tmp/out" && grep -Eq "^ana +viewer" "$tmp/out" && grep -Eq "^cy +inspector" "$tmp/out" \
  && grep -Eq "^dee .*cannot log in" "$tmp/out" || fail "db roles does not list the assignments"
"$cli" db revoke "$(ws boss)" dee > /dev/null || fail "revoke"
! "$cli" db roles "$(ws boss)" | grep -q "^dee" || fail "revoked user still listed"
cli_refused "has no role in workspace wulong" db revoke "$(ws boss)" dee

# points inside 仙女山街道 and inside another township
read -r xin yin < <(sql -At -F ' ' -c "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM wulong.townships WHERE name = '仙女山街道') s")
read -r xout yout < <(sql -At -F ' ' -c "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM wulong.townships WHERE name = '白马镇') s")
other=$(sql -At -c "SELECT fid FROM wulong.census_points WHERE township <> '仙女山街道' ORDER BY fid LIMIT 1")
[ -n "$other" ] || fail "the sample has no census point outside 仙女山街道"

# --- viewer: reads everything, changes nothing ----------------------------------------------
"$cli" zone list "$(ws ana)" > "$tmp/out" || fail "a viewer cannot list zones"
"$cli" info "$(ws ana)" > "$tmp/out" || fail "a viewer cannot read the workspace"
cli_refused "your role (viewer) cannot change zones (你的角色（查看者）不能修改保护范围)" \
  zone build "$(ws ana)" --gi 武隆高山萝卜 --townships 仙女山街道 --effective 2031-01-01
cli_refused "your role (viewer) cannot change census points" \
  census add "$(ws ana)" --lon "$xin" --lat "$yin" --product 萝卜 --category 蔬菜
refused ana "permission denied for table producers" "UPDATE wulong.producers SET note = 'x'"
refused ana "permission denied for table gi_zones" "DELETE FROM wulong.gi_zones"
refused ana "permission denied for table giatlas_metadata" "UPDATE wulong.giatlas_metadata SET value = 'x'"

# --- surveyor: new zone versions, census points of its township ------------------------------
"$cli" zone build "$(ws bo)" --gi 武隆高山萝卜 --townships 仙女山街道 --effective 2031-01-01 > "$tmp/out" 2> "$tmp/err" \
  || fail "a surveyor cannot save a zone version"
[ "$(sql -At -c "SELECT count(*) FROM wulong.gi_zones")" = $((zones0 + 1)) ] || fail "the zone version was not saved"
[ "$(sql -At -c "SELECT count(*) FROM wulong.gi_zones WHERE gi = '武隆高山萝卜' AND effective_to IS NULL")" = 1 ] \
  || fail "the previous version was not closed"
"$cli" census add "$(ws bo)" --lon "$xin" --lat "$yin" --product 萝卜 --category 蔬菜 > "$tmp/out" 2> "$tmp/err" \
  || fail "a surveyor cannot add a census point in its township"
cli_refused "your role (surveyor of 仙女山街道) can change census points of 仙女山街道 only" \
  census add "$(ws bo)" --lon "$xout" --lat "$yout" --product 萝卜 --category 蔬菜
cli_refused "your role (surveyor) cannot change the GI register" register add "$(ws bo)" 新产品 --category 特色农产品
refused bo "permission denied for table gi_zones" "DELETE FROM wulong.gi_zones WHERE version = 1"
refused bo "zone versions are append-only" \
  "UPDATE wulong.gi_zones SET effective_to = '2040-01-01' WHERE effective_to IS NOT NULL AND version = 1"
refused bo "permission denied for table gi_zones" "UPDATE wulong.gi_zones SET note = 'x'"
refused bo "row-level security" \
  "INSERT INTO wulong.census_points (township, product, geom) VALUES ('白马镇', 'x', ST_SetSRID(ST_Point($xout, $yout), 4490))"
as bo -c "UPDATE wulong.census_points SET note = 'moved' WHERE fid = $other" > /dev/null
[ "$(sql -At -c "SELECT coalesce(note, '') FROM wulong.census_points WHERE fid = $other")" != moved ] \
  || fail "a surveyor changed another township's census point"
as bo -c "INSERT INTO wulong.census_points (township, product, geom) VALUES ('仙女山街道', 'psql', ST_SetSRID(ST_Point($xin, $yin), 4490))" \
  > /dev/null || fail "psql: a surveyor cannot add a census point of its township"
refused bo "permission denied for table producers" "DELETE FROM wulong.producers"

# --- inspector: producers, inspections, inspectors; zones only read -------------------------
printf '名称,统一社会信用代码,地理标志产品,经度,纬度\n检查新户,,武隆高山萝卜,%s,%s\n' "$xin" "$yin" > "$tmp/one.csv"
"$cli" import "$tmp/one.csv" --into "$(ws cy)" --as producers --crs EPSG:4490 > "$tmp/out" 2> "$tmp/err" \
  || fail "an inspector cannot import producers"
cli_refused "your role (surveyor) cannot change producers (你的角色（调查员）不能修改生产者)" \
  import "$tmp/one.csv" --into "$(ws bo)" --as producers --crs EPSG:4490 --update-existing
cli_refused "your role (inspector) cannot change zones" \
  zone build "$(ws cy)" --gi 武隆高山萝卜 --townships 仙女山街道 --effective 2032-01-01
cli_refused "your role (inspector) cannot change census points" \
  census add "$(ws cy)" --lon "$xin" --lat "$yin" --product 萝卜 --category 蔬菜
as cy -c "UPDATE wulong.producers SET note = 'checked' WHERE name = '检查新户'" > /dev/null || fail "psql: inspector update"
refused cy "permission denied for table gi_zones" "DELETE FROM wulong.gi_zones WHERE version = 1"

# --- an admin may rewrite zone versions --------------------------------------------------------
"$cli" db grant "$(ws boss)" boss --role admin > /dev/null || fail "grant admin"
as boss -c "UPDATE wulong.gi_zones SET note = 'corrected by the admin' WHERE version = 1 AND gi = '武隆高山萝卜'" \
  > /dev/null || fail "an admin cannot correct a zone version"

# --- the audit trail ---------------------------------------------------------------------------
[ "$(sql -At -c "SELECT count(*) FROM wulong.audit_log WHERE who = 'bo' AND tbl = 'gi_zones' AND action = 'insert'")" = 1 ] \
  || fail "the surveyor's zone version is not in the audit trail"
[ "$(sql -At -c "SELECT count(*) FROM wulong.audit_log WHERE who = 'bo' AND tbl = 'gi_zones' AND action = 'update' AND changes->'new' ? 'effective_to' AND changes->'old'->>'effective_to' IS NULL")" = 1 ] \
  || fail "closing the previous version is not in the audit trail with old and new values"
[ "$(sql -At -c "SELECT count(*) FROM wulong.audit_log WHERE who = 'bo' AND tbl = 'census_points' AND action = 'insert'")" = 2 ] \
  || fail "the surveyor's two census points are not in the audit trail"
[ "$(sql -At -c "SELECT count(*) FROM wulong.audit_log WHERE who = 'cy' AND tbl = 'producers' AND action = 'update' AND changes->'new'->>'note' = 'checked'")" = 1 ] \
  || fail "the inspector's update is not in the audit trail"
[ "$(sql -At -c "SELECT count(*) FROM wulong.audit_log WHERE who = 'ana'")" = 0 ] || fail "a refused change was recorded"
"$cli" log "$(ws ana)" --table gi_zones > "$tmp/out" || fail "a viewer cannot read the audit trail"
grep -Eq " bo +insert +gi_zones #[0-9]+ +\{\"row\": .*\"gi\": \"武隆高山萝卜\".*\(geometry\)" "$tmp/out" \
  || fail "log --table gi_zones does not show the zone save"
grep -Eq " bo +update +gi_zones #" "$tmp/out" && grep -Eq " boss +update +gi_zones #.*corrected by the admin" "$tmp/out" \
  || fail "log --table gi_zones does not show the updates"
! grep -q "census_points" "$tmp/out" || fail "log --table shows other tables"
"$cli" log "$(ws boss)" --since 2000-01-01 > "$tmp/out" || fail "log --since"
grep -q " cy .*producers" "$tmp/out" || fail "log does not show the inspector's changes"
"$cli" log "$(ws boss)" --since 2199-01-01 > "$tmp/out" 2>&1 || fail "log --since in the future failed"
grep -qx "no changes recorded since then" "$tmp/out" || fail "log --since in the future"
cli_refused "the audit trail exists on PostGIS workspaces only" log "$src/data/wulong-sample.gpkg"
refused bo "permission denied for table audit_log" "DELETE FROM wulong.audit_log"

# a writer may touch the 'modified' metadata row only
as bo -c "UPDATE wulong.giatlas_metadata SET value = 'x' WHERE key = 'district_name'" > /dev/null
[ "$(sql -At -c "SELECT value FROM wulong.giatlas_metadata WHERE key = 'district_name'")" = 武隆区 ] \
  || fail "a surveyor changed the district name"

# --- revoked: no role, no access ---------------------------------------------------------------
"$cli" db revoke "$(ws boss)" ana > /dev/null || fail "revoke ana"
cli_refused "you have no role in workspace wulong (你在此工作区没有角色)" zone list "$(ws ana)"
refused ana "permission denied for schema wulong" "SELECT count(*) FROM wulong.producers"

echo "PASS"
