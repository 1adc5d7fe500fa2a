// Encoding decisions for shapefile DBFs (each rule and language-driver case) and CSV files, and
// that the decided encoding gives back the right Chinese names on import.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "fixtures.h"
#include "io/encoding.h"
#include "io/import.h"

using namespace giatlas;
using giatlas::test::FixtureLayer;

namespace {

namespace fs = std::filesystem;

const char* kSquare = "POLYGON ((107.7 29.3,107.8 29.3,107.8 29.4,107.7 29.4,107.7 29.3))";
const char* kSquare2 = "POLYGON ((107.8 29.3,107.9 29.3,107.9 29.4,107.8 29.4,107.8 29.3))";

// A township shapefile whose DBF is written in `encoding` (GDAL writes a .cpg naming it).
std::string township_shapefile(const std::string& dir, const std::string& encoding) {
  FixtureLayer l;
  l.name = "towns";
  l.geom = wkbPolygon;
  l.epsg = 4490;
  l.fields = {"名称", "代码"};
  l.rows = {{{"白马镇", "500156101"}, kSquare}, {{"仙女山街道", "500156102"}, kSquare2}};
  l.creation_options = {"ENCODING=" + encoding};
  const std::string path = (fs::path(dir) / "towns.shp").string();
  test::write_vector(path, "ESRI Shapefile", l);
  return path;
}

void set_ldid(const std::string& shp, unsigned char ldid) {
  const std::string dbf = fs::path(shp).replace_extension(".dbf").string();
  std::fstream f(dbf, std::ios::in | std::ios::out | std::ios::binary);
  REQUIRE(f.good());
  f.seekp(29);
  f.put(static_cast<char>(ldid));
}

void remove_cpg(const std::string& shp) { fs::remove(fs::path(shp).replace_extension(".cpg")); }

std::vector<std::string> imported_names(const std::string& dir, const std::string& shp, const std::string& enc = "") {
  Workspace ws = test::new_workspace(dir);
  ImportOptions opt;
  opt.kind = ImportKind::Townships;
  opt.encoding = enc;
  const ImportReport r = import_into(ws, shp, opt, Progress());
  CHECK(r.read == 2);
  CHECK(r.accepted == 2);
  std::vector<std::string> names;
  for (const Township& t : ws.townships()) names.push_back(t.name);
  return names;
}

const std::vector<std::string> kNames = {"白马镇", "仙女山街道"};

}  // namespace

TEST_CASE("a GBK DBF is read through each encoding rule in order") {
  TempDir dir = TempDir::make("giatlas-enc");
  const std::string shp = township_shapefile(dir.path(), "GBK");

  SECTION("the .cpg decides when there is one") {
    const auto d = decide_dbf_encoding(shp, "");
    CHECK(d.rule == EncodingRule::Cpg);
    CHECK(d.encoding == "GBK");
    CHECK(imported_names(dir.path(), shp) == kNames);
  }
  SECTION("the user's option beats a wrong .cpg") {
    test::write_bytes(fs::path(shp).replace_extension(".cpg").string(), "UTF-8");
    const auto d = decide_dbf_encoding(shp, "GB18030");
    CHECK(d.rule == EncodingRule::UserOption);
    CHECK(imported_names(dir.path(), shp, "GB18030") == kNames);
  }
  SECTION("no .cpg and language driver 0: detected as not UTF-8, read as GB18030") {
    remove_cpg(shp);
    set_ldid(shp, 0);
    const auto d = decide_dbf_encoding(shp, "");
    CHECK(d.rule == EncodingRule::DetectedGb18030);
    CHECK(d.encoding == "GB18030");
    CHECK(imported_names(dir.path(), shp) == kNames);
  }
  SECTION("no .cpg and the generic language driver 87 is ignored") {
    remove_cpg(shp);
    set_ldid(shp, 0x57);
    const auto d = decide_dbf_encoding(shp, "");
    CHECK(d.rule == EncodingRule::DetectedGb18030);
    CHECK(d.detail.find("0x57") != std::string::npos);
    CHECK(describe(d).find("GB18030") == 0);
    CHECK(imported_names(dir.path(), shp) == kNames);
  }
  SECTION("no .cpg and language driver 0x4D (936) decides CP936") {
    remove_cpg(shp);
    set_ldid(shp, 0x4D);
    const auto d = decide_dbf_encoding(shp, "");
    CHECK(d.rule == EncodingRule::LanguageDriver);
    CHECK(d.encoding == "CP936");
    CHECK(imported_names(dir.path(), shp) == kNames);
  }
  SECTION("no .cpg and language driver 0x7A (PRC GBK) decides CP936") {
    remove_cpg(shp);
    set_ldid(shp, 0x7A);
    const auto d = decide_dbf_encoding(shp, "");
    CHECK(d.rule == EncodingRule::LanguageDriver);
    CHECK(d.encoding == "CP936");
    CHECK(imported_names(dir.path(), shp) == kNames);
  }
}

