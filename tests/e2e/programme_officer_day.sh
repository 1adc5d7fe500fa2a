#!/usr/bin/env bash
# The programme officer's day, end to end: read where the plan stands, enter a newly surveyed
# resource and walk it through the catalogue to registration, record its standard and the holder's
# first authorised users from an Excel list (with a broken row), score candidates, then hand the
# district government the yearly report (HTML and PDF) and the catalogue (XLSX, CSV, HTML).
# Usage: programme_officer_day.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1 src=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; echo "--- last output:"; cat "$tmp/out.txt" 2> /dev/null || true; exit 1; }
run() { "$cli" "$@" > "$tmp/out.txt" 2>&1 || fail "giatlas-cli $*"; }
refused() { if "$cli" "$@" > "$tmp/out.txt" 2>&1; then fail "accepted: $*"; fi; }

cp "$src/data/wulong-sample.gpkg" "$tmp/ws.gpkg"
ws=$tmp/ws.gpkg

# Morning: where the plan stood at its end, and where it stands now.
run programme status "$ws" --year 2025
grep -q "new_trademarks .*: 3 (target 5.*behind" "$tmp/out.txt" || fail "trademarks behind in 2025"
grep -q "use_rate .*: 66.7% .*met" "$tmp/out.txt" || fail "use rate met in 2025"
run programme status "$ws" --date 2026-11-30
grep -q "standard overdue: 羊角豆干 due 2026-04-18" "$tmp/out.txt" || fail "overdue standard listed"
grep -q "standard due_soon: 武隆老鹰茶 due 2027-02-20" "$tmp/out.txt" || fail "due-soon standard listed"

# A new resource from the survey, walked through the catalogue; skipping a step is refused.
run programme add-resource "$ws" 武隆厚朴酒 --category 传统手工业品 --townships 接龙乡,白马镇 --output 120 \
  --firms 2 --since 1960 --surveyor 张三 --date 2026-03-02 --photos photos/a.jpg
refused programme advance "$ws" 武隆厚朴酒 --to applying --date 2026-04-01
grep -q "one step at a time (next: catalogued)" "$tmp/out.txt" || fail "skipped step not explained"
refused programme add-resource "$ws" 火星苹果 --category 水果
grep -q "category '水果'" "$tmp/out.txt" || fail "bad category not explained"
run programme advance "$ws" 武隆厚朴酒 --to catalogued --date 2026-04-01
run programme advance "$ws" 武隆厚朴酒 --to candidate --date 2026-05-01
run programme advance "$ws" 武隆厚朴酒 --to applying --date 2026-06-01
refused programme advance "$ws" 武隆厚朴酒 --to registered --date 2026-09-01
grep -q "needs its registration" "$tmp/out.txt" || fail "registration without a number"
run programme advance "$ws" 武隆厚朴酒 --to registered --date 2026-09-01 --type 地理标志集体商标 \
  --registration-no TEST-9 --authority 国家知识产权局
run register list "$ws"
grep -q "武隆厚朴酒  \[registered\].*TEST-9 (2026-09-01)" "$tmp/out.txt" || fail "register follows"

# Its standard, and the holder's list of authorised users (one row has no approval date).
run programme add-standard "$ws" 武隆厚朴酒 --number "T/WL 9-2026" --title 地理标志产品 --level 团体标准 --published 2026-10-10
cat > "$tmp/users.csv" << CSV
使用主体,统一社会信用代码,批准日期,有效期至,状态
武隆区甲酒厂,91500156MA5U222222,2026/10/20,2029/10/19,使用中
武隆区乙酒坊,,,,使用中
CSV
ogr2ogr -f XLSX "$tmp/users.xlsx" "$tmp/users.csv" -nln 授权用户 2> /dev/null || fail "make xlsx fixture"
run programme import-users "$ws" "$tmp/users.xlsx" --gi 武隆厚朴酒
grep -q "read 2 = accepted 1 + rejected 1" "$tmp/out.txt" || fail "every user row accounted for"
grep -q "row 3: .*approval date is missing" "$tmp/out.txt" || fail "rejected row named"
run programme status "$ws" --date 2026-11-30
grep -q "mark_users .*: 6 " "$tmp/out.txt" || fail "the new user counts"

# Candidates: a score that contradicts the data needs a reason.
refused programme score "$ws" 武隆天麻 --criterion scale --score 1
grep -q "needs a reason" "$tmp/out.txt" || fail "override without reason"
run programme score "$ws" 武隆天麻 --criterion scale --score 1 --reason "野生资源减少" --date 2026-11-01
run programme candidates "$ws" --out "$tmp/ranking.csv"
head -1 "$tmp/ranking.csv" | grep -q "^名次,名称" || fail "ranking header"
grep -q ",武隆天麻,.*,1,.*野生资源减少" "$tmp/ranking.csv" || fail "override and reason in the ranking"

