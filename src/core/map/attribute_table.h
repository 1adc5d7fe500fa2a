// The attributes of one map layer as text: what the identify panel and the attribute table show,
// with the table's text filter and sorting (kept here so tests and the CLI can use them).
#pragma once
#include <string>
#include <vector>

namespace giatlas {

struct AttributeTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // rows[i][c] belongs to columns[c]

  // Index of a column, or -1.
  int column(const std::string& name) const;
  // Sets a column's value in row `row`, adding the column (empty in other rows) if needed.
  void set(std::size_t row, const std::string& column_name, const std::string& value);
};

// Row indices whose text contains `filter` (case-insensitive for ASCII, exact for other
// characters; any column), sorted by `sort_column` (numbers compare as numbers, then text).
// A cell matches by its stored text or by the text the table shows for it in the interface
// language (field_value_label: with `chinese`, typing 区外 or 边界附近 finds those check results).
// DEFAULT: sort_column -1 keeps the layer's order; ascending; chinese false.
std::vector<std::size_t> filter_and_sort(const AttributeTable& t, const std::string& filter, int sort_column = -1,
                                         bool ascending = true, bool chinese = false);

}  // namespace giatlas