TEST_CASE("a UTF-8 DBF is read as UTF-8 with and without .cpg and whatever the generic driver byte") {
  TempDir dir = TempDir::make("giatlas-enc");
  const std::string shp = township_shapefile(dir.path(), "UTF-8");
  SECTION("with .cpg") {
    CHECK(decide_dbf_encoding(shp, "").rule == EncodingRule::Cpg);
    CHECK(imported_names(dir.path(), shp) == kNames);
  }
  SECTION("without .cpg, LDID 0") {
    remove_cpg(shp);
    set_ldid(shp, 0);
    const auto d = decide_dbf_encoding(shp, "");
    CHECK(d.rule == EncodingRule::DetectedUtf8);
    CHECK(imported_names(dir.path(), shp) == kNames);
  }
  SECTION("without .cpg, LDID 0x57") {
    remove_cpg(shp);
    set_ldid(shp, 0x57);
    const auto d = decide_dbf_encoding(shp, "");
    CHECK(d.rule == EncodingRule::DetectedUtf8);
    CHECK(d.encoding == "UTF-8");
    CHECK(imported_names(dir.path(), shp) == kNames);
  }
}

TEST_CASE("the language-driver table maps the Chinese code pages and leaves 0 and 87 undecided") {
  CHECK(ldid_encoding(0x4D) == "CP936");
  CHECK(ldid_encoding(0x7A) == "CP936");
  CHECK(ldid_encoding(0x78) == "CP950");
  CHECK(ldid_encoding(0x57) == "");
  CHECK(ldid_encoding(0x00) == "");
  CHECK(ldid_encoding(0xEE) == "");
}

TEST_CASE("CSV files in UTF-8 with or without BOM and in GB18030 import the same names") {
  TempDir dir = TempDir::make("giatlas-enc");
  const std::string utf8 = "名称,经度,纬度\n武隆区白马镇合作社,107.75,29.32\n仙女山农场,107.70,29.40\n";
  struct Case {
    const char* file;
    std::string bytes;
    EncodingRule rule;
  };
  const Case cases[] = {
      {"plain.csv", utf8, EncodingRule::DetectedUtf8},
      {"bom.csv", "\xEF\xBB\xBF" + utf8, EncodingRule::ByteOrderMark},
      {"gb.csv", test::recode_from_utf8(utf8, "GB18030"), EncodingRule::DetectedGb18030},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    const std::string path = (fs::path(dir.path()) / c.file).string();
    test::write_bytes(path, c.bytes);
    CHECK(decide_text_encoding(path, "").rule == c.rule);
    std::vector<Producer> ps;
    ImportOptions opt;
    opt.crs = "EPSG:4490";
    const ImportReport r = read_producers(path, opt, ps, Progress());
    REQUIRE(ps.size() == 2);
    CHECK(ps[0].name == "武隆区白马镇合作社");
    CHECK(ps[1].name == "仙女山农场");
    REQUIRE(ps[0].location);
    CHECK(ps[0].location->x == Approx(107.75));
    // The source is never modified (the GB18030 file stays GB18030, the BOM stays).
    CHECK(test::read_bytes(path) == c.bytes);
  }
}
