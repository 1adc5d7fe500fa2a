#!/usr/bin/env bash
# The desktop map's terrain under Xvfb: the sample and its synthetic DEM, screenshots with the
# hillshade (against the same view without a DEM), the tint, contours at a large scale, the
# cursor's altitude (and a void), and the zone tools' altitude band: preview, then Save as a
# zone version with its band. Pixels are checked by gui_terrain_check.py.
# Usage: gui_terrain.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1 gui=$2 src=$3
if [ "$gui" = none ]; then echo "SKIP: the GUI is not built"; exit 0; fi
for tool in xvfb-run xauth ogr2ogr ogrinfo gdallocationinfo python3; do
  command -v "$tool" > /dev/null || { echo "FAIL: $tool is needed for this test"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp/config

"$cli" sample "$tmp/s.gpkg" > /dev/null
# The same workspace without a DEM (its record dropped): the control for the hillshade.
cp "$tmp/s.gpkg" "$tmp/plain.gpkg"
ogrinfo -q "$tmp/plain.gpkg" -sql "DELETE FROM giatlas_settings WHERE key = 'dem'" > /dev/null
[ -s "$tmp/s.dem.tif" ] || { echo "FAIL: the sample has no DEM beside it"; exit 1; }
ogr2ogr -f GeoJSON "$tmp/zones.json" "$tmp/s.gpkg" gi_zones
ogr2ogr -f GeoJSON "$tmp/towns.json" "$tmp/s.gpkg" townships
ogr2ogr -f GeoJSON "$tmp/census.json" "$tmp/s.gpkg" census_points
"$cli" check "$tmp/s.gpkg" --out "$tmp/check.csv" > /dev/null
# A producer the sample planted in one of its DEM's voids: "no altitude" is read there.
void_at=$(python3 -c "
import csv, sys
r = next(r for r in csv.DictReader(open(sys.argv[1], encoding='utf-8-sig')) if r['altitude_status'] == 'dem_void')
print(r['lon'] + ',' + r['lat'])" "$tmp/check.csv")

# Copies that show only the townships (zones, points and labels hidden in their saved styles).
towns_only='{"layers": {"zones": {"visible": false}, "producers": {"visible": false}, "census_points": {"visible": false}, "townships": {"label_field": ""}}}'
cp "$tmp/s.gpkg" "$tmp/t.gpkg"
cp "$tmp/s.dem.tif" "$tmp/t.dem.tif"
cp "$tmp/plain.gpkg" "$tmp/tp.gpkg"
for ws in t tp; do
  ogrinfo -q "$tmp/$ws.gpkg" -sql "INSERT INTO giatlas_settings(key, value) VALUES ('map.styles', '$towns_only')" > /dev/null
done
view=107.72,29.36,380000
shot() {  # shot NAME WORKSPACE ARGS...
  local name=$1 ws=$2
  shift 2
  xvfb-run -a -s "-screen 0 1280x800x24" "$gui" --workspace "$ws" --size 1024x768 --screenshot "$tmp/$name.png" \
    --print-layout "$@" > "$tmp/$name.txt" || { echo "FAIL: screenshot $name"; exit 1; }
}
shot relief "$tmp/s.gpkg" --view $view
shot towns "$tmp/t.gpkg" --view $view
shot towns_plain "$tmp/tp.gpkg" --view $view
shot towns_tint "$tmp/t.gpkg" --view $view --tint
shot contours "$tmp/s.gpkg" --view 107.62,29.30,40000

# The relief is built once; the frames after it only draw it.
grep -q "^relief levels 4 level [0-9] tint 0 dem yes builds 1$" "$tmp/relief.txt" || { echo "FAIL: relief not loaded once"; grep relief "$tmp/relief.txt"; exit 1; }
grep -q "^relief levels 0 .* dem no" "$tmp/towns_plain.txt" || { echo "FAIL: a workspace without DEM has relief"; exit 1; }
grep -q "^relief levels 4 .* tint 1 " "$tmp/towns_tint.txt" || { echo "FAIL: --tint"; exit 1; }
# Contours at 1:40,000 (20 m interval) with labels; none at the district's scale.
# One contour job for the view; the frames drawn after it start none.
grep -qE "^contours interval 20 segments [1-9][0-9]* index [1-9][0-9]* labels [1-9][0-9]* shown 1 jobs 1$" "$tmp/contours.txt" ||
  { echo "FAIL: contours at 1:40,000:"; grep contours "$tmp/contours.txt"; exit 1; }
grep -q "^contours interval 0 .* shown 0" "$tmp/relief.txt" || { echo "FAIL: contours at 1:380,000"; grep contours "$tmp/relief.txt"; exit 1; }
# The status bar's altitude at the view centre, against GDAL's reading of the stored DEM.
read -r lon lat text < <(sed -n 's/^altitude \([0-9.]*\),\([0-9.]*\) \(.*\)$/\1 \2 \3/p' "$tmp/contours.txt")
[[ "$text" =~ ^altitude\ ([0-9]+\.[0-9])\ m$ ]] || { echo "FAIL: altitude text '$text'"; exit 1; }
got=${BASH_REMATCH[1]}
want=$(gdallocationinfo -valonly -geoloc "$tmp/s.dem.tif" "$lon" "$lat")
python3 -c "import sys; g, w = float('$got'), float('$want'); sys.exit(0 if abs(g - w) < 40 else 1)" ||
  { echo "FAIL: altitude $got m at $lon,$lat, the DEM cell says $want m"; exit 1; }
xvfb-run -a -s "-screen 0 1280x800x24" "$gui" --workspace "$tmp/s.gpkg" --size 640x480 --lang zh --view $void_at,40000 \
  --screenshot "$tmp/zh.png" --print-layout > "$tmp/zh.txt"
grep -q "^altitude .* 无海拔（DEM 空洞）$" "$tmp/zh.txt" || { echo "FAIL: the void's altitude (in Chinese):"; grep "^altitude" "$tmp/zh.txt"; exit 1; }

# The zone tools' band: 双河镇 + 仙女山街道 at 1200 m and above, previewed (saving it is core
# band_save_request + save_zone, tested in tests/core/terrain/band_check_test.cpp).
cp "$tmp/s.gpkg" "$tmp/b.gpkg"
cp "$tmp/s.dem.tif" "$tmp/b.dem.tif"
band=(--band-units 500156109,500156003 --band-min 1200)
xvfb-run -a -s "-screen 0 1280x800x24" "$gui" --workspace "$tmp/b.gpkg" --size 1280x800 --view 107.70,29.43,300000 \
  "${band[@]}" --screenshot "$tmp/band.png" > "$tmp/band.txt" || { echo "FAIL: the band preview"; cat "$tmp/band.txt"; exit 1; }
read -r km2 units < <(sed -n 's/^band_preview .* km2 \([0-9.]*\) mu [0-9.]* units_km2 \([0-9.]*\) .*/\1 \2/p' "$tmp/band.txt")
python3 -c "import sys; k, u = float('$km2'), float('$units'); sys.exit(0 if 0 < k < u else 1)" ||
  { echo "FAIL: band preview $km2 km² of $units km²"; exit 1; }

python3 "$src/tests/e2e/gui_terrain_check.py" "$tmp" || exit 1
echo "PASS: gui_terrain"
