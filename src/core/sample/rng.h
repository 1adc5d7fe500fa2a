// A deterministic random source for the generator: std::mt19937_64 (its sequence is fixed by
// the C++ standard) with our own mappings to ranges, because the standard distributions are
// implementation-defined and would make the sample differ between compilers.
#pragma once
#include <cstdint>
#include <random>

namespace giatlas {

class SampleRng {
 public:
  explicit SampleRng(std::uint64_t seed) : engine_(seed) {}
  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(engine_() >> 11) * (1.0 / 9007199254740992.0); }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Uniform integer in [0, n), unbiased (rejection). REQUIRES: n > 0.
  std::uint64_t below(std::uint64_t n) {
    std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t v;
    do v = engine_(); while (v >= limit);
    return v % n;
  }
  bool chance(double p) { return uniform() < p; }
  std::uint64_t next() { return engine_(); }

 private:
  std::mt19937_64 engine_;
};

}  // namespace giatlas
