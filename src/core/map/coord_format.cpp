// Degree, DMS and scale formatting (see coord_format.h).
#include "map/coord_format.h"

#include <cmath>
#include <cstdio>

#include "geo/dms.h"

namespace giatlas {
namespace {

// Hemisphere letters instead of a sign, on top of the shared DMS formatter.
std::string dms(double v, char pos, char neg, int dec) {
  return format_dms(std::abs(v), dec) + (v < 0 ? neg : pos);
}

}  // namespace

std::string format_lon_dms(double lon, int d) { return dms(lon, 'E', 'W', d); }
std::string format_lat_dms(double lat, int d) { return dms(lat, 'N', 'S', d); }

std::string format_lonlat_decimal(double lon, double lat, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f, %.*f", decimals, lon, decimals, lat);
  return buf;
}

std::string format_scale(double n) {
  if (!(n > 0)) return "1:?";
  const double mag = std::pow(10.0, std::floor(std::log10(n)) - 2);
  const long long r = std::llround(std::round(n / mag) * mag);
  std::string digits = std::to_string(r), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return "1:" + out;
}

}  // namespace giatlas
