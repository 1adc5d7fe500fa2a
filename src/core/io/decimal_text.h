// Numbers as report text, fast and exactly as printf writes them: "%.1f" and "%.9g" in the C
// locale. A report of a million rows writes four of these per row; printf (format parsing,
// locale, multi-precision rounding) and even std::to_chars with a precision were a tenth of
// the whole check. The common case is answered with integer arithmetic when it provably
// rounds the same way; anything else goes to std::to_chars, which the C++ standard defines as
// printf's output.
#pragma once
#include <string>

namespace giatlas {

// Appends printf("%.1f", v).
void append_fixed1(std::string& out, double v);
// Appends printf("%.9g", v).
void append_general9(std::string& out, double v);

}  // namespace giatlas
