// UTF-8 evidence and repair.
#include "io/text_bytes.h"

namespace giatlas {

namespace {

// Length of the well-formed UTF-8 character at s[i] (1–4), or 0 when it is not one.
int utf8_char_length(const std::string& s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  int len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c == 0xE0) len = 3, lo = 0xA0;
  else if (c >= 0xE1 && c <= 0xEC) len = 3;
  else if (c == 0xED) len = 3, hi = 0x9F;
  else if (c >= 0xEE && c <= 0xEF) len = 3;
  else if (c == 0xF0) len = 4, lo = 0x90;
  else if (c >= 0xF1 && c <= 0xF3) len = 4;
  else if (c == 0xF4) len = 4, hi = 0x8F;
  else return 0;
  if (i + static_cast<std::size_t>(len) > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (int k = 2; k < len; ++k)
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  return len;
}

constexpr std::size_t kMaxLines = 20;

}  // namespace

Utf8Evidence utf8_evidence(const std::string& s) {
  Utf8Evidence e;
  std::int64_t line = 1, last_bad_line = 0;
  for (std::size_t i = 0; i < s.size();) {
    const int len = utf8_char_length(s, i);
    bool bad = false;
    if (len == 0) {
      ++e.invalid;
      bad = true;
      i += 1;
    } else {
      if (s[i] == '\0') {
        ++e.nul;
        bad = true;
      } else if (s[i] == '\n') {
        ++line;
      }
      if (len > 1) ++e.multibyte;
      i += static_cast<std::size_t>(len);
    }
    if (bad && line != last_bad_line) {
      last_bad_line = line;
      if (e.lines.size() < kMaxLines) e.lines.push_back(line);
      else e.lines.push_back(-1);  // counted, not listed
    }
  }
  return e;
}

std::string repair_utf8(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const int len = utf8_char_length(s, i);
    if (len == 0 || s[i] == '\0') {
      out += "\xEF\xBF\xBD";
      i += 1;
    } else {
      out.append(s, i, static_cast<std::size_t>(len));
      i += static_cast<std::size_t>(len);
    }
  }
  return out;
}

std::int64_t replace_nul(std::string& s, char with) {
  std::int64_t n = 0;
  for (char& c : s)
    if (c == '\0') {
      c = with;
      ++n;
    }
  return n;
}

std::string line_list(const std::vector<std::int64_t>& lines, std::int64_t total) {
  std::string out;
  std::size_t shown = 0;
  for (std::int64_t l : lines) {
    if (l < 0) break;
    if (shown) out += ", ";
    out += std::to_string(l);
    ++shown;
  }
  if (total > static_cast<std::int64_t>(shown)) out += " and " + std::to_string(total - shown) + " more lines";
  return out;
}

}  // namespace giatlas
