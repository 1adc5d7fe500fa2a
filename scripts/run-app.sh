#!/usr/bin/env bash
# Opens the desktop app on the sample workspace; without a display, runs the headless origin check.
set -euo pipefail
build=$1 sample=$2
if [ ! -f "$sample" ]; then
  echo "run: $sample is missing; generating it with the project's generator"
  "$build/src/cli/giatlas-cli" sample "$sample"
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display (DISPLAY and WAYLAND_DISPLAY are unset) — running the headless origin check on $sample instead"
  exec "$build/src/cli/giatlas-cli" check "$sample"
fi
exec "$build/src/gui/giatlas" --workspace "$sample"
