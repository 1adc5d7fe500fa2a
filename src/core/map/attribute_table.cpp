// Attribute table helpers: column lookup, text filter, numeric-aware sorting (see attribute_table.h).
#include "map/attribute_table.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

#include "io/value_text.h"
#include "map/field_labels.h"

namespace giatlas {
namespace {

std::optional<double> as_number(const std::string& s) {
  if (s.empty()) return std::nullopt;
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

// Numbers before text; numbers by value, text by bytes (UTF-8 order = code point order).
bool less_cell(const std::string& a, const std::string& b) {
  const auto na = as_number(a), nb = as_number(b);
  if (na && nb) return *na < *nb;
  if (na != nb) return na.has_value();
  return a < b;
}

}  // namespace

int AttributeTable::column(const std::string& name) const {
  const auto it = std::find(columns.begin(), columns.end(), name);
  return it == columns.end() ? -1 : static_cast<int>(it - columns.begin());
}

void AttributeTable::set(std::size_t row, const std::string& name, const std::string& value) {
  int c = column(name);
  if (c < 0) {
    columns.push_back(name);
    for (auto& r : rows) r.resize(columns.size());
    c = static_cast<int>(columns.size()) - 1;
  }
  if (row >= rows.size()) rows.resize(row + 1, std::vector<std::string>(columns.size()));
  rows[row].resize(columns.size());
  rows[row][static_cast<std::size_t>(c)] = value;
}

std::vector<std::size_t> filter_and_sort(const AttributeTable& t, const std::string& filter, int sort_column,
                                         bool ascending, bool chinese) {
  std::vector<std::size_t> out;
  const std::string needle = ascii_lower(filter);
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    if (needle.empty()) {
      out.push_back(i);
      continue;
    }
    for (std::size_t c = 0; c < t.rows[i].size(); ++c) {
      const std::string& cell = t.rows[i][c];
      const bool shown =
          chinese && c < t.columns.size() &&
          ascii_lower(field_value_search_text(t.columns[c], cell)).find(needle) != std::string::npos;
      if (shown || ascii_lower(cell).find(needle) != std::string::npos) {
        out.push_back(i);
        break;
      }
    }
  }
  if (sort_column >= 0 && static_cast<std::size_t>(sort_column) < t.columns.size()) {
    const auto c = static_cast<std::size_t>(sort_column);
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
      const std::string& x = c < t.rows[a].size() ? t.rows[a][c] : std::string();
      const std::string& y = c < t.rows[b].size() ? t.rows[b][c] : std::string();
      return ascending ? less_cell(x, y) : less_cell(y, x);
    });
  }
  return out;
}

}  // namespace giatlas
