#!/usr/bin/env bash
# giatlas-cli import from a PostGIS database (a PG: connection), as from a file: a private
# PostgreSQL cluster is started for the test (unix socket only, removed at the end), townships in
# Gauss–Krüger metres (EPSG:4545) and a producer table with Chinese text and a NULL location are
# loaded with SQL, imported, and the accounting and the reprojected result are checked.
# Usage: import_postgis.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1
. "$(dirname "$0")/lib/pg_cluster.sh"

tmp=$(mktemp -d)
cleanup() {
  pg_cluster_stop
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- output:"; cat "$tmp/out.txt" 2> /dev/null || true; exit 1; }

pg_cluster_start pgtest 56000
sql() { psql -X -q -h "$pg" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
sql > /dev/null << 'SQL'
CREATE EXTENSION postgis;
-- Two townships as squares in CGCS2000 / 3-degree Gauss-Kruger CM 108E (EPSG:4545), metres.
CREATE TABLE xiangzhen (gid serial PRIMARY KEY, 乡镇名称 text, 乡镇代码 text, geom geometry(MultiPolygon, 4545));
INSERT INTO xiangzhen (乡镇名称, 乡镇代码, geom) VALUES
  ('甲镇', '500156100', ST_Multi(ST_MakeEnvelope(430000, 3240000, 440000, 3250000, 4545))),
  ('乙乡', '500156200', ST_Multi(ST_MakeEnvelope(440000, 3240000, 450000, 3250000, 4545)));
CREATE TABLE shouquan (id serial PRIMARY KEY, 企业名称 text, 统一社会信用代码 text, 地理标志产品 text,
                       geom geometry(Point, 4490));
INSERT INTO shouquan (企业名称, 统一社会信用代码, 地理标志产品, geom) VALUES
  ('甲合作社', '', '武隆高山萝卜', ST_SetSRID(ST_MakePoint(107.30, 29.30), 4490)),
  ('乙农场', '', '武隆高山萝卜', ST_SetSRID(ST_MakePoint(107.35, 29.31), 4490)),
  ('丙公司', '', '武隆高山萝卜', NULL),
  (NULL, '', '武隆高山萝卜', ST_SetSRID(ST_MakePoint(107.31, 29.32), 4490));
SQL
conn="PG:host=$pg port=$port dbname=postgres user=postgres"

"$cli" new "$tmp/ws.gpkg" --district 武隆区 > /dev/null
"$cli" import "$conn" --into "$tmp/ws.gpkg" --as townships --layer xiangzhen > "$tmp/out.txt" 2>&1 \
  || fail "township import from PostGIS failed"
grep -q "rows read: 2" "$tmp/out.txt" || fail "townships: rows read"
grep -q "accepted: 2" "$tmp/out.txt" || fail "townships: accepted"
grep -q "4545" "$tmp/out.txt" || fail "the report does not name the source CRS"
"$cli" info "$tmp/ws.gpkg" | grep -Eq "^townships +2 " || fail "2 townships expected"
# Stored in CGCS2000 lon/lat: the west edge 430000 m east of the false origin is about 107.28°E.
ogrinfo -ro -q "$tmp/ws.gpkg" -sql "SELECT name, ST_MinX(geom) AS x FROM townships WHERE name = '甲镇'" > "$tmp/q.txt"
grep -q "name (String) = 甲镇" "$tmp/q.txt" || fail "the Chinese township name did not survive"
x=$(grep -oE "x \(Real\) = [0-9.]+" "$tmp/q.txt" | awk '{print $4}')
awk -v x="$x" 'BEGIN { exit !(x > 107.2 && x < 107.35) }' || fail "township not reprojected to lon/lat (minx $x)"

"$cli" import "$conn" --into "$tmp/ws.gpkg" --as producers --layer shouquan --report "$tmp/rejects.csv" \
  > "$tmp/out.txt" 2>&1 || fail "producer import from PostGIS failed"
grep -q "rows read: 4" "$tmp/out.txt" || fail "producers: rows read"
grep -q "accepted: 3" "$tmp/out.txt" || fail "producers: accepted (the one without a location is kept)"
grep -q "rejected: 1" "$tmp/out.txt" || fail "producers: the row without a name is rejected"
grep -q "missing_name" "$tmp/rejects.csv" || fail "the report CSV lacks the rejected row"
"$cli" info "$tmp/ws.gpkg" | grep -Eq "^producers +3 " || fail "3 producers expected"
# The database itself is only read.
[ "$(sql -At -c 'SELECT count(*) FROM shouquan')" = 4 ] || fail "the source table changed"
echo "PASS: import_postgis"
