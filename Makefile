# Thin wrapper over CMake: `make run` opens the app on the sample workspace, `make test` runs every test.
BUILD ?= build
JOBS ?= $(shell nproc)
SAMPLE := data/wulong-sample.gpkg

.PHONY: all deps build run test test-sanitize fuzz bench clean sample screenshot

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release > /dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# Every test again under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/).
SAN_ENV := ASAN_OPTIONS=abort_on_error=1:strict_string_checks=1 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitize/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
test-sanitize: deps
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" \
	  -DGIATLAS_SANITIZE=ON -DGIATLAS_BUILD_BENCH=OFF > /dev/null
	@cmake --build build-asan -j $(JOBS)
	@cd build-asan && $(SAN_ENV) ctest --output-on-failure -j $(JOBS)

# libFuzzer on each parser for FUZZ_SECONDS (default 60) each; crashes land in build-fuzz/crashes.
FUZZ_SECONDS ?= 60
fuzz: deps
	@bash tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

run: build
	@bash scripts/run-app.sh $(BUILD) $(SAMPLE)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The sample, its DEM (data/wulong-sample.dem.tif) and the phone-app KML of more production areas
# (data/wulong-sample.areas-gcj02.kml) are made in a scratch folder, then moved in.
sample: build
	@rm -rf data/.sample-new && mkdir -p data/.sample-new && \
	  $(BUILD)/src/cli/giatlas-cli sample data/.sample-new/wulong-sample.gpkg && \
	  mv data/.sample-new/wulong-sample.dem.tif data/wulong-sample.dem.tif && \
	  mv data/.sample-new/wulong-sample.areas-gcj02.kml data/wulong-sample.areas-gcj02.kml && \
	  mv data/.sample-new/wulong-sample.gpkg $(SAMPLE) && rmdir data/.sample-new

screenshot: build
	@bash scripts/make-screenshot.sh $(BUILD)

bench: build
	@bash bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD)
