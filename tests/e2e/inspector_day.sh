#!/usr/bin/env bash
# The inspector's day, end to end as a user runs it: the holder of 武隆高山萝卜 sends an Excel
# list (Chinese headers, DMS, phone-map GCJ-02 rows, broken rows); import it, run the origin
# check, draw a random inspection sample, hand over an HTML report. No row may be lost.
# Usage: inspector_day.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1 src=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; echo "--- last output:"; cat "$tmp/out.txt" 2> /dev/null || true; exit 1; }

cp "$src/data/wulong-sample.gpkg" "$tmp/ws.gpkg"
cp "$src/data/wulong-sample.dem.tif" "$tmp/ws.dem.tif"  # the workspace's DEM travels with it
before=$("$cli" info "$tmp/ws.gpkg" | awk '$1 == "producers" {print $2}')

# Four real-looking rows inside the radish zone (taken from the sample's own inside producers),
# typed the ways people type them, plus a swapped row, a row without a name and an unreadable one.
ogrinfo -ro -q "$tmp/ws.gpkg" -sql "SELECT ST_X(geom) AS x, ST_Y(geom) AS y FROM producers WHERE gi = '武隆高山萝卜' AND geom IS NOT NULL AND location_issue IS NULL LIMIT 1 OFFSET 3" > "$tmp/q.txt"
x=$(grep -oE "x \(Real\) = [0-9.]+" "$tmp/q.txt" | awk '{print $4}')
y=$(grep -oE "y \(Real\) = [0-9.]+" "$tmp/q.txt" | awk '{print $4}')
[ -n "$x" ] && [ -n "$y" ] || fail "could not read a sample location"
dms() { awk -v v="$1" 'BEGIN { d=int(v); m=int((v-d)*60); s=((v-d)*60-m)*60; printf "%d°%d′%.2f″", d, m, s }'; }
cat > "$tmp/list.csv" << CSV
企业名称,统一社会信用代码,地理标志产品,经度,纬度,坐标系,是否授权
甲高山萝卜种植专业合作社,91350100M000100Y43,武隆高山萝卜,$x,$y,WGS84,是
乙家庭农场,91110000802100433B,武隆高山萝卜,$(dms "$x")E,$(dms "$y")N,WGS84,是
丙农业开发有限公司,91350100M000100Y44,武隆高山萝卜,$x,$y,WGS84,是
丁,,武隆高山萝卜,$y,$x,WGS84,是
,,武隆高山萝卜,$x,$y,WGS84,是
戊,,武隆高山萝卜,东经一百度,北纬,WGS84,否
CSV
ogr2ogr -f XLSX "$tmp/授权用户名单.xlsx" "$tmp/list.csv" -nln 授权用户
sum=$(md5sum < "$tmp/授权用户名单.xlsx")

"$cli" import "$tmp/授权用户名单.xlsx" --into "$tmp/ws.gpkg" --as producers > "$tmp/out.txt" 2>&1 || fail "import failed"
grep -q "rows read: 6" "$tmp/out.txt" || fail "not every row was read"
grep -q "accepted: 5" "$tmp/out.txt" || fail "accepted count"
grep -q "rejected: 1" "$tmp/out.txt" || fail "rejected count"
[ "$(md5sum < "$tmp/授权用户名单.xlsx")" = "$sum" ] || fail "the source list was modified"
after=$("$cli" info "$tmp/ws.gpkg" | awk '$1 == "producers" {print $2}')
[ "$after" -eq $((before + 5)) ] || fail "expected $((before + 5)) producers, found $after"

# The holder sends the same list again: nothing is added twice, and each row says which producer
# it matched; with --update-existing the rows rewrite those producers in place.
"$cli" import "$tmp/授权用户名单.xlsx" --into "$tmp/ws.gpkg" --as producers > "$tmp/out.txt" 2>&1 || fail "re-import failed"
grep -q "accepted: 0" "$tmp/out.txt" || fail "a re-import accepted rows"
grep -q "the workspace already has producer #[0-9]* '甲高山萝卜种植专业合作社'" "$tmp/out.txt" \
  || fail "the re-import does not name the producer a row matched"
