#!/usr/bin/env bash
# The inspector's day, end to end as a user runs it: the holder of 武隆高山萝卜 sends an Excel
# list (Chinese headers, DMS, phone-map GCJ-02 rows, broken rows); import it, run the origin
# check, draw a random inspection sample, hand over an HTML report. No row may be lost. Then the
# inspection itself: 回避 rosters, a harvest campaign with its field package, visits recorded,
# corrected and closed, credit flags, and the published results.
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
grep -q 'src="data:image/png;base64,' "$tmp/report.html" || fail "the HTML report has no embedded map"

# A reproducible random inspection sample.
"$cli" plan "$tmp/ws.gpkg" --count 20 --seed 20261129 --out "$tmp/plan1.csv" > "$tmp/out.txt" 2>&1 || fail "plan failed"
"$cli" plan "$tmp/ws.gpkg" --count 20 --seed 20261129 --out "$tmp/plan2.csv" > "$tmp/out.txt" 2>&1 || fail "plan failed"
cmp -s "$tmp/plan1.csv" "$tmp/plan2.csv" || fail "the same seed gave a different plan"
[ "$(grep -c '^[0-9]' "$tmp/plan1.csv")" -eq 20 ] || fail "the plan does not have 20 visits"

# 回避: each inspector gets a home township; no visit pairs them with a producer of it.
"$cli" inspector list "$tmp/ws.gpkg" | awk -F'\t' 'NR > 1 && $5 == "yes" {print $2}' > "$tmp/names.txt"
towns=(仙女山街道 凤山街道 双河镇 庙垭乡 江口镇 土坎镇 和顺镇 白马镇)
i=0
while read -r name; do
  "$cli" inspector set "$tmp/ws.gpkg" "$name" --township "${towns[$((i % 8))]}" > "$tmp/out.txt" 2>&1 || fail "inspector set"
  i=$((i + 1))
done < "$tmp/names.txt"
"$cli" inspector set "$tmp/ws.gpkg" "$(head -1 "$tmp/names.txt")" --add-relation 91350100M000100Y43 > "$tmp/out.txt" 2>&1 \
  || fail "a relation by credit code (甲's) was refused"
"$cli" inspector set "$tmp/ws.gpkg" "$(head -1 "$tmp/names.txt")" --add-relation 91350100M000100Y44 > "$tmp/out.txt" 2>&1 \
  && fail "a relation with a bad credit code was accepted"
grep -q "neither a producer id nor a valid credit code" "$tmp/out.txt" || fail "bad relation message"

# The harvest campaign (专项): radish growers of three townships in September, saved as a draft,
# with its published plan document and its field package for the phones.
"$cli" plan "$tmp/ws.gpkg" --count 8 --seed 20260901 --gis 武隆高山萝卜 --townships 庙垭乡,双河镇,仙女山街道 \
  --from 2026-09-01 --to 2026-09-04 --save --name 萝卜秋收专项 --out "$tmp/campaign.csv" --field "$tmp/field.kml" \
  > "$tmp/out.txt" 2>&1 || fail "campaign plan failed"
