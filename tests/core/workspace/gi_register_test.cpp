// A new GI entering the register (add_new_gi): the one function behind `register add` and the
// zone tools' "New GI" form. Defaults are written down in gi_register.h; refusals write nothing.
#include "workspace/gi_register.h"

#include <catch2/catch.hpp>

#include "error.h"
#include "test_support.h"
#include "workspace/workspace.h"

using namespace giatlas;

TEST_CASE("a new GI enters the register as a candidate with the default category", "[workspace][register]") {
  test::TempDir dir;
  Workspace ws = Workspace::create(dir.file("r.gpkg"), "武隆区");
  GiProduct g;
  g.name = "  武隆高山土豆 ";
  g.protection_type = "农产品地理标志";
  g.holder = "武隆区农业技术推广中心";
  const GiProduct added = add_new_gi(ws, g);
  CHECK(added.id > 0);
  CHECK(added.name == "武隆高山土豆");
  const auto back = ws.gi_product("武隆高山土豆");
  REQUIRE(back);
  CHECK(back->status == "candidate");
  CHECK(back->category == "特色农产品");
  CHECK(back->protection_type == "农产品地理标志");
  CHECK(back->holder == "武隆区农业技术推广中心");
}

TEST_CASE("a new GI keeps the category, type and status it is given", "[workspace][register]") {
  test::TempDir dir;
  Workspace ws = Workspace::create(dir.file("r.gpkg"), "武隆区");
  GiProduct g;
  g.name = "武隆羊角豆干";
  g.category = "传统手工业品";
  g.status = "applying";
  add_new_gi(ws, g);
  const auto back = ws.gi_product("武隆羊角豆干");
  REQUIRE(back);
  CHECK(back->category == "传统手工业品");
  CHECK(back->status == "applying");
}

TEST_CASE(
    "a new GI without a name, already registered or outside the vocabulary is refused and nothing is written",
    "[workspace][register]") {
  test::TempDir dir;
  Workspace ws = Workspace::create(dir.file("r.gpkg"), "武隆区");
  GiProduct first;
  first.name = "武隆猪腰枣";
  add_new_gi(ws, first);

  GiProduct g;
  g.name = "   ";
  CHECK_THROWS_WITH(add_new_gi(ws, g), "new GI: a GI needs a name");
  g.name = " 武隆猪腰枣";
  CHECK_THROWS_WITH(add_new_gi(ws, g), "new GI: '武隆猪腰枣' is already in the register");
  g.name = "武隆脆红李";
  g.category = "水果";
  CHECK_THROWS_WITH(add_new_gi(ws, g), Catch::StartsWith("new GI: category '水果' is not one of"));
  g.category.clear();
  g.protection_type = "商标";
  CHECK_THROWS_WITH(add_new_gi(ws, g), Catch::StartsWith("new GI: protection type '商标'"));
  g.protection_type.clear();
  g.registration_date = "2024-02-30";
  CHECK_THROWS_WITH(add_new_gi(ws, g), Catch::Contains("registration date '2024-02-30'"));
  REQUIRE(ws.gi_products().size() == 1);
  CHECK(ws.gi_products().front().name == "武隆猪腰枣");
}
