#!/usr/bin/env bash
# The programme window's editing forms and the resource layer under Xvfb, on a copy of the sample:
# each tab draws its forms (the GI's category and holder, register status, protection, standard, the selected GI's users and
# their status change, a new user; a new resource; a score and the weights; a target), the year
# chosen drives what the window reads, viewing writes nothing, and the GI resources show on the
# map as a layer coloured by category once it is turned on. What the forms write is the core's
# (tests/core/programme/*): each form calls the function the CLI calls.
# Usage: gui_programme_forms.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1 gui=$2 src=$3
if [ "$gui" = none ]; then echo "SKIP: the GUI is not built"; exit 0; fi
for tool in xvfb-run xauth python3; do
  command -v "$tool" > /dev/null || { echo "FAIL: $tool is needed for this test"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp/config
fail() { echo "FAIL: $*"; exit 1; }

cp "$src/data/wulong-sample.gpkg" "$tmp/s.gpkg"
before=$(md5sum < "$tmp/s.gpkg")
run() {  # name, extra options…
  local name=$1
  shift
  xvfb-run -a -s "-screen 0 1280x900x24" "$gui" --workspace "$tmp/s.gpkg" --size 1280x900 --lang zh \
    --screenshot "$tmp/$name.png" --frames 4 --print-layout "$@" > "$tmp/$name.txt" 2>&1 ||
    { cat "$tmp/$name.txt"; fail "the app failed ($name)"; }
}
forms() { sed -n 's/^programme_form //p' "$tmp/$1.txt" | sort -u | tr '\n' ' '; }

run register --show programme --programme-tab register --programme-gi 武隆高山萝卜 --programme-date 2025-12-31
[ "$(forms register)" = "add-protection add-standard add-user edit-gi register-status users " ] ||
  fail "register tab forms: $(forms register)"
run catalogue --show programme --programme-tab catalogue --programme-date 2025-12-31
[ "$(forms catalogue)" = "add-resource " ] || fail "catalogue tab forms: $(forms catalogue)"
run candidates --show programme --programme-tab candidates --programme-date 2025-12-31
[ "$(forms candidates)" = "score weights " ] || fail "candidates tab forms: $(forms candidates)"
run targets --show programme --programme-date 2022-12-31
[ "$(forms targets)" = "target " ] || fail "targets tab forms: $(forms targets)"
[ "$before" = "$(md5sum < "$tmp/s.gpkg")" ] || fail "viewing the programme window modified the workspace"
python3 "$src/tests/e2e/gui_programme_forms_check.py" "$tmp/register.png" "$tmp/targets.png" || fail "pixels"

# The resource layer: off by default; turned on (census points off), its diamonds take the
# census category colours.
run map_default
grep -q '^style resources .* visible 0$' "$tmp/map_default.txt" || fail "the resource layer is not listed, off"
printf '{"layers": {"resources": {"visible": true}, "census_points": {"visible": false}}}\n' > "$tmp/styles.json"
"$cli" styles "$tmp/s.gpkg" --set "$tmp/styles.json" > /dev/null
run map_resources --show layers
grep -q '^style resources .* visible 1$' "$tmp/map_resources.txt" || fail "the resource layer did not turn on"
legend=$(grep -c '^legend resources ' "$tmp/map_resources.txt" || true)
[ "$legend" -ge 3 ] || fail "the resource layer's legend has $legend categories"
python3 "$src/tests/e2e/gui_programme_forms_check.py" --layer "$tmp/map_default.png" "$tmp/map_resources.png" ||
  fail "resource layer pixels"
for n in register catalogue candidates targets map_resources; do
  if [ -n "${GIATLAS_KEEP_SCREENSHOT_DIR:-}" ]; then cp "$tmp/$n.png" "$GIATLAS_KEEP_SCREENSHOT_DIR/"; fi
done
echo "PASS: programme forms and resource layer"
