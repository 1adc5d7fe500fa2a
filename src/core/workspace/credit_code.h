// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, check digit.
#pragma once
#include <string>

namespace giatlas {

// What is wrong with a credit code, "" when it is valid. Checks, in order: length 18 (after
// trimming spaces; full-width characters are not accepted), the alphabet
// 0-9 A-H J-N P-R T U W-Y (no I O S V Z), positions 3–8 digits (the administrative division
// code), and the check character (position 18) computed with the weights of GB 32100-2015.
std::string credit_code_problem(const std::string& code);
// The same problem worded in Chinese ("" when the code is valid).
std::string credit_code_problem_zh(const std::string& code);
inline bool valid_credit_code(const std::string& code) { return credit_code_problem(code).empty(); }

// The check character for the first 17 characters. REQUIRES: 17 characters of the alphabet.
char credit_code_check_char(const std::string& first17);

}  // namespace giatlas
