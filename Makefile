# Thin wrapper over CMake: `make run` opens the app on the sample workspace, `make test` runs every test.
BUILD ?= build
JOBS ?= $(shell nproc)
SAMPLE := data/wulong-sample.gpkg

.PHONY: all deps build run test bench clean sample screenshot

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release > /dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@bash scripts/run-app.sh $(BUILD) $(SAMPLE)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The sample and its DEM (data/wulong-sample.dem.tif) are made in a scratch folder, then moved in.
sample: build
	@rm -rf data/.sample-new && mkdir -p data/.sample-new && \
	  $(BUILD)/src/cli/giatlas-cli sample data/.sample-new/wulong-sample.gpkg && \
	  mv data/.sample-new/wulong-sample.dem.tif data/wulong-sample.dem.tif && \
	  mv data/.sample-new/wulong-sample.gpkg $(SAMPLE) && rmdir data/.sample-new

screenshot: build
	@bash scripts/make-screenshot.sh $(BUILD)

bench: build
	@bash bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD)
