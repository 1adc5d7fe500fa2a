// Tests of the attribute table's filter and sort.
#include <catch2/catch.hpp>

#include "map/attribute_table.h"

using namespace giatlas;

TEST_CASE("the attribute filter matches any column and sorting compares numbers as numbers", "[map][mapview]") {
  AttributeTable t;
  t.columns = {"id", "name"};
  t.rows = {{"10", "白马镇"}, {"9", "Tudi 土地乡"}, {"100", "仙女山街道"}, {"2", "tudi farm"}};
  CHECK(filter_and_sort(t, "TUDI") == std::vector<std::size_t>{1, 3});
  CHECK(filter_and_sort(t, "镇") == std::vector<std::size_t>{0});
  CHECK(filter_and_sort(t, "", 0) == std::vector<std::size_t>{3, 1, 0, 2});
  CHECK(filter_and_sort(t, "", 0, false) == std::vector<std::size_t>{2, 0, 1, 3});
}

TEST_CASE("setting a new column fills the other rows with empty text", "[map][mapview]") {
  AttributeTable t;
  t.columns = {"id"};
  t.rows = {{"1"}, {"2"}};
  t.set(1, "check result", "outside");
  REQUIRE(t.columns.size() == 2);
  CHECK(t.rows[0][1].empty());
  CHECK(t.rows[1][1] == "outside");
}

TEST_CASE("in Chinese the filter finds check results by their shown labels (区外, 边界附近)", "[map][mapview]") {
  AttributeTable t;
  t.columns = {"name", "check result"};
  t.rows = {{"甲", "inside"}, {"乙", "outside_district"}, {"丙", "inside_near_boundary"},
            {"丁", "outside_near_boundary"}, {"戊", "outside"}};
  CHECK(filter_and_sort(t, "区外", -1, true, true) == std::vector<std::size_t>{1});
  CHECK(filter_and_sort(t, "边界附近", -1, true, true) == std::vector<std::size_t>{2, 3});
  CHECK(filter_and_sort(t, "区域外", -1, true, true) == std::vector<std::size_t>{3, 4});
  CHECK(filter_and_sort(t, "区外", -1, true, false).empty());  // English: codes only
  CHECK(filter_and_sort(t, "OUTSIDE", -1, true, true) == std::vector<std::size_t>{1, 3, 4});  // codes still match
}
