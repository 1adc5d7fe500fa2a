#!/usr/bin/env bash
# End to end: opening a workspace after faults. A writer killed mid-change (kill -9) leaves a hot
# journal: the next `info` rolls it back, says so once, and the file passes SQLite's integrity
# check. A read-only file, a journal that cannot be rolled back and a lock held by another process
# are each named in one line. Needs python3 (its sqlite3 module holds locks and makes a
# deterministic crash); the permission checks run as user nobody when this runs as root.
set -euo pipefail
cli=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
chmod 755 "$tmp"
command -v python3 > /dev/null || { echo "workspace_faults: no python3, skipped"; exit 0; }

integrity() {
  python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("pragma integrity_check").fetchone()[0])' "$1"
}
one_line_with() {  # file, expected text
  [ "$(wc -l < "$1")" -eq 1 ] || fail "not one line: $(cat "$1")"
  grep -q "$2" "$1" || fail "does not say '$2': $(cat "$1")"
  if grep -q "not a GeoPackage" "$1"; then fail "a GeoPackage called not a GeoPackage: $(cat "$1")"; fi
}

"$cli" sample "$tmp/ws.gpkg" --seed 2 --producers 200 --density 0.2 > /dev/null

# --- a writer killed half way through a change (deterministic: it kills itself) ------------
cp "$tmp/ws.gpkg" "$tmp/crash.gpkg"
python3 - "$tmp/crash.gpkg" <<'PY' || true
import os, signal, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA cache_size = 1")  # changed pages reach the file before the commit
con.execute("BEGIN IMMEDIATE")
for i in range(3000):
    con.execute("INSERT INTO giatlas_settings (key, value) VALUES (?, ?)", ("k%d" % i, "x" * 500))
con.execute("UPDATE giatlas_metadata SET value = 'half written' WHERE key = 'district_name'")
os.kill(os.getpid(), signal.SIGKILL)
PY
[ -s "$tmp/crash.gpkg-journal" ] || fail "the crash left no journal"
chmod 644 "$tmp/crash.gpkg" "$tmp/crash.gpkg-journal"
cp "$tmp/crash.gpkg" "$tmp/crash2.gpkg"
cp "$tmp/crash.gpkg-journal" "$tmp/crash2.gpkg-journal"

if [ "$(id -u)" -eq 0 ] && runuser -u nobody -- true 2>/dev/null; then
  # nobody can read the file but not write it: the journal cannot be rolled back, and it is said
  if runuser -u nobody -- "$cli" info "$tmp/crash.gpkg" > /dev/null 2> "$tmp/err"; then fail "info read a half-written workspace"; fi
  one_line_with "$tmp/err" "crash.gpkg: interrupted change needs write access to roll back"
  [ -s "$tmp/crash.gpkg-journal" ] || fail "the journal went away without a rollback"

  # a read-only workspace: reading works, writing names the reason
  runuser -u nobody -- "$cli" info "$tmp/ws.gpkg" > /dev/null || fail "info could not read a read-only workspace"
  if runuser -u nobody -- "$cli" register add "$tmp/ws.gpkg" 测试产品 > /dev/null 2> "$tmp/err"; then
    fail "a read-only workspace was written"
  fi
  one_line_with "$tmp/err" "ws.gpkg: read-only file"
else
  echo "workspace_faults: not root (or no runuser), permission checks skipped"
fi

"$cli" info "$tmp/crash.gpkg" > "$tmp/out" 2> "$tmp/err" || fail "info after a crash failed: $(cat "$tmp/err")"
one_line_with "$tmp/err" "note: .*crash.gpkg: an interrupted change was rolled back"
grep -q "district       武隆区" "$tmp/out" || fail "the half-written change is still there: $(head -3 "$tmp/out")"
[ "$(integrity "$tmp/crash.gpkg")" = "ok" ] || fail "integrity check failed after the rollback"
[ ! -s "$tmp/crash.gpkg-journal" ] || fail "the journal is still hot"
"$cli" info "$tmp/crash.gpkg" > /dev/null 2> "$tmp/err"
[ ! -s "$tmp/err" ] || fail "the rollback was reported twice: $(cat "$tmp/err")"
# a command that only reads (check) recovers the same way
"$cli" check "$tmp/crash2.gpkg" > /dev/null 2> "$tmp/err" || fail "check after a crash failed: $(cat "$tmp/err")"
grep -q "interrupted change was rolled back" "$tmp/err" || fail "check did not say it rolled back"

