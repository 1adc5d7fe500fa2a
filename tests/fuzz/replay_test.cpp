// Every input in tests/fuzz/corpus/<target>/ and tests/fuzz/regressions/<target>/ (crashes the
// fuzzers once found, kept so they stay fixed) goes through its fuzz target in every test run.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "fuzz_targets.h"

using namespace giatlas;

TEST_CASE("every fuzz corpus and regression input goes through its parser without a crash", "[fuzz]") {
  const std::filesystem::path root = std::filesystem::path(GIATLAS_TEST_DIR) / "fuzz";
  int inputs = 0;
  for (const auto& t : fuzz::targets()) {
    int of_target = 0;
    for (const char* kind : {"corpus", "regressions"}) {
      const auto dir = root / kind / t.name;
      if (!std::filesystem::exists(dir)) continue;
      for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        std::ifstream f(e.path(), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
        INFO(t.name << ": " << e.path().filename().string());
        t.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        ++of_target;
      }
    }
    INFO(t.name);
    CHECK(of_target > 0);  // every target has seeds
    inputs += of_target;
  }
  CHECK(inputs > 10);
}
