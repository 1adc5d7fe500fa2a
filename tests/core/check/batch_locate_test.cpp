// Batch location answers exactly what point-by-point location answers, in input order,
// whatever the order of the input; bad requests are refused.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "check/batch_locate.h"
#include "error.h"
#include "test_support.h"

using namespace giatlas;

namespace {

// A 6 x 5 tiling of unit squares (the townships) and two overlapping zones made of squares.
struct Fixture {
  std::vector<MultiPolygon> towns;
  PointIndex town_index;
  PointIndex zone_a, zone_b;
  Fixture() {
    for (int r = 0; r < 5; ++r)
      for (int c = 0; c < 6; ++c) towns.push_back(test::square(100 + c, 30 + r, 1));
    town_index = PointIndex(towns);
    zone_a = PointIndex({test::square(101, 31, 3)});
    zone_b = PointIndex({test::square(103.5, 30.5, 2)});
  }
};

bool same(const PointHit& a, const PointHit& b) {
  return a.owner == b.owner && a.covered == b.covered && a.on_boundary == b.on_boundary;
}

// Random points over and around the tiling, vertices and edge points included, and a few
// that are not finite.
std::vector<LocateQuery> queries(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> x(99.5, 106.5), y(29.5, 35.5), t(0, 1);
  std::vector<LocateQuery> out;
  for (std::size_t i = 0; i < n; ++i) {
    Point p{x(rng), y(rng)};
    switch (i % 7) {
      case 1: p = {std::round(p.x), std::round(p.y)}; break;       // a vertex
      case 2: p.x = std::round(p.x); break;                        // on a north-south edge
      case 3: p.y = std::round(p.y * 2) / 2; break;                // on an edge of zone b
      case 4: p = {std::round(p.x) + 1e-12, p.y}; break;           // just east of an edge
      case 5: if (i % 70 == 5) p.x = std::numeric_limits<double>::quiet_NaN(); break;
      default: break;
    }
    const std::uint32_t zone = i % 3 == 0 ? LocateQuery::kNoZone : static_cast<std::uint32_t>(i % 3 - 1);
    out.push_back({p, zone});
  }
  return out;
}

}  // namespace

TEST_CASE("batch location gives each point the answer of PointIndex::locate, in input order", "[check]") {
  Fixture f;
  const std::vector<const PointIndex*> zones{&f.zone_a, &f.zone_b};
  const auto in = queries(20000, 7);
  std::vector<LocateAnswer> out(in.size());
  BatchLocator locator(f.town_index, zones);
  locator.locate(in, out);
  std::size_t wrong = 0, covered = 0, on_boundary = 0, in_zone = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const PointHit town = f.town_index.locate(in[i].p);
    const PointHit zone = in[i].zone == LocateQuery::kNoZone ? PointHit{} : zones[in[i].zone]->locate(in[i].p);
    wrong += !same(out[i].town, town) || !same(out[i].zone, zone);
    covered += town.covered;
    on_boundary += town.on_boundary;
    in_zone += zone.covered;
  }
  CHECK(wrong == 0);
  // The probes are not trivial: some inside, some on edges, some in a zone, some outside.
  CHECK(covered > in.size() / 2);
  CHECK(covered < in.size());
  CHECK(on_boundary > in.size() / 10);
  CHECK(in_zone > in.size() / 10);

  SECTION("shuffled input: the same answer per point") {
    std::vector<std::size_t> perm(in.size());
    for (std::size_t i = 0; i < perm.size(); ++i) perm[i] = i;
    std::shuffle(perm.begin(), perm.end(), std::mt19937_64(11));
    std::vector<LocateQuery> shuffled;
    for (std::size_t i : perm) shuffled.push_back(in[i]);
    std::vector<LocateAnswer> out2(in.size());
    locator.locate(shuffled, out2);  // the same locator, reused
    std::size_t differ = 0;
    for (std::size_t k = 0; k < perm.size(); ++k)
      differ += !same(out2[k].town, out[perm[k]].town) || !same(out2[k].zone, out[perm[k]].zone);
    CHECK(differ == 0);
  }
  SECTION("a smaller batch after a larger one, and an empty one") {
    std::vector<LocateQuery> few(in.begin(), in.begin() + 10);
    std::vector<LocateAnswer> out3(few.size());
    locator.locate(few, out3);
    for (std::size_t i = 0; i < few.size(); ++i) CHECK(same(out3[i].town, out[i].town));
    std::vector<LocateAnswer> none;
    locator.locate({}, none);
  }
}

TEST_CASE("batch location refuses a zone that does not exist and a wrong answer size", "[check]") {
  Fixture f;
  BatchLocator locator(f.town_index, {&f.zone_a});
  std::vector<LocateQuery> in{{{101.5, 31.5}, 0}, {{102.5, 31.5}, 1}};
  std::vector<LocateAnswer> out(in.size());
  CHECK_THROWS_AS(locator.locate(in, out), Error);
  in[1].zone = LocateQuery::kNoZone;
  std::vector<LocateAnswer> short_out(1);
  CHECK_THROWS_AS(locator.locate(in, short_out), Error);
  locator.locate(in, out);
  CHECK(out[0].zone.covered);
  CHECK(out[1].town.covered);
  CHECK_FALSE(out[1].zone.covered);
  CHECK_THROWS_AS(BatchLocator(f.town_index, {nullptr}), Error);
}