# --- another process holds the workspace locked -----------------------------------------------
# A reader waits GIATLAS_LOCK_WAIT seconds for a commit in progress, says so in one line, then
# gives up in one line that names the holder.
python3 - "$tmp/ws.gpkg" "$cli" "$tmp/err" <<'PY' || fail "info read a workspace another process holds locked"
import os, sqlite3, subprocess, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN EXCLUSIVE")
con.execute("UPDATE giatlas_metadata SET value = 'x' WHERE key = 'modified'")
with open(sys.argv[3], "w") as err:
    r = subprocess.run([sys.argv[2], "info", sys.argv[1]], stdout=subprocess.DEVNULL, stderr=err,
                       env=dict(os.environ, GIATLAS_LOCK_WAIT="0.5"))
con.execute("ROLLBACK")
sys.exit(0 if r.returncode != 0 else 1)
PY
grep -q "^giatlas-cli: waiting for .*ws.gpkg: locked by another process (pid [0-9]*, user [a-z]*: .*python" "$tmp/err" ||
  fail "the wait was not said with the holder: $(cat "$tmp/err")"
sed -i '/^giatlas-cli: waiting for /d' "$tmp/err"
one_line_with "$tmp/err" "ws.gpkg: locked by another process (pid [0-9]*, .*python.*); gave up after 0.5 s"

