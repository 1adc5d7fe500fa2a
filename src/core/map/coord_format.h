// Coordinate text for the status bar and identify panel: decimal degrees and degrees-minutes-
// seconds with hemisphere letters (107°45′30.12″E), as a surveyor reads them. The DMS digits
// come from geo/dms.h, so the GUI and scope statements agree.
#pragma once
#include <string>

namespace giatlas {

// "107°45′30.12″E" / "29°19′12.00″N". DEFAULT: 2 decimals of a second (about 0.3 m).
std::string format_lon_dms(double lon, int second_decimals = 2);
std::string format_lat_dms(double lat, int second_decimals = 2);
// "107.758367, 29.320000" with `decimals` digits.
std::string format_lonlat_decimal(double lon, double lat, int decimals = 6);
// "1:25,000" (rounded to 3 significant digits, thousands separated).
std::string format_scale(double denominator);

}  // namespace giatlas
