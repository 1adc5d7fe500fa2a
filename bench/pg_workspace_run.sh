#!/usr/bin/env bash
# PostGIS workspace benchmarks (issue #12), in one run on a private PostgreSQL 15 cluster (unix
# socket only, removed at the end):
#   1. the origin check job (`giatlas-cli check`) on a PostGIS workspace vs the same job on the
#      GeoPackage it was copied from (target: within 1.5×); best of two runs each, alternating;
#   2. `giatlas-cli import` of N producers from a CSV into a new PostGIS workspace (as the tables'
#      owner and as an inspector) vs `ogr2ogr` loading the same CSV into the same server (target:
#      within 2×); best of two each;
#   3. the audit trail's cost: importing AUDIT_N producers (default 10,000) into a workspace with
#      the audit triggers on and with them disabled.
#
#   bash bench/pg_workspace_run.sh <build-dir> [producers=1000000]
#
# The GeoPackage is check_bench's (under $GIATLAS_BENCH_DIR, default /tmp/giatlas-bench). Prints
# "key value" lines; bench/README.md records a run. Skips, saying so, without PostgreSQL.
set -euo pipefail
build="${1:?usage: bench/pg_workspace_run.sh <build-dir> [producers]}"
n="${2:-1000000}"
audit_n="${AUDIT_N:-10000}"
dir="${GIATLAS_BENCH_DIR:-/tmp/giatlas-bench}"
cli="$build/src/cli/giatlas-cli"
bench="$build/bench/check_bench"
PGBIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PGBIN/pg_ctl" ] || ! id postgres > /dev/null 2>&1 || ! command -v psql > /dev/null; then
  echo "postgis workspace benchmark skipped (no PostgreSQL 15: pg_ctl, psql or the postgres user missing)"
  exit 0
fi
[ -x "$bench" ] && [ -x "$cli" ] || { echo "build giatlas-cli and check_bench first" >&2; exit 1; }
mkdir -p "$dir"
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l; }
echo "machine $(nproc) cores, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg)"

"$bench" --producers "$n" --dir "$dir" --mode job > "$dir/pgws-engine.txt"
ws="$(awk '/^workspace /{print $2}' "$dir/pgws-engine.txt")"

pg="$(mktemp -d /tmp/giatlas-pgws.XXXXXX)"
chown postgres "$pg"
port=$((56000 + RANDOM % 1000))
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() { as_pg "$PGBIN/pg_ctl" -D "$pg/data" -m fast stop > /dev/null 2>&1 || true; rm -rf "$pg"; }
trap cleanup EXIT
as_pg "$PGBIN/initdb" -D "$pg/data" -A trust -U postgres -E UTF8 > /dev/null
as_pg "$PGBIN/pg_ctl" -D "$pg/data" -l "$pg/log" -w \
  -o "-k $pg -p $port -c listen_addresses='' -c shared_buffers=256MB -c max_parallel_workers_per_gather=0" start > /dev/null
sql() { psql -X -q -h "$pg" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -At "$@"; }
sql -c "CREATE EXTENSION postgis" > /dev/null
conn="PG:host=$pg port=$port dbname=postgres user=postgres"

# --- 1. the origin check job ------------------------------------------------------------------
t0=$(now); "$cli" copy "$ws" "$conn active_schema=bench" --quiet > /dev/null; t1=$(now)
printf 'copy_into_postgis_seconds %.2f\n' "$(secs "$t0" "$t1")"
gpkg_best=1000000 pg_best=1000000
for rep in 1 2; do
  t0=$(now); "$cli" check "$ws" --out "$dir/pgws-gpkg-check.csv" > /dev/null 2>&1; t1=$(now)
  d=$(secs "$t0" "$t1"); if [ "$(echo "$d < $gpkg_best" | bc -l)" = 1 ]; then gpkg_best=$d; fi
  t0=$(now); "$cli" check "$conn active_schema=bench" --out "$dir/pgws-pg-check.csv" > /dev/null 2>&1; t1=$(now)
  d=$(secs "$t0" "$t1"); if [ "$(echo "$d < $pg_best" | bc -l)" = 1 ]; then pg_best=$d; fi
done
printf 'check_gpkg_seconds %.2f\ncheck_postgis_seconds %.2f\nratio_check_postgis_vs_gpkg %.2f\n' \
  "$gpkg_best" "$pg_best" "$(echo "$pg_best / $gpkg_best" | bc -l)"

