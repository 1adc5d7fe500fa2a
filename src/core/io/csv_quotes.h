// Unbalanced quotes in CSV text: a quote opened and not closed where it should be makes a CSV
// reader (GDAL's among them) swallow the following lines into one field, silently losing rows.
// Found here, before the file is read, with the line numbers a user needs to fix it.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace giatlas {

struct CsvQuoteProblem {
  std::size_t open_line = 0;       // 1-based line where the runaway quote opens
  std::size_t close_line = 0;      // line where it closes; 0 when it never does
  std::size_t row_like_lines = 0;  // swallowed lines that have a whole row's delimiters
  std::string message;             // one line: "line 3: a quote opened here …"
};

// Scans UTF-8 CSV text as GDAL reads it: every '"' toggles quoting, so a line with an odd number
// of quotes continues on the next. The delimiter is the most frequent of , ; TAB | in the header
// line. A quoted stretch that spans lines is a problem when
//   - it never closes (the quote runs to the end of the file), or
//   - a line it swallows holds at least as many delimiters as the header (a whole row).
// Other line breaks inside quotes (an address typed on two lines) are fine.
// nullopt when the text has no such problem; the first problem otherwise.
std::optional<CsvQuoteProblem> find_unbalanced_quote(std::string_view text);

}  // namespace giatlas
