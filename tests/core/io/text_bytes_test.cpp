// Text evidence: a few damaged bytes in UTF-8 do not turn a file into GB18030 and lose its
// columns; NUL bytes do not cut it; the damaged lines are named.
#include <catch2/catch.hpp>

#include <cpl_string.h>

#include <fstream>
#include <memory>

#include "io/import.h"
#include "io/text_bytes.h"
#include "test_support.h"

using namespace giatlas;

namespace {

std::string gbk(const std::string& utf8) {
  std::unique_ptr<char, decltype(&CPLFree)> r(CPLRecode(utf8.c_str(), CPL_ENC_UTF8, "GB18030"), &CPLFree);
  return r.get();
}

ImportReport read_csv(const test::TempDir& dir, const std::string& bytes, std::vector<Producer>& out) {
  std::ofstream(dir.file("p.csv"), std::ios::binary) << bytes;
  ImportOptions opt;
  opt.crs = "EPSG:4490";
  return read_producers(dir.file("p.csv"), opt, out, Progress());
}

const std::string kTable = "名称,经度,纬度\n甲农户,107.5,29.3\n乙农户,107.6,29.3\n丙农户,107.7,29.4\n丁农户,107.7,29.4\n";

}  // namespace

TEST_CASE("utf-8 evidence counts well-formed characters, bad bytes and NULs by line", "[io]") {
  std::string text = kTable;
  text.insert(text.find("乙"), "\xFF\xFE");
  const Utf8Evidence e = utf8_evidence(text);
  CHECK(e.invalid == 2);
  CHECK(e.nul == 0);
  CHECK(e.lines == std::vector<std::int64_t>{3});
  CHECK(e.mostly_utf8());
  CHECK_FALSE(utf8_evidence(gbk(kTable)).mostly_utf8());  // real GBK text is not mistaken for UTF-8
  CHECK(repair_utf8(text).find("\xEF\xBF\xBD\xEF\xBF\xBD乙") != std::string::npos);
  std::string with_nul("a\0b", 3);
  CHECK(replace_nul(with_nul, '\x1A') == 1);
  CHECK(with_nul == "a\x1A" "b");
}

TEST_CASE("a UTF-8 table with a few bad bytes keeps its columns and every row, naming the line", "[io]") {
  test::TempDir dir;
  std::string text = kTable;
  text.insert(text.find("乙"), "\xFF\xFE");
  std::vector<Producer> out;
  const ImportReport r = read_csv(dir, text, out);
  CHECK(r.read == 4);
  CHECK(r.accepted == 4);
  REQUIRE(out.size() == 4);
  CHECK(out[0].name == "甲农户");
  CHECK(out[1].name == "\xEF\xBF\xBD\xEF\xBF\xBD乙农户");
  bool named = false;
  for (const auto& n : r.notes) named |= n.find("line(s) 3") != std::string::npos;
  CHECK(named);
  CHECK(r.encoding.find("damaged") != std::string::npos);
}

TEST_CASE("a NUL byte does not cut the table, in UTF-8 or in GBK", "[io]") {
  test::TempDir dir;
  for (const bool in_gbk : {false, true}) {
    INFO((in_gbk ? "GBK" : "UTF-8"));
    std::string text = in_gbk ? gbk(kTable) : kTable;
    text.insert(text.find(in_gbk ? gbk("乙") : std::string("乙")), 1, '\0');
    std::vector<Producer> out;
    const ImportReport r = read_csv(dir, text, out);
    CHECK(r.read == 4);
    REQUIRE(out.size() == 4);
    CHECK(out[3].name == "丁农户");
    CHECK(out[1].name.find("乙农户") != std::string::npos);
  }
}
