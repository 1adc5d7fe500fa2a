// The table behind tr(): the English texts from strings.h, indexed by id.
#include "strings.h"

#include <cstddef>

namespace giatlas::gui {

const char* tr(Str id) {
  static const char* const english[] = {
#define GIATLAS_STR_TEXT(id, text) text,
      GIATLAS_UI_STRINGS(GIATLAS_STR_TEXT)
#undef GIATLAS_STR_TEXT
  };
  static_assert(sizeof english / sizeof english[0] == static_cast<std::size_t>(Str::count));
  const auto i = static_cast<std::size_t>(id);
  return i < static_cast<std::size_t>(Str::count) ? english[i] : "";
}

}  // namespace giatlas::gui
