#!/usr/bin/env bash
# Fuzzes each parser of untrusted input with libFuzzer (clang, ASan + UBSan) for a set time.
#   bash tests/fuzz/run.sh <build-dir> [seconds-per-target=60]
# Seeds: tests/fuzz/corpus/<target>/ plus, when ../shared/testdata is there, its .dbf, .csv and
# .kml files. A crash is written to <build-dir>/crashes/<target>/; copy it to
# tests/fuzz/regressions/<target>/ once fixed, so every `make test` replays it.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: tests/fuzz/run.sh <build-dir> [seconds]}
seconds=${2:-60}
command -v clang++ > /dev/null || { echo "fuzz: clang++ is needed (apt-get install clang)"; exit 1; }
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGIATLAS_FUZZ=ON \
  -DGIATLAS_BUILD_GUI=OFF -DGIATLAS_BUILD_TESTS=OFF -DGIATLAS_BUILD_BENCH=OFF > /dev/null
targets=(coordinate_text csv dbf kml)
cmake --build "$build" -j "$(nproc)" --target "${targets[@]/#/fuzz_}"
shared="$root/../shared/testdata"
status=0
for t in "${targets[@]}"; do
  work="$build/corpus/$t"
  mkdir -p "$work" "$build/crashes/$t"
  cp -n "$root/tests/fuzz/corpus/$t/"* "$work/" 2>/dev/null || true
  if [ -d "$shared" ]; then
    case $t in
      dbf) find "$shared" -iname '*.dbf' -size -64k -exec cp -n {} "$work/" \; ;;
      csv) find "$shared" -iname '*.csv' -size -64k -exec cp -n {} "$work/" \; ;;
      kml) find "$shared" -iname '*.kml' -size -64k -exec cp -n {} "$work/" \; ;;
    esac
  fi
  echo "fuzz $t: ${seconds}s over $(ls "$work" | wc -l) seeds"
  if ! ASAN_OPTIONS=detect_leaks=0 "$build/tests/fuzz/fuzz_$t" "$work" -max_total_time="$seconds" \
       -artifact_prefix="$build/crashes/$t/" -print_final_stats=1 > "$build/fuzz_$t.log" 2>&1; then
    echo "fuzz $t: CRASH — see $build/fuzz_$t.log and $build/crashes/$t/"
    status=1
  fi
  grep -E "stat::number_of_executed_units|cov:" "$build/fuzz_$t.log" | tail -2
done
exit $status
