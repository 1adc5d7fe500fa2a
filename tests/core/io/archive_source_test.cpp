// Import sources inside archives: a zipped GBK shapefile in a subfolder, several datasets in one
// .zip (listed, one picked by --layer), GDAL virtual paths, a gzipped CSV, and clear errors.
#include "io/archive_source.h"

#include <cpl_conv.h>
#include <cpl_vsi.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "error.h"
#include "fixtures.h"
#include "io/import.h"

using namespace giatlas;
using giatlas::test::FixtureLayer;

namespace {

namespace fs = std::filesystem;

// Copies each file of `files` into the zip `zip` under `folder`, through GDAL's /vsizip/ writer.
void add_to_zip(const std::string& zip, const std::string& folder, const std::vector<std::string>& files) {
  CPLConfigOptionSetter utf8_names("CPL_ZIP_ENCODING", "UTF-8", false);  // as modern zip tools write them
  for (const auto& f : files) {
    const std::string bytes = test::read_bytes(f);
    const std::string inner = "/vsizip/" + zip + "/" + folder + "/" + fs::path(f).filename().string();
    VSILFILE* out = VSIFOpenL(inner.c_str(), "wb");
    REQUIRE(out != nullptr);
    CHECK(VSIFWriteL(bytes.data(), 1, bytes.size(), out) == bytes.size());
    VSIFCloseL(out);
  }
}

// A GBK-encoded township shapefile `name`.shp in `dir`; returns its four files.
std::vector<std::string> township_shapefile(const std::string& dir, const std::string& name,
                                            const std::string& town) {
  FixtureLayer l;
  l.name = name;
  l.geom = wkbPolygon;
  l.epsg = 4490;
  l.fields = {"名称", "代码"};
  l.rows = {{{town, "500156101"}, "POLYGON ((107.7 29.3,107.8 29.3,107.8 29.4,107.7 29.4,107.7 29.3))"}};
  l.creation_options = {"ENCODING=GBK"};
  const std::string shp = (fs::path(dir) / (name + ".shp")).string();
  test::write_vector(shp, "ESRI Shapefile", l);
  std::vector<std::string> files;
  for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
    if (fs::exists(fs::path(dir) / (name + ext))) files.push_back((fs::path(dir) / (name + ext)).string());
  return files;
}

ImportReport import_towns(Workspace& ws, const std::string& source, const std::string& layer = "") {
  ImportOptions opt;
  opt.kind = ImportKind::Townships;
  opt.layer = layer;
  return import_into(ws, source, opt, Progress());
}

}  // namespace

TEST_CASE("a zipped shapefile in a subfolder imports with its Chinese names, and the archive is named") {
  ensure_gdal();
  TempDir dir = TempDir::make("giatlas-zip");
  const auto files = township_shapefile(dir.path(), "乡镇界", "白马镇");
  const std::string zip = (fs::path(dir.path()) / "乡镇.zip").string();
  add_to_zip(zip, "武隆/2020", files);
  Workspace ws = test::new_workspace(dir.path());
  const ImportReport r = import_towns(ws, zip);
  CHECK(r.accepted == 1);
  REQUIRE(ws.townships().size() == 1);
  CHECK(ws.townships()[0].name == "白马镇");
  REQUIRE_FALSE(r.notes.empty());
  CHECK(r.notes[0] == "read 武隆/2020/乡镇界.shp from 乡镇.zip");
}

TEST_CASE("several datasets in one zip are listed and --layer picks one by its name") {
  ensure_gdal();
  TempDir dir = TempDir::make("giatlas-zip");
  const std::string zip = (fs::path(dir.path()) / "sent.zip").string();
  add_to_zip(zip, "a", township_shapefile(dir.path(), "towns", "白马镇"));
  add_to_zip(zip, "b/c", township_shapefile(dir.path(), "more", "仙女山街道"));
  add_to_zip(zip, "__MACOSX/a", {township_shapefile(dir.path(), "._towns", "x")[0]});

  const ArchivePick first = pick_archive_dataset(zip, "");
  CHECK(first.found == std::vector<std::string>{"a/towns.shp", "b/c/more.shp"});
  CHECK(first.note ==
        "2 datasets in sent.zip: a/towns.shp, b/c/more.shp; read a/towns.shp (name another with --layer)");
  CHECK(first.shown == "sent.zip/a/towns.shp");

  Workspace ws = test::new_workspace(dir.path());
  const ImportReport r = import_towns(ws, zip, "more");
  CHECK(r.accepted == 1);
  REQUIRE(ws.townships().size() == 1);
  CHECK(ws.townships()[0].name == "仙女山街道");
  CHECK(r.notes.at(0).find("read b/c/more.shp (named with --layer)") != std::string::npos);
}

