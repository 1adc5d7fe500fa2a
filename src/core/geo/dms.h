// Degrees as degrees-minutes-seconds text ("107°45′30″") and the Chinese extent phrase used in
// GI scope statements ("东经107°15′02″至108°03′45″，北纬29°01′10″至29°41′55″").
#pragma once
#include <string>

#include "geo/geometry.h"

namespace giatlas {

// Formats an angle as D°MM′SS″ with minutes and seconds zero-padded to two digits.
// Rounding happens once, on the last printed digit, so 29°59′59.9999″ becomes 30°00′00″.
// A negative angle gets a leading '-'.
// REQUIRES: 0 <= second_decimals <= 6, degrees finite (Error otherwise).
// DEFAULT: second_decimals = 0 (whole seconds, as scope statements print them).
std::string format_dms(double degrees, int second_decimals = 0);

// The extent phrase of a scope statement: "东经A至B，北纬C至D" for a lon/lat box.
// Western / southern values use 西经 / 南纬. REQUIRES: box.valid().
std::string format_extent_cn(const Box& box, int second_decimals = 0);

// A single position as "东经A，北纬B" (the centroid line of a statement, the GUI status bar).
std::string format_position_cn(const Point& lonlat, int second_decimals = 0);

}  // namespace giatlas
