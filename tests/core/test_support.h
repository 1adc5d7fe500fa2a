// Shared test helpers: a unique temporary directory per test, removed at the end.
#pragma once
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <random>
#include <string>
#include <unistd.h>

#include "geo/geometry.h"

namespace giatlas::test {

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("giatlas-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// An axis-aligned square with its lower-left corner at (x, y), as a one-polygon MultiPolygon.
inline MultiPolygon square(double x, double y, double s) {
  return MultiPolygon{{Polygon{{Ring{{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}}}}}};
}

// The whole content of a file (binary), "" when it cannot be read.
inline std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace giatlas::test
