// Tests of the coordinate text parser: a table of typed strings, then a fuzz run.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "io/coordinate_text.h"

using giatlas::CoordAxis;
using giatlas::CoordForm;
using giatlas::CoordValue;
using giatlas::parse_coordinate;

namespace {

struct Row {
  const char* text;
  CoordAxis axis;
  double expected;      // ignored when problem is set
  const char* problem;  // "" = must parse
};

constexpr double dms(double d, double m, double s) { return d + m / 60.0 + s / 3600.0; }

const Row kRows[] = {
    // decimal
    {"107.7583", CoordAxis::Lon, 107.7583, ""},
    {"  29.32 ", CoordAxis::Lat, 29.32, ""},
    {"-29.32", CoordAxis::Lat, -29.32, ""},
    {"+107.5", CoordAxis::Lon, 107.5, ""},
    {"107", CoordAxis::Lon, 107.0, ""},
    {".5", CoordAxis::Any, 0.5, ""},
    {"107.5°", CoordAxis::Lon, 107.5, ""},
    {"107.5°E", CoordAxis::Lon, 107.5, ""},
    {"E107.5", CoordAxis::Lon, 107.5, ""},
    {"29.5S", CoordAxis::Lat, -29.5, ""},
    {"W 73.2", CoordAxis::Lon, -73.2, ""},
    {"29,5", CoordAxis::Lat, 29.5, ""},
    {"１０７．５", CoordAxis::Lon, 107.5, ""},
    {"１０７。５", CoordAxis::Lon, 107.5, ""},
    {"东经107.75", CoordAxis::Lon, 107.75, ""},
    {"北纬29.32度", CoordAxis::Lat, 29.32, ""},
    // degrees, minutes, seconds
    {"107°45′30.5″E", CoordAxis::Lon, dms(107, 45, 30.5), ""},
    {"107 45 30.5", CoordAxis::Lon, dms(107, 45, 30.5), ""},
    {"107°45'30.5\"", CoordAxis::Lon, dms(107, 45, 30.5), ""},
    {"107°45'30.5''", CoordAxis::Lon, dms(107, 45, 30.5), ""},
    {"107d45m30.5s", CoordAxis::Lon, dms(107, 45, 30.5), ""},
    {"29D19M12S", CoordAxis::Lat, dms(29, 19, 12), ""},
    {"东经107度45分30秒", CoordAxis::Lon, dms(107, 45, 30), ""},
    {"北纬29度19分12秒", CoordAxis::Lat, dms(29, 19, 12), ""},
    {"N29°19'12\"", CoordAxis::Lat, dms(29, 19, 12), ""},
    {"29°19'12\"N", CoordAxis::Lat, dms(29, 19, 12), ""},
    {"29°19'12\"S", CoordAxis::Lat, -dms(29, 19, 12), ""},
    {"南纬 29°19′12″", CoordAxis::Lat, -dms(29, 19, 12), ""},
    {"西经73°59′", CoordAxis::Lon, -dms(73, 59, 0), ""},
    {"107:45:30", CoordAxis::Lon, dms(107, 45, 30), ""},
    {"107,45,30.5", CoordAxis::Lon, dms(107, 45, 30.5), ""},
    {"１０７°４５′３０″", CoordAxis::Lon, dms(107, 45, 30), ""},
    {"107º45’30”", CoordAxis::Lon, dms(107, 45, 30), ""},
    {"-107 45 30", CoordAxis::Lon, -dms(107, 45, 30), ""},
    // degrees and decimal minutes
    {"107°45.508′", CoordAxis::Lon, dms(107, 45.508, 0), ""},
    {"107 45.508", CoordAxis::Lon, dms(107, 45.508, 0), ""},
    {"N 29 19.2", CoordAxis::Lat, dms(29, 19.2, 0), ""},
    {"107度45.5分", CoordAxis::Lon, dms(107, 45.5, 0), ""},
    {"107°45,5′", CoordAxis::Lon, dms(107, 45.5, 0), ""},
    // bad ones
    {"", CoordAxis::Lon, 0, "empty"},
    {"   ", CoordAxis::Lat, 0, "empty"},
    {"abc", CoordAxis::Lon, 0, "bad_character"},
    {"N/A", CoordAxis::Lon, 0, "bad_character"},
    {"东经", CoordAxis::Lon, 0, "not_a_number"},
    {"107..5", CoordAxis::Lon, 0, "not_a_number"},
    {"1.2.3", CoordAxis::Lon, 0, "not_a_number"},
    {"107 45 30 12", CoordAxis::Lon, 0, "too_many_parts"},
    {"107°61′", CoordAxis::Lon, 0, "minutes_out_of_range"},
    {"107°45′60″", CoordAxis::Lon, 0, "seconds_out_of_range"},
    {"107.5°45′", CoordAxis::Lon, 0, "fractional_part"},
    {"45′30″", CoordAxis::Lon, 0, "unit_order"},
    {"N29.3E", CoordAxis::Lat, 0, "hemisphere_conflict"},
    {"-29.3S", CoordAxis::Lat, 0, "sign_and_hemisphere"},
    {"29.3N", CoordAxis::Lon, 0, "wrong_hemisphere"},
    {"107.5E", CoordAxis::Lat, 0, "wrong_hemisphere"},
    {"129.3", CoordAxis::Lat, 0, "out_of_range"},
    {"181", CoordAxis::Lon, 0, "out_of_range"},
    {"3244763.559", CoordAxis::Lat, 0, "out_of_range"},
    {"12-5", CoordAxis::Lon, 0, "not_a_number"},
    {"107°45′30″东经x", CoordAxis::Lon, 0, "bad_character"},
};

}  // namespace

