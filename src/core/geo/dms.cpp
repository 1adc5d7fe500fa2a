// Degrees-minutes-seconds formatting.
#include "geo/dms.h"

#include <cmath>
#include <cstdint>
#include <cstdio>

#include "error.h"

namespace giatlas {

std::string format_dms(double degrees, int second_decimals) {
  if (!std::isfinite(degrees)) throw Error("format_dms: angle is not a finite number");
  if (second_decimals < 0 || second_decimals > 6)
    throw Error("format_dms: second decimals must be 0..6, got " + std::to_string(second_decimals));
  // Work in integer units of the last printed digit so carries (59.9999″ → next minute) are exact.
  std::int64_t scale = 1;
  for (int i = 0; i < second_decimals; ++i) scale *= 10;
  const bool negative = degrees < 0;
  const double units_d = std::round(std::fabs(degrees) * 3600.0 * static_cast<double>(scale));
  auto units = static_cast<std::int64_t>(units_d);
  const std::int64_t per_minute = 60 * scale;
  const std::int64_t per_degree = 3600 * scale;
  const std::int64_t deg = units / per_degree;
  units -= deg * per_degree;
  const std::int64_t min = units / per_minute;
  units -= min * per_minute;
  const std::int64_t sec_whole = units / scale;
  const std::int64_t sec_frac = units % scale;

  char buf[96];
  if (second_decimals == 0) {
    std::snprintf(buf, sizeof buf, "%s%lld°%02lld′%02lld″", negative && (deg || min || sec_whole) ? "-" : "",
                  static_cast<long long>(deg), static_cast<long long>(min),
                  static_cast<long long>(sec_whole));
  } else {
    std::snprintf(buf, sizeof buf, "%s%lld°%02lld′%02lld.%0*lld″",
                  negative && (deg || min || sec_whole || sec_frac) ? "-" : "", static_cast<long long>(deg),
                  static_cast<long long>(min), static_cast<long long>(sec_whole), second_decimals,
                  static_cast<long long>(sec_frac));
  }
  return buf;
}

namespace {

std::string lon_word(double lon) { return lon < 0 ? "西经" : "东经"; }
std::string lat_word(double lat) { return lat < 0 ? "南纬" : "北纬"; }

// "东经A至B" or, across the prime meridian / equator, "西经A至东经B".
std::string range_cn(double lo, double hi, bool is_lon, int decimals) {
  auto word = [&](double v) { return is_lon ? lon_word(v) : lat_word(v); };
  std::string out = word(lo) + format_dms(std::fabs(lo), decimals) + "至";
  if (word(hi) != word(lo)) out += word(hi);
  return out + format_dms(std::fabs(hi), decimals);
}

}  // namespace

std::string format_extent_cn(const Box& box, int second_decimals) {
  if (!box.valid()) throw Error("format_extent_cn: the extent is empty");
  return range_cn(box.minx, box.maxx, true, second_decimals) + "，" +
         range_cn(box.miny, box.maxy, false, second_decimals);
}

std::string format_position_cn(const Point& lonlat, int second_decimals) {
  return lon_word(lonlat.x) + format_dms(std::fabs(lonlat.x), second_decimals) + "，" + lat_word(lonlat.y) +
         format_dms(std::fabs(lonlat.y), second_decimals);
}

}  // namespace giatlas
