// Runaway quotes in CSV text (see csv_quotes.h).
#include "io/csv_quotes.h"

#include <algorithm>
#include <array>

namespace giatlas {

namespace {

char header_delimiter(std::string_view text) {
  const std::string_view header = text.substr(0, text.find('\n'));
  constexpr std::array<char, 4> kCandidates = {',', ';', '\t', '|'};
  char best = ',';
  std::ptrdiff_t best_count = 0;
  for (char c : kCandidates) {
    const auto n = std::count(header.begin(), header.end(), c);
    if (n > best_count) {
      best = c;
      best_count = n;
    }
  }
  return best;
}

}  // namespace

std::optional<CsvQuoteProblem> find_unbalanced_quote(std::string_view text) {
  const char delim = header_delimiter(text);
  const std::string_view header = text.substr(0, text.find('\n'));
  const auto header_delims = static_cast<std::size_t>(std::count(header.begin(), header.end(), delim));

  bool quoted = false;
  std::size_t line = 1, open_line = 0, row_like = 0, line_delims = 0;
  bool in_swallowed_line = false;  // the current line began inside quotes
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;
      if (quoted && !in_swallowed_line) open_line = line;
      if (!quoted && in_swallowed_line) {
        // The quote closes on a line it had swallowed: judge the stretch (this line's part too).
        if (header_delims > 0 && line_delims >= header_delims) ++row_like;
        if (row_like > 0) {
          CsvQuoteProblem p{open_line, line, row_like, ""};
          p.message =
              "line " + std::to_string(open_line) + ": a quote opened here closes only on line " +
              std::to_string(line) + ", swallowing " + std::to_string(row_like) +
              " line(s) that look like whole rows; close the quote (or double it: \"\") and import again";
          return p;
        }
        in_swallowed_line = false;
      }
      continue;
    }
    if (c == delim) ++line_delims;
    if (c != '\n') continue;
    // End of a line: a swallowed line with a whole row's delimiters counts against the quote.
    if (in_swallowed_line && header_delims > 0 && line_delims >= header_delims) ++row_like;
    ++line;
    line_delims = 0;
    if (quoted) {
      in_swallowed_line = true;
    } else {
      in_swallowed_line = false;
      row_like = 0;
    }
  }
  if (quoted) {
    const std::size_t last_line = !text.empty() && text.back() == '\n' ? line - 1 : line;
    CsvQuoteProblem p{open_line, 0, row_like, ""};
    const std::string swallowed = open_line + 1 == last_line ? "line " + std::to_string(last_line)
                                                             : "lines " + std::to_string(open_line + 1) +
                                                                   " to " + std::to_string(last_line);
    p.message = "line " + std::to_string(open_line) + ": a quote opened here is never closed (it swallows " +
                swallowed + "); close the quote (or double it: \"\") and import again";
    if (open_line >= last_line)
      p.message = "line " + std::to_string(open_line) + ": a quote opened here is never closed";
    return p;
  }
  return std::nullopt;
}

}  // namespace giatlas
