#!/usr/bin/env bash
# Renders docs/screenshot.png and docs/screenshot-zh.png (1280x800, English and Chinese interface)
# of the sample workspace, and docs/screenshot-terrain.png (a 1:70,000 view with the tinted
# relief, contour lines and the zone tools' altitude-band preview, from the sample's DEM),
# through the app's own headless screenshot path, under Xvfb.
# Usage: scripts/make-screenshot.sh [build-dir] [sample.gpkg]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
sample=${2:-$root/data/wulong-sample.gpkg}
gui=$build/src/gui/giatlas
[ -x "$gui" ] || { echo "make-screenshot: $gui is not built"; exit 1; }
if [ ! -f "$sample" ]; then
  echo "make-screenshot: $sample is missing; generating it"
  "$build/src/cli/giatlas-cli" sample "$sample"
fi
cfg=$(mktemp -d)
trap 'rm -rf "$cfg"' EXIT
# A private config dir: the screenshot never depends on (or changes) the user's remembered state.
for lang in en zh; do
  out=$root/docs/screenshot.png
  [ "$lang" = zh ] && out=$root/docs/screenshot-zh.png
  XDG_CONFIG_HOME=$cfg xvfb-run -a -s "-screen 0 1280x800x24" \
    "$gui" --workspace "$sample" --size 1280x800 --lang "$lang" --screenshot "$out"
  echo "make-screenshot: wrote $out"
done
out=$root/docs/screenshot-terrain.png
XDG_CONFIG_HOME=$cfg xvfb-run -a -s "-screen 0 1280x800x24" \
  "$gui" --workspace "$sample" --size 1280x800 --lang zh --view 107.68,29.325,70000 --tint \
  --band-units 500156109 --band-min 1000 --band-max 1600 --screenshot "$out"
echo "make-screenshot: wrote $out"
out=$root/docs/programme.png
XDG_CONFIG_HOME=$cfg xvfb-run -a -s "-screen 0 1280x800x24" \
  "$gui" --workspace "$sample" --size 1280x800 --lang zh --show programme --programme-date 2025-12-31 \
  --screenshot "$out"
echo "make-screenshot: wrote $out"
out=$root/docs/programme-register.png
XDG_CONFIG_HOME=$cfg xvfb-run -a -s "-screen 0 1280x800x24" \
  "$gui" --workspace "$sample" --size 1280x800 --lang zh --show programme --programme-date 2025-12-31 \
  --programme-tab register --programme-gi 武隆高山萝卜 --screenshot "$out"
echo "make-screenshot: wrote $out"
