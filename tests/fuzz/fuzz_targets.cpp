// Fuzzing entry points over the core's parsers of untrusted input.
#include "fuzz_targets.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "error.h"
#include "io/coordinate_text.h"
#include "io/import.h"

namespace giatlas::fuzz {

namespace {

// Aborts with a message: the fuzzer records the input as a crash.
[[noreturn]] void broken(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::abort();
}

// A private scratch folder for one process, removed at exit.
class Scratch {
 public:
  Scratch() {
    dir_ = std::filesystem::temp_directory_path() / ("giatlas-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::filesystem::path path(const std::string& name) const { return dir_ / name; }
  std::string write(const std::string& name, const std::uint8_t* data, std::size_t size) const {
    const auto path = dir_ / name;
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path.string();
  }

 private:
  std::filesystem::path dir_;
};

const Scratch& scratch() {
  static const Scratch s;  // one per process; fuzzers and the replay test run targets serially
  return s;
}

void read_as_producers(const std::string& path, const std::string& crs) {
  ImportOptions opt;
  opt.crs = crs;
  opt.dry_run = true;
  std::vector<Producer> out;
  try {
    const ImportReport r = read_producers(path, opt, out, Progress());
    if (!r.balanced())
      broken("rows not accounted for: read " + std::to_string(r.read) + " accepted " + std::to_string(r.accepted) +
             " rejected " + std::to_string(r.rejected));
    if (static_cast<std::int64_t>(out.size()) != r.accepted) broken("accepted count differs from rows returned");
    for (const auto& p : out)
      if (p.location && !(std::isfinite(p.location->x) && std::isfinite(p.location->y))) broken("non-finite location");
  } catch (const Error&) {
    // A clear refusal is a normal outcome for garbage.
  }
}

}  // namespace

void coordinate_text(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (CoordAxis axis : {CoordAxis::Any, CoordAxis::Lon, CoordAxis::Lat}) {
    const CoordValue v = parse_coordinate(text, axis);
    if (v.ok() && !std::isfinite(v.degrees)) broken("a parsed coordinate is not finite");
    if (v.ok() && std::fabs(v.degrees) > 180) broken("a parsed coordinate is beyond 180 degrees");
  }
  (void)fold_fullwidth(text);
}

void csv_table(const std::uint8_t* data, std::size_t size) {
  read_as_producers(scratch().write("producers.csv", data, size), "EPSG:4326");
}

void dbf_table(const std::uint8_t* data, std::size_t size) {
  std::error_code ec;
  std::filesystem::remove(scratch().path("p.cpg"), ec);  // no .cpg: the encoding is decided from the bytes
  read_as_producers(scratch().write("p.dbf", data, size), "EPSG:4326");
}

void kml(const std::uint8_t* data, std::size_t size) {
  read_as_producers(scratch().write("p.kml", data, size), "");
}

const std::vector<Target>& targets() {
  static const std::vector<Target> all = {
      {"coordinate_text", coordinate_text}, {"csv", csv_table}, {"dbf", dbf_table}, {"kml", kml}};
  return all;
}

}  // namespace giatlas::fuzz
