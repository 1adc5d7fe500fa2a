#!/usr/bin/env bash
# End to end: a zone save killed at every step of its commit. strace's fault injection sends
# SIGKILL to `giatlas-cli zone build` at its Nth fdatasync (SQLite syncs the journal, its header,
# the database and the folder in one commit), at the journal's removal, at its Nth page write and
# after the commit. After each kill: the file passes SQLite's integrity check, the
# GI has its old versions or the new one complete (the version in force closed exactly when the
# new one begins), the next open rolls back what was interrupted and says so, and the next save
# works. Skipped with a message where strace cannot trace (no ptrace in a container).
set -euo pipefail
cli=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v python3 > /dev/null || { echo "zone_save_kills: no python3, skipped"; exit 0; }
command -v strace > /dev/null || { echo "zone_save_kills: no strace, skipped"; exit 0; }
strace -f -o /dev/null true 2> /dev/null || { echo "zone_save_kills: strace cannot trace here, skipped"; exit 0; }

gi=武隆老鹰茶
"$cli" sample "$tmp/base.gpkg" --seed 3 --producers 100 --density 1 > /dev/null
save() {  # workspace, effective date
  "$cli" zone build "$1" --gi "$gi" --townships 仙女山街道,白马镇,土坎镇 --effective "$2" --author 测绘员
}
# "<versions> <end date of version 1 or -> <versions that are complete>" of the GI
state() {
  python3 - "$1" "$gi" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
rows = con.execute("SELECT version, effective_from, effective_to, geom IS NOT NULL AND length(geom) > 0 "
                   "FROM gi_zones WHERE gi = ? ORDER BY version", (sys.argv[2],)).fetchall()
ok = all(r[3] for r in rows) and all(rows[i][2] == rows[i + 1][1] for i in range(len(rows) - 1)) and rows[-1][2] is None
print(len(rows), "complete" if ok else "broken")
PY
}
hot_journal() {  # a journal whose first byte is not zero (SQLite rolls those back)
  [ -s "$1-journal" ] && python3 -c 'import sys; sys.exit(0 if open(sys.argv[1], "rb").read(1) != b"\0" else 1)' "$1-journal"
}
integrity() {
  python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("pragma integrity_check").fetchone()[0])' "$1"
}
[ "$(state "$tmp/base.gpkg")" = "1 complete" ] || fail "the sample does not start with one version of $gi"

old=0 new=0 rolled=0 summary=""
# fdatasync 1-4: the journal, its header, the database, the folder; unlink 2: the journal's removal
# (1 is SQLite's temporary file); exit_group 1: the process's end, after the commit.
for point in fdatasync:1 fdatasync:2 fdatasync:3 fdatasync:4 unlink:2 pwrite64:1 pwrite64:3 pwrite64:10 \
             pwrite64:40 exit_group:1; do
  call=${point%%:*} n=${point##*:}
  ws="$tmp/k.gpkg"
  rm -f "$ws" "$ws-journal"
  cp "$tmp/base.gpkg" "$ws"
  rc=0
  strace -f -o /dev/null -e trace="$call" -e inject="$call:signal=KILL:when=$n" \
    "$cli" zone build "$ws" --gi "$gi" --townships 仙女山街道,白马镇,土坎镇 --effective 2026-12-01 > /dev/null 2>&1 || rc=$?
  [ "$rc" -ne 0 ] || fail "$point: the save was not killed (no such call?)"
  "$cli" zone list "$ws" > "$tmp/out" 2> "$tmp/err" || fail "$point: the next open failed: $(cat "$tmp/err")"
  if [ -s "$tmp/err" ]; then
    grep -q "^note: .*k.gpkg: an interrupted change was rolled back" "$tmp/err" || fail "$point: $(cat "$tmp/err")"
    rolled=$((rolled + 1))
  fi
  hot_journal "$ws" && fail "$point: the journal is still hot after the next open"
  [ "$(integrity "$ws")" = "ok" ] || fail "$point: integrity check failed"
  st=$(state "$ws")
  case "$st" in
    "1 complete") old=$((old + 1)) ;;
    "2 complete") new=$((new + 1)) ;;
    *) fail "$point: a partial zone save: $st" ;;
  esac
  # the recovered workspace takes the next save
  save "$ws" 2026-12-15 > /dev/null 2> "$tmp/err" || fail "$point: saving after the recovery failed: $(cat "$tmp/err")"
  [ "$(state "$ws")" = "$(( ${st%% *} + 1 )) complete" ] || fail "$point: the save after the recovery: $(state "$ws")"
  summary="$summary $point:${st%% *}"
done
# the kills landed before, inside and after the commit
[ "$old" -gt 0 ] && [ "$new" -gt 0 ] && [ "$rolled" -gt 0 ] ||
  fail "the kill points missed the commit (old $old, new $new, rolled back $rolled):$summary"
echo "zone_save_kills: all checks passed (old $old, new $new, rolled back $rolled:$summary)"
