#!/usr/bin/env bash
# End to end: a shapefile sent as a .zip (made here with python3's zipfile, the way common zip
# tools write it: UTF-8 names, a subfolder, a __MACOSX folder) imports through giatlas-cli, and
# the report says which dataset was read; a /vsizip/ path to it works as well.
set -euo pipefail
cli=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v python3 > /dev/null || { echo "import_zip: no python3, skipped"; exit 0; }
command -v ogr2ogr > /dev/null || { echo "import_zip: no ogr2ogr, skipped"; exit 0; }

"$cli" sample "$tmp/ws.gpkg" --seed 4 --producers 10 --density 0.2 > /dev/null
mkdir "$tmp/shp"
ogr2ogr -f "ESRI Shapefile" "$tmp/shp/乡镇界.shp" "$tmp/ws.gpkg" townships -lco ENCODING=GBK
towns=$(ogrinfo -ro -so "$tmp/ws.gpkg" townships | awk -F': ' '/Feature Count/ {print $2}')
python3 - "$tmp" <<'PY'
import os, sys, zipfile
tmp = sys.argv[1]
with zipfile.ZipFile(os.path.join(tmp, "武隆乡镇.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    for name in sorted(os.listdir(os.path.join(tmp, "shp"))):
        z.write(os.path.join(tmp, "shp", name), "武隆区/2020年/" + name)
        z.writestr("__MACOSX/武隆区/2020年/._" + name, b"\0\5\26\7")
PY

"$cli" new "$tmp/new.gpkg" --district 武隆区 > /dev/null
"$cli" import "$tmp/武隆乡镇.zip" --into "$tmp/new.gpkg" --as townships > "$tmp/out" 2>&1 || fail "zip import failed: $(cat "$tmp/out")"
grep -q "note: read 武隆区/2020年/乡镇界.shp from 武隆乡镇.zip" "$tmp/out" || fail "the report does not say what was read: $(cat "$tmp/out")"
grep -q "accepted: $towns " "$tmp/out" || fail "not every township imported: $(cat "$tmp/out")"
grep -q "encoding: GBK" "$tmp/out" || fail "the .cpg inside the zip was not used: $(cat "$tmp/out")"
"$cli" info "$tmp/new.gpkg" | grep -Eq "^townships +$towns " || fail "the workspace lacks the townships"

"$cli" import "/vsizip/$tmp/武隆乡镇.zip/武隆区/2020年/乡镇界.shp" --into "$tmp/new.gpkg" --as townships --dry-run > "$tmp/out" 2>&1 ||
  fail "a /vsizip/ path was refused: $(cat "$tmp/out")"
grep -q "rows read: $towns" "$tmp/out" || fail "the /vsizip/ path read the wrong rows: $(cat "$tmp/out")"
# the same shapefile as a .tar.gz
python3 - "$tmp" <<'PY'
import os, sys, tarfile
tmp = sys.argv[1]
with tarfile.open(os.path.join(tmp, "towns.tar.gz"), "w:gz", format=tarfile.GNU_FORMAT) as t:  # as GNU tar writes
    t.add(os.path.join(tmp, "shp"), arcname="export")
PY
"$cli" import "$tmp/towns.tar.gz" --into "$tmp/new.gpkg" --as townships --dry-run > "$tmp/out" 2>&1 || fail "tar.gz import failed: $(cat "$tmp/out")"
grep -q "note: read export/乡镇界.shp from towns.tar.gz" "$tmp/out" || fail "the tar.gz report does not say what was read: $(cat "$tmp/out")"
grep -q "rows read: $towns" "$tmp/out" || fail "the tar.gz import read the wrong rows"
echo "import_zip: all checks passed"