# --- two writers -------------------------------------------------------------------------------
# A writer takes the lock when its change begins: a second one waits for it (and says whom it
# waits for) instead of failing after reading its whole input, or gives up early; no row is lost.
python3 - "$tmp" <<'PY'
import sys
for name in ("users", "users-a", "users-b"):
    with open("%s/%s.csv" % (sys.argv[1], name), "w") as f:
        f.write("name,credit_code,gi,lon,lat\n")
        for i in range(30000):
            f.write("%s农户%d,,武隆高山萝卜,%.6f,%.6f\n" % (name, i, 107.6 + (i % 1000) * 1e-4, 29.3 + (i // 1000) * 1e-4))
PY
producers() { "$cli" info "$tmp/ws.gpkg" | awk '$1 == "producers" {print $2}'; }
before=$(producers)
python3 - "$tmp/ws.gpkg" "$cli" "$tmp/users.csv" "$tmp/err" <<'PY' || fail "a writer did not give up early on a held lock"
import os, sqlite3, subprocess, sys, time
ws, cli, csv, err = sys.argv[1:]
con = sqlite3.connect(ws, isolation_level=None)
con.execute("BEGIN IMMEDIATE")  # a writer in the middle of its change (SQLite's RESERVED lock)
con.execute("UPDATE giatlas_metadata SET value = 'x' WHERE key = 'modified'")
t = time.time()
with open(err, "w") as e:
    r = subprocess.run([cli, "import", csv, "--into", ws, "--as", "producers", "--crs", "EPSG:4490"],
                       stdout=subprocess.DEVNULL, stderr=e, env=dict(os.environ, GIATLAS_LOCK_WAIT="1"))
took = time.time() - t
con.execute("ROLLBACK")
print("gave up after %.1f s" % took)
sys.exit(0 if r.returncode != 0 and took < 10 else 1)
PY
grep -q "^giatlas-cli import: write workspace .*ws.gpkg: locked by another process (pid [0-9]*, user .*python.*); gave up after 1 s$" "$tmp/err" ||
  fail "the refused writer did not name the holder: $(cat "$tmp/err")"
grep -q "rows read" "$tmp/err" && fail "the refused writer read its input first"
[ "$(producers)" = "$before" ] || fail "the refused import changed the workspace"

# the holder finishes within the wait: the writer waits, then imports everything
python3 - "$tmp/ws.gpkg" "$cli" "$tmp/users.csv" "$tmp/err" <<'PY' || fail "a writer did not wait for a lock released in time"
import os, sqlite3, subprocess, sys, time
ws, cli, csv, err = sys.argv[1:]
con = sqlite3.connect(ws, isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("UPDATE giatlas_metadata SET value = 'x' WHERE key = 'modified'")
with open(err, "w") as e:
    p = subprocess.Popen([cli, "import", csv, "--into", ws, "--as", "producers", "--crs", "EPSG:4490", "--quiet"],
                         stdout=subprocess.DEVNULL, stderr=e, env=dict(os.environ, GIATLAS_LOCK_WAIT="60"))
    time.sleep(1.5)
    con.execute("COMMIT")
    sys.exit(p.wait())
PY
grep -q "^giatlas-cli: waiting for .*ws.gpkg: locked by another process (pid [0-9]*.*), up to 60 s$" "$tmp/err" ||
  fail "the waiting writer did not say whom it waited for: $(cat "$tmp/err")"
[ "$(producers)" = "$((before + 30000))" ] || fail "producers $before -> $(producers) after a waited import"

# two imports at once: both land, one after the other, every row of both
GIATLAS_LOCK_WAIT=120 "$cli" import "$tmp/users-a.csv" --into "$tmp/ws.gpkg" --as producers --crs EPSG:4490 --quiet > /dev/null 2> "$tmp/err1" &
p1=$!
GIATLAS_LOCK_WAIT=120 "$cli" import "$tmp/users-b.csv" --into "$tmp/ws.gpkg" --as producers --crs EPSG:4490 --quiet > /dev/null 2> "$tmp/err2" &
p2=$!
wait "$p1" || fail "the first of two concurrent imports failed: $(cat "$tmp/err1")"
wait "$p2" || fail "the second of two concurrent imports failed: $(cat "$tmp/err2")"
[ "$(producers)" = "$((before + 90000))" ] || fail "producers $before -> $(producers) after two concurrent imports"
cat "$tmp/err1" "$tmp/err2" | grep -q "^giatlas-cli: waiting for .*ws.gpkg: locked by another process (pid [0-9]*, user [a-z]*: .*giatlas-cli import .*users-[ab].csv" ||
  fail "neither concurrent import said whom it waited for: $(cat "$tmp/err1" "$tmp/err2")"
[ "$(integrity "$tmp/ws.gpkg")" = "ok" ] || fail "integrity check failed after two concurrent imports"

# --- a real import killed with kill -9 at some point: the next open recovers, rows are old or new
python3 - "$tmp" <<'PY'
import sys
for k in (1, 2, 3):
    with open("%s/big%d.csv" % (sys.argv[1], k), "w") as f:
        f.write("name,credit_code,gi,lon,lat\n")
        for i in range(60000):
            f.write("合作社%d-%d,,武隆高山萝卜,%.6f,%.6f\n" % (k, i, 107.6 + (i % 1000) * 1e-4, 29.3 + (i // 1000) * 1e-4))
PY
kills=""
k=0
mkdir "$tmp/sys-tmp"  # the system temporary folder of the killed imports
for delay in 0.5 1.0 1.4; do
  k=$((k + 1))
  before=$("$cli" info "$tmp/ws.gpkg" | awk '$1 == "producers" {print $2}')
  TMPDIR="$tmp/sys-tmp" "$cli" import "$tmp/big$k.csv" --into "$tmp/ws.gpkg" --as producers --crs EPSG:4490 > /dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  "$cli" info "$tmp/ws.gpkg" > "$tmp/out" 2> "$tmp/err" || fail "info after an import killed at ${delay}s failed: $(cat "$tmp/err")"
  after=$(awk '$1 == "producers" {print $2}' "$tmp/out")
  [ "$after" = "$before" ] || [ "$after" = "$((before + 60000))" ] || fail "producers $before -> $after: a partial import"
  [ "$(integrity "$tmp/ws.gpkg")" = "ok" ] || fail "integrity check failed after an import killed at ${delay}s"
  kills="$kills ${delay}s:$before->$after$(grep -q 'rolled back' "$tmp/err" && echo '(rolled back)' || true)"
done
# the CSV copies the killed imports left in the temporary folder go at the next import
TMPDIR="$tmp/sys-tmp" "$cli" import "$tmp/big1.csv" --into "$tmp/ws.gpkg" --as producers --crs EPSG:4490 --dry-run > /dev/null
[ -z "$(ls -A "$tmp/sys-tmp")" ] || fail "temporary copies of killed imports remain: $(ls -A "$tmp/sys-tmp")"
echo "workspace_faults: all checks passed (killed imports:$kills)"
