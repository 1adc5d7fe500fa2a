// Reproducible random draws for inspection programmes: the same seed gives the same numbers
// on every platform and compiler (std::uniform_int_distribution's output is not specified by
// the standard, so it is not used).
#pragma once
#include <cstdint>
#include <random>

namespace giatlas {

// An unbiased draw in [0, n) from std::mt19937_64 (whose sequence the standard fixes):
// values below 2^64 mod n are rejected, so every residue is equally likely.
// REQUIRES: n > 0.
inline std::uint64_t fair_below(std::mt19937_64& rng, std::uint64_t n) {
  std::uint64_t reject_below = (0 - n) % n;  // 2^64 mod n
  std::uint64_t x = rng();
  while (x < reject_below) x = rng();
  return x % n;
}

}  // namespace giatlas
