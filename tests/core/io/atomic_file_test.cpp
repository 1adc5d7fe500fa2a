// Tests of the one write-then-rename helper: whole files or nothing, no temporary file left,
// one-line errors with the cause.
#include "io/atomic_file.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "error.h"
#include "test_support.h"

using namespace giatlas;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

void put(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::size_t files_in(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("an atomic write replaces the target whole and leaves no temporary file") {
  test::TempDir dir;
  const std::string target = dir.file("report.csv");
  put(target, "old");
  std::string big(300000, 'x');  // larger than the write buffer
  AtomicFile f(target, "report");
  f.open();
  f.write("head\n");
  f.write(big);
  f.write("tail\n");
  CHECK(slurp(target) == "old");  // nothing visible before commit
  f.commit();
  CHECK(slurp(target) == "head\n" + big + "tail\n");
  CHECK(files_in(dir.path()) == 1);
  atomic_write_text(target, "report", "new");
  CHECK(slurp(target) == "new");
  CHECK(files_in(dir.path()) == 1);
}

TEST_CASE("a writer that throws half way leaves the target untouched and no temporary file") {
  test::TempDir dir;
  const std::string target = dir.file("map.pdf");
  put(target, "old map");
  std::string seen_tmp;
  CHECK_THROWS_WITH(atomic_write(target, "render",
                                 [&](const std::string& tmp) {
                                   seen_tmp = tmp;
                                   put(tmp, "half a map");
                                   put(tmp + "-journal", "sidecar");
                                   throw Error("render: out of ink");
                                 }),
                    "render: out of ink");
  CHECK(slurp(target) == "old map");
  CHECK_FALSE(std::filesystem::exists(seen_tmp));
  CHECK_FALSE(std::filesystem::exists(seen_tmp + "-journal"));
  CHECK(files_in(dir.path()) == 1);
  {  // a streamed write abandoned without commit()
    AtomicFile f(target, "report");
    f.open();
    f.write("partial");
  }
  CHECK(slurp(target) == "old map");
  CHECK(files_in(dir.path()) == 1);
}

TEST_CASE("the temporary file sits beside the target, hidden, with the target's extension") {
  const std::string t = temp_path_beside("/some/folder/check.gpkg");
  CHECK(t.rfind("/some/folder/.check.tmp", 0) == 0);
  CHECK(t.size() > 5);
  CHECK(t.substr(t.size() - 5) == ".gpkg");
  CHECK(temp_path_beside("/some/folder/check.gpkg") != t);
}

TEST_CASE("a write into a missing folder fails with one line naming the file and the cause") {
  test::TempDir dir;
  const std::string target = dir.file("no-such-folder/plan.csv");
  try {
    atomic_write_text(target, "plan", "x");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == "plan " + target + ": no such file or directory");
  }
  CHECK_THROWS_WITH(atomic_write(target, "render", [](const std::string&) { FAIL("the writer ran"); }),
                    Catch::Contains("no such file or directory"));
}

TEST_CASE("a library writer that produced no file is reported, not renamed") {
  test::TempDir dir;
  const std::string target = dir.file("out.png");
  CHECK_THROWS_WITH(atomic_write(target, "screenshot", [](const std::string&) {}),
                    Catch::Contains("the file was not written"));
  CHECK(files_in(dir.path()) == 0);
}