# --- 2. import vs ogr2ogr ---------------------------------------------------------------------
# Into a new workspace whose register has the CSV's GIs (as an import of a GI's users meets it),
# best of two each, alternating: as the tables' owner (who may rebuild the spatial index after a
# large load) and as an inspector (who inserts into it), against ogr2ogr loading a new table.
csv="$dir/pgws-producers-$n.csv"
[ -s "$csv" ] || ogr2ogr -f CSV "$csv" "$ws" -sql \
  "SELECT name, credit_code, gi, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM producers" > /dev/null
district=$(sql -c "SELECT value FROM bench.giatlas_metadata WHERE key = 'district_name'" 2> /dev/null || echo 武隆区)
sql -c "CREATE ROLE bench_inspector LOGIN" > /dev/null
gis=$(tail -n +2 "$csv" | awk -F, '{print $3}' | sort -u)
new_import_ws() {  # schema
  "$cli" new "$conn active_schema=$1" --district "${district:-武隆区}" > /dev/null
  for g in $gis; do "$cli" register add "$conn active_schema=$1" "$g" --category 特色农产品 --type 农产品地理标志 > /dev/null; done
  "$cli" db grant "$conn active_schema=$1" bench_inspector --role inspector > /dev/null
}
owner_best=1000000 insp_best=1000000 ogr_best=1000000
for rep in 1 2; do
  new_import_ws "imp_o$rep"
  t0=$(now); "$cli" import "$csv" --into "$conn active_schema=imp_o$rep" --as producers --lon lon --lat lat --crs EPSG:4490 > /dev/null; t1=$(now)
  d=$(secs "$t0" "$t1"); if [ "$(echo "$d < $owner_best" | bc -l)" = 1 ]; then owner_best=$d; fi
  t0=$(now)
  ogr2ogr -f PostgreSQL "$conn" "$csv" -nln ogr_producers -a_srs EPSG:4490 -lco GEOMETRY_NAME=geom \
    -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -oo KEEP_GEOM_COLUMNS=NO -overwrite
  t1=$(now)
  d=$(secs "$t0" "$t1"); if [ "$(echo "$d < $ogr_best" | bc -l)" = 1 ]; then ogr_best=$d; fi
  new_import_ws "imp_i$rep"
  t0=$(now); "$cli" import "$csv" --into "PG:host=$pg port=$port dbname=postgres user=bench_inspector active_schema=imp_i$rep" \
    --as producers --lon lon --lat lat --crs EPSG:4490 > /dev/null; t1=$(now)
  d=$(secs "$t0" "$t1"); if [ "$(echo "$d < $insp_best" | bc -l)" = 1 ]; then insp_best=$d; fi
  sql -c "DROP SCHEMA imp_o$rep CASCADE; DROP SCHEMA imp_i$rep CASCADE" > /dev/null 2>&1 || true
done
printf 'import_rows %s\nimport_postgis_owner_seconds %.2f\nimport_postgis_inspector_seconds %.2f\nogr2ogr_postgis_seconds %.2f\n' \
  "$(sql -c "SELECT count(*) FROM ogr_producers")" "$owner_best" "$insp_best" "$ogr_best"
printf 'ratio_import_owner_vs_ogr2ogr %.2f\nratio_import_inspector_vs_ogr2ogr %.2f\n' \
  "$(echo "$owner_best / $ogr_best" | bc -l)" "$(echo "$insp_best / $ogr_best" | bc -l)"

# --- 3. the audit trail's cost ----------------------------------------------------------------
# The import of the CSV's first AUDIT_N rows into a new workspace, with the audit triggers on and
# with them disabled (a load of more than 100 rows is one audit entry; see pg_audit.h).
small="$dir/pgws-producers-audit-$audit_n.csv"
head -n $((audit_n + 1)) "$csv" > "$small"
for mode in on off; do
  "$cli" new "$conn active_schema=audit_$mode" --district "${district:-武隆区}" > /dev/null
  [ "$mode" = on ] || sql -c "ALTER TABLE audit_off.producers DISABLE TRIGGER USER" > /dev/null
  t0=$(now); "$cli" import "$small" --into "$conn active_schema=audit_$mode" --as producers --lon lon --lat lat --crs EPSG:4490 > /dev/null; t1=$(now)
  printf 'audit_%s_import_%s_seconds %.2f\n' "$mode" "$audit_n" "$(secs "$t0" "$t1")"
done
printf 'audit_entries_written %s\n' "$(sql -c "SELECT count(*) FROM audit_on.audit_log WHERE tbl = 'producers'")"
