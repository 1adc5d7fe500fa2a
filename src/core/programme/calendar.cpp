// Civil-calendar day numbers (proleptic Gregorian), after the well-known days-from-civil method.
#include "programme/calendar.h"

#include <cstdio>

#include "error.h"
#include "workspace/iso_date.h"

namespace giatlas {

namespace {

struct Ymd {
  int y, m, d;
};

Ymd parse(const std::string& iso) {
  if (!is_iso_date(iso)) throw Error("invalid date '" + iso + "' (expected YYYY-MM-DD)");
  Ymd v{};
  std::sscanf(iso.c_str(), "%4d-%2d-%2d", &v.y, &v.m, &v.d);
  return v;
}

std::string format(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

long day_number(const std::string& iso) {
  const Ymd v = parse(iso);
  const int y = v.m <= 2 ? v.y - 1 : v.y;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (v.m + (v.m > 2 ? -3 : 9)) + 2) / 5 + v.d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string iso_from_day_number(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return format(y, m, d);
}

std::string add_years(const std::string& iso, int years) {
  const Ymd v = parse(iso);
  const int y = v.y + years;
  const int d = (v.m == 2 && v.d == 29 && !leap(y)) ? 28 : v.d;
  return format(y, v.m, d);
}

std::string add_days(const std::string& iso, long days) {
  return iso_from_day_number(day_number(iso) + days);
}

long days_between(const std::string& from, const std::string& to) {
  return day_number(to) - day_number(from);
}

int year_of(const std::string& iso) { return parse(iso).y; }

std::string year_end(int year) { return format(year, 12, 31); }

}  // namespace giatlas
