// Cell and option text as Chinese offices type it: lists, yes/no, dates, numbers.
#include <catch2/catch.hpp>

#include "io/html_text.h"
#include "io/value_text.h"

using namespace giatlas;

TEST_CASE("a typed list splits on ASCII and Chinese commas and the enumeration comma", "[value_text]") {
  using V = std::vector<std::string>;
  CHECK(split_typed_list("白马镇,仙女山街道") == V{"白马镇", "仙女山街道"});
  CHECK(split_typed_list("白马镇，仙女山街道、双河镇") == V{"白马镇", "仙女山街道", "双河镇"});
  CHECK(split_typed_list(" 白马镇 ,\u3000仙女山街道\u3000, ,") == V{"白马镇", "仙女山街道"});
  CHECK(split_typed_list("").empty());
  CHECK(split_typed_list("a/b.jpg,c d.pdf") == V{"a/b.jpg", "c d.pdf"});
}

TEST_CASE("yes/no, dates and numbers are read as offices write them", "[value_text]") {
  CHECK(parse_yes_no("是") == true);
  CHECK(parse_yes_no("否") == false);
  CHECK_FALSE(parse_yes_no("也许").has_value());
  CHECK(parse_date("2021年3月5日") == std::string("2021-03-05"));
  CHECK_FALSE(parse_date("2021-02-30").has_value());
  CHECK(parse_number("1,234.5") == Approx(1234.5));
}

TEST_CASE("text in a page has &, <, > and quotes escaped", "[value_text]") {
  CHECK(html_escape("<a href=\"x\">R&D</a>") == "&lt;a href=&quot;x&quot;&gt;R&amp;D&lt;/a&gt;");
  CHECK(html_escape("武隆高山萝卜") == "武隆高山萝卜");
}
