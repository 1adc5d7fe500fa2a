// The importer's private temporary folders: one left behind by a killed import is removed at the
// next import; those of running processes stay.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "io/source_open.h"

using namespace giatlas;
namespace fs = std::filesystem;

namespace {

// The id of a process that has exited (a child reaped at once).
pid_t dead_pid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

}  // namespace

TEST_CASE("a temporary folder left by a killed import is removed at the next one") {
  const std::string prefix = "giatlas-testtmp" + std::to_string(::getpid());
  const fs::path stale = fs::temp_directory_path() / (prefix + "-" + std::to_string(dead_pid()) + "-abc123");
  const fs::path live = fs::temp_directory_path() / (prefix + "-" + std::to_string(::getpid()) + "-def456");
  const fs::path odd = fs::temp_directory_path() / (prefix + "-notapid");
  for (const auto& d : {stale, live, odd}) {
    fs::create_directories(d);
    std::ofstream(d / "copy.csv") << "name,lon,lat\n";
  }
  {
    const TempDir t = TempDir::make(prefix);
    CHECK(fs::path(t.path()).filename().string().rfind(prefix + "-" + std::to_string(::getpid()) + "-", 0) ==
          0);
    CHECK_FALSE(fs::exists(stale));
    CHECK(fs::exists(live));
    CHECK(fs::exists(odd));
  }
  CHECK(TempDir::remove_abandoned(prefix) == 0);
  fs::remove_all(live);
  fs::remove_all(odd);
}
