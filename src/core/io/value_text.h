// Attribute cell text -> typed values (yes/no, dates, numbers) as Chinese offices write them.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace giatlas {

// "是/否", "Y/N", "yes/no", "true/false", "1/0", "已授权/未授权", "有效/无效", "在职/离职" …;
// nullopt for anything else (including "").
std::optional<bool> parse_yes_no(const std::string& text);

// "2021-03-05", "2021/3/5", "2021.3.5", "2021年3月5日", "20210305", "2021/03/05 00:00:00" ->
// "2021-03-05"; nullopt when not a valid calendar date.
std::optional<std::string> parse_date(const std::string& text);

// A decimal number, full-width folded, optional thousands commas ("1,234.5"); nullopt otherwise.
std::optional<double> parse_number(const std::string& text);

// A list as people type it: "白马镇,仙女山街道", also with "，" or "、" between the items; each
// item trimmed (trim_text), empty ones dropped.
std::vector<std::string> split_typed_list(const std::string& text);

// Trims ASCII and ideographic spaces.
std::string trim_text(const std::string& text);

// ASCII letters lower-cased, every other byte as it is (file extensions, unit and codec names).
std::string ascii_lower(std::string text);

}  // namespace giatlas
