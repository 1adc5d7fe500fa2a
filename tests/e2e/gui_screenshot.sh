#!/usr/bin/env bash
# The desktop map under Xvfb: open the sample, take a screenshot with no input, and check its
# pixels (zone fill, township edge, an "outside" producer, label glyphs); bad input fails cleanly.
# Usage: gui_screenshot.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1 gui=$2 src=$3
if [ "$gui" = none ]; then echo "SKIP: the GUI is not built"; exit 0; fi
for tool in xvfb-run xauth ogr2ogr python3; do
  command -v "$tool" > /dev/null || { echo "FAIL: $tool is needed for this test"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp/config  # the app remembers state here, never in the user's home

"$cli" sample "$tmp/s.gpkg" > /dev/null
"$cli" check "$tmp/s.gpkg" --out "$tmp/check.csv" > /dev/null
ogr2ogr -f GeoJSON "$tmp/zones.json" "$tmp/s.gpkg" gi_zones
ogr2ogr -f GeoJSON "$tmp/towns.json" "$tmp/s.gpkg" townships
before=$(md5sum < "$tmp/s.gpkg")

xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -e
  gui=$1 tmp=$2
  "$gui" --workspace "$tmp/s.gpkg" --size 1024x768 --screenshot "$tmp/shot.png" --print-layout \
    --print-screen-xy 107.7,29.4 --print-screen-xy 107.95,29.2 > "$tmp/layout.txt"
  # Bad input is a message and a non-zero exit, not a crash.
  if "$gui" --workspace "$tmp/missing.gpkg" --screenshot "$tmp/x.png" 2> "$tmp/err.txt"; then
    echo "FAIL: a missing workspace was accepted"; exit 1
  fi
  grep -q "missing.gpkg" "$tmp/err.txt" || { echo "FAIL: the error does not name the file:"; cat "$tmp/err.txt"; exit 1; }
  if "$gui" --view 107.7,abc --screenshot "$tmp/x.png" 2> "$tmp/err2.txt"; then echo "FAIL: bad --view accepted"; exit 1; fi
  grep -q -- "--view" "$tmp/err2.txt" || { echo "FAIL: the --view error is unclear"; cat "$tmp/err2.txt"; exit 1; }
  # The interface language: --lang, then GIATLAS_LANG, then the saved choice, then the locale.
  "$gui" --workspace "$tmp/s.gpkg" --size 640x480 --lang zh --screenshot "$tmp/zh.png" --print-layout > "$tmp/zh.txt"
  grep -q "^language zh 文件$" "$tmp/zh.txt" || { echo "FAIL: --lang zh"; head -2 "$tmp/zh.txt"; exit 1; }
  mkdir -p "$XDG_CONFIG_HOME/giatlas"
  echo "{\"language\": \"zh\"}" > "$XDG_CONFIG_HOME/giatlas/state.json"
  "$gui" --workspace "$tmp/s.gpkg" --size 640x480 --screenshot "$tmp/x.png" --print-layout > "$tmp/saved.txt"
  grep -q "^language zh " "$tmp/saved.txt" || { echo "FAIL: the saved language is not used"; exit 1; }
  GIATLAS_LANG=en "$gui" --workspace "$tmp/s.gpkg" --size 640x480 --screenshot "$tmp/x.png" --print-layout > "$tmp/en.txt"
  grep -q "^language en File$" "$tmp/en.txt" || { echo "FAIL: GIATLAS_LANG=en does not win over the saved choice"; exit 1; }
  rm "$XDG_CONFIG_HOME/giatlas/state.json"
  if "$gui" --lang fr --screenshot "$tmp/x.png" 2> "$tmp/err3.txt"; then echo "FAIL: --lang fr accepted"; exit 1; fi
  grep -q -- "--lang" "$tmp/err3.txt" || { echo "FAIL: the --lang error is unclear"; exit 1; }
' _ "$gui" "$tmp"

[ -s "$tmp/shot.png" ] || { echo "FAIL: no screenshot written"; exit 1; }
grep -q "^screenshot .* 1024x768" "$tmp/layout.txt" || { echo "FAIL: screenshot size"; cat "$tmp/layout.txt"; exit 1; }
[ "$before" = "$(md5sum < "$tmp/s.gpkg")" ] || { echo "FAIL: viewing modified the workspace"; exit 1; }
[ ! -e imgui.ini ] || [ imgui.ini -ot "$tmp/s.gpkg" ] || { echo "FAIL: imgui.ini written into the working directory"; exit 1; }
# The pixel probe reads back what was written.
probe=$("$gui" --probe "$tmp/shot.png" 10 400)
[[ "$probe" =~ ^[0-9]+\ [0-9]+\ [0-9]+\ 255$ ]] || { echo "FAIL: probe printed '$probe'"; exit 1; }
# The check window's options and report (its own buttons, driven by flags): the same report as
# the CLI's. Saving the results as inspections is core save_as_inspections, tested in tests/core.
before=$(md5sum < "$tmp/s.gpkg")
xvfb-run -a -s "-screen 0 1280x800x24" "$gui" --workspace "$tmp/s.gpkg" --size 800x600 --check \
  --check-gi 武隆高山萝卜 --check-tolerance 50 --check-date 2020-06-01 --check-report "$tmp/gui_check.csv" \
  --screenshot "$tmp/x.png" > "$tmp/check_out.txt" || { echo "FAIL: the GUI check failed"; exit 1; }
[ "$before" = "$(md5sum < "$tmp/s.gpkg")" ] || { echo "FAIL: running the check modified the workspace"; exit 1; }
"$cli" check "$tmp/s.gpkg" --gi 武隆高山萝卜 --tolerance 50 --date 2020-06-01 --out "$tmp/cli_check.csv" > /dev/null
cmp -s "$tmp/gui_check.csv" "$tmp/cli_check.csv" || { echo "FAIL: the GUI report differs from the CLI's"; exit 1; }
rows=$(($(wc -l < "$tmp/gui_check.csv") - 1))
[ "$rows" -gt 100 ] || { echo "FAIL: the GUI report has $rows rows"; exit 1; }
# The inspector's filter in the check window: only growers off the altitude band, the same
# report as the CLI's --cause.
xvfb-run -a -s "-screen 0 1280x800x24" "$gui" --workspace "$tmp/s.gpkg" --size 800x600 --check \
  --check-cause below_band,above_band,altitude_unknown --check-report "$tmp/gui_band.csv" \
  --screenshot "$tmp/y.png" > /dev/null || { echo "FAIL: the GUI check with a cause filter failed"; exit 1; }
"$cli" check "$tmp/s.gpkg" --cause below_band,above_band,altitude_unknown --out "$tmp/cli_band.csv" > /dev/null
cmp -s "$tmp/gui_band.csv" "$tmp/cli_band.csv" || { echo "FAIL: the GUI's filtered report differs from the CLI's"; exit 1; }
band_rows=$(($(wc -l < "$tmp/gui_band.csv") - 1))
[ "$band_rows" -gt 0 ] || { echo "FAIL: no producer off the band in the sample"; exit 1; }
python3 - "$tmp/gui_band.csv" <<'PY' || { echo "FAIL: the filtered report holds other causes"; exit 1; }
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
assert rows and all(r["cause"] in ("below_band", "above_band", "altitude_unknown") for r in rows)
PY
python3 "$src/tests/e2e/gui_screenshot_check.py" "$tmp/shot.png" "$tmp/layout.txt" "$tmp/zones.json" \
  "$tmp/towns.json" "$tmp/check.csv"
echo "PASS: gui_screenshot"
