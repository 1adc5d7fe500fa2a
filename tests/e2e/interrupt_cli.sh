#!/usr/bin/env bash
# Ctrl-C and SIGTERM during a long import and a long check: the command stops at its next safe
# point, rolls back, leaves no temporary file, prints one line and exits 130 / 143; the workspace
# is as it was. Usage: interrupt_cli.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1
src=$3
command -v python3 > /dev/null || { echo "FAIL: python3 is needed for this test"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
count() { "$cli" info "$1" | awk '$1 == "producers" {print $2}'; }

cp "$src/data/wulong-sample.gpkg" "$tmp/w.gpkg"
python3 - "$tmp/big.csv" <<'PY'
import random, sys
random.seed(7)
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("名称,统一社会信用代码,地理标志,经度,纬度\n")
    for i in range(600000):
        f.write(f"生产者{i},,武隆高山萝卜,{107.3 + random.random() * 0.7:.6f},{29.15 + random.random() * 0.4:.6f}\n")
PY
before=$(count "$tmp/w.gpkg")

# Ctrl-C (SIGINT) during an import.
"$cli" import "$tmp/big.csv" --into "$tmp/w.gpkg" --as producers --crs EPSG:4326 > "$tmp/out.txt" 2> "$tmp/err.txt" &
pid=$!
sleep 0.4
kill -INT "$pid" 2> /dev/null || true
rc=0
wait "$pid" || rc=$?
if [ "$rc" -eq 0 ]; then
  echo "note: the import finished before the signal arrived; interruption not exercised"
else
  [ "$rc" -eq 130 ] || fail "interrupted import exited $rc, not 130: $(cat "$tmp/err.txt")"
  [ "$(wc -l < "$tmp/err.txt")" -eq 1 ] || fail "more than one line on stderr: $(cat "$tmp/err.txt")"
  grep -q "interrupted by SIGINT.*nothing was changed" "$tmp/err.txt" || fail "message: $(cat "$tmp/err.txt")"
  [ "$(count "$tmp/w.gpkg")" -eq "$before" ] || fail "the interrupted import changed the producers"
  [ ! -e "$tmp/w.gpkg-journal" ] || fail "a journal was left"
fi

# SIGTERM during a check that writes a report: no report, no temporary file beside it.
"$cli" import "$tmp/big.csv" --into "$tmp/w.gpkg" --as producers --crs EPSG:4326 --quiet > /dev/null 2>&1
"$cli" check "$tmp/w.gpkg" --out "$tmp/report.csv" > /dev/null 2> "$tmp/err2.txt" &
pid=$!
sleep 0.8
kill -TERM "$pid" 2> /dev/null || true
rc=0
wait "$pid" || rc=$?
if [ "$rc" -eq 0 ]; then
  echo "note: the check finished before the signal arrived; interruption not exercised"
else
  [ "$rc" -eq 143 ] || fail "terminated check exited $rc, not 143: $(cat "$tmp/err2.txt")"
  grep -q "interrupted by SIGTERM" "$tmp/err2.txt" || fail "message: $(cat "$tmp/err2.txt")"
  [ ! -e "$tmp/report.csv" ] || fail "a terminated check left a report"
  ! ls -A "$tmp" | grep -q "tmp" || fail "temporary files left: $(ls -A "$tmp")"
fi
echo "interrupt CLI: all checks passed"
