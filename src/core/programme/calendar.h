// Calendar arithmetic on ISO dates for the programme's rules (due dates, periods, years).
#pragma once
#include <string>

namespace giatlas {

// Days since 1970-01-01 of an ISO date. REQUIRES is_iso_date(iso); Error otherwise.
long day_number(const std::string& iso);
std::string iso_from_day_number(long days);
// The same day `years` later; 29 February becomes 28 February in a year without it.
std::string add_years(const std::string& iso, int years);
std::string add_days(const std::string& iso, long days);
long days_between(const std::string& from, const std::string& to);  // to - from
int year_of(const std::string& iso);                                // REQUIRES is_iso_date
std::string year_end(int year);                                     // "Y-12-31"

}  // namespace giatlas
