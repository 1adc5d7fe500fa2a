#!/usr/bin/env bash
# The app on a PostGIS workspace (a private cluster, unix socket only), as a viewer and as an
# inspector, under Xvfb: what the role cannot change is greyed out with the refusal's own sentence
# as its tooltip (the zone tools' saves and the import for the viewer; the zone saves but not the
# import for the inspector), and Tools -> History… shows the audit trail newest first, filtered by
# table and by date; on a GeoPackage it says in one line that there is none.
# Usage: gui_roles_pg.sh <giatlas-cli> <giatlas|none> <source-dir>
set -euo pipefail
cli=$1 gui=$2 src=$3
if [ "$gui" = none ]; then echo "SKIP: the GUI is not built"; exit 0; fi
for tool in xvfb-run xauth python3; do
  command -v "$tool" > /dev/null || { echo "FAIL: $tool is needed for this test"; exit 1; }
done
. "$(dirname "$0")/lib/pg_cluster.sh"
tmp=$(mktemp -d)
chmod 755 "$tmp"
cleanup() {
  pg_cluster_stop
  rm -rf "$tmp"
}
trap cleanup EXIT
export XDG_CONFIG_HOME=$tmp/config
fail() { echo "FAIL: $*"; cat "$tmp/out.txt" 2> /dev/null || true; exit 1; }

pg_cluster_start pgguiroles 60000 boss,ana,cy
sql() { psql -X -q -h "$pg" -p "$port" -U postgres -d gi -v ON_ERROR_STOP=1 "$@"; }
psql -X -q -h "$pg" -p "$port" -U postgres -d postgres -c "CREATE DATABASE gi" > /dev/null
sql -c "CREATE EXTENSION postgis" -c "CREATE ROLE boss LOGIN CREATEROLE PASSWORD 'boss-pw-1'" \
  -c "GRANT CREATE ON DATABASE gi TO boss" -c "CREATE ROLE ana LOGIN PASSWORD 'ana-pw-2'" \
  -c "CREATE ROLE cy LOGIN PASSWORD 'cy-pw-4'" > /dev/null
pw() { case $1 in boss) echo boss-pw-1 ;; ana) echo ana-pw-2 ;; cy) echo cy-pw-4 ;; esac; }
ws() { echo "PG:host=$pg port=$port dbname=gi user=$1 password=$(pw "$1") active_schema=wulong"; }
"$cli" copy "$src/data/wulong-sample.gpkg" "$(ws boss)" --quiet > /dev/null || fail "copy into PostGIS failed"
"$cli" db grant "$(ws boss)" ana --role viewer > /dev/null || fail "grant viewer"
"$cli" db grant "$(ws boss)" cy --role inspector > /dev/null || fail "grant inspector"
app() { xvfb-run -a -s "-screen 0 1280x800x24" "$gui" --size 1280x800 --print-layout "$@" > "$tmp/out.txt" 2>&1; }

# --- the viewer: the zone tools' saves and the import greyed --------------------------------
app --workspace "$(ws ana)" --screenshot "$tmp/viewer.png" --show zone-tools --show import || fail "the app failed (viewer)"
grep -q "^role 'viewer' township ''" "$tmp/out.txt" || fail "the viewer's role not read"
grep -Eq "^gate greyed gi_zones .* tooltip 0 " "$tmp/out.txt" || fail "no zone save greyed for the viewer"
grep -Eq "^gate greyed producers .* tooltip 0 " "$tmp/out.txt" || fail "the import not greyed for the viewer"
! grep -q "^gate enabled" "$tmp/out.txt" || fail "the viewer may change something: $(grep '^gate enabled' "$tmp/out.txt")"
! grep -q "pw-" "$tmp/out.txt" || fail "a password in the output"
# the pointer on the greyed Import button shows why
read -r x0 y0 x1 y1 < <(grep -E "^gate greyed producers " "$tmp/out.txt" | head -1 | awk '{print $4, $5, $6, $7}')
app --workspace "$(ws ana)" --screenshot "$tmp/viewer_tip.png" --show zone-tools --show import \
  --mouse "$(((x0 + x1) / 2)),$(((y0 + y1) / 2))" || fail "the app failed (viewer, hover)"