[ "$("$cli" info "$tmp/ws.gpkg" | awk '$1 == "producers" {print $2}')" -eq "$after" ] || fail "a re-import added producers"
"$cli" import "$tmp/授权用户名单.xlsx" --into "$tmp/ws.gpkg" --as producers --update-existing > "$tmp/out.txt" 2>&1 \
  || fail "re-import with --update-existing failed"
grep -q "accepted: 5 (.*5 updating producers already in the workspace)" "$tmp/out.txt" || fail "updates not counted"
[ "$("$cli" info "$tmp/ws.gpkg" | awk '$1 == "producers" {print $2}')" -eq "$after" ] || fail "an update added producers"

# The origin check: every producer gets exactly one row; the new ones are classified with reasons.
"$cli" check "$tmp/ws.gpkg" --gi 武隆高山萝卜 --out "$tmp/report.csv" > "$tmp/out.txt" 2>&1 || fail "check failed"
head -1 "$tmp/report.csv" | grep -q "name,credit_code,gi,result,reason,distance_m,township,zone_version,lon,lat" \
  || fail "CSV header"
grep -q "^甲高山萝卜种植专业合作社,.*,inside" "$tmp/report.csv" || fail "甲 should be inside"
grep -q "^乙家庭农场,.*,inside" "$tmp/report.csv" || fail "乙 (typed in DMS) should be inside"
grep "^丙农业开发有限公司," "$tmp/report.csv" | grep -qi "credit" || fail "丙's bad credit code is not mentioned"
grep "^丁," "$tmp/report.csv" | grep -q "invalid_location" || fail "丁 (swapped) should be invalid_location"
grep "^丁," "$tmp/report.csv" | grep -qi "swap" || fail "丁's reason does not say swapped"
grep "^丁," "$tmp/report.csv" | grep -q "经纬度颠倒" || fail "丁's Chinese reason (reason_zh) does not say swapped"
grep "^戊," "$tmp/report.csv" | grep -q "invalid_location" || fail "戊 should be invalid_location"
radish=$(ogrinfo -ro -q "$tmp/ws.gpkg" -sql "SELECT COUNT(*) AS n FROM producers WHERE gi = '武隆高山萝卜'" | grep -oE "n \(Integer\) = [0-9]+" | awk '{print $4}')
rows=$(($(wc -l < "$tmp/report.csv") - 1))
[ "$rows" -eq "$radish" ] || fail "report has $rows rows for $radish radish producers"

# The HTML report a non-specialist reads: options and rules at the top, the new producers listed.
"$cli" check "$tmp/ws.gpkg" --gi 武隆高山萝卜 --out "$tmp/report.html" > "$tmp/out.txt" 2>&1 || fail "HTML check failed"
grep -q "乙家庭农场" "$tmp/report.html" || fail "HTML lacks a producer"
grep -q "30" "$tmp/report.html" || fail "HTML does not state the tolerance"
grep -qi "<table" "$tmp/report.html" || fail "HTML has no summary table"
! grep -qE '<(script|link)[^>]+src=' "$tmp/report.html" || fail "HTML is not self-contained"

# A reproducible random inspection sample.
"$cli" plan "$tmp/ws.gpkg" --count 20 --seed 20261129 --out "$tmp/plan1.csv" > "$tmp/out.txt" 2>&1 || fail "plan failed"
"$cli" plan "$tmp/ws.gpkg" --count 20 --seed 20261129 --out "$tmp/plan2.csv" > "$tmp/out.txt" 2>&1 || fail "plan failed"
cmp -s "$tmp/plan1.csv" "$tmp/plan2.csv" || fail "the same seed gave a different plan"
[ "$(($(wc -l < "$tmp/plan1.csv") - 1))" -eq 20 ] || fail "the plan does not have 20 visits"
echo "inspector_day: all checks passed"
