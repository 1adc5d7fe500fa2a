#!/usr/bin/env bash
# The zone tool under Xvfb, through the same click handler the mouse uses: open the editor on a
# GI's newest zone, draw a square next to it with snapped clicks (the last click on the first
# vertex closes it), and check the editor's state and that viewing and drawing left the file
# unchanged (only "Save as new version…" writes; what it saves, core drawn_save_request +
# save_zone, is tested in tests/core/scope/zone_requests_test.cpp).
# Usage: gui_zone_edit.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1 gui=$2
if [ "$gui" = none ]; then echo "SKIP: the GUI is not built"; exit 0; fi
for tool in xvfb-run xauth ogrinfo; do
  command -v "$tool" > /dev/null || { echo "FAIL: $tool is needed for this test"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp/config
fail() { echo "FAIL: $*"; cat "$tmp/out.txt" 2> /dev/null || true; exit 1; }

"$cli" sample "$tmp/s.gpkg" > /dev/null
before=$(md5sum < "$tmp/s.gpkg")
gi=武隆猪腰枣
xvfb-run -a -s "-screen 0 1280x800x24" "$gui" --workspace "$tmp/s.gpkg" --size 1024x768 \
  --screenshot "$tmp/zone.png" --edit-zone "$gi" \
  --zone-click 107.85,29.35 --zone-click 107.95,29.35 --zone-click 107.95,29.45 --zone-click 107.85,29.45 \
  --zone-click 107.85,29.35 > "$tmp/out.txt" 2>&1 || fail "the app failed"

[ -s "$tmp/zone.png" ] || fail "no screenshot"
line=$(grep "^zone_edit " "$tmp/out.txt") || fail "no zone_edit line"
[[ "$line" == "zone_edit $gi drawing 0 "* ]] || fail "the drawn polygon was not closed: $line"
[[ "$line" == *" undo_steps 1 "* ]] || fail "the drawn polygon is not one undoable step: $line"
[[ "$line" == *"status ''"* ]] || fail "the edit was refused: $line"
[ "$before" = "$(md5sum < "$tmp/s.gpkg")" ] || fail "editing without saving modified the workspace"

# An unknown GI is reported, not a crash.
xvfb-run -a -s "-screen 0 1280x800x24" "$gui" --workspace "$tmp/s.gpkg" --size 640x480 \
  --screenshot "$tmp/x.png" --edit-zone 不存在 > "$tmp/out.txt" 2>&1 || fail "an unknown GI crashed the app"
grep -q "不存在" "$tmp/out.txt" || fail "the unknown GI is not named"
echo "PASS: gui_zone_edit"
