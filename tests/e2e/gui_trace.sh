#!/usr/bin/env bash
# The trace window under Xvfb: a lot whose field straddles its zone's edge is traced as the
# window's button does; its area is selected and zoomed to, drawn in the "partly inside" colour,
# and the production areas' legend lists the check results.
# Usage: gui_trace.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1 gui=$2
if [ "$gui" = none ]; then echo "SKIP: the GUI is not built"; exit 0; fi
for tool in xvfb-run xauth python3; do
  command -v "$tool" > /dev/null || { echo "FAIL: $tool is needed for this test"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp/config
fail() { echo "FAIL: $*" >&2; exit 1; }

"$cli" sample "$tmp/s.gpkg" --seed 7 --producers 600 --density 0.25 > /dev/null
"$cli" check "$tmp/s.gpkg" --areas-out "$tmp/areas.csv" --quiet
# A straddling area, a lot from it, and the area's centre.
read -r lot lon lat < <(python3 - "$tmp/s.gpkg" "$tmp/areas.csv" <<'PY'
import csv, sqlite3, struct, sys
rows = [r for r in csv.DictReader(open(sys.argv[2], encoding="utf-8-sig")) if r.get("result") == "partly_inside"]
codes = {r["code"] for r in rows}
db = sqlite3.connect(sys.argv[1])
for code, areas in db.execute("SELECT code, area_codes FROM lots ORDER BY fid"):
    first = (areas or "").split(";")[0]
    if first in codes:
        blob = db.execute("SELECT geom FROM production_areas WHERE code = ?", (first,)).fetchone()[0]
        # GeoPackage geometry header: 'GP', version, flags (bit 0 little-endian, bits 1-3 envelope), srs id, envelope.
        flags = blob[3]
        assert (flags >> 1) & 7 >= 1, "no envelope"
        minx, maxx, miny, maxy = struct.unpack("<4d" if flags & 1 else ">4d", blob[8:40])
        print(code, "%.7f" % ((minx + maxx) / 2), "%.7f" % ((miny + maxy) / 2))  # the fields are round
        sys.exit(0)
sys.exit("no lot from a straddling area")
PY
)
[ -n "$lot" ] || fail "no lot found"

xvfb-run -a -s "-screen 0 1280x800x24" "$gui" --workspace "$tmp/s.gpkg" --size 1280x800 --lang zh \
  --screenshot "$tmp/shot.png" --trace "$lot" --print-layout --print-screen-xy "$lon,$lat" > "$tmp/layout.txt"
grep -Eq "^trace $lot (review|fail) areas [1-9][0-9]* selection production_areas [1-9]" "$tmp/layout.txt" \
  || { grep '^trace' "$tmp/layout.txt"; fail "the lot was not traced with its areas selected"; }
grep -q '^legend production_areas .* partly_inside$' "$tmp/layout.txt" || fail "no partly_inside legend entry"
grep -q '^legend production_areas .* inside$' "$tmp/layout.txt" || fail "no inside legend entry"
read -r x y < <(awk '/^screen_xy/ {print int($3), int($4)}' "$tmp/layout.txt")
# The field's centre is inside the window's free area (right of the layers panel, below the trace
# window); its fill is the "partly inside" amber over the map: much more red than blue.
read -r r g b a < <("$gui" --probe "$tmp/shot.png" "$x" "$y")
[ "$r" -gt $((b + 40)) ] || fail "pixel ($x, $y) = $r $g $b: not the partly-inside amber"
if xvfb-run -a -s "-screen 0 1280x800x24" "$gui" --workspace "$tmp/s.gpkg" --screenshot "$tmp/x.png" --trace NO-SUCH 2> "$tmp/err"; then
  fail "an unknown lot was accepted"
fi
grep -q "no lot 'NO-SUCH'" "$tmp/err" || fail "unknown lot message"
echo "gui_trace: ok"
