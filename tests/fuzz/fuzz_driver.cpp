// libFuzzer driver for one target of fuzz_targets.h, chosen at build time (GIATLAS_FUZZ_TARGET).
#include <cstring>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto run = [] {
    for (const auto& t : giatlas::fuzz::targets())
      if (std::strcmp(t.name, GIATLAS_FUZZ_TARGET) == 0) return t.run;
    return static_cast<void (*)(const std::uint8_t*, std::size_t)>(nullptr);
  }();
  if (run) run(data, size);
  return 0;
}
