// The tables behind tr(): the English and Chinese texts from strings.h, indexed by id, and
// the choice of the interface language.
#include "strings.h"

#include <cstddef>
#include <cstdlib>

namespace giatlas::gui {

const char* tr_in(Language lang, Str id) {
  static const char* const english[] = {
#define GIATLAS_STR_EN(id, en, zh) en,
      GIATLAS_UI_STRINGS(GIATLAS_STR_EN)
#undef GIATLAS_STR_EN
  };
  static const char* const chinese[] = {
#define GIATLAS_STR_ZH(id, en, zh) zh,
      GIATLAS_UI_STRINGS(GIATLAS_STR_ZH)
#undef GIATLAS_STR_ZH
  };
  static_assert(sizeof english / sizeof english[0] == static_cast<std::size_t>(Str::count));
  static_assert(sizeof chinese / sizeof chinese[0] == static_cast<std::size_t>(Str::count));
  const auto i = static_cast<std::size_t>(id);
  if (i >= static_cast<std::size_t>(Str::count)) return "";
  return lang == Language::chinese ? chinese[i] : english[i];
}

std::optional<Language> language_named(const std::string& name) {
  if (name.rfind("zh", 0) == 0) return Language::chinese;
  if (name.rfind("en", 0) == 0 || name == "C" || name.rfind("C.", 0) == 0 || name == "POSIX") return Language::english;
  return std::nullopt;
}

Language choose_language(const std::vector<std::string>& choices, const std::vector<std::string>& locale) {
  for (const std::string& c : choices)
    if (auto l = language_named(c)) return *l;
  for (const std::string& l : locale)
    if (!l.empty()) return language_named(l).value_or(Language::english);
  return Language::english;
}

const char* language_code(Language lang) { return lang == Language::chinese ? "zh" : "en"; }

Language ui_language() {
  static const Language lang = [] {
    auto env = [](const char* name) -> std::string {
      const char* v = std::getenv(name);
      return v ? v : "";
    };
    return choose_language({env("GIATLAS_LANG")}, {env("LC_ALL"), env("LC_MESSAGES"), env("LANG")});
  }();
  return lang;
}

const char* tr(Str id) { return tr_in(ui_language(), id); }

}  // namespace giatlas::gui
