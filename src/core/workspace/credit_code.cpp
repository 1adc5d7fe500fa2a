// Unified social credit code validation (GB 32100-2015).
#include "workspace/credit_code.h"

#include <array>

#include "error.h"

namespace giatlas {

namespace {

constexpr const char* kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // 31 characters
constexpr std::array<int, 17> kWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int value_of(char c) {
  static constexpr auto kValue = [] {
    std::array<signed char, 256> t{};
    t.fill(-1);
    for (int i = 0; kAlphabet[i] != '\0'; ++i) t[static_cast<unsigned char>(kAlphabet[i])] = static_cast<signed char>(i);
    return t;
  }();
  return kValue[static_cast<unsigned char>(c)];
}

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

char credit_code_check_char(const std::string& first17) {
  if (first17.size() != 17) throw Error("credit code check: 17 characters expected");
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    int v = value_of(first17[i]);
    if (v < 0) throw Error(std::string("credit code check: invalid character '") + first17[i] + "'");
    sum += v * kWeights[i];
  }
  int check = 31 - sum % 31;
  if (check == 31) check = 0;
  return kAlphabet[check];
}

namespace {

// True for a well-formed code with no surrounding blanks: the common case, answered without
// building any of the messages below.
bool plainly_valid(const std::string& code) {
  if (code.size() != 18) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 18; ++i) {
    const int v = value_of(code[i]);
    if (v < 0) return false;
    if (i >= 2 && i < 8 && v > 9) return false;
    if (i < 17) sum += v * kWeights[i];
  }
  const int check = (31 - sum % 31) % 31;
  return code[17] == kAlphabet[check];
}

// The first problem of a code, in English or in Chinese.
std::string problem(const std::string& raw, bool zh) {
  if (plainly_valid(raw)) return "";
  std::string code = trim(raw);
  if (code.empty()) return zh ? "缺失" : "missing";
  const std::string n = std::to_string(code.size());
  if (code.size() != 18) return zh ? "长度为 " + n + " 位，应为 18 位" : "length " + n + ", 18 characters expected";
  for (std::size_t i = 0; i < 18; ++i) {
    const std::string c(1, code[i]), at = std::to_string(i + 1);
    if (code[i] >= 'a' && code[i] <= 'z')
      return zh ? "第 " + at + " 位为小写字母“" + c + "”" : "lower-case letter '" + c + "' at position " + at;
    if (value_of(code[i]) < 0)
      return zh ? "第 " + at + " 位字符“" + c + "”不允许" : "character '" + c + "' at position " + at + " is not allowed";
  }
  for (std::size_t i = 2; i < 8; ++i)
    if (code[i] < '0' || code[i] > '9')
      return zh ? "第 3–8 位（行政区划码）应为数字" : "positions 3-8 (division code) must be digits";
  const std::string expected(1, credit_code_check_char(code.substr(0, 17))), found(1, code[17]);
  if (found != expected)
    return zh ? "校验码为“" + found + "”，应为“" + expected + "”"
              : "check character is '" + found + "', expected '" + expected + "'";
  return "";
}

}  // namespace

std::string credit_code_problem(const std::string& raw) { return problem(raw, false); }
std::string credit_code_problem_zh(const std::string& raw) { return problem(raw, true); }

}  // namespace giatlas
