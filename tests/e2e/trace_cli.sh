#!/usr/bin/env bash
# End-to-end: production areas and lots on a generated sample — the GCJ-02 KML the generator
# writes and a walked GPX imported as areas, `check --areas`, `trace` of a lot (text, HTML page,
# QR code read back with zbarimg), `trace balance` flagging exactly the planted over-declarations.
# Usage: trace_cli.sh <giatlas-cli> <giatlas-or-none> <source-dir>
set -euo pipefail
cli="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
sql() { python3 -c 'import sqlite3,sys; [print("|".join(str(c) for c in r)) for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])]' "$@"; }

"$cli" sample "$tmp/w.gpkg" --seed 7 --producers 600 --density 0.25 > /dev/null
[ -s "$tmp/w.areas-gcj02.kml" ] || fail "the generator wrote no KML of areas"
areas0="$(sql "$tmp/w.gpkg" 'SELECT count(*) FROM production_areas')"
[ "$areas0" -gt 50 ] || fail "too few sample areas ($areas0)"

# The phone-app KML in GCJ-02: every placemark accepted, matched to a producer, the file untouched.
kml_sum="$(md5sum "$tmp/w.areas-gcj02.kml" | cut -d' ' -f1)"
placemarks="$(grep -c '<Placemark>' "$tmp/w.areas-gcj02.kml")"
"$cli" import "$tmp/w.areas-gcj02.kml" --into "$tmp/w.gpkg" --as areas --crs GCJ-02 --report "$tmp/kml.csv" > "$tmp/kml.txt"
grep -q "accepted: $placemarks " "$tmp/kml.txt" || { cat "$tmp/kml.txt"; fail "KML not all accepted"; }
grep -q unmatched_producer "$tmp/kml.csv" && fail "KML producers unmatched"
[ "$(md5sum "$tmp/w.areas-gcj02.kml" | cut -d' ' -f1)" = "$kml_sum" ] || fail "the KML was modified"
[ "$(sql "$tmp/w.gpkg" "SELECT count(*) FROM production_areas WHERE code LIKE 'WL-K%' AND producer_id > 0")" -eq "$placemarks" ] \
  || fail "KML areas not linked"

# A GPX walked around two fields: one closed, one left open (rejected, with its gap).
cat > "$tmp/walk.gpx" <<'GPX'
<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>closed</name><trkseg><trkpt lat="29.30" lon="107.70"/><trkpt lat="29.30" lon="107.702"/>
<trkpt lat="29.302" lon="107.702"/><trkpt lat="29.302" lon="107.70"/><trkpt lat="29.30003" lon="107.70002"/></trkseg></trk>
<trk><name>open</name><trkseg><trkpt lat="29.31" lon="107.71"/><trkpt lat="29.31" lon="107.713"/>
<trkpt lat="29.313" lon="107.713"/><trkpt lat="29.313" lon="107.711"/></trkseg></trk>
</gpx>
GPX
"$cli" import "$tmp/walk.gpx" --into "$tmp/w.gpkg" --as areas --gi 武隆高山萝卜 --report "$tmp/gpx.csv" > "$tmp/gpx.txt"
grep -q 'open_track' "$tmp/gpx.csv" || fail "open track not reported"
grep -q 'unmatched_producer' "$tmp/gpx.csv" || fail "a track without producer not reported"
[ "$(sql "$tmp/w.gpkg" "SELECT count(*) FROM production_areas WHERE name = 'closed'")" -eq 1 ] || fail "closed track not kept"
[ "$(sql "$tmp/w.gpkg" "SELECT count(*) FROM production_areas WHERE name = 'open'")" -eq 0 ] || fail "open track kept"

# check --areas: areas inside, straddling and outside, listed with their shares.
"$cli" check "$tmp/w.gpkg" --areas --areas-out "$tmp/areas.csv" > "$tmp/check.txt"
for r in inside partly_inside outside; do grep -q ",$r," "$tmp/areas.csv" || fail "no area $r"; done
grep -q 'areas_partly_outside' "$tmp/areas.csv" || fail "no producer finding from its areas"
grep -q 'producers with findings from their areas' "$tmp/check.txt" || fail "check summary"
"$cli" check "$tmp/w.gpkg" --areas-out "$tmp/areas.html" --quiet
grep -q '部分在区域内' "$tmp/areas.html" || fail "HTML area report"

# Trace the first lot: text, page, QR.
lot="$(sql "$tmp/w.gpkg" 'SELECT code FROM lots ORDER BY fid LIMIT 1')"
"$cli" trace "$tmp/w.gpkg" "$lot" --out "$tmp/lot.html" --qr "$tmp/lot.png" > "$tmp/trace.txt"
grep -q '^verdict: ' "$tmp/trace.txt" || fail "no verdict"
grep -q 'zone v' "$tmp/trace.txt" || fail "no zone version"
grep -q 'data-code=' "$tmp/lot.html" || fail "trace page"
if command -v zbarimg > /dev/null; then
  [ "$(zbarimg --raw -q "$tmp/lot.png" 2> /dev/null)" = "$lot" ] || fail "QR code does not read back as $lot"
fi
if "$cli" trace "$tmp/w.gpkg" NO-SUCH-LOT 2> "$tmp/err"; then fail "unknown lot accepted"; fi
[ "$(wc -l < "$tmp/err")" -eq 1 ] || fail "unknown lot: not one line"
grep -q "no lot 'NO-SUCH-LOT'" "$tmp/err" || fail "unknown lot message"

# The balance flags exactly the producers with planted over-declared lots (or bases outside the zone).
"$cli" trace balance "$tmp/w.gpkg" --gi 武隆高山萝卜 --season 2026 --out "$tmp/b.csv" > "$tmp/b.txt"
grep -q '疑似掺杂区外产品' "$tmp/b.txt" || fail "no flag printed"
flagged="$(python3 -c 'import csv,sys; r=csv.DictReader(open(sys.argv[1],encoding="utf-8-sig")); print(" ".join(sorted(x["producer_id"] for x in r if x["flagged"]=="yes" and x["producer_id"]!="0")))' "$tmp/b.csv")"
planted="$(sql "$tmp/w.gpkg" "SELECT DISTINCT producer_id FROM lots WHERE gi = '武隆高山萝卜' AND note LIKE '样例：%' ORDER BY producer_id" | sort | tr '\n' ' ' | sed 's/ $//')"
[ -n "$planted" ] || fail "no planted over-declaration for 武隆高山萝卜"
[ "$flagged" = "$planted" ] || fail "flagged '$flagged' != planted '$planted'"
grep -q 'yield 3000 kg/亩' "$tmp/b.csv" || fail "assumptions not beside the flags"
"$cli" trace balance "$tmp/w.gpkg" --gi 武隆高山萝卜 --season 2026 --out "$tmp/b.html" --quiet
grep -q 'Assumptions' "$tmp/b.html" || fail "balance HTML"

# Yields: a second one is refused without --replace; with it, the old value is kept in the basis.
if "$cli" trace yield "$tmp/w.gpkg" --gi 武隆高山萝卜 --kg-per-mu 2500 2> /dev/null; then fail "yield overwritten"; fi
"$cli" trace yield "$tmp/w.gpkg" --gi 武隆高山萝卜 --kg-per-mu 2500 --replace > /dev/null
"$cli" trace yield "$tmp/w.gpkg" | grep -q 'replaces 3000' || fail "replaced yield not kept"
echo "trace_cli: ok"
