// Coordinate text parser: a small tokenizer (numbers, unit marks, hemispheres, signs) and a
// validator that turns the tokens into degrees or a problem code.
#include "io/coordinate_text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cmath>
#include <optional>
#include <cstring>
#include <vector>

namespace giatlas {
namespace {

enum class Tok { Number, Deg, Min, Sec, Hemi, Minus, Plus, Sep };

struct Token {
  Tok kind;
  std::string text;  // digits for Number
  char hemi = 0;     // for Hemi
  bool upper_s = false;  // an ASCII 'S' (south or seconds, decided later)
};

// Multi-byte marks and words, matched longest first.
struct Mark {
  const char* utf8;
  Tok kind;
  char hemi;
};
constexpr Mark kMarks[] = {
    {"东经", Tok::Hemi, 'E'}, {"西经", Tok::Hemi, 'W'}, {"北纬", Tok::Hemi, 'N'},
    {"南纬", Tok::Hemi, 'S'}, {"东", Tok::Hemi, 'E'},   {"西", Tok::Hemi, 'W'},
    {"北", Tok::Hemi, 'N'},   {"南", Tok::Hemi, 'S'},   {"度", Tok::Deg, 0},
    {"分", Tok::Min, 0},      {"秒", Tok::Sec, 0},      {"\xC2\xB0", Tok::Deg, 0},  // °
    {"\xC2\xBA", Tok::Deg, 0},                                                      // º
    {"\xCB\x9A", Tok::Deg, 0},                                                      // ˚
    {"\xE2\x80\xB2", Tok::Min, 0},                                                  // ′
    {"\xE2\x80\x99", Tok::Min, 0},                                                  // ’
    {"\xE2\x80\x98", Tok::Min, 0},                                                  // ‘
    {"\xC2\xB4", Tok::Min, 0},                                                      // ´
    {"\xE2\x80\xB3", Tok::Sec, 0},                                                  // ″
    {"\xE2\x80\x9D", Tok::Sec, 0},                                                  // ”
    {"\xE2\x80\x9C", Tok::Sec, 0},                                                  // “
    {"\xE2\x88\x92", Tok::Minus, 0},                                                // − (U+2212)
    {"\xE3\x80\x82", Tok::Number, 0},  // 。 typed for a decimal point by a Chinese IME
};

CoordValue fail(std::string_view text, const char* code, const std::string& why) {
  CoordValue v;
  v.problem = code;
  // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string&&.
  v.message.reserve(text.size() + why.size() + 4);
  v.message += '\'';
  v.message += text;
  v.message += "': ";
  v.message += why;
  return v;
}

// Splits folded text into tokens; returns false (and sets `bad`) on a character we do not know.
bool tokenize(const std::string& s, std::vector<Token>& out, std::string& bad) {
  // A decimal comma is accepted only when it is the one separator there is: no '.', a single
  // ',' between digits. Otherwise commas separate parts.
  const auto commas = std::count(s.begin(), s.end(), ',');
  const bool comma_is_decimal = s.find('.') == std::string::npos && commas == 1 && [&] {
    const auto i = s.find(',');
    return i > 0 && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
           std::isdigit(static_cast<unsigned char>(s[i + 1]));
  }();
  std::size_t i = 0;
  auto push_char_to_number = [&](char c) {
    if (out.empty() || out.back().kind != Tok::Number) out.push_back({Tok::Number, ""});
    out.back().text += c;
  };
  while (i < s.size()) {
    const char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
      push_char_to_number(c);
      ++i;
      continue;
    }
    if (c == ',' && comma_is_decimal) {
      push_char_to_number('.');
      ++i;
      continue;
    }
    bool matched = false;
    for (const Mark& m : kMarks) {
      const std::size_t n = std::strlen(m.utf8);
      if (s.compare(i, n, m.utf8) != 0) continue;
      if (m.kind == Tok::Number) {
        push_char_to_number('.');
      } else {
        out.push_back({m.kind, "", m.hemi});
        // "东经" etc. may be followed by a redundant 经/纬 in forms like "东 经"; 度 after a
        // hemisphere word is a unit mark and handled normally.
      }
      i += n;
      matched = true;
      break;
    }
    if (matched) continue;
    switch (c) {
      case ' ': case '\t': case ',': case ':': case ';': case '/': case '_':
        out.push_back({Tok::Sep, ""});
        break;
      case '-': out.push_back({Tok::Minus, ""}); break;
      case '+': out.push_back({Tok::Plus, ""}); break;
      case 'd': case 'D': out.push_back({Tok::Deg, ""}); break;
      case 'm': case 'M': case '\'': out.push_back({Tok::Min, ""}); break;
      case '"': case 's': out.push_back({Tok::Sec, ""}); break;
      case 'n': case 'N': out.push_back({Tok::Hemi, "", 'N'}); break;
      case 'e': case 'E': out.push_back({Tok::Hemi, "", 'E'}); break;
      case 'w': case 'W': out.push_back({Tok::Hemi, "", 'W'}); break;
      case 'S': out.push_back({Tok::Hemi, "", 'S', true}); break;
      default: {
        // Report the whole UTF-8 character, not one byte of it.
        std::size_t len = 1;
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0xF0) len = 4;
        else if (u >= 0xE0) len = 3;
        else if (u >= 0xC0) len = 2;
        bad = s.substr(i, len);
        return false;
      }
    }
    ++i;
  }
  // Two minute marks in a row ('') are a seconds mark.
  for (std::size_t k = 0; k + 1 < out.size(); ++k) {
    if (out[k].kind == Tok::Min && out[k + 1].kind == Tok::Min) {
      out[k].kind = Tok::Sec;
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(k) + 1);
    }
  }
  return true;
}

