#!/usr/bin/env bash
# giatlas-cli import on an XLSX producer list with Chinese headers, DMS and GCJ-02/BD-09 rows and
# broken rows: checks the printed accounting, the report CSV, dry run, and clean failures.
# Usage: import_cli.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1
command -v ogr2ogr > /dev/null || { echo "FAIL: ogr2ogr is needed for this test"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; echo "--- output:"; cat "$tmp/out.txt" 2> /dev/null || true; exit 1; }

cat > "$tmp/list.csv" << 'CSV'
企业名称,统一社会信用代码,产品,东经,北纬,坐标系,是否授权
甲合作社,,武隆高山萝卜,107°45′30.5″E,29°19′12″N,,是
乙公司,,武隆高山白菜,107.7583,29.3312,GCJ-02,是
丙农场,,武隆猪腰枣,东经107度40分12秒,北纬29度25分,,否
丁,,,29.3,107.74,,是
,,武隆高山萝卜,107.7,29.3,,是
戊,123,武隆高山萝卜,107 45.5,29 20.1,BD-09,是
己,,武隆高山萝卜,abc,29.3,,否
CSV
ogr2ogr -f XLSX "$tmp/producers.xlsx" "$tmp/list.csv" -nln 授权用户
"$cli" new "$tmp/ws.gpkg" --district 武隆区 > /dev/null
sum_before=$(md5sum < "$tmp/producers.xlsx")

# A dry run reports and writes nothing.
"$cli" import "$tmp/producers.xlsx" --into "$tmp/ws.gpkg" --as producers --crs EPSG:4490 --dry-run > "$tmp/out.txt" 2>&1 \
  || fail "dry run failed"
grep -q "dry run" "$tmp/out.txt" || fail "the dry run does not say so"
"$cli" info "$tmp/ws.gpkg" | grep -Eq "^producers +0 " || fail "the dry run wrote producers"

# The real import.
"$cli" import "$tmp/producers.xlsx" --into "$tmp/ws.gpkg" --as producers --crs EPSG:4490 \
  --report "$tmp/rejects.csv" > "$tmp/out.txt" 2>&1 || fail "import failed"
grep -q "rows read: 7" "$tmp/out.txt" || fail "rows read"
grep -q "accepted: 6 (6 with warnings)" "$tmp/out.txt" || fail "accepted"
grep -q "rejected: 1" "$tmp/out.txt" || fail "rejected"
grep -q "producers.xlsx sheet 授权用户 row 6: no producer name" "$tmp/out.txt" || fail "the rejected row is not named"
grep -q "row 5: .*longitude and latitude look swapped" "$tmp/out.txt" || fail "the swapped row is not explained"
grep -q "row 7: credit code '123'" "$tmp/out.txt" || fail "the bad credit code is not reported"
grep -q "columns: .*lat=北纬.*lon=东经" "$tmp/out.txt" || fail "the Chinese coordinate columns were not found"
"$cli" info "$tmp/ws.gpkg" | grep -Eq "^producers +6 " || fail "6 producers expected in the workspace"
[ -f "$tmp/rejects.csv" ] || fail "no report CSV"
grep -q "rejected,missing_name" "$tmp/rejects.csv" || fail "the report CSV lacks the rejected row"
[ "$(md5sum < "$tmp/producers.xlsx")" = "$sum_before" ] || fail "the source file was modified"

# The GCJ-02 and BD-09 rows were unshifted: WGS84 lies west/south of them around Wulong.
ogrinfo -q "$tmp/ws.gpkg" -sql "SELECT name, ST_X(geom) AS x FROM producers WHERE name = '乙公司'" > "$tmp/q.txt" 2>&1 || true
if grep -q "x (Real)" "$tmp/q.txt"; then
  x=$(grep -oE "x \(Real\) = [0-9.]+" "$tmp/q.txt" | awk '{print $4}')
  awk -v x="$x" 'BEGIN { exit !(x < 107.7583 && x > 107.74) }' || fail "GCJ-02 row not shifted back (x=$x)"
fi

# No CRS anywhere: one clear error, non-zero exit, workspace unchanged.
printf 'name,lon,lat\nA,107.7,29.3\n' > "$tmp/nocrs.csv"
if "$cli" import "$tmp/nocrs.csv" --into "$tmp/ws.gpkg" --as producers > "$tmp/out.txt" 2>&1; then
  fail "an import without a CRS was accepted"
fi
grep -q "no coordinate system: name one with --crs" "$tmp/out.txt" || fail "the missing-CRS error is unclear"

# A corrupt file: one error naming it.
head -c 300 "$tmp/producers.xlsx" > "$tmp/broken.xlsx"
if "$cli" import "$tmp/broken.xlsx" --into "$tmp/ws.gpkg" --as producers --crs EPSG:4490 > "$tmp/out.txt" 2>&1; then
  fail "a truncated XLSX was accepted"
fi
grep -q "broken.xlsx" "$tmp/out.txt" || fail "the error does not name the file"
"$cli" info "$tmp/ws.gpkg" | grep -Eq "^producers +6 " || fail "a failed import changed the workspace"
echo "PASS"