# The report for the district government, and the catalogue.
run programme report "$ws" --year 2026 --date 2026-11-30 --out "$tmp/report.html"
grep -q "<td>武隆厚朴酒</td><td>地理标志集体商标</td><td>TEST-9</td>" "$tmp/report.html" || fail "new registration in report"
grep -q "<svg" "$tmp/report.html" || fail "choropleth"
run programme report "$ws" --year 2026 --date 2026-11-30 --out "$tmp/report.pdf"
head -c 5 "$tmp/report.pdf" | grep -q "%PDF-" || fail "pdf"
if command -v pdftotext > /dev/null; then
  pdftotext "$tmp/report.pdf" "$tmp/report.txt"
  grep -q "武隆厚朴酒" "$tmp/report.txt" || fail "pdf text"
  grep -q "年份（年）" "$tmp/report.txt" || fail "the pdf charts lack their x axis title"
  grep -q "专用标志使用率（%）" "$tmp/report.txt" || fail "the pdf use-rate chart lacks its y axis title"
fi
run programme catalogue "$ws" --out "$tmp/catalogue.xlsx"
rows=$(ogrinfo -ro -q "$tmp/catalogue.xlsx" -sql 'SELECT COUNT(*) FROM "保护目录"' | grep -oE "= [0-9]+" | tr -dc 0-9)
[ "$rows" = 19 ] || fail "catalogue.xlsx has $rows rows, not 19"
run programme catalogue "$ws" --out "$tmp/catalogue.csv"
[ "$(($(wc -l < "$tmp/catalogue.csv") - 1))" = 19 ] || fail "catalogue.csv rows"
refused programme report "$ws" --year 2026 --out "$tmp/report.docx"
grep -q "unknown format '.docx'" "$tmp/out.txt" || fail "bad format explained"
refused programme report "$ws" --out "$tmp/r.html"
grep -q "\-\-year is needed" "$tmp/out.txt" || fail "year needed"
# The next plan's targets are data: set one, and a negative one is refused.
run programme set-target "$ws" new_trademarks --threshold 8 --from 2026-01-01 --to 2030-12-31
run programme status "$ws" --date 2026-11-30
grep -q "new_trademarks .*: 2 (target 8, 2026-01-01 to 2030-12-31)  on_track" "$tmp/out.txt" ||
  fail "the new target is measured (碗碗羊肉 TM, 厚朴酒 collective mark in 2026)"
refused programme set-target "$ws" use_rate --threshold -1
grep -q "must not be negative" "$tmp/out.txt" || fail "negative threshold explained"
refused programme weights "$ws" 1,1,1
grep -q "six numbers are needed" "$tmp/out.txt" || fail "weights count explained"
# A mark user suspended in April 2024 counts at the end of 2023, not at the end of 2025; the
# suspension is a dated record and the user's row is not rewritten.
users_on() {  # date -> the mark_users target's value
  run programme status "$ws" --date "$1"
  sed -n 's/^  mark_users .*: \([0-9]*\) (target.*/\1/p' "$tmp/out.txt"
}
u2023=$(users_on 2023-12-31) u2025=$(users_on 2025-12-31)
uid=$(ogrinfo -ro -q "$ws" -sql "SELECT fid + 0 AS uid FROM mark_users WHERE approved <= '2023-12-31' AND status = 'active' \
  AND (expiry IS NULL OR expiry > '2026-01-01') ORDER BY fid LIMIT 1" | grep -oE "uid \(Integer[0-9]*\) = [0-9]+" | grep -oE "[0-9]+$")
[ -n "$uid" ] || fail "no long-standing mark user in the sample"
refused programme set-user "$ws" --id "$uid" --status paused --date 2024-04-01
grep -q "status 'paused' is not one of" "$tmp/out.txt" || fail "bad user status explained"
run programme set-user "$ws" --id "$uid" --status suspended --date 2024-04-01 --by 区市场监管局
grep -q ": suspended from 2024-04-01" "$tmp/out.txt" || fail "set-user output: $(cat "$tmp/out.txt")"
[ "$(users_on 2023-12-31)" = "$u2023" ] || fail "the 2024 suspension changed 2023's count"
[ "$(users_on 2025-12-31)" = "$((u2025 - 1))" ] || fail "the 2024 suspension did not lower 2025's count ($u2025)"
changes=$(ogrinfo -ro -q "$ws" -sql "SELECT COUNT(*) FROM mark_user_status WHERE user_id = $uid" | grep -oE "= [0-9]+" | tr -dc 0-9)
[ "$changes" = 1 ] || fail "mark_user_status has $changes records for user $uid"
# A register entry revoked in 2026 is a dated record, and still registered at the end of 2025.
run register set "$ws" 武隆厚朴酒 --status revoked --date 2026-12-01
revs=$(ogrinfo -ro -q "$ws" -sql "SELECT COUNT(*) FROM register_status WHERE gi = '武隆厚朴酒' AND status = 'revoked' AND date = '2026-12-01'" | grep -oE "= [0-9]+" | tr -dc 0-9)
[ "$revs" = 1 ] || fail "the revocation is not a dated register_status record"
refused register set "$ws" 武隆厚朴酒 --status candidate --date 2026-01-01
grep -q "before its latest record" "$tmp/out.txt" || fail "a backdated register status change was accepted"
echo "programme officer's day: ok"
