#!/usr/bin/env bash
# Zones, scope statements and the printed map through giatlas-cli on the generated sample:
# list / history / build / compare, the statement in three formats, PDF / PNG / SVG export,
# and clear errors for bad input.
# Usage: scope_cli.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1
for tool in python3 pdftotext; do
  command -v "$tool" > /dev/null || { echo "FAIL: $tool is needed for this test"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
gi=武隆高山萝卜

"$cli" sample "$tmp/s.gpkg" > /dev/null

# The sample's zone history: two versions of the radish zone, chained dates.
"$cli" zone list "$tmp/s.gpkg" > "$tmp/list.txt"
grep -q "$gi" "$tmp/list.txt" || fail "zone list does not show $gi"
"$cli" zone history "$tmp/s.gpkg" --gi "$gi" > "$tmp/hist.txt"
[ "$(grep -c "^$gi" "$tmp/hist.txt")" -ge 2 ] || fail "history should hold at least two versions"

# Build a new version from townships (Chinese separators accepted), then compare.
before=$(grep -c "^$gi" "$tmp/hist.txt")
"$cli" zone build "$tmp/s.gpkg" --gi "$gi" --townships "仙女山街道，白马镇、双河镇" --effective 2030-01-01 \
  --author 测试 --note e2e > "$tmp/build.txt"
grep -q "saved $gi zone version" "$tmp/build.txt" || fail "zone build did not save: $(cat "$tmp/build.txt")"
"$cli" zone history "$tmp/s.gpkg" --gi "$gi" > "$tmp/hist2.txt"
[ "$(grep -c "^$gi" "$tmp/hist2.txt")" -eq $((before + 1)) ] || fail "build did not add exactly one version"
grep -q "2030-01-01" "$tmp/hist2.txt" || fail "the new effective date is missing"
"$cli" zone compare "$tmp/s.gpkg" --gi "$gi" --out "$tmp/diff.geojson" > "$tmp/cmp.txt"
grep -q "removed" "$tmp/cmp.txt" || fail "compare printed no removed area"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d['features'])==2" "$tmp/diff.geojson" \
  || fail "compare GeoJSON is not valid"

# A date before the version in force is refused with a message, and nothing is added.
if "$cli" zone build "$tmp/s.gpkg" --gi "$gi" --townships 白马镇 --effective 2000-01-01 2> "$tmp/err.txt"; then
  fail "an earlier effective date was accepted"
fi
grep -q "2030-01-01" "$tmp/err.txt" || fail "the error does not name the version in force: $(cat "$tmp/err.txt")"
if "$cli" zone build "$tmp/s.gpkg" --gi "$gi" --townships 无此镇 2> "$tmp/err.txt"; then fail "unknown township accepted"; fi
grep -q "无此镇" "$tmp/err.txt" || fail "the error does not name the unknown township"

# The scope statement of the new version.
"$cli" scope "$tmp/s.gpkg" --gi "$gi" > "$tmp/scope.txt"
grep -q "^地域范围：武隆区仙女山街道、白马镇、双河镇，共3个乡镇[0-9]*个行政村，地理坐标为东经[0-9]*°[0-9][0-9]′[0-9][0-9]″至" \
  "$tmp/scope.txt" || fail "unexpected statement: $(cat "$tmp/scope.txt")"
"$cli" scope "$tmp/s.gpkg" --gi "$gi" --version 1 --format md --precise > "$tmp/scope.md"
grep -q "″至" "$tmp/scope.md" && grep -q '[0-9]\.[0-9][0-9]″' "$tmp/scope.md" || fail "--precise gave no 0.01″ values"
"$cli" scope "$tmp/s.gpkg" --gi "$gi" --format json > "$tmp/scope.json"
python3 - "$tmp/scope.json" <<'PY' || fail "scope JSON is wrong"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["township_count"] == 3, d["township_count"]
assert abs(d["area"]["mu"] - d["area"]["m2"] * 15 / 10000) < 1e-6 * d["area"]["mu"]
assert abs(d["area"]["km2"] * 100 - d["area"]["ha"]) < 1e-6 * d["area"]["ha"]
PY
if "$cli" scope "$tmp/s.gpkg" --gi "$gi" --format xml 2> /dev/null; then fail "--format xml accepted"; fi

# The map in all three formats.
"$cli" render "$tmp/s.gpkg" --gi "$gi" --out "$tmp/scope.pdf" > /dev/null
pdftotext -enc UTF-8 "$tmp/scope.pdf" "$tmp/pdf.txt"
grep -q "${gi}地理标志产品保护范围图" "$tmp/pdf.txt" || fail "the PDF has no title text"
for town in 仙女山街道 白马镇 双河镇 江口镇; do grep -q "$town" "$tmp/pdf.txt" || fail "the PDF lacks $town"; done
"$cli" render "$tmp/s.gpkg" --gi "$gi" --out "$tmp/scope.png" --dpi 96 > /dev/null
python3 -c "import sys; b=open(sys.argv[1],'rb').read(8); assert b==b'\x89PNG\r\n\x1a\n'" "$tmp/scope.png" || fail "no PNG"
"$cli" render "$tmp/s.gpkg" --gi "$gi" --out "$tmp/scope.svg" --paper A3 > /dev/null
python3 -c "import sys, xml.dom.minidom as m; assert m.parse(sys.argv[1]).documentElement.tagName=='svg'" \
  "$tmp/scope.svg" || fail "the SVG does not parse"
if "$cli" render "$tmp/s.gpkg" --gi "$gi" --out "$tmp/scope.bmp" 2> "$tmp/err.txt"; then fail ".bmp accepted"; fi
grep -q "pdf, .png or .svg" "$tmp/err.txt" || fail "the format error is unclear"
echo "PASS"
