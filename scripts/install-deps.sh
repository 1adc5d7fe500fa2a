#!/usr/bin/env bash
# Installs every Debian package GI Atlas needs to build, run and test — only those missing.
# Runs apt through sudo when not root. Safe to run again: does nothing when all are present.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config make
  libgdal-dev libproj-dev libgeos-dev          # core: formats, CRS, geometry
  libcairo2-dev libpango1.0-dev                # core: print-quality map export
  libimgui-dev libglfw3-dev libstb-dev libgl-dev  # GUI
  nlohmann-json3-dev                           # core: JSON (styles, scope statements, GeoJSON reports)
  libqrencode-dev                              # core: QR code of a traced lot (trace --qr)
  libjemalloc-dev                              # the programs' allocator (million-row imports and checks)
  libpq-dev                                    # core: a PostGIS workspace's producers by binary COPY
  zbar-tools                                   # tests: zbarimg reads the lot QR code back
  catch2                                       # tests
  fonts-noto-cjk fonts-wqy-microhei            # Chinese text in the GUI and in exports
  xvfb xauth                                   # GUI tests without a display
  gdal-bin proj-bin poppler-utils python3-gdal # fixtures and checks (ogrinfo, ogr2ogr, pdftotext)
  bc                                           # bench/run.sh arithmetic
  strace                                       # tests: kill a zone save at each step of its commit
  clang                                        # make fuzz (libFuzzer)
  postgresql postgresql-15-postgis-3           # the shared tier and its tests/benchmarks
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${#missing[@]} missing package(s): ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