TEST_CASE("typed coordinate strings parse to the expected degrees or a stable problem code") {
  STATIC_REQUIRE(sizeof(kRows) / sizeof(kRows[0]) >= 40);
  for (const Row& r : kRows) {
    INFO("text: '" << r.text << "'");
    const auto v = parse_coordinate(r.text, r.axis);
    if (*r.problem) {
      CHECK(v.problem == r.problem);
      CHECK_FALSE(v.message.empty());
    } else {
      CHECK(v.problem == "");
      CHECK(v.degrees == Approx(r.expected).margin(1e-12));
    }
  }
}

TEST_CASE("the parser says which form and hemisphere it read") {
  auto v = parse_coordinate("107°45′30.5″E", CoordAxis::Lon);
  CHECK(v.form == CoordForm::DegMinSec);
  CHECK(v.hemisphere == 'E');
  CHECK(parse_coordinate("107°45.5′").form == CoordForm::DegMin);
  CHECK(parse_coordinate("107.5").form == CoordForm::Decimal);
  CHECK(std::string(giatlas::coord_form_name(CoordForm::DegMinSec)) == "DMS");
  // An out-of-range value keeps what was read, so callers can explain (e.g. swapped columns).
  auto o = parse_coordinate("107.74", CoordAxis::Lat);
  CHECK(o.problem == "out_of_range");
  CHECK(o.degrees == Approx(107.74));
}

TEST_CASE("full-width digits and punctuation fold to ASCII") {
  CHECK(giatlas::fold_fullwidth("１２３．４５，－") == "123.45,-");
  CHECK(giatlas::fold_fullwidth("a\xE3\x80\x80" "b") == "a b");
  CHECK(giatlas::fold_fullwidth("武隆") == "武隆");
}

TEST_CASE("thousands of random and mutated coordinate strings never crash the parser") {
  std::mt19937 rng(20240611);
  const std::string seeds[] = {"107°45′30.5″E", "东经107度45分30秒", "N29°19'12\"", "107 45.508", "29,5",
                               "１０７．５", "-107.25", "29D19M12S"};
  const std::string alphabet[] = {"0", "1", "9", ".", ",", "-", "+", " ", "°", "′", "″", "'", "\"", "度", "分",
                                  "秒", "东经", "北纬", "N", "S", "E", "W", "d", "m", "s", "\xFF", "\xE2\x80",
                                  "１", "．", "e", "x", "\t", ":"};
  std::uniform_int_distribution<int> pick_alpha(0, static_cast<int>(std::size(alphabet)) - 1);
  int parsed = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    if (i % 2 == 0) {
      const int n = static_cast<int>(rng() % 12);
      for (int k = 0; k < n; ++k) s += alphabet[pick_alpha(rng)];
    } else {
      s = seeds[rng() % std::size(seeds)];
      const int edits = 1 + static_cast<int>(rng() % 4);
      for (int k = 0; k < edits && !s.empty(); ++k) {
        const std::size_t pos = rng() % (s.size() + 1);
        switch (rng() % 3) {
          case 0: s.insert(pos, alphabet[pick_alpha(rng)]); break;
          case 1: if (pos < s.size()) s.erase(pos, 1); break;
          default: if (pos < s.size()) s[pos] = static_cast<char>(rng() % 256); break;
        }
      }
    }
    const auto v = parse_coordinate(s, static_cast<CoordAxis>(i % 3));
    if (v.ok()) {
      ++parsed;
      CHECK(std::isfinite(v.degrees));
      CHECK(std::fabs(v.degrees) <= 180.0);
    } else {
      CHECK_FALSE(v.message.empty());
    }
  }
  CHECK(parsed > 100);  // the mutations keep many strings valid: the fuzz reaches the happy path
}

TEST_CASE("a number in exponent notation is read as a number, and a huge one is not a valid coordinate") {
  const CoordValue huge = parse_coordinate("1e308", CoordAxis::Lon);
  CHECK(huge.problem == "out_of_range");
  CHECK(huge.message.find("exponent notation") != std::string::npos);
  CHECK(huge.message.find("not a valid coordinate") != std::string::npos);
  CHECK(huge.message.find("minutes") == std::string::npos);
  CHECK(parse_coordinate("-1E+308", CoordAxis::Lat).problem == "out_of_range");
  const CoordValue inf = parse_coordinate("1e999");
  CHECK(inf.problem == "not_a_number");
  CHECK(inf.message.find("exponent notation") != std::string::npos);
  const CoordValue ok = parse_coordinate("1.0775E2", CoordAxis::Lon);
  REQUIRE(ok.ok());
  CHECK(ok.degrees == Approx(107.75));
  CHECK(ok.form == CoordForm::Decimal);
  CHECK(parse_coordinate("2.9e+1", CoordAxis::Lat).degrees == Approx(29.0));
  CHECK(parse_coordinate("-2.9e1", CoordAxis::Lat).degrees == Approx(-29.0));
  // A hemisphere letter between degrees and minutes stays what it was.
  const CoordValue ddm = parse_coordinate("107E30", CoordAxis::Lon);
  REQUIRE(ddm.ok());
  CHECK(ddm.degrees == Approx(107.5));
  CHECK(ddm.hemisphere == 'E');
  CHECK(parse_coordinate("29.5E", CoordAxis::Lon).degrees == Approx(29.5));
}
