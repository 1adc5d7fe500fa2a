// The CSV text-cell rule (see csv_cell.h).
#include "io/csv_cell.h"

#include <algorithm>

namespace giatlas {

bool starts_like_formula(std::string_view s) {
  if (s.empty()) return false;
  switch (s.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

void append_csv_text(std::string& out, std::string_view s) {
  const bool prefix = starts_like_formula(s);
  // One pass over the bytes (find_first_of calls memchr on the four specials once per byte).
  const bool plain = std::none_of(s.begin(), s.end(), [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
  if (plain) {
    if (prefix) out += '\'';
    out += s;
    return;
  }
  out += '"';
  if (prefix) out += '\'';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string csv_text(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 3);
  append_csv_text(out, s);
  return out;
}

}  // namespace giatlas