bool parse_number(const std::string& t, double& v) {
  if (t.empty() || t == "." || std::count(t.begin(), t.end(), '.') > 1) return false;
  std::string s = t;
  if (s.front() == '.') s = "0" + s;
  if (s.back() == '.') s.pop_back();
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(v);
}

std::string fmt(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// Exponent notation ("1e308", "1.0775E2", "-2.9e+1"), as spreadsheets and scripts write numbers.
// The same letters are hemispheres, so "107E30" could be 107°30′E: the text is read as exponent
// notation when the mantissa has a point or the exponent a sign, or else when the number after
// the E is 60 or more (then it cannot be minutes). Returns false when `s` is not of that form.
bool exponent_notation(const std::string& s, std::string& number) {
  std::size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
  if (b == std::string::npos) return false;
  number = s.substr(b, e - b + 1);
  std::size_t i = 0;
  if (i < number.size() && (number[i] == '-' || number[i] == '+')) ++i;
  const std::size_t mantissa_from = i;
  bool point = false, digits = false;
  for (; i < number.size() && (std::isdigit(static_cast<unsigned char>(number[i])) || number[i] == '.'); ++i) {
    if (number[i] == '.') {
      if (point) return false;
      point = true;
    } else {
      digits = true;
    }
  }
  if (!digits || i == mantissa_from || i >= number.size() || (number[i] != 'e' && number[i] != 'E')) return false;
  ++i;
  const bool exp_sign = i < number.size() && (number[i] == '-' || number[i] == '+');
  if (exp_sign) ++i;
  const std::size_t exp_from = i;
  while (i < number.size() && std::isdigit(static_cast<unsigned char>(number[i]))) ++i;
  if (i == exp_from || i != number.size()) return false;
  if (!point && !exp_sign && std::stod(number.substr(exp_from, std::min<std::size_t>(i - exp_from, 6))) < 60) return false;
  if (number[0] == '+') number.erase(0, 1);
  return true;
}

// A coordinate written in exponent notation: a plain decimal value when it is one (1.0775E2 is
// 107.75), else "not a valid coordinate" with the reason, never a reading as minutes.
CoordValue parse_exponent(std::string_view text, const std::string& number, CoordAxis axis) {
  double v = 0;
  const auto r = std::from_chars(number.data(), number.data() + number.size(), v);
  if (r.ec != std::errc() || r.ptr != number.data() + number.size() || !std::isfinite(v)) {
    CoordValue out = fail(text, "not_a_number", "exponent notation beyond any number: not a valid coordinate");
    out.exponent = true;
    return out;
  }
  const double limit = axis == CoordAxis::Lat ? 90.0 : 180.0;
  CoordValue out;
  if (std::fabs(v) > limit)
    out = fail(text, "out_of_range",
               "exponent notation " + fmt(v) + " out of range (beyond ±" + fmt(limit) + "): not a valid coordinate");
  out.degrees = v;
  out.form = CoordForm::Decimal;
  out.exponent = true;
  return out;
}

}  // namespace

