// Typed coordinate text -> degrees: decimal, degrees-minutes-seconds and degrees-decimal-minutes
// as people actually type them (symbols or none, Chinese 度分秒 and 东经/北纬, hemisphere
// letters, full-width characters). Bad text is a value with a stable problem code, not an error.
#pragma once
#include <string>
#include <string_view>

namespace giatlas {

// Which coordinate a text is meant to be; decides the range check and which hemisphere
// letters fit. Any: no range check beyond |v| <= 180 and no hemisphere check.
enum class CoordAxis { Any, Lon, Lat };

enum class CoordForm { None, Decimal, DegMin, DegMinSec };
const char* coord_form_name(CoordForm f);  // "decimal", "DDM", "DMS", "none"

// The outcome of parsing one coordinate text.
struct CoordValue {
  double degrees = 0;  // signed: south and west are negative
  CoordForm form = CoordForm::None;
  char hemisphere = 0;  // 'N', 'S', 'E', 'W' when the text named one, else 0
  bool exponent = false;  // written in exponent notation ("1e308", "1.0775E2")
  // Stable problem code, "" when the value is usable:
  //   empty, bad_character, not_a_number, too_many_parts, unit_order, fractional_part,
  //   minutes_out_of_range, seconds_out_of_range, sign_and_hemisphere, hemisphere_conflict,
  //   wrong_hemisphere (N/S given for a longitude or E/W for a latitude),
  //   out_of_range (beyond ±90 latitude / ±180 longitude; `degrees` holds the value read).
  std::string problem;
  std::string message;  // human-readable, names the text
  bool ok() const { return problem.empty(); }
};

// Parses `text` as a coordinate in degrees.
// Accepts: "107.7583", "-29.32", "107°45′30.5″E", "107 45 30.5", "107°45.508′", "107d45m30s",
// "东经107度45分30秒", "N29°19'12\"", "29°19'12\"N", full-width digits and punctuation
// (１０７．５, ，, ＂…), a decimal comma when it is the only separator ("29,5"), commas or
// colons as part separators in DMS ("107,45,30.5", "107:45:30").
// Exponent notation ("1.0775E2", "2.9e+1") is a decimal number; "1e308" is out_of_range and
// "1e999" not_a_number, both saying exponent notation. DEFAULT: "<integer>E<integer>" with no
// point and no exponent sign is degrees, minutes and hemisphere E ("107E30" = 107°30′E) when the
// second number is below 60, else exponent notation ("1e308").
// DEFAULT: a trailing upper-case S directly after the third number is read as seconds only when
// the text has no other seconds mark and already has a minutes mark ("29D19M12S"); otherwise S
// is south.
CoordValue parse_coordinate(std::string_view text, CoordAxis axis = CoordAxis::Any);

// Replaces full-width ASCII variants (U+FF01..U+FF5E) and the ideographic space by their ASCII
// forms; every other byte is kept. Useful for any numeric cell typed with a Chinese IME.
std::string fold_fullwidth(std::string_view text);

}  // namespace giatlas
