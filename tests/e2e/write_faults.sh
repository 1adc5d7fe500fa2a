#!/usr/bin/env bash
# End to end: writes that fail (a full disk, a folder the user cannot write) give one line naming
# the file and the cause, leave no temporary file and leave the target as it was.
# The full disk is a 64 KiB tmpfs (skipped when this run may not mount one); the unwritable folder
# is tested as user nobody (skipped when not root, since root ignores permissions).
set -euo pipefail
cli=$1
tmp=$(mktemp -d)
mnt=""
cleanup() { if [ -n "$mnt" ]; then umount "$mnt" 2>/dev/null || true; fi; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
chmod 755 "$tmp"

"$cli" sample "$tmp/ws.gpkg" --seed 3 --producers 3000 --density 0.2 > /dev/null
chmod 644 "$tmp/ws.gpkg"

one_line_with() {  # file, expected cause
  [ "$(wc -l < "$1")" -eq 1 ] || fail "error is not one line: $(cat "$1")"
  grep -q "$2" "$1" || fail "error does not say '$2': $(cat "$1")"
}

# --- a full disk --------------------------------------------------------------------------
mkdir "$tmp/full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=64k tmpfs "$tmp/full" 2>/dev/null; then
  mnt="$tmp/full"
  echo "old report" > "$mnt/report.csv"
  if "$cli" check "$tmp/ws.gpkg" --out "$mnt/report.csv" > /dev/null 2> "$tmp/err"; then fail "check wrote a report on a full disk"; fi
  one_line_with "$tmp/err" "$mnt/report.csv: no space left on device"
  [ "$(cat "$mnt/report.csv")" = "old report" ] || fail "the old report was changed"
  [ "$(ls -A "$mnt" | wc -l)" -eq 1 ] || fail "leftovers on the full disk: $(ls -A "$mnt")"
  # GDAL and cairo writers: the same one line, not SQLite's or cairo's later complaints
  if "$cli" check "$tmp/ws.gpkg" --out "$mnt/report.gpkg" > /dev/null 2> "$tmp/err"; then fail "check wrote a GeoPackage on a full disk"; fi
  one_line_with "$tmp/err" "$mnt/report.gpkg: no space left on device"
  if "$cli" render "$tmp/ws.gpkg" --gi 武隆高山萝卜 --out "$mnt/map.pdf" > /dev/null 2> "$tmp/err"; then fail "render wrote a map on a full disk"; fi
  one_line_with "$tmp/err" "$mnt/map.pdf: no space left on device"
  [ "$(ls -A "$mnt" | wc -l)" -eq 1 ] || fail "leftovers on the full disk: $(ls -A "$mnt")"

  # fill the disk, then a new workspace cannot be created: one line, nothing left behind
  head -c 60000 /dev/zero > "$mnt/filler" || true
  if "$cli" new "$mnt/w.gpkg" --district 武隆区 > /dev/null 2> "$tmp/err"; then fail "new succeeded on a full disk"; fi
  one_line_with "$tmp/err" "no space left on device"
  grep -q "CREATE TABLE" "$tmp/err" && fail "the error prints SQL"
  [ "$(ls -A "$mnt" | sort | tr '\n' ' ')" = "filler report.csv " ] || fail "leftovers after new: $(ls -A "$mnt")"
  umount "$mnt"
  mnt=""

  # an import that fills the disk: one line, the workspace keeps its rows and passes its check
  "$cli" new "$tmp/small.gpkg" --district 武隆区 > /dev/null
  size_k=$(( $(stat -c %s "$tmp/small.gpkg") / 1024 + 160 ))
  if mount -t tmpfs -o size=${size_k}k tmpfs "$tmp/full"; then
    mnt="$tmp/full"
    cp "$tmp/small.gpkg" "$mnt/w.gpkg"
    python3 -c '
import sys
with open(sys.argv[1], "w") as f:
    f.write("name,credit_code,gi,lon,lat\n")
    for i in range(20000):
        f.write("合作社%d,,武隆高山萝卜,%.6f,29.3\n" % (i, 107.6 + i * 1e-5))' "$tmp/many.csv"
    if "$cli" import "$tmp/many.csv" --into "$mnt/w.gpkg" --as producers --crs EPSG:4490 > /dev/null 2> "$tmp/err"; then
      fail "an import filled the disk without an error"
    fi
    one_line_with "$tmp/err" "write workspace $mnt/w.gpkg: no space left on device"
    "$cli" info "$mnt/w.gpkg" | grep -Eq "^producers +0 " || fail "the failed import left rows behind"
    [ "$(ls -A "$mnt")" = "w.gpkg" ] || fail "leftovers after the failed import: $(ls -A "$mnt")"
    umount "$mnt"
    mnt=""
  fi
else
  echo "write_faults: cannot mount a tmpfs here, full-disk checks skipped"
fi

# --- a folder the user cannot write ---------------------------------------------------------
if [ "$(id -u)" -eq 0 ] && command -v runuser > /dev/null && runuser -u nobody -- true 2>/dev/null; then
  mkdir "$tmp/ro"
  echo "old report" > "$tmp/ro/report.csv"
  chmod 755 "$tmp/ro"
  chmod 644 "$tmp/ro/report.csv"
  for out in report.csv report.html report.gpkg; do
    if runuser -u nobody -- "$cli" check "$tmp/ws.gpkg" --out "$tmp/ro/$out" > /dev/null 2> "$tmp/err"; then
      fail "check wrote $out into a folder nobody cannot write"
    fi
    one_line_with "$tmp/err" "$tmp/ro/$out: permission denied"
  done
  [ "$(cat "$tmp/ro/report.csv")" = "old report" ] || fail "the old report was changed"
  [ "$(ls -A "$tmp/ro")" = "report.csv" ] || fail "leftovers in the read-only folder: $(ls -A "$tmp/ro")"
else
  echo "write_faults: not root (or no runuser), permission checks skipped"
fi
echo "write_faults: all checks passed"
