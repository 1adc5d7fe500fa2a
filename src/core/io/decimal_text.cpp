// printf-identical %.1f and %.9g (see decimal_text.h).
//
// The fast path scales |v| by 10^d (d decimals wanted) and rounds to an integer k. printf rounds
// the exact binary value of v; the computed product differs from the exact v·10^d by at most one
// unit in its last place (below 2^-20 for products under 2^32), so when the product's fraction is
// farther than 1e-6 from one half, both round to the same k. Ties and near-ties, large or tiny
// values, NaN, infinities and negative zero take the general path.
#include "io/decimal_text.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace giatlas {

namespace {

constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
constexpr std::uint64_t kIntPow10[] = {1,         10,         100,         1000,         10000,
                                       100000,    1000000,    10000000,    100000000,    1000000000};

void append_to_chars(std::string& out, double v, std::chars_format format, int precision) {
  char buf[400];  // %.9g needs at most 16 characters; %.1f of 1.8e308 needs 311
  out.append(buf, std::to_chars(buf, buf + sizeof buf, v, format, precision).ptr);
}

// k rounded from |v|·10^decimals when that rounding is certain to match printf's; false otherwise.
bool scaled_round(double magnitude, int decimals, std::uint64_t& k) {
  const double p = magnitude * kPow10[decimals];
  if (!(p < 4294967296.0)) return false;  // keeps the product's rounding error under 2^-20
  const double whole = std::floor(p);
  const double fraction = p - whole;  // exact for p < 2^32
  if (std::fabs(fraction - 0.5) <= 1e-6) return false;
  k = static_cast<std::uint64_t>(whole) + (fraction > 0.5 ? 1 : 0);
  return true;
}

// Appends k / 10^decimals with `decimals` digits after the point (all of them when keep_zeros,
// else without trailing zeros and without a bare point), after an optional minus sign.
void append_scaled(std::string& out, bool negative, std::uint64_t k, int decimals, bool keep_zeros) {
  char buf[32];
  char* end = buf + sizeof buf;
  char* p = end;
  std::uint64_t frac = k % kIntPow10[decimals], whole = k / kIntPow10[decimals];
  int digits = decimals;
  if (!keep_zeros)
    while (digits > 0 && frac % 10 == 0) {
      frac /= 10;
      --digits;
    }
  for (int i = 0; i < digits; ++i) {
    *--p = static_cast<char>('0' + frac % 10);
    frac /= 10;
  }
  if (digits > 0) *--p = '.';
  do {
    *--p = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole > 0);
  if (negative) *--p = '-';
  out.append(p, end);
}

}  // namespace

void append_fixed1(std::string& out, double v) {
  std::uint64_t k = 0;
  if (std::isfinite(v) && !(v == 0 && std::signbit(v)) && scaled_round(std::fabs(v), 1, k)) {
    // A value that rounds to zero keeps printf's sign: "-0.0" for -0.04.
    append_scaled(out, std::signbit(v), k, 1, true);
    return;
  }
  append_to_chars(out, v, std::chars_format::fixed, 1);
}

void append_general9(std::string& out, double v) {
  const double m = std::fabs(v);
  // %.9g writes fixed notation with 9 significant digits for 1 <= |v| < 10^9 after rounding.
  if (std::isfinite(v) && m >= 1 && m < 1e8) {
    int integer_digits = 1;
    while (integer_digits < 9 && m >= kPow10[integer_digits]) ++integer_digits;
    const int decimals = 9 - integer_digits;
    std::uint64_t k = 0;
    // A carry into a tenth digit (99.99999999 -> 100) changes the layout: general path.
    if (scaled_round(m, decimals, k) && k < 1000000000ull) {
      append_scaled(out, v < 0, k, decimals, false);
      return;
    }
  }
  append_to_chars(out, v, std::chars_format::general, 9);
}

}  // namespace giatlas
