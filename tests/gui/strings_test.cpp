// The interface texts: every id has an English and a Chinese text, the Chinese is really
// Chinese, both are valid UTF-8 and take the same printf arguments (a mismatch would be
// undefined behaviour in ImGui::Text), and the language choice follows its documented order.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "gui/strings.h"

using namespace giatlas::gui;

namespace {

// The printf conversions of a format text, e.g. {"%lld", "%s"} ("%%" is not one).
std::vector<std::string> conversions(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') continue;
    if (i + 1 < s.size() && s[i + 1] == '%') {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < s.size() && std::string("0123456789.-+ #lhzjtL").find(s[j]) != std::string::npos) ++j;
    out.push_back(s.substr(i, j - i + 1));
    i = j;
  }
  return out;
}

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    i += n;
  }
  return true;
}

bool has_non_ascii(const std::string& s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

// "Ctrl + O", "F1", "I / B / Z / P": no lower-case word but the key words themselves.
bool is_key_name(std::string s) {
  for (const char* word : {"Ctrl", "Shift", "Home", "Esc"})
    for (std::size_t at; (at = s.find(word)) != std::string::npos;) s.erase(at, std::string(word).size());
  for (char c : s)
    if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace

TEST_CASE("every interface text has an English and a Chinese version with the same printf arguments", "[gui]") {
  int checked = 0;
  for (int i = 0; i < static_cast<int>(Str::count); ++i) {
    const auto id = static_cast<Str>(i);
    const std::string en = tr_in(Language::english, id), zh = tr_in(Language::chinese, id);
    INFO("string #" << i << ": " << en);
    CHECK_FALSE(en.empty());
    CHECK_FALSE(zh.empty());
    CHECK(valid_utf8(en));
    CHECK(valid_utf8(zh));
    CHECK(conversions(en) == conversions(zh));
    // Key names (Ctrl + O, F1 …) stay as they are; everything else is translated.
    if (!is_key_name(en)) CHECK(has_non_ascii(zh));
    ++checked;
  }
  CHECK(checked > 200);
  CHECK(conversions(tr_in(Language::chinese, Str::import_counts)) ==
        std::vector<std::string>{"%lld", "%lld", "%lld", "%lld", "%lld", "%s"});
  CHECK(std::string(tr_in(Language::chinese, Str::menu_file)) == "文件");
  CHECK(std::string(tr_in(Language::english, Str::menu_file)) == "File");
}

TEST_CASE("the interface language: flag, variable, saved choice, then the locale, else English", "[gui]") {
  CHECK(language_named("zh_CN.UTF-8") == Language::chinese);
  CHECK(language_named("zh") == Language::chinese);
  CHECK(language_named("en_GB.UTF-8") == Language::english);
  CHECK(language_named("C.UTF-8") == Language::english);
  CHECK_FALSE(language_named("fr_FR.UTF-8").has_value());
  CHECK_FALSE(language_named("").has_value());
  // An explicit choice wins over the locale, the first one set wins.
  CHECK(choose_language({"en", "zh", ""}, {"zh_CN.UTF-8"}) == Language::english);
  CHECK(choose_language({"", "zh", "en"}, {"C.UTF-8"}) == Language::chinese);
  CHECK(choose_language({"", "", "zh"}, {"en_US.UTF-8"}) == Language::chinese);
  CHECK(choose_language({"", "xx", ""}, {"zh_TW.UTF-8"}) == Language::chinese);
  // The locale: LC_ALL before LC_MESSAGES before LANG; an unknown locale is English.
  CHECK(choose_language({}, {"", "zh_CN.UTF-8", "en_US.UTF-8"}) == Language::chinese);
  CHECK(choose_language({}, {"fr_FR.UTF-8", "zh_CN.UTF-8", ""}) == Language::english);
  CHECK(choose_language({}, {"", "", ""}) == Language::english);
  CHECK(std::string(language_code(Language::chinese)) == "zh");
  CHECK(std::string(language_code(Language::english)) == "en");
}
