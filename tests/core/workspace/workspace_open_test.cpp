// Tests of opening a workspace after faults: an interrupted change (hot journal) is rolled back
// and said, a read-only file or a lock is named, and a real GeoPackage is never called "not a
// GeoPackage". Permissions are tested in tests/e2e/workspace_faults.sh (as user nobody).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "error.h"
#include "geo/gdal.h"
#include "test_support.h"
#include "workspace/sqlite_file.h"
#include "workspace/workspace.h"

using namespace giatlas;
namespace fs = std::filesystem;

namespace {

// Copies `path` and its journal while a change is half written into the database file: the
// copy is what a killed writer or a power cut leaves behind.
void copy_mid_transaction(const std::string& path, const std::string& copy) {
  GdalDataset ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
  REQUIRE(ds);
  ds->ExecuteSQL("PRAGMA cache_size = 1", nullptr, nullptr);  // spill changed pages to the file early
  REQUIRE(ds->StartTransaction() == OGRERR_NONE);
  const std::string filler(800, 'x');
  for (int i = 0; i < 400; ++i)
    ds->ExecuteSQL(
        ("INSERT INTO giatlas_settings (key, value) VALUES ('k" + std::to_string(i) + "', '" + filler + "')")
            .c_str(),
        nullptr, nullptr);
  ds->ExecuteSQL("UPDATE giatlas_metadata SET value = 'half written' WHERE key = 'district_name'", nullptr,
                 nullptr);
  REQUIRE(fs::exists(path + "-journal"));
  fs::copy_file(path, copy);
  fs::copy_file(path + "-journal", copy + "-journal");
  ds->RollbackTransaction();
}

}  // namespace

TEST_CASE("an interrupted change is rolled back at the next open, even a read-only one, and said once") {
  test::TempDir dir;
  const std::string path = dir.file("w.gpkg"), crashed = dir.file("crashed.gpkg");
  Workspace::create(path, "武隆区", "500156");
  copy_mid_transaction(path, crashed);
  REQUIRE(has_hot_journal(crashed));
  REQUIRE(read_sqlite_header(crashed).geopackage);

  const Workspace ws = Workspace::open(crashed, true);
  CHECK(ws.rolled_back_interrupted_change());
  CHECK(ws.metadata().district_name == "武隆区");
  CHECK(ws.setting("k1", "none") == "none");
  CHECK_FALSE(has_hot_journal(crashed));
  CHECK_FALSE(Workspace::open(crashed, true).rolled_back_interrupted_change());
  CHECK_FALSE(Workspace::open(path).rolled_back_interrupted_change());
}

TEST_CASE("a damaged or foreign file is explained without calling a GeoPackage not a GeoPackage") {
  test::TempDir dir;
  std::ofstream(dir.file("notes.gpkg")) << "not a geopackage";
  CHECK_THROWS_WITH(Workspace::open(dir.file("notes.gpkg")),
                    Catch::Contains("is not a GI Atlas workspace (not a GeoPackage)"));
  CHECK_FALSE(read_sqlite_header(dir.file("notes.gpkg")).sqlite);

  // An SQLite database without the GeoPackage application id.
  {
    const std::string plain = dir.file("plain.sqlite");
    ensure_gdal();
    GdalDataset ds(GetGDALDriverManager()->GetDriverByName("SQLite")->Create(plain.c_str(), 0, 0, 0,
                                                                             GDT_Unknown, nullptr));
    REQUIRE(ds);
    ds->CreateLayer("t", nullptr, wkbNone, nullptr);
  }
  CHECK(read_sqlite_header(dir.file("plain.sqlite")).sqlite);
  CHECK_FALSE(read_sqlite_header(dir.file("plain.sqlite")).geopackage);
  CHECK_THROWS_WITH(Workspace::open(dir.file("plain.sqlite")),
                    Catch::Contains("is not a GI Atlas workspace (an SQLite database, not a GeoPackage)"));

  // A real workspace whose pages are damaged: named a GeoPackage that cannot be opened.
  const std::string path = dir.file("w.gpkg");
  Workspace::create(path, "武隆区");
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(100);
    const std::string junk(3000, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  try {
    Workspace::open(path, true);
    FAIL("a damaged workspace opened");
  } catch (const Error& e) {
    const std::string m = e.what();
    CHECK(m.find("not a GeoPackage") == std::string::npos);
    CHECK(m.find(path) != std::string::npos);
    CHECK(m.find('\n') == std::string::npos);
  }
}

TEST_CASE("SQLite's error text is reduced to one short cause") {
  CHECK(sqlite_failure_cause("sqlite3_exec(CREATE TABLE x (a INTEGER)) failed: database or disk is full") ==
        "no space left on device");
  CHECK(sqlite_failure_cause("database is locked") == "locked by another process");
  CHECK(sqlite_failure_cause("attempt to write a readonly database") == "read-only file");
  CHECK(sqlite_failure_cause("sqlite3_exec(CREATE TABLE x\n(a)) failed: no such table: y") ==
        "no such table: y");
}

TEST_CASE("The holder of a SQLite write lock is found in the kernel's lock list") {
  // RESERVED (one byte at 0x40000001) held by 11563; readers' SHARED ranges do not count.
  const std::string locks =
      "1: POSIX  ADVISORY  READ 777 fe:00:42 1073741826 1073742335\n"
      "2: POSIX  ADVISORY  WRITE 11563 fe:00:42 1073741825 1073741825\n"
      "3: POSIX  ADVISORY  WRITE 999 fe:00:43 1073741825 1073741825\n"
      "3: -> POSIX  ADVISORY  WRITE 888 fe:00:42 1073741825 1073741825\n";
  CHECK(write_lock_pid(locks, 0xfe, 0, 42, 1) == 11563);
  CHECK_FALSE(write_lock_pid(locks, 0xfe, 0, 42, 11563));  // our own lock is not another's
  CHECK_FALSE(write_lock_pid(locks, 0xfe, 0, 42, 1, true));  // RESERVED is not in a reader's way
  CHECK(write_lock_pid(locks, 0xfe, 0, 43, 1) == 999);
  CHECK_FALSE(write_lock_pid(locks, 0xfe, 0, 44, 1));
  // EXCLUSIVE (the SHARED range, written) and PENDING count for readers too; "EOF" ends a range.
  CHECK(write_lock_pid("1: POSIX  ADVISORY  WRITE 5 08:01:7 1073741824 1073742335\n", 8, 1, 7, 1, true) == 5);
  CHECK(write_lock_pid("1: OFDLCK ADVISORY  WRITE -1 08:01:7 1073741824 EOF\n", 8, 1, 7, 1, true) == -1);
  CHECK_FALSE(write_lock_pid("1: POSIX  ADVISORY  WRITE 5 08:01:7 0 100\n", 8, 1, 7, 1));  // not SQLite's bytes
  // a layered file system lists the lower layer's device: the inode alone still finds it
  CHECK(write_lock_pid("1: POSIX  ADVISORY  WRITE 6 00:2a:7 1073741825 1073741825\n", 8, 1, 7, 1) == 6);
  CHECK_FALSE(write_lock_pid("garbage\n\n1: POSIX\n", 8, 1, 7, 1));
}
