// CSV cells for the files GI Atlas writes (check reports, import reports, inspection plans):
// RFC 4180 quoting and neutralised spreadsheet formulas, the one rule for every CSV writer.
#pragma once
#include <string>
#include <string_view>

namespace giatlas {

// Appends `s` as one TEXT cell.
//
// Formula injection: spreadsheet programs run a cell that starts with = + - @ (and, in some, a
// tab or carriage return) as a formula, so a producer registered as =cmd|'/C calc'!A0 could run
// a command on an inspector's computer. Following OWASP's CSV-injection guidance, a text cell
// starting with one of = + - @ \t \r gets a single quote in front ('=cmd|…); the spreadsheet then
// shows it as text, and the data stays readable.
//
// The rule is by COLUMN, not by content: every column whose value can come from outside the
// program is a text column and goes through csv_text — names, credit codes, GI and township
// names, reasons, file names, messages, and coordinates as a user typed them (raw "-104.5" is
// text and is prefixed). Numeric columns the program formats itself from numbers it computed
// (distances, lon/lat of the normalised location, ids, versions, row numbers) are written as
// they are, never prefixed: a real -104.5 stays a number a spreadsheet can sum.
//
// Then RFC 4180: a cell holding , " CR or LF is quoted, with " doubled.
void append_csv_text(std::string& out, std::string_view s);

// The same as a value.
std::string csv_text(std::string_view s);

// True when `s` starts with a character a spreadsheet would read as the start of a formula.
bool starts_like_formula(std::string_view s);

}  // namespace giatlas
