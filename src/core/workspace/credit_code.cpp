// Unified social credit code validation (GB 32100-2015).
#include "workspace/credit_code.h"

#include <array>
#include <cstring>

#include "error.h"

namespace giatlas {

namespace {

constexpr const char* kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // 31 characters
constexpr std::array<int, 17> kWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int value_of(char c) {
  if (c == '\0') return -1;
  const char* p = std::strchr(kAlphabet, c);
  return p ? static_cast<int>(p - kAlphabet) : -1;
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

std::string credit_code_problem(const std::string& raw) {
  std::string code = trim(raw);
  if (code.empty()) return "missing";
  if (code.size() != 18) return "length " + std::to_string(code.size()) + ", 18 characters expected";
  for (std::size_t i = 0; i < 18; ++i) {
    char c = code[i];
    if (c >= 'a' && c <= 'z') return std::string("lower-case letter '") + c + "' at position " + std::to_string(i + 1);
    if (value_of(c) < 0) return std::string("character '") + c + "' at position " + std::to_string(i + 1) + " is not allowed";
  }
  for (std::size_t i = 2; i < 8; ++i)
    if (code[i] < '0' || code[i] > '9') return "positions 3-8 (division code) must be digits";
  char expected = credit_code_check_char(code.substr(0, 17));
  if (code[17] != expected)
    return std::string("check character is '") + code[17] + "', expected '" + expected + "'";
  return "";
}

}  // namespace giatlas
