#!/usr/bin/env bash
# The production-area benchmark with its PostGIS anchor in the same run: area_bench (ours and the
# GEOS loop), then the same plots and zones in a private PostgreSQL 15 + PostGIS 3 cluster (unix
# socket only, one worker per query), projected to the same Gauss–Krüger zone, GiST-indexed, and the
# share of every plot computed with ST_Intersection (against the whole zones, and against zones cut
# with ST_Subdivide(geom, 256)).
# Usage: bash bench/area_run.sh BUILD_DIR [PLOTS] [DENSITY]   (GIATLAS_BENCH_DIR: data folder, default /tmp/areabench)
set -euo pipefail
build=$1 plots=${2:-100000} density=${3:-1.0}
dir=${GIATLAS_BENCH_DIR:-/tmp/areabench}
mkdir -p "$dir"
now() { date +%s.%N; }
"$build/bench/area_bench" --plots "$plots" --density "$density" --dir "$dir" --write-plots "$dir/plots.gpkg"
PGBIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PGBIN/pg_ctl" ] || ! id postgres > /dev/null 2>&1; then echo "postgis skipped (no pg_ctl or no postgres user)"; exit 0; fi
pg="$(mktemp -d /tmp/giatlas-areapg.XXXXXX)"
chown postgres "$pg"
port=$((56000 + RANDOM % 1000))
as_pg() { runuser -u postgres -- "$@"; }
cleanup() { as_pg "$PGBIN/pg_ctl" -D "$pg/data" -m fast stop > /dev/null 2>&1 || true; rm -rf "$pg"; }
trap cleanup EXIT
as_pg "$PGBIN/initdb" -D "$pg/data" -A trust -U postgres > /dev/null
as_pg "$PGBIN/pg_ctl" -D "$pg/data" -l "$pg/log" -w \
  -o "-k $pg -p $port -c listen_addresses='' -c shared_buffers=256MB -c max_parallel_workers_per_gather=0" start > /dev/null
sql() { psql -X -q -h "$pg" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -At "$@"; }
sql -c "CREATE EXTENSION postgis" > /dev/null
conn="PG:host=$pg port=$port dbname=postgres user=postgres"
t0=$(now)
ogr2ogr -f PostgreSQL "$conn" "$dir/plots.gpkg" plots zones -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=NONE
t1=$(now)
echo "postgis_load_seconds $(echo "$t1 - $t0" | bc -l)"
epsg=$(sql -c "SELECT 4534 + round(ST_X(ST_Centroid(ST_Extent(geom)))/3)::int - 25 FROM zones")
t0=$(now)
sql > /dev/null <<SQL
CREATE TABLE p AS SELECT fid, gi, share, ST_Transform(geom, $epsg) AS geom FROM plots;
CREATE INDEX ON p USING gist (geom);
CREATE TABLE z AS SELECT gi, ST_Transform(geom, $epsg) AS geom FROM zones;
CREATE INDEX ON z USING gist (geom);
CREATE TABLE zs AS SELECT gi, ST_Subdivide(geom, 256) AS geom FROM z;
CREATE INDEX ON zs USING gist (geom);
VACUUM ANALYZE;
SQL
t1=$(now)
echo "postgis_project_index_seconds $(echo "$t1 - $t0" | bc -l) (EPSG:$epsg)"
run() {  # $1: label, $2: zone table
  local t0 t1
  t0=$(now)
  sql -c "CREATE TABLE r_$2 AS SELECT p.fid, p.share AS ours,
            coalesce((SELECT sum(ST_Area(ST_Intersection(x.geom, p.geom))) FROM $2 x
                      WHERE x.gi = p.gi AND ST_Intersects(x.geom, p.geom)), 0) / ST_Area(p.geom) AS pg
          FROM p"
  t1=$(now)
  echo "postgis_$1_seconds $(echo "$t1 - $t0" | bc -l)"
  echo "postgis_$1_largest_share_difference_vs_ours $(sql -c "SELECT max(abs(pg - ours)) FROM r_$2")"
}
run whole_zones z
run subdivided_zones zs
