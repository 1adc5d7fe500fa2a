#!/usr/bin/env bash
# The rule the app greys its actions by (workspace/role_rules.h, `giatlas-cli db may`) against what
# the database actually allows, on a private cluster: for each workspace role and each table of a
# PostGIS workspace (the sample copied in, roles granted), the rule says a role may change a table
# exactly when its group role has INSERT on it (has_table_privilege), and a refusal is the
# database's own sentence.
# Usage: postgis_role_rules.sh <giatlas-cli> <giatlas|none> <source-dir>
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
fail() { echo "FAIL: $*"; cat "$tmp/out" "$tmp/err" 2> /dev/null || true; exit 1; }

pg_cluster_start pgrules 59000 boss
sql() { psql -X -q -h "$pg" -p "$port" -U postgres -d gi -v ON_ERROR_STOP=1 "$@"; }
psql -X -q -h "$pg" -p "$port" -U postgres -d postgres -c "CREATE DATABASE gi" > /dev/null
sql -c "CREATE EXTENSION postgis" -c "CREATE ROLE boss LOGIN CREATEROLE PASSWORD 'boss-pw-1'" \
  -c "GRANT CREATE ON DATABASE gi TO boss" > /dev/null
ws="PG:host=$pg port=$port dbname=gi user=boss password=boss-pw-1 active_schema=wulong"
"$cli" copy "$src/data/wulong-sample.gpkg" "$ws" --quiet > "$tmp/out" || fail "copy into PostGIS failed"
for r in admin surveyor inspector viewer; do
  "$cli" db grant "$ws" "u_$r" --role "$r" > "$tmp/out" || fail "grant $r"
done
mapfile -t tables < <(sql -At -c "SELECT tablename FROM pg_tables WHERE schemaname = 'wulong' ORDER BY 1")
[ "${#tables[@]}" -gt 20 ] || fail "only ${#tables[@]} tables in the workspace"

checked=0 allowed=0
for r in admin surveyor inspector viewer; do
  "$cli" db may "$r" "${tables[@]}" > "$tmp/out" 2> "$tmp/err" || fail "db may $r"
  [ "$(wc -l < "$tmp/out")" = "${#tables[@]}" ] || fail "db may $r: not one line per table"
  for t in "${tables[@]}"; do
    db=$(sql -At -c "SELECT has_table_privilege('wulong_$r', 'wulong.$t', 'INSERT')")
    line=$(grep "^$t " "$tmp/out") || fail "db may $r: no line for $t"
    if [ "$db" = t ]; then
      [ "$line" = "$t yes" ] || fail "the database lets $r insert into $t, the rule says: $line"
      allowed=$((allowed + 1))
    else
      [[ "$line" == "$t no: your role ($r) cannot change "* ]] || fail "the database refuses $r on $t, the rule says: $line"
    fi
    checked=$((checked + 1))
  done
done
# the sentence is the refusal's own
"$cli" db may viewer gi_zones > "$tmp/out"
grep -qxF "gi_zones no: your role (viewer) cannot change zones (你的角色（查看者）不能修改保护范围)" "$tmp/out" \
  || fail "the viewer's sentence"
if "$cli" db may chief gi_zones > /dev/null 2> "$tmp/err"; then fail "an unknown role was accepted"; fi
grep -q "unknown role 'chief'" "$tmp/err" || fail "the unknown role not said"
echo "PASS: postgis_role_rules ($checked role/table pairs, $allowed allowed)"
