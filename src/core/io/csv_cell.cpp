// The CSV text-cell rule (see csv_cell.h).
#include "io/csv_cell.h"

#include <cstdint>
#include <cstring>

namespace giatlas {

namespace {

// True when `s` holds , " CR or LF. Eight bytes at a time (a zero byte of v ^ pattern marks a
// match: the classic "has zero byte" test); find_first_of called memchr on the four specials
// once per byte, and reasons are a few hundred bytes per row.
bool needs_quotes(std::string_view s) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  auto has_byte = [](std::uint64_t v, unsigned char c) {
    const std::uint64_t x = v ^ (kOnes * c);
    return ((x - kOnes) & ~x & kHighs) != 0;
  };
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t v;
    std::memcpy(&v, s.data() + i, 8);
    if (has_byte(v, ',') || has_byte(v, '"') || has_byte(v, '\r') || has_byte(v, '\n')) return true;
  }
  for (; i < s.size(); ++i)
    if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n') return true;
  return false;
}

}  // namespace

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
  if (!needs_quotes(s)) {
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