grep -q "^# method: .*回避" "$tmp/campaign.csv" || fail "the plan document does not state its method"
grep -q "^# seed: 20260901" "$tmp/campaign.csv" || fail "the plan document does not state its seed"
grep -q "^# eligible: [0-9]" "$tmp/campaign.csv" || fail "the plan document does not state the eligible population"
awk -F, '/^[0-9]/ {print $6 "|" $7}' "$tmp/campaign.csv" > "$tmp/pairs.txt"
while IFS='|' read -r town team; do
  for name in ${team//;/ }; do
    own=$("$cli" inspector list "$tmp/ws.gpkg" | awk -F'\t' -v n="$name" '$2 == n {print $6}')
    [ "$own" != "$town" ] || fail "$name was drawn for a producer of their own township $town"
  done
done < "$tmp/pairs.txt"
"$cli" plan "$tmp/ws.gpkg" --verify "$tmp/campaign.csv" > "$tmp/out.txt" 2>&1 || fail "an untouched plan does not verify"
sed '0,/^1,/s/^1,\([0-9]*\),/1,\1,X/' "$tmp/campaign.csv" > "$tmp/changed.csv"
"$cli" plan "$tmp/ws.gpkg" --verify "$tmp/changed.csv" > "$tmp/out.txt" 2>&1 && fail "a changed plan verified"
grep -q "does NOT verify" "$tmp/out.txt" || fail "the failed verification does not say so"
ogrinfo -ro -q "$tmp/field.kml" visits > "$tmp/field.txt" 2>&1 || fail "GDAL cannot read the field package"
[ "$(grep -c 'OGRFeature' "$tmp/field.txt")" -ge 1 ] || fail "the field package has no visits"
grep -q "D1-1 " "$tmp/field.txt" || fail "the field package does not number the day's stops"
grep -q "nearest neighbour over straight-line distances" "$tmp/field.txt" || fail "the route's method is not stated"
ogrinfo -ro -q "$tmp/field.kml" zones > "$tmp/field.txt" 2>&1 || fail "the field package has no zone outline"
"$cli" plan list "$tmp/ws.gpkg" | grep -q "萝卜秋收专项.campaign.draft" || fail "the campaign is not listed as a draft"
"$cli" plan status "$tmp/ws.gpkg" 萝卜秋收专项 --to published > "$tmp/out.txt" 2>&1 || fail "publishing the plan"

# The visits: outcomes recorded, one corrected, one closed; nothing overwritten.
team() { awk -F, -v v="$1" '/^[0-9]/ && $1 == v {print $7}' "$tmp/campaign.csv" | tr ';' ','; }
echo jpeg > "$tmp/photo1.jpg"
"$cli" inspect record "$tmp/ws.gpkg" --plan 萝卜秋收专项 --visit 1 --date 2026-09-01 --inspectors "$(team 1)" \
  --finding mark_misused --action rectification --follow-up 2026-10-01 --x 107.75 --y 29.33 --crs GCJ-02 --accuracy 6 \
  --evidence "$tmp/photo1.jpg" > "$tmp/out.txt" 2>&1 || fail "record visit 1"
"$cli" inspect record "$tmp/ws.gpkg" --plan 萝卜秋收专项 --visit 2 --date 2026-09-01 --inspectors "$(team 2)" \
  --finding conforming > "$tmp/out.txt" 2>&1 || fail "record visit 2"
"$cli" inspect record "$tmp/ws.gpkg" --plan 萝卜秋收专项 --visit 2 --date 2026-09-01 --inspectors "$(team 2)" \
  --finding labelling > "$tmp/out.txt" 2>&1 && fail "a second record of a visit was accepted without --corrects"
"$cli" inspect record "$tmp/ws.gpkg" --plan 萝卜秋收专项 --visit 2 --date 2026-09-01 --inspectors "$(team 2)" \
  --finding labelling --action rectification --corrects 2 > "$tmp/out.txt" 2>&1 || fail "correct visit 2"
"$cli" inspect close "$tmp/ws.gpkg" --record 1 --date 2026-10-01 > "$tmp/out.txt" 2>&1 || fail "close visit 1"
"$cli" inspect list "$tmp/ws.gpkg" --all > "$tmp/all.txt"
[ "$(grep -c '^[0-9]' "$tmp/all.txt")" -eq 4 ] || fail "the history does not keep all four records"
grep -q "^1.*mark_misused.*rectification.*2026-10-01" "$tmp/all.txt" || fail "the first record changed"
"$cli" inspect flags "$tmp/ws.gpkg" --date 2026-12-01 | grep -q "^1 live credit flag" || fail "the misuse finding is not flagged"
"$cli" inspect flags "$tmp/ws.gpkg" --date 2028-09-02 | grep -q "^0 live credit flag" || fail "the flag did not expire"

# 一公开: the results page and CSV, method stated, households' names masked.
"$cli" inspect publish "$tmp/ws.gpkg" 萝卜秋收专项 --out "$tmp/results.html" > "$tmp/out.txt" 2>&1 || fail "publish HTML"
"$cli" inspect publish "$tmp/ws.gpkg" 萝卜秋收专项 --out "$tmp/results.csv" > "$tmp/out.txt" 2>&1 || fail "publish CSV"
grep -q "visit,inspected_entity,credit_code,gi,date,result,action" "$tmp/results.csv" || fail "publication columns"
[ "$(grep -c '^[0-9]' "$tmp/results.csv")" -eq 8 ] || fail "the publication does not list every visit"
grep -q "违规使用专用标志" "$tmp/results.csv" || fail "the misuse finding is not published"
grep -q "std::mt19937_64 seeded with 20260901" "$tmp/results.html" || fail "the publication does not state the method"
grep -q 'src="data:image/png;base64,' "$tmp/results.html" || fail "the publication has no embedded map"
! grep -qE '<(script|link)[^>]+src=' "$tmp/results.html" || fail "the publication is not self-contained"
awk -F, '/^[0-9]/ {print $2}' "$tmp/results.csv" > "$tmp/entities.txt"
! grep -qE '[0-9]{7}' "$tmp/entities.txt" || fail "a phone number was published in an entity's name"
awk -F, '/^[0-9]/ && $3 == "" {print $2}' "$tmp/results.csv" | grep -v '^$' > "$tmp/households.txt" || true
! grep -v '\*某' "$tmp/households.txt" || fail "a household without a credit code was published unmasked"
echo "inspector_day: all checks passed"
