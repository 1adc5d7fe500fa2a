// The fuzzing entry points: each takes arbitrary bytes and drives one parser of untrusted input
// the way the CLI does. A target returns normally for any input — a clear Error is a normal
// outcome — and aborts only when an invariant breaks (every row accounted for, parsed values
// finite and in range). libFuzzer drivers (fuzz_*.cpp, `make fuzz`) and the regression replay
// test (replay_test.cpp, in every `make test`) call the same functions.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace giatlas::fuzz {

// The coordinate text parser (decimal, DMS, DDM, 度分秒, full-width, hemispheres).
void coordinate_text(const std::uint8_t* data, std::size_t size);
// A producer table: the bytes as a .csv file, read as the importer reads producers.
void csv_table(const std::uint8_t* data, std::size_t size);
// A shapefile's attribute table: the bytes as a .dbf (with or without a .cpg), read as producers.
void dbf_table(const std::uint8_t* data, std::size_t size);
// A KML document, read as producers.
void kml(const std::uint8_t* data, std::size_t size);

struct Target {
  const char* name;
  void (*run)(const std::uint8_t*, std::size_t);
};
// Every target, by the name of its corpus folder under tests/fuzz/corpus/.
const std::vector<Target>& targets();

}  // namespace giatlas::fuzz
