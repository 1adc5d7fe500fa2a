#!/usr/bin/env bash
# Renders docs/screenshot.png and docs/screenshot-zh.png (1280x800, English and Chinese interface) of the sample workspace through the app's own headless
# screenshot path, under Xvfb. Usage: scripts/make-screenshot.sh [build-dir] [sample.gpkg]
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
