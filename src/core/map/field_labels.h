// How a layer's field names and coded values read in the interface language: the identify panel
// and the attribute table show 名称, 地理标志, 核查结果 … in Chinese, and a check result as
// 区域内（近边界） rather than its code. English keeps the field names and codes as they are.
#pragma once
#include <string>
#include <vector>

namespace giatlas {

// The Chinese label of a scene table column ("name" → 名称, "check result" → 核查结果), or the
// field name itself when `chinese` is false or the field has no label.
std::string field_label(const std::string& field, bool chinese);
// A cell as shown: in Chinese a "check result" code becomes its label and "authorised" yes/no
// becomes 是/否; other cells as given.
std::string field_value_label(const std::string& field, const std::string& value, bool chinese);
// What the attribute filter matches a cell by in Chinese: its label, and for a check result near
// the boundary also the everyday words 边界附近 (the labels say 近边界).
std::string field_value_search_text(const std::string& field, const std::string& value);
// Every Chinese label (for the interface font's glyph set).
std::vector<std::string> field_labels_zh();

}  // namespace giatlas