const char* coord_form_name(CoordForm f) {
  switch (f) {
    case CoordForm::Decimal: return "decimal";
    case CoordForm::DegMin: return "DDM";
    case CoordForm::DegMinSec: return "DMS";
    case CoordForm::None: break;
  }
  return "none";
}

std::string fold_fullwidth(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 == 0xEF && i + 2 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      const auto b2 = static_cast<unsigned char>(text[i + 2]);
      // U+FF01..U+FF3F = EF BC 81..BF, U+FF40..U+FF5E = EF BD 80..9E
      if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) {
        out += static_cast<char>(b2 - 0x81 + 0x21);
        i += 2;
        continue;
      }
      if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) {
        out += static_cast<char>(b2 - 0x80 + 0x60);
        i += 2;
        continue;
      }
    }
    if (b0 == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0x80) {  // U+3000 ideographic space
      out += ' ';
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

namespace {

// An upper-case S right after the last of three numbers, with a minutes mark and no seconds
// mark before it, is a seconds mark ("29D19M12S").
void mark_seconds_s(std::vector<Token>& toks) {
  int numbers = 0;
  bool min_mark = false, sec_mark = false;
  for (const Token& t : toks) {
    numbers += t.kind == Tok::Number;
    min_mark |= t.kind == Tok::Min;
    sec_mark |= t.kind == Tok::Sec;
  }
  for (std::size_t k = 1; k < toks.size(); ++k)
    if (toks[k].upper_s && toks[k - 1].kind == Tok::Number && numbers == 3 && min_mark && !sec_mark)
      toks[k].kind = Tok::Sec;
}

struct Part {
  double value;
  bool fractional;
  int unit;  // 0 deg, 1 min, 2 sec, -1 unmarked
};

// The numbers with their unit marks, the hemisphere letter and the sign; a failure when the
// tokens do not make a coordinate.
struct Parts {
  std::vector<Part> parts;
  char hemi = 0;
  bool minus = false;
  std::optional<CoordValue> failure;
};

Parts collect_parts(std::string_view text, const std::vector<Token>& toks) {
  Parts p;
  bool seen_number = false;
  for (const Token& t : toks) {
    switch (t.kind) {
      case Tok::Sep: break;
      case Tok::Hemi:
        if (p.hemi && p.hemi != t.hemi) {
          p.failure = fail(text, "hemisphere_conflict", std::string("both ") + p.hemi + " and " + t.hemi + " given");
          return p;
        }
        p.hemi = t.hemi;
        break;
      case Tok::Minus:
      case Tok::Plus:
        if (seen_number || p.minus) {
          p.failure = fail(text, "not_a_number", "a sign in the middle");
          return p;
        }
        p.minus = t.kind == Tok::Minus;
        break;
      case Tok::Number: {
        double v = 0;
        if (!parse_number(t.text, v)) {
          p.failure = fail(text, "not_a_number", "'" + t.text + "' is not a number");
          return p;
        }
        p.parts.push_back({v, t.text.find('.') != std::string::npos, -1});
        seen_number = true;
        break;
      }
      case Tok::Deg:
      case Tok::Min:
      case Tok::Sec:
        if (p.parts.empty() || p.parts.back().unit != -1) {
          p.failure = fail(text, "unit_order", "a unit mark without a number before it");
          return p;
        }
        p.parts.back().unit = t.kind == Tok::Deg ? 0 : t.kind == Tok::Min ? 1 : 2;
        break;
    }
  }
  return p;
}

// Degrees, then minutes, then seconds, decimals only on the last, minutes and seconds below 60.
std::optional<CoordValue> check_parts(std::string_view text, const std::vector<Token>& toks, Parts& p) {
  if (p.parts.empty()) {
    if (toks.empty() || std::all_of(toks.begin(), toks.end(), [](const Token& t) { return t.kind == Tok::Sep; }))
      return fail(text, "empty", "no coordinate given");
    return fail(text, "not_a_number", "no number in it");
  }
  if (p.parts.size() > 3)
    return fail(text, "too_many_parts", std::to_string(p.parts.size()) + " numbers; at most degrees, minutes, seconds");
  for (std::size_t k = 0; k < p.parts.size(); ++k) {
    if (p.parts[k].unit == -1) p.parts[k].unit = static_cast<int>(k);
    if (p.parts[k].unit != static_cast<int>(k))
      return fail(text, "unit_order", "degrees, minutes and seconds out of order or missing degrees");
    if (p.parts[k].fractional && k + 1 < p.parts.size())
      return fail(text, "fractional_part", "only the last part may have decimals");
  }
  if (p.parts.size() >= 2 && p.parts[1].value >= 60)
    return fail(text, "minutes_out_of_range", "minutes " + fmt(p.parts[1].value) + " not below 60");
  if (p.parts.size() == 3 && p.parts[2].value >= 60)
    return fail(text, "seconds_out_of_range", "seconds " + fmt(p.parts[2].value) + " not below 60");
  if (p.minus && p.hemi) return fail(text, "sign_and_hemisphere", std::string("a minus sign and hemisphere ") + p.hemi);
  return std::nullopt;
}

// A value read but not usable on `axis`: the failure keeps the value, form and hemisphere (the
// caller may be detecting swapped columns).
CoordValue fail_keeping(std::string_view text, const char* code, const std::string& why, const CoordValue& v) {
  CoordValue r = fail(text, code, why);
  r.degrees = v.degrees;
  r.form = v.form;
  r.hemisphere = v.hemisphere;
  return r;
}

}  // namespace

CoordValue parse_coordinate(std::string_view text, CoordAxis axis) {
  const std::string s = fold_fullwidth(text);
  if (std::string number; exponent_notation(s, number)) return parse_exponent(text, number, axis);
  std::vector<Token> toks;
  std::string bad;
  if (!tokenize(s, toks, bad)) return fail(text, "bad_character", "unexpected character '" + bad + "'");
  mark_seconds_s(toks);
  Parts p = collect_parts(text, toks);
  if (p.failure) return *p.failure;
  if (auto f = check_parts(text, toks, p)) return *f;

  CoordValue v;
  v.form = p.parts.size() == 1 ? CoordForm::Decimal : p.parts.size() == 2 ? CoordForm::DegMin : CoordForm::DegMinSec;
  double d = p.parts[0].value;
  if (p.parts.size() >= 2) d += p.parts[1].value / 60.0;
  if (p.parts.size() == 3) d += p.parts[2].value / 3600.0;
  if (p.minus || p.hemi == 'S' || p.hemi == 'W') d = -d;
  v.degrees = d;
  v.hemisphere = p.hemi;
  const bool wrong = (axis == CoordAxis::Lon && (p.hemi == 'N' || p.hemi == 'S')) ||
                     (axis == CoordAxis::Lat && (p.hemi == 'E' || p.hemi == 'W'));
  if (wrong)
    return fail_keeping(text, "wrong_hemisphere",
                        std::string("hemisphere ") + p.hemi + " given for a " +
                            (axis == CoordAxis::Lon ? "longitude" : "latitude"),
                        v);
  const double limit = axis == CoordAxis::Lat ? 90.0 : 180.0;
  if (std::fabs(d) > limit)
    return fail_keeping(text, "out_of_range",
                        std::string(axis == CoordAxis::Lat ? "latitude " : axis == CoordAxis::Lon ? "longitude " : "value ") +
                            fmt(d) + " out of range",
                        v);
  return v;
}

}  // namespace giatlas
