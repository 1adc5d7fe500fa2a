#!/usr/bin/env bash
# End-to-end: `giatlas-cli check` and `giatlas-cli plan` on a generated sample workspace,
# writing every report format. Usage: check_cli.sh <giatlas-cli> <giatlas-or-none> <source-dir>
set -euo pipefail
cli="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$cli" sample "$tmp/w.gpkg" --seed 5 --producers 400 --density 0.25 > /dev/null
before="$(md5sum "$tmp/w.gpkg" | cut -d' ' -f1)"

"$cli" check "$tmp/w.gpkg" --date 2025-06-01 --out "$tmp/r.csv" > "$tmp/summary.txt"
head -1 "$tmp/r.csv" | grep -q '^name,credit_code,gi,result,reason,distance_m,township,zone_version,lon,lat' || fail "CSV header"
[ "$(($(wc -l < "$tmp/r.csv") - 1))" -eq 400 ] || fail "CSV rows"
grep -q 'inside_near_boundary' "$tmp/summary.txt" || fail "printed summary"
grep -q 'total *400' "$tmp/summary.txt" || fail "summary total"
[ "$(md5sum "$tmp/w.gpkg" | cut -d' ' -f1)" = "$before" ] || fail "the workspace was modified by a check"

"$cli" check "$tmp/w.gpkg" --date 2025-06-01 --out "$tmp/r.geojson" --quiet
"$cli" check "$tmp/w.gpkg" --date 2025-06-01 --out "$tmp/r.gpkg" --quiet
"$cli" check "$tmp/w.gpkg" --date 2025-06-01 --out "$tmp/r.html" --tolerance 50 --quiet
grep -q '"result"' "$tmp/r.geojson" || fail "GeoJSON fields"
if command -v ogrinfo > /dev/null; then
  ogrinfo -so "$tmp/r.gpkg" origin_check | grep -q 'Feature Count: 400' || fail "GeoPackage layer"
fi
grep -q '50.0 m' "$tmp/r.html" || fail "HTML options"
grep -q 'outside_district' "$tmp/r.html" || fail "HTML summary"

# The same report from the same data, whatever the thread count.
"$cli" check "$tmp/w.gpkg" --date 2025-06-01 --threads 1 --out "$tmp/r1.csv" --quiet
cmp -s "$tmp/r.csv" "$tmp/r1.csv" || fail "thread count changed the report"

# Errors: bad date, unknown format, missing workspace -> non-zero with a message.
if "$cli" check "$tmp/w.gpkg" --date 2025-13-40 2> "$tmp/err"; then fail "bad date accepted"; fi
grep -q 'YYYY-MM-DD' "$tmp/err" || fail "bad date message"
if "$cli" check "$tmp/w.gpkg" --out "$tmp/r.docx" 2> /dev/null; then fail "unknown format accepted"; fi
if "$cli" check "$tmp/missing.gpkg" 2> /dev/null; then fail "missing workspace accepted"; fi

# --save records inspections.
"$cli" check "$tmp/w.gpkg" --date 2025-06-01 --save --quiet 2> "$tmp/save.txt"
grep -q 'saved 400 inspection records' "$tmp/save.txt" || fail "save inspections"

# Plans: reproducible, sized as asked.
"$cli" plan "$tmp/w.gpkg" --count 25 --seed 7 --date 2025-06-01 --out "$tmp/p1.csv" > /dev/null
"$cli" plan "$tmp/w.gpkg" --count 25 --seed 7 --date 2025-06-01 --out "$tmp/p2.csv" > /dev/null
"$cli" plan "$tmp/w.gpkg" --ratio 0.05 --seed 8 --out "$tmp/p3.html" > /dev/null
cmp -s "$tmp/p1.csv" "$tmp/p2.csv" || fail "same seed, different plan"
[ "$(grep -c '^[0-9]' "$tmp/p1.csv")" -eq 25 ] || fail "plan size"  # data rows; "# key: value" lines state the method
grep -q 'seed' "$tmp/p3.html" || fail "plan HTML"
echo "check_cli: ok"
