// Tests of runaway-quote detection in CSV text, and that the importer refuses such a file with
// the line numbers instead of swallowing rows into one producer's name.
#include "io/csv_quotes.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "error.h"
#include "fixtures.h"
#include "io/import.h"

using namespace giatlas;

namespace {

const std::string kHead = "name,credit_code,gi,lon,lat\n";

}  // namespace

TEST_CASE("a quote that is never closed is found with the lines it swallows") {
  const std::string text =
      kHead + "甲,,萝卜,107.7,29.3\n\"乙,,萝卜,107.71,29.31\n丙,,萝卜,107.72,29.32\n丁,,萝卜,107.73,29.33\n";
  const auto p = find_unbalanced_quote(text);
  REQUIRE(p);
  CHECK(p->open_line == 3);
  CHECK(p->close_line == 0);
  CHECK(p->message ==
        "line 3: a quote opened here is never closed (it swallows lines 4 to 5); close the quote (or double "
        "it: \"\") "
        "and import again");
}

TEST_CASE("a quote that closes only after swallowing whole rows is found") {
  const std::string text =
      kHead +
      "甲,,萝卜,107.7,29.3\n乙\"社,,萝卜,107.71,29.31\n丙,,萝卜,107.72,29.32\n丁\"社,,萝卜,107.73,29.33\n";
  const auto p = find_unbalanced_quote(text);
  REQUIRE(p);
  CHECK(p->open_line == 3);
  CHECK(p->close_line == 5);
  CHECK(p->row_like_lines == 1);
}

TEST_CASE("line breaks inside a properly quoted field and doubled quotes are fine") {
  CHECK_FALSE(find_unbalanced_quote(kHead + "甲,,萝卜,107.7,29.3\n乙,,萝卜,107.7,\"29.3\"\n"));
  CHECK_FALSE(
      find_unbalanced_quote("name,address\n甲,\"重庆市武隆区\n白马镇 1 号\"\n乙,\"说 \"\"好\"\"\"\n"));
  CHECK_FALSE(find_unbalanced_quote("name;lon;lat\r\n甲;107,7;29,3\r\n"));
  CHECK_FALSE(find_unbalanced_quote(""));
  // Semicolon files are judged by their own delimiter.
  CHECK(find_unbalanced_quote("name;lon;lat\n\"甲;107;29\n乙;107;29\n"));
}

TEST_CASE("the importer refuses a CSV whose quote swallows rows, naming the lines") {
  TempDir dir = TempDir::make("giatlas-quote");
  const std::string path = (std::filesystem::path(dir.path()) / "producers.csv").string();
  test::write_bytes(path, kHead +
                              "甲合作社,,武隆高山萝卜,107.7,29.3\n\"乙合作社,,武隆高山萝卜,107.71,29.31\n"
                              "丙合作社,,武隆高山萝卜,107.72,29.32\n");
  Workspace ws = test::new_workspace(dir.path());
  ImportOptions opt;
  opt.kind = ImportKind::Producers;
  opt.crs = "EPSG:4490";
  CHECK_THROWS_WITH(
      import_into(ws, path, opt, Progress()),
      Catch::StartsWith("import producers.csv line 3: a quote opened here is never closed (it swallows "
                        "line 4)"));
  CHECK(ws.producer_count() == 0);
}
