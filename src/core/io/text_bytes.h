// Bytes of a text file weighed as a whole: how much of it is well-formed UTF-8, where the bad
// bytes and NUL bytes are, and a repaired copy in which each is replaced by U+FFFD (never cut,
// never dropped silently). The CSV importer decides the encoding from this evidence and names
// the lines it repaired.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace giatlas {

struct Utf8Evidence {
  std::int64_t multibyte = 0;       // well-formed multi-byte UTF-8 characters
  std::int64_t invalid = 0;         // bytes that start no well-formed UTF-8 character
  std::int64_t nul = 0;             // NUL bytes
  std::vector<std::int64_t> lines;  // 1-based lines holding invalid or NUL bytes (first 20)
  // DEFAULT rule: mostly UTF-8 — at least 4 well-formed multi-byte characters for each invalid
  // byte, or no invalid byte at all. A GBK/GB18030 file of Chinese text has almost no
  // well-formed UTF-8 sequences, so the two cannot be confused on real text.
  bool mostly_utf8() const { return invalid == 0 || multibyte >= 4 * invalid; }
};

Utf8Evidence utf8_evidence(const std::string& bytes);

// `bytes` with every invalid UTF-8 byte and every NUL replaced by U+FFFD (EF BF BD).
std::string repair_utf8(const std::string& bytes);

// NUL bytes replaced by `with` (a byte that survives recoding, e.g. 0x1A), so that C-string
// recoders do not stop at them. Returns how many were replaced.
std::int64_t replace_nul(std::string& bytes, char with);

// "3, 7 and 12" (and "… and N more lines" past the listed ones).
std::string line_list(const std::vector<std::int64_t>& lines, std::int64_t total_lines_with_damage);

}  // namespace giatlas
