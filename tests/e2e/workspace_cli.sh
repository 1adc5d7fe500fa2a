#!/usr/bin/env bash
# End to end: `giatlas-cli new`, `info` and `sample` as a user runs them; the file opens in ogrinfo.
set -euo pipefail
cli=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$cli" new "$tmp/w.gpkg" --district 武隆区 --code 500156 | grep -q "created workspace" || fail "new did not report"
"$cli" new "$tmp/w.gpkg" --district 武隆区 2>"$tmp/err" && fail "new overwrote an existing file"
grep -q "already exists" "$tmp/err" || fail "no clear error for an existing file"

"$cli" info "$tmp/w.gpkg" > "$tmp/info"
grep -q "district       武隆区 (500156)" "$tmp/info" || fail "info lacks the district"
grep -Eq "^producers +0 " "$tmp/info" || fail "info lacks the producers row count"

# Every layer is visible to plain GDAL tools (and so to QGIS).
ogrinfo -ro -q "$tmp/w.gpkg" > "$tmp/layers"
for t in townships villages gi_products gi_zones census_points producers inspectors inspections giatlas_metadata; do
  grep -q ": $t" "$tmp/layers" || fail "ogrinfo does not list $t"
done

# A file that is not a workspace gives one clear line and a non-zero exit.
echo "hello" > "$tmp/x.gpkg"
if "$cli" info "$tmp/x.gpkg" 2>"$tmp/err"; then fail "info accepted a non-workspace"; fi
[ "$(wc -l < "$tmp/err")" -eq 1 ] || fail "error is not one line"
grep -q "is not a GI Atlas workspace" "$tmp/err" || fail "unclear error: $(cat "$tmp/err")"

# The map styles as the app's layer style editor saves them: printed, replaced, read back; a
# broken file is refused and the workspace is left as it was.
"$cli" styles "$tmp/w.gpkg" --get > "$tmp/styles.json" || fail "styles --get"
python3 - "$tmp/styles.json" "$tmp/faint.json" <<'PY' || fail "styles --get is not the styles' JSON"
import json, sys
s = json.load(open(sys.argv[1]))
s["layers"]["townships"]["opacity"] = 0.25
json.dump(s, open(sys.argv[2], "w"), ensure_ascii=False)
PY
"$cli" styles "$tmp/w.gpkg" --set "$tmp/faint.json" > /dev/null || fail "styles --set"
"$cli" styles "$tmp/w.gpkg" --get | python3 -c "import json, sys; sys.exit(0 if json.load(sys.stdin)['layers']['townships']['opacity'] == 0.25 else 1)" ||
  fail "styles --set did not change the townships' opacity"
echo '{"layers": {"zones": {"fill": "red"}}}' > "$tmp/bad.json"
before=$(md5sum < "$tmp/w.gpkg")
if "$cli" styles "$tmp/w.gpkg" --set "$tmp/bad.json" 2> "$tmp/err"; then fail "broken styles were accepted"; fi
grep -q "bad.json" "$tmp/err" || fail "the styles error does not name the file: $(cat "$tmp/err")"
[ "$before" = "$(md5sum < "$tmp/w.gpkg")" ] || fail "refused styles changed the workspace"

# The generator is deterministic: two runs with one seed give identical tables.
"$cli" sample "$tmp/a.gpkg" --seed 5 --producers 50 --density 0.2 > /dev/null
"$cli" sample "$tmp/b.gpkg" --seed 5 --producers 50 --density 0.2 > /dev/null
for t in townships producers gi_zones; do
  ogrinfo -ro -q -al "$tmp/a.gpkg" "$t" | grep -v -e '^INFO' > "$tmp/a.txt"
  ogrinfo -ro -q -al "$tmp/b.gpkg" "$t" | grep -v -e '^INFO' > "$tmp/b.txt"
  cmp -s "$tmp/a.txt" "$tmp/b.txt" || fail "table $t differs between two runs with the same seed"
done
echo "workspace_cli: all checks passed"
