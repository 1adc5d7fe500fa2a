#!/usr/bin/env bash
# Renders docs/scope-map-relief.png: the printed scope map of 武隆高山萝卜 with hillshade, contours
# and the zone's altitude band, drawn by giatlas-cli render. The workspace is the synthetic sample
# with a synthetic 3″ DEM imported and a band version of the zone (tests/core/map/docs_example_test.cpp
# prepares it). Usage: scripts/make-print-example.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
cli=$build/src/cli/giatlas-cli
tests=$build/tests/giatlas_tests
[ -x "$cli" ] && [ -x "$tests" ] || { echo "make-print-example: build giatlas-cli and giatlas_tests first"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
GIATLAS_DOCS_DIR=$work "$tests" "[.docs]" > /dev/null
"$cli" render "$work/wulong.gpkg" --gi 武隆高山萝卜 --out "$root/docs/scope-map-relief.png" --dpi 110 \
  --date 2026-11-30
