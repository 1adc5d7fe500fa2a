// Tests of unified social credit code validation (GB 32100-2015).
#include <catch2/catch.hpp>

#include "workspace/credit_code.h"

using namespace giatlas;

TEST_CASE("published example credit codes pass the check character test") {
  // Codes printed on public business licences, checked by hand with the standard's weights.
  CHECK(valid_credit_code("91350100M000100Y43"));
  CHECK(valid_credit_code("91110000802100433B"));
  CHECK(valid_credit_code(" 91350100M000100Y43 "));  // surrounding spaces are trimmed
}

TEST_CASE("a wrong check character is reported with the expected one") {
  std::string problem = credit_code_problem("91350100M000100Y44");
  CHECK(problem.find("expected '3'") != std::string::npos);
}

TEST_CASE("malformed credit codes are rejected with a reason") {
  CHECK(credit_code_problem("") == "missing");
  CHECK(credit_code_problem("9135010").find("length 7") != std::string::npos);
  CHECK(credit_code_problem("91350100M000100I43").find("'I'") != std::string::npos);  // I is not in the alphabet
  CHECK(credit_code_problem("91350100m000100Y43").find("lower-case") != std::string::npos);
  CHECK(credit_code_problem("91A50100M000100Y43").find("division code") != std::string::npos);
}

TEST_CASE("the check character is computed from the first 17 characters") {
  CHECK(credit_code_check_char("91350100M000100Y4") == '3');
  // The check value 31 - (sum mod 31) wraps to '0' when the sum is a multiple of 31.
  CHECK(credit_code_check_char("00000000000000000") == '0');
}
