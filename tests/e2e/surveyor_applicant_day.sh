#!/usr/bin/env bash
# The surveyor's and the applicant's day with the command line: import the county's township
# shapefile (GBK text, no .cpg, Gauss–Krüger metres) into a new workspace, record survey points,
# register a new GI, build its zone from townships as a version, get the scope statement and
# print the map. (Drawing with snapping and undo in the app is tests/e2e/gui_zone_edit.sh.)
# Usage: surveyor_applicant_day.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1 src=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; echo "--- last output:"; cat "$tmp/out.txt" 2> /dev/null || true; exit 1; }

# The county office's shapefile: GBK attributes, no .cpg, CGCS2000 3-degree GK zone 36 (CM 108°E).
ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:4545 -lco ENCODING=GBK "$tmp/乡镇界.shp" "$src/data/wulong-sample.gpkg" townships
rm -f "$tmp/乡镇界.cpg"
sum=$(cat "$tmp"/乡镇界.* | md5sum)

"$cli" new "$tmp/ws.gpkg" --district 武隆区 --code 500156 > /dev/null
"$cli" import "$tmp/乡镇界.shp" --into "$tmp/ws.gpkg" --as townships > "$tmp/out.txt" 2>&1 || fail "township import failed"
grep -q "encoding: GB18030 (detected" "$tmp/out.txt" || fail "the encoding decision is not reported"
grep -q "EPSG:4545" "$tmp/out.txt" || fail "the source CRS is not reported"
grep -q "accepted: 25" "$tmp/out.txt" || fail "not all 25 townships were accepted"
[ "$(cat "$tmp"/乡镇界.* | md5sum)" = "$sum" ] || fail "the shapefile was modified"
ogrinfo -ro -q "$tmp/ws.gpkg" -sql "SELECT name FROM townships WHERE name = '仙女山街道'" | grep -q "仙女山街道" \
  || fail "Chinese township names were not decoded"
# Back in degrees: the township centroids lie in Wulong.
ogrinfo -ro -q "$tmp/ws.gpkg" -sql "SELECT MIN(ST_MinX(geom)) AS x0, MAX(ST_MaxX(geom)) AS x1 FROM townships" -dialect SQLite > "$tmp/q.txt"
awk '/x0 \(Real\)/ {x0=$4} /x1 \(Real\)/ {x1=$4} END {exit !(x0 > 107 && x1 < 108.2)}' "$tmp/q.txt" || fail "not reprojected to lon/lat"

# Survey points.
"$cli" census add "$tmp/ws.gpkg" --lon 107.70 --lat 29.30 --product 高山萝卜 --category 特色农产品 --surveyor 张明 \
  --area-mu 120 > "$tmp/out.txt" 2>&1 || fail "census add failed"
grep -q "recorded census point #1" "$tmp/out.txt" || fail "census point not recorded"
"$cli" census summary "$tmp/ws.gpkg" --by category > "$tmp/out.txt"
grep -q "特色农产品" "$tmp/out.txt" || fail "census summary"

# A new GI: register it, build its zone from townships, state its scope, print its map.
"$cli" register add "$tmp/ws.gpkg" 武隆高山土豆 --category 特色农产品 --type 农产品地理标志 > /dev/null || fail "register add"
"$cli" register add "$tmp/ws.gpkg" 武隆高山土豆 > "$tmp/out.txt" 2>&1 && fail "a duplicate GI was accepted"
"$cli" register set "$tmp/ws.gpkg" 武隆高山土豆 --status 水果 > "$tmp/out.txt" 2>&1 && fail "a bad status was accepted"
"$cli" zone build "$tmp/ws.gpkg" --gi 武隆高山土豆 --townships 仙女山街道,双河镇,白马镇 --effective 2026-12-01 \
  --author 张明 > "$tmp/out.txt" 2>&1 || fail "zone build failed"
"$cli" scope "$tmp/ws.gpkg" --gi 武隆高山土豆 > "$tmp/scope.txt" 2>&1 || fail "scope failed"
grep -q "仙女山街道" "$tmp/scope.txt" || fail "scope lacks a township"
grep -q "共3个乡镇" "$tmp/scope.txt" || fail "scope does not count 3 townships: $(cat "$tmp/scope.txt")"
grep -qE "东经[0-9]+°[0-9]+′[0-9]+″至[0-9]+°[0-9]+′[0-9]+″，北纬" "$tmp/scope.txt" || fail "extent format"
grep -q "平方公里" "$tmp/scope.txt" || fail "no area in km²"
"$cli" render "$tmp/ws.gpkg" --gi 武隆高山土豆 --out "$tmp/map.pdf" > "$tmp/out.txt" 2>&1 || fail "render failed"
pdftotext "$tmp/map.pdf" - | grep -q "武隆高山土豆" || fail "the map's title is not in the PDF"
"$cli" register list "$tmp/ws.gpkg" | grep -q "武隆高山土豆  \[candidate\].*1 zone version" || fail "register list"
echo "surveyor_applicant_day: all checks passed"