TEST_CASE("a GDAL virtual path and a gzipped CSV are read instead of refused as file not found") {
  ensure_gdal();
  TempDir dir = TempDir::make("giatlas-zip");
  const std::string zip = (fs::path(dir.path()) / "t.zip").string();
  add_to_zip(zip, "x", township_shapefile(dir.path(), "towns", "白马镇"));
  Workspace ws = test::new_workspace(dir.path());
  CHECK(import_towns(ws, "/vsizip/" + zip + "/x/towns.shp").accepted == 1);

  const std::string csv = "name,credit_code,gi,lon,lat\n甲合作社,,武隆高山萝卜,107.75,29.35\n";
  const std::string gz = (fs::path(dir.path()) / "producers.csv.gz").string();
  {
    VSILFILE* out = VSIFOpenL(("/vsigzip/" + gz).c_str(), "wb");
    REQUIRE(out != nullptr);
    VSIFWriteL(csv.data(), 1, csv.size(), out);
    VSIFCloseL(out);
  }
  ImportOptions opt;
  opt.kind = ImportKind::Producers;
  opt.crs = "EPSG:4490";
  opt.dry_run = true;
  for (const std::string& source : {gz, "/vsigzip/" + gz}) {
    const ImportReport r = import_into(ws, source, opt, Progress());
    CHECK(r.read == 1);
    CHECK(r.accepted == 1);
  }
}

TEST_CASE("an archive without a dataset, or a virtual path to nothing, says so in one line") {
  ensure_gdal();
  TempDir dir = TempDir::make("giatlas-zip");
  const std::string zip = (fs::path(dir.path()) / "docs.zip").string();
  test::write_bytes((fs::path(dir.path()) / "readme.txt").string(), "hello");
  add_to_zip(zip, "docs", {(fs::path(dir.path()) / "readme.txt").string()});
  Workspace ws = test::new_workspace(dir.path());
  CHECK_THROWS_WITH(import_towns(ws, zip), Catch::Contains("no dataset in it (files: docs/readme.txt)"));
  CHECK_THROWS_WITH(import_towns(ws, "/vsizip/" + zip + "/nothing.shp"), Catch::Contains("file not found"));
  CHECK_THROWS_WITH(import_towns(ws, (fs::path(dir.path()) / "missing.zip").string()),
                    Catch::Contains("file not found"));
}

TEST_CASE("a damaged or fake zip is named as such, not called empty") {
  ensure_gdal();
  TempDir dir = TempDir::make("giatlas-zip");
  Workspace ws = test::new_workspace(dir.path());
  const std::string good = (fs::path(dir.path()) / "good.zip").string();
  add_to_zip(good, "x", township_shapefile(dir.path(), "towns", "白马镇"));
  std::string bytes = test::read_bytes(good);
  // cut before the central directory: the local headers are there, the list of files is not
  const std::string cut = (fs::path(dir.path()) / "cut.zip").string();
  test::write_bytes(cut, bytes.substr(0, bytes.size() / 2));
  CHECK_THROWS_WITH(import_towns(ws, cut), Catch::Contains("cut.zip: a damaged zip archive"));
  const std::string fake = (fs::path(dir.path()) / "fake.zip").string();
  test::write_bytes(fake, "<html>download failed</html>");
  CHECK_THROWS_WITH(import_towns(ws, fake), Catch::Contains("fake.zip: not a zip archive"));
  const std::string zero = (fs::path(dir.path()) / "zero.zip").string();
  test::write_bytes(zero, "");
  CHECK_THROWS_WITH(import_towns(ws, zero), Catch::Contains("zero.zip: the file is empty (0 bytes)"));
  // a real empty zip: only its end record
  const std::string empty = (fs::path(dir.path()) / "empty.zip").string();
  test::write_bytes(empty, std::string("PK\x05\x06", 4) + std::string(18, '\0'));
  CHECK_THROWS_WITH(import_towns(ws, empty), Catch::Contains("no dataset in it (the archive is empty)"));
}

TEST_CASE("a .dbf sent without its .shp is found in a zip and read as a table") {
  ensure_gdal();
  TempDir dir = TempDir::make("giatlas-zip");
  // a producers table with coordinate columns, as a bare dBASE file
  FixtureLayer l;
  l.name = "users";
  l.geom = wkbNone;
  l.fields = {"name", "gi", "lon", "lat"};
  l.rows = {{{"甲合作社", "武隆高山萝卜", "107.75", "29.35"}, ""}, {{"乙合作社", "武隆高山萝卜", "107.76", "29.36"}, ""}};
  l.creation_options = {"ENCODING=UTF-8"};  // its .cpg stays behind: the zip holds the .dbf alone
  const std::string dbf = (fs::path(dir.path()) / "users.dbf").string();
  test::write_vector(dbf, "ESRI Shapefile", l);
  REQUIRE(fs::exists(dbf));
  const std::string zip = (fs::path(dir.path()) / "list.zip").string();
  add_to_zip(zip, "2026", {dbf});
  // beside a shapefile's own .dbf, which is part of that shapefile and not listed on its own
  add_to_zip(zip, "map", township_shapefile(dir.path(), "towns", "白马镇"));
  const ArchivePick pick = pick_archive_dataset(zip, "");
  CHECK(pick.found == std::vector<std::string>{"2026/users.dbf", "map/towns.shp"});
  Workspace ws = test::new_workspace(dir.path());
  ImportOptions opt;
  opt.kind = ImportKind::Producers;
  opt.crs = "EPSG:4490";
  opt.layer = "users";
  opt.dry_run = true;
  const ImportReport r = import_into(ws, zip, opt, Progress());
  CHECK(r.read == 2);
  CHECK(r.accepted == 2);
}
