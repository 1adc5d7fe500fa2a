// Tests of the fast report numbers: byte for byte what printf writes for %.1f and %.9g, on
// random values in every range a report meets, on rounding ties and near-ties, and on the
// special values.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <limits>
#include <random>
#include <string>

#include "io/decimal_text.h"

using namespace giatlas;

namespace {

std::string printf_text(const char* format, double v) {
  char buf[512];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

std::string fixed1(double v) {
  std::string s;
  append_fixed1(s, v);
  return s;
}

std::string general9(double v) {
  std::string s;
  append_general9(s, v);
  return s;
}

}  // namespace

TEST_CASE("report numbers are what printf writes for %.1f and %.9g, on random values of every range") {
  std::mt19937_64 rng(2021);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::size_t differ = 0, tried = 0;
  for (int exponent = -6; exponent <= 12; ++exponent) {
    for (int i = 0; i < 40000; ++i) {
      double v = (unit(rng) * 9 + 1) * std::pow(10.0, exponent);
      if (i % 2) v = -v;
      if (i % 5 == 0) v = std::round(v * 10) / 10;  // distances and altitudes are rounded to 0.1 m
      ++tried;
      differ += fixed1(v) != printf_text("%.1f", v);
      differ += general9(v) != printf_text("%.9g", v);
    }
  }
  CHECK(tried == 19 * 40000);
  CHECK(differ == 0);
}

TEST_CASE("report numbers round ties and carries as printf does, and keep its special values") {
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  for (double v : {0.0, -0.0, 0.05, 0.15, 0.25, 0.35, 2.5, -0.04, -0.05, 0.95, 9.95, 99.95, 1e15 + 0.5, 429496729.55,
                   107.1234565, 107.12345650000001, 29.99999999, 99.999999996, 9.9999999995, 999999999.5, 123456789.5,
                   1e8, 1e9, 0.5, 1.0, 1e-5, 5e-324, 1.7976931348623157e308, -107.75, 29.45, inf, -inf, nan}) {
    INFO(printf_text("%.17g", v));
    CHECK(fixed1(v) == printf_text("%.1f", v));
    CHECK(general9(v) == printf_text("%.9g", v));
  }
  // Values a thousandth of a unit either side of every half between 0 and 1000, at 0.1 m.
  for (int k = 0; k < 10000; ++k)
    for (double d : {-1e-9, 0.0, 1e-9}) {
      const double v = (k + 0.5) / 10 + d;
      CHECK(fixed1(v) == printf_text("%.1f", v));
    }
}
