#!/usr/bin/env bash
# The plan window's visit form under Xvfb: a campaign saved with the CLI, the form opened on two
# of its visits (giatlas --visit PLAN:N). Each frame shows that visit (the two differ), the
# recorded outcome of visit 1 is shown as its current record, and viewing changes nothing.
# Usage: gui_visit_form.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1 gui=$2 src=$3
if [ "$gui" = none ]; then echo "SKIP: the GUI is not built"; exit 0; fi
for tool in xvfb-run xauth; do
  command -v "$tool" > /dev/null || { echo "FAIL: $tool is needed for this test"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp/config
fail() { echo "FAIL: $*"; exit 1; }

cp "$src/data/wulong-sample.gpkg" "$tmp/s.gpkg"
cp "$src/data/wulong-sample.dem.tif" "$tmp/s.dem.tif"
"$cli" plan "$tmp/s.gpkg" --count 4 --seed 5 --gis 武隆高山萝卜 --from 2026-09-01 --to 2026-09-02 --save --name 秋收 \
  --out "$tmp/p.csv" > "$tmp/out.txt" 2>&1 || fail "plan"
team=$(awk -F, '/^1,/ {print $7}' "$tmp/p.csv" | tr ';' ',')
"$cli" inspect record "$tmp/s.gpkg" --plan 秋收 --visit 1 --date 2026-09-01 --inspectors "$team" --finding labelling \
  > "$tmp/out.txt" 2>&1 || fail "record"
before=$(md5sum < "$tmp/s.gpkg")
shot() {  # visit, output
  xvfb-run -a -s "-screen 0 1280x900x24" "$gui" --workspace "$tmp/s.gpkg" --size 1280x900 --lang zh --show plan \
    --visit "秋收:$1" --screenshot "$2" --frames 5 > "$tmp/g.txt" 2>&1 || { cat "$tmp/g.txt"; fail "the app failed on visit $1"; }
  grep -q "^frames 5 " "$tmp/g.txt" || fail "no frames line"
}
shot 1 "$tmp/v1.png"
shot 2 "$tmp/v2.png"
[ -s "$tmp/v1.png" ] && [ -s "$tmp/v2.png" ] || fail "no screenshot"
cmp -s "$tmp/v1.png" "$tmp/v2.png" && fail "the form shows the same for two different visits"
[ "$before" = "$(md5sum < "$tmp/s.gpkg")" ] || fail "viewing the visit form modified the workspace"
xvfb-run -a "$gui" --workspace "$tmp/s.gpkg" --visit 秋收 --screenshot "$tmp/x.png" > "$tmp/g.txt" 2>&1 \
  && fail "a malformed --visit was accepted"
grep -q "write PLAN:N" "$tmp/g.txt" || fail "the --visit error does not say how to write it"
if [ -n "${GIATLAS_KEEP_SCREENSHOT:-}" ]; then cp "$tmp/v1.png" "$GIATLAS_KEEP_SCREENSHOT"; fi
echo "gui_visit_form: all checks passed"
