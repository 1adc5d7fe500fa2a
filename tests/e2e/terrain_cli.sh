#!/usr/bin/env bash
# Terrain through giatlas-cli, as a surveyor and an inspector use it: import a surveying bureau's
# DEM (Gauss–Krüger metres, two tiles, a void), see it in `info`, build "these townships, above
# 1200 m" as a new zone version, read the band in the scope statement, and check producers with
# their altitude and the off-band filter. Clear errors for what cannot be done.
# Usage: terrain_cli.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1
for tool in gdal_translate gdalwarp gdalinfo python3; do
  command -v "$tool" > /dev/null || { echo "FAIL: $tool is needed for this test"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
gi=武隆高山萝卜

"$cli" sample "$tmp/s.gpkg" --producers 300 --density 0.25 > /dev/null
"$cli" info "$tmp/s.gpkg" > "$tmp/info.txt"
grep -q "^DEM  *s.dem.tif" "$tmp/info.txt" || fail "info does not list the sample's DEM: $(tail -12 "$tmp/info.txt")"
grep -q "海拔1200米以上" "$tmp/info.txt" || fail "info does not show the band version"

# The sample's own DEM, re-projected to Gauss–Krüger metres and cut into two tiles with a void
# in the first: what a surveying bureau hands over.
gdalwarp -q -t_srs EPSG:4545 -tr 90 90 -r bilinear -dstnodata -9999 "$tmp/s.dem.tif" "$tmp/gk.tif"
read -r w h < <(gdalinfo "$tmp/gk.tif" | sed -n 's/^Size is \([0-9]*\), \([0-9]*\)$/\1 \2/p')
half=$((w / 2))
gdal_translate -q -srcwin 0 0 $((half + 2)) "$h" "$tmp/gk.tif" "$tmp/tile_w.tif"
gdal_translate -q -srcwin "$half" 0 $((w - half)) "$h" "$tmp/gk.tif" "$tmp/tile_e.tif"
mkdir -p "$tmp/bureau"
cp "$tmp/tile_w.tif" "$tmp/bureau/西幅.tif"
cp "$tmp/tile_e.tif" "$tmp/bureau/东幅.tif"
sum_before=$(md5sum "$tmp/bureau/西幅.tif" | cut -d' ' -f1)
"$cli" dem import "$tmp/bureau/西幅.tif" "$tmp/bureau/东幅.tif" --into "$tmp/s.gpkg" --vertical-datum 1985国家高程基准 \
  --date 2023-05-01 > "$tmp/dem.txt"
grep -q "imported 2 file(s)" "$tmp/dem.txt" || fail "dem import did not report two files: $(cat "$tmp/dem.txt")"
grep -q "108E" "$tmp/dem.txt" || fail "the source CRS is not reported"
grep -q "1985国家高程基准" "$tmp/dem.txt" || fail "the vertical datum is not recorded"
grep -q "voids" "$tmp/dem.txt" || fail "voids are not reported"
[ "$(md5sum "$tmp/bureau/西幅.tif" | cut -d' ' -f1)" = "$sum_before" ] || fail "the source tile was modified"
"$cli" info "$tmp/s.gpkg" | grep -q "西幅.tif, .*东幅.tif" || fail "info does not list the imported sources"

# Altitudes read at points; outside the DEM says so.
"$cli" dem sample "$tmp/s.gpkg" 107.65,29.35 100,20 > "$tmp/alt.txt"
grep -qE "^107.65,29.35	[0-9]+\.[0-9]$" "$tmp/alt.txt" || fail "no altitude read: $(cat "$tmp/alt.txt")"
grep -q "^100,20	outside_dem" "$tmp/alt.txt" || fail "a point beyond the DEM was not reported as such"

# "These townships, above 1200 m" as a new version; a dry run first saves nothing.
"$cli" zone build "$tmp/s.gpkg" --gi "$gi" --townships 仙女山街道,双河镇 --min-altitude 1200 --dry-run > "$tmp/dry.txt"
grep -q "dry run" "$tmp/dry.txt" || fail "dry run not stated"
"$cli" zone build "$tmp/s.gpkg" --gi "$gi" --townships 仙女山街道,双河镇 --min-altitude 1200 --max-altitude 1800 \
  --effective 2027-01-01 --author 测绘员 > "$tmp/build.txt"
grep -q "saved $gi zone version 4" "$tmp/build.txt" || fail "band zone not saved: $(cat "$tmp/build.txt")"
grep -q "海拔1200—1800米" "$tmp/build.txt" || fail "the band is not in the build report"
"$cli" zone list "$tmp/s.gpkg" --gi "$gi" | grep -q "海拔1200—1800米" || fail "zone list does not show the band"
"$cli" scope "$tmp/s.gpkg" --gi "$gi" > "$tmp/scope.txt"
grep -q "共2个乡镇境内海拔1200—1800米区域" "$tmp/scope.txt" || fail "scope statement lacks the band: $(cat "$tmp/scope.txt")"
grep -q "等高线提取" "$tmp/scope.txt" || fail "scope statement does not say where the band's line comes from"

# The check on 2026 (the sample's band versions): altitude in the report, the off-band filter.
"$cli" check "$tmp/s.gpkg" --date 2026-06-01 --out "$tmp/check.csv" --quiet > /dev/null
head -1 "$tmp/check.csv" | grep -q "altitude_m,altitude_status,zone_band" || fail "CSV lacks the altitude columns"
grep -q "below_band" "$tmp/check.csv" || fail "no below_band producer in the sample's check"
"$cli" check "$tmp/s.gpkg" --date 2026-06-01 --cause below_band --out "$tmp/off.csv" --quiet > /dev/null
python3 - "$tmp/off.csv" <<'PY' || fail "the cause filter let other rows through"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
assert rows, "no rows"
for r in rows:
    assert r["cause"] == "below_band", r
    assert float(r["altitude_m"]) < 1200, r
    assert "低于保护范围下限" in r["reason_zh"], r
PY
"$cli" check "$tmp/s.gpkg" --date 2026-06-01 --out "$tmp/check.html" --quiet > /dev/null
grep -q "海拔范围 altitude band" "$tmp/check.html" || fail "HTML report lacks the zones' bands"

# A workspace copied without its DEM still checks, and says why there are no altitudes.
mkdir "$tmp/copy" && cp "$tmp/s.gpkg" "$tmp/copy/alone.gpkg"
"$cli" check "$tmp/copy/alone.gpkg" --date 2026-06-01 --out "$tmp/alone.csv" --quiet 2> "$tmp/alone_err.txt" > /dev/null \
  || fail "a check without the DEM file failed: $(cat "$tmp/alone_err.txt")"
grep -q "^warning: .*alone.dem.tif.* is missing.*no altitudes were read" "$tmp/alone_err.txt" \
  || fail "no warning about the missing DEM: $(cat "$tmp/alone_err.txt")"
grep -q "altitude_unknown" "$tmp/alone.csv" || fail "off-band growers without a DEM are not altitude_unknown"

# What cannot be done is said in one line.
if "$cli" zone build "$tmp/s.gpkg" --gi "$gi" --townships 双河镇 --min-altitude 1600 --max-altitude 1200 2> "$tmp/e1.txt"; then
  fail "an inverted band was accepted"
fi
grep -q "above the upper bound" "$tmp/e1.txt" || fail "inverted band message: $(cat "$tmp/e1.txt")"
"$cli" new "$tmp/empty.gpkg" --district 武隆区 > /dev/null
if "$cli" dem import "$tmp/missing.tif" --into "$tmp/empty.gpkg" 2> "$tmp/e2.txt"; then fail "a missing DEM was accepted"; fi
grep -q "missing.tif" "$tmp/e2.txt" || fail "missing file message: $(cat "$tmp/e2.txt")"
[ "$(wc -l < "$tmp/e2.txt")" -eq 1 ] || fail "the error is not one line: $(cat "$tmp/e2.txt")"
[ ! -e "$tmp/empty.dem.tif" ] || fail "a failed import left a DEM file"
echo "terrain CLI: all checks passed"
