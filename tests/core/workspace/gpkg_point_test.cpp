// Tests of the GeoPackage point-blob reader: both byte orders, every envelope size, Z/M points,
// empty points, non-point geometries and corrupt blobs (a clear problem, never a crash).
#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "workspace/gpkg_point.h"

using namespace giatlas;

namespace {

using Bytes = std::vector<unsigned char>;

void put_u32(Bytes& b, std::uint32_t v, bool little) {
  for (int i = 0; i < 4; ++i) b.push_back(static_cast<unsigned char>(v >> (8 * (little ? i : 3 - i))));
}

void put_f64(Bytes& b, double d, bool little) {
  const auto v = std::bit_cast<std::uint64_t>(d);
  for (int i = 0; i < 8; ++i) b.push_back(static_cast<unsigned char>(v >> (8 * (little ? i : 7 - i))));
}

// A blob: header in `header_little` order with `envelope` indicator, then a WKB geometry of
// `type` with `coords` in `wkb_little` order.
Bytes blob(bool header_little, unsigned envelope, bool empty, bool wkb_little, std::uint32_t type,
           const std::vector<double>& coords) {
  static constexpr int kEnvelopeDoubles[] = {0, 4, 6, 6, 8};
  Bytes b{'G', 'P', 0,
          static_cast<unsigned char>((header_little ? 1u : 0u) | (envelope << 1) | (empty ? 0x10u : 0u))};
  put_u32(b, 4490, header_little);
  for (int i = 0; i < kEnvelopeDoubles[envelope]; ++i) put_f64(b, 100.0 + i, header_little);
  b.push_back(wkb_little ? 1 : 0);
  put_u32(b, type, wkb_little);
  for (double c : coords) put_f64(b, c, wkb_little);
  return b;
}

GpkgPoint read(const Bytes& b) { return read_gpkg_point(b.data(), b.size()); }

}  // namespace

TEST_CASE("a point blob is read in either byte order and with every envelope size") {
  for (bool header_little : {false, true})
    for (bool wkb_little : {false, true})
      for (unsigned envelope = 0; envelope <= 4; ++envelope) {
        GpkgPoint p = read(blob(header_little, envelope, false, wkb_little, 1, {107.75, 29.45}));
        INFO("header LE " << header_little << ", WKB LE " << wkb_little << ", envelope " << envelope);
        CHECK(p.problem.empty());
        REQUIRE(p.point);
        CHECK(p.point->x == 107.75);
        CHECK(p.point->y == 29.45);
      }
}

TEST_CASE("Z and M values of a point blob are read past and dropped") {
  for (std::uint32_t type : {1001u, 2001u, 0x80000001u, 0x40000001u})
    CHECK(read(blob(true, 1, false, true, type, {107.5, 29.5, 850.0})).point == Point{107.5, 29.5});
  for (std::uint32_t type : {3001u, 0xC0000001u})
    CHECK(read(blob(false, 2, false, false, type, {107.5, 29.5, 850.0, 3.0})).point == Point{107.5, 29.5});
}

TEST_CASE("an empty point gives no location and no problem") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  GpkgPoint flagged = read(blob(true, 0, true, true, 1, {nan, nan}));
  CHECK_FALSE(flagged.point);
  CHECK(flagged.problem.empty());
  GpkgPoint nan_point = read(blob(true, 0, false, true, 1, {nan, nan}));
  CHECK_FALSE(nan_point.point);
  CHECK(nan_point.problem.empty());
  // Only both coordinates NaN is WKB's POINT EMPTY (as OGR reads it).
  GpkgPoint half = read(blob(true, 0, false, true, 1, {nan, 29.5}));
  REQUIRE(half.point);
  CHECK(std::isnan(half.point->x));
}

TEST_CASE("a geometry that is not a point gives no location and no problem") {
  GpkgPoint line = read(blob(true, 1, false, true, 2, {2, 107.0, 29.0, 108.0, 30.0}));
  CHECK_FALSE(line.point);
  CHECK(line.problem.empty());
  GpkgPoint multi = read(blob(true, 1, false, true, 4, {}));
  CHECK_FALSE(multi.point);
  CHECK(multi.problem.empty());
}

TEST_CASE("a corrupt point blob is a clear problem, never a crash") {
  const Bytes good = blob(true, 1, false, true, 1, {107.75, 29.45});
  SECTION("every truncation") {
    for (std::size_t n = 0; n < good.size(); ++n) {
      GpkgPoint p = read_gpkg_point(n == 0 ? nullptr : good.data(), n);
      INFO(n << " bytes");
      CHECK_FALSE(p.point);
      CHECK_FALSE(p.problem.empty());
    }
  }
  SECTION("bad magic, version, envelope indicator, extended type, WKB byte order") {
    Bytes b = good;
    b[0] = 'X';
    CHECK(read(b).problem.find("magic") != std::string::npos);
    b = good;
    b[2] = 1;
    CHECK(read(b).problem.find("version") != std::string::npos);
    b = good;
    b[3] = static_cast<unsigned char>(1 | (5u << 1));
    CHECK(read(b).problem.find("envelope") != std::string::npos);
    b = good;
    b[3] |= 0x20;
    CHECK(read(b).problem.find("extended") != std::string::npos);
    b = good;
    b[8 + 32] = 7;
    CHECK(read(b).problem.find("byte order") != std::string::npos);
  }
  SECTION("the messages say what is short") {
    CHECK(read_gpkg_point(good.data(), 7).problem == "blob of 7 bytes is shorter than a GeoPackage header");
    CHECK(read_gpkg_point(good.data(), 20).problem == "blob of 20 bytes is shorter than its header");
  }
}