grep -Eq "^gate greyed producers .* tooltip 1 " "$tmp/out.txt" || fail "no tooltip on the greyed import"
# the tooltip's box just below the button: the frames differ there, and only a little elsewhere
python3 - "$tmp/viewer.png" "$tmp/viewer_tip.png" "$x0" "$y1" <<'PY' || fail "the tooltip is not drawn"
import struct, sys, zlib
def load(path):
    data = open(path, "rb").read()
    w, h = struct.unpack(">II", data[16:24])
    pos, idat, ctype = 8, b"", data[25]
    while pos < len(data):
        n = struct.unpack(">I", data[pos:pos + 4])[0]
        if data[pos + 4:pos + 8] == b"IDAT": idat += data[pos + 8:pos + 8 + n]
        pos += 12 + n
    bpp = 4 if ctype == 6 else 3
    img, prev, stride, rows = zlib.decompress(idat), bytearray(w * bpp), w * bpp, []
    for y in range(h):
        f, line = img[y * (stride + 1)], bytearray(img[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line)); prev = line
    return w, h, bpp, rows
_, _, _, a = load(sys.argv[1])
w, h, bpp, b = load(sys.argv[2])
bx, by = int(sys.argv[3]), int(sys.argv[4])
def changed(x0, x1, y0, y1):
    return sum(1 for y in range(y0, y1) for x in range(x0 * bpp, x1 * bpp, bpp) if a[y][x:x + 3] != b[y][x:x + 3])
near = changed(bx, min(w, bx + 420), by, min(h, by + 40))
far = changed(0, w, 0, h) - near
print("pixels changed by the tooltip", near, "elsewhere", far)
sys.exit(0 if near > 1500 and far < near else 1)
PY

# --- the inspector: import allowed, zone saves greyed ----------------------------------------
app --workspace "$(ws cy)" --screenshot "$tmp/inspector.png" --show zone-tools --show import || fail "the app failed (inspector)"
grep -q "^role 'inspector'" "$tmp/out.txt" || fail "the inspector's role not read"
grep -Eq "^gate enabled producers " "$tmp/out.txt" || fail "the import greyed for the inspector"
grep -Eq "^gate greyed gi_zones " "$tmp/out.txt" || fail "a zone save not greyed for the inspector"

# --- the history window -----------------------------------------------------------------------
sql -c "UPDATE wulong.producers SET note = 'checked by the bureau' WHERE fid = (SELECT min(fid) FROM wulong.producers)" > /dev/null
total=$(sql -At -c "SELECT count(*) FROM wulong.audit_log")
[ "$total" -gt 0 ] || fail "the audit trail is empty"
app --workspace "$(ws ana)" --screenshot "$tmp/history.png" --show history || fail "the app failed (history)"
grep -q "^history entries $total table '' since '' error ''" "$tmp/out.txt" || fail "not every entry shown ($total)"
first=$(grep -E "^history [0-9]" "$tmp/out.txt" | head -1)
[[ "$first" == *" postgres producers "*" update" ]] || fail "the newest entry is not first: $first"
app --workspace "$(ws ana)" --screenshot "$tmp/history_zones.png" --show history --history-table gi_zones \
  || fail "the app failed (history, one table)"
zones=$(sql -At -c "SELECT count(*) FROM wulong.audit_log WHERE tbl = 'gi_zones'")
grep -q "^history entries $zones table 'gi_zones'" "$tmp/out.txt" || fail "the table filter ($zones)"
! grep -E "^history [0-9]" "$tmp/out.txt" | grep -qv " gi_zones " || fail "another table in the filtered history"
app --workspace "$(ws ana)" --screenshot "$tmp/history_later.png" --show history --history-since 2199-01-01 \
  || fail "the app failed (history, since)"
grep -q "^history entries 0 table '' since '2199-01-01' error ''" "$tmp/out.txt" || fail "the date filter"
app --workspace "$(ws ana)" --screenshot "$tmp/history_bad.png" --show history --history-since 30/11/2026 \
  || fail "the app failed (history, a bad date)"
grep -Eq "^history entries 0 .* error '.+'" "$tmp/out.txt" || fail "a bad date not said"

# --- a GeoPackage: no audit trail, nothing greyed ----------------------------------------------
"$cli" sample "$tmp/s.gpkg" > /dev/null
app --workspace "$tmp/s.gpkg" --screenshot "$tmp/gpkg.png" --show history --show import || fail "the app failed (GeoPackage)"
grep -q "^history entries 0 table '' since '' error 'A GeoPackage keeps no audit trail\|^history entries 0 table '' since '' error 'GeoPackage 不保存审计记录" "$tmp/out.txt" \
  || fail "the GeoPackage's line"
! grep -q "^gate greyed" "$tmp/out.txt" || fail "something greyed on a GeoPackage"
[ -z "${GIATLAS_KEEP_PNG:-}" ] || cp "$tmp"/*.png "$GIATLAS_KEEP_PNG"/
echo "PASS: gui_roles_pg"
