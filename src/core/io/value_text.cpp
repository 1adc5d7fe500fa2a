// Cell text parsing for imported attributes (see value_text.h).
#include "io/value_text.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

#include "io/coordinate_text.h"
#include "workspace/iso_date.h"

namespace giatlas {

std::string trim_text(const std::string& text) {
  std::string s = fold_fullwidth(text);
  const auto a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

std::optional<bool> parse_yes_no(const std::string& text) {
  std::string s = trim_text(text);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* const kYes[] = {"是", "y", "yes", "true", "t", "1", "已授权", "授权", "有效", "在职", "√", "active"};
  static const char* const kNo[] = {"否", "n", "no", "false", "f", "0", "未授权", "无效", "离职", "×", "inactive", "撤销"};
  for (const char* y : kYes)
    if (s == y) return true;
  for (const char* n : kNo)
    if (s == n) return false;
  return std::nullopt;
}

std::optional<std::string> parse_date(const std::string& text) {
  const std::string s = trim_text(text);
  if (s.empty()) return std::nullopt;
  std::vector<int> nums;
  std::string digits;
  auto flush = [&] {
    if (!digits.empty()) nums.push_back(std::stoi(digits.substr(0, 9)));
    digits.clear();
  };
  std::size_t i = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
      continue;
    }
    flush();
    if (c == ' ' || c == 'T') break;  // a time part follows
    if (nums.size() >= 3) break;
  }
  flush();
  if (nums.size() == 1 && s.size() >= 8 && nums[0] >= 10000101) {  // 20210305
    const int v = nums[0];
    nums = {v / 10000, v / 100 % 100, v % 100};
  }
  if (nums.size() < 3) return std::nullopt;
  const int y = nums[0], m = nums[1], d = nums[2];
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  if (!is_iso_date(buf)) return std::nullopt;  // the one calendar rule (workspace/iso_date.h)
  return std::string(buf);
}

std::optional<double> parse_number(const std::string& text) {
  std::string s = trim_text(text);
  std::string t;
  for (char c : s)
    if (c != ',') t += c;
  if (!t.empty() && t[0] == '+') t.erase(0, 1);
  if (t.empty()) return std::nullopt;
  double v = 0;
  const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
  if (r.ec != std::errc() || r.ptr != t.data() + t.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string ascii_lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

std::vector<std::string> split_typed_list(const std::string& text) {
  static const std::string kSeparators[] = {",", "，", "、"};
  std::vector<std::string> out;
  std::string item;
  auto flush = [&] {
    std::string t = trim_text(item);
    if (!t.empty()) out.push_back(std::move(t));
    item.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    bool separator = false;
    for (const std::string& sep : kSeparators)
      if (text.compare(i, sep.size(), sep) == 0) {
        flush();
        i += sep.size();
        separator = true;
        break;
      }
    if (!separator) item.push_back(text[i++]);
  }
  flush();
  return out;
}

}  // namespace giatlas
