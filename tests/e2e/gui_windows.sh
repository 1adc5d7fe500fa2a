#!/usr/bin/env bash
# The windows that list workspace data (zone tools, origin check, inspection plan, export map),
# all open under Xvfb: they read the GI register, townships and villages once per load, never
# per frame — 4 frames and 40 frames read the same number of times — and viewing them leaves
# the workspace file unchanged. A window name that does not exist is refused.
# Usage: gui_windows.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1 gui=$2
if [ "$gui" = none ]; then echo "SKIP: the GUI is not built"; exit 0; fi
for tool in xvfb-run xauth; do
  command -v "$tool" > /dev/null || { echo "FAIL: $tool is needed for this test"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp/config
fail() { echo "FAIL: $*"; exit 1; }

"$cli" sample "$tmp/s.gpkg" > /dev/null
before=$(md5sum < "$tmp/s.gpkg")
run() {  # frames, output
  xvfb-run -a -s "-screen 0 1280x800x24" "$gui" --workspace "$tmp/s.gpkg" --size 1280x800 \
    --show zone-tools,check,plan,export --screenshot "$tmp/w$1.png" --frames "$1" --print-layout > "$2" 2>&1 ||
    { cat "$2"; fail "the app failed with $1 frames"; }
}
run 4 "$tmp/f4.txt"
run 40 "$tmp/f40.txt"
r4=$(sed -n 's/^frames 4 cache_reads \([0-9]*\)$/\1/p' "$tmp/f4.txt")
r40=$(sed -n 's/^frames 40 cache_reads \([0-9]*\)$/\1/p' "$tmp/f40.txt")
[ -n "$r4" ] && [ -n "$r40" ] || fail "no 'frames N cache_reads R' line: $(grep frames "$tmp/f4.txt" "$tmp/f40.txt")"
[ "$r4" -gt 0 ] || fail "the windows read nothing (are they open?)"
[ "$r4" = "$r40" ] || fail "the windows read the workspace per frame: $r4 reads in 4 frames, $r40 in 40"
[ "$before" = "$(md5sum < "$tmp/s.gpkg")" ] || fail "viewing the windows modified the workspace"

if xvfb-run -a "$gui" --workspace "$tmp/s.gpkg" --show nowhere --screenshot "$tmp/x.png" 2> "$tmp/err.txt"; then
  fail "an unknown window name was accepted"
fi
grep -q "unknown window 'nowhere'" "$tmp/err.txt" || fail "the error does not name the window: $(cat "$tmp/err.txt")"
echo "PASS: gui_windows ($r4 reads in 4 and in 40 frames)"
