// Calendar dates as GI Atlas stores and accepts them: "YYYY-MM-DD", one validation for every
// front door (workspace fields, check dates, effective dates, register dates).
#pragma once
#include <string>

namespace giatlas {

// True for "YYYY-MM-DD" naming a real calendar day of the Gregorian calendar (leap years
// included: 2024-02-29 yes, 2026-02-29 and 2026-02-31 no), years 1900 to 2200.
// REQUIRES nothing; never throws.
bool is_iso_date(const std::string& s);

}  // namespace giatlas
