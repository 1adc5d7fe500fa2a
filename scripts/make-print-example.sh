#!/usr/bin/env bash
# Renders docs/scope-map-relief.png: the printed scope map of 武隆高山萝卜 (its band version, 海拔1200米
# 以上) with hillshade, contours and the band in the legend, drawn by giatlas-cli render from the
# synthetic sample and its DEM (data/). Usage: scripts/make-print-example.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
cli=$build/src/cli/giatlas-cli
[ -x "$cli" ] || { echo "make-print-example: build giatlas-cli first"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/data/wulong-sample.gpkg" "$work/wulong.gpkg"
cp "$root/data/wulong-sample.dem.tif" "$work/wulong.dem.tif"
"$cli" render "$work/wulong.gpkg" --gi 武隆高山萝卜 --out "$root/docs/scope-map-relief.png" --dpi 110 \
  --date 2026-11-30
