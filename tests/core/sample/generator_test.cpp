// Tests of the sample generator: determinism, the tiling, and the planted cases.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "geo/geos.h"
#include "sample/generator.h"
#include "test_support.h"
#include "workspace/credit_code.h"
#include "workspace/workspace.h"

using namespace giatlas;

namespace {

SampleOptions small() {
  SampleOptions o;
  o.seed = 7;
  o.producers = 300;
  o.census_points = 40;
  o.density = 0.25;  // coarse edges keep the test fast
  return o;
}

}  // namespace

TEST_CASE("the same seed gives the same geometry and the same producers") {
  test::TempDir dir;
  auto truth_a = generate_sample(dir.file("a.gpkg"), small());
  auto truth_b = generate_sample(dir.file("b.gpkg"), small());
  Workspace a = Workspace::open(dir.file("a.gpkg"), true);
  Workspace b = Workspace::open(dir.file("b.gpkg"), true);
  CHECK(a.townships() == b.townships());
  CHECK(a.villages() == b.villages());
  CHECK(a.zone_versions() == b.zone_versions());
  CHECK(a.census_points() == b.census_points());
  CHECK(a.producers() == b.producers());
  REQUIRE(truth_a.size() == truth_b.size());
  for (std::size_t i = 0; i < truth_a.size(); ++i) CHECK(truth_a[i].expected == truth_b[i].expected);

  SampleOptions other = small();
  other.seed = 8;
  generate_sample(dir.file("c.gpkg"), other);
  Workspace c = Workspace::open(dir.file("c.gpkg"), true);
  CHECK_FALSE(c.townships()[0].geom == a.townships()[0].geom);
}

TEST_CASE("the sample's townships tile the district without gaps or overlaps") {
  test::TempDir dir;
  generate_sample(dir.file("s.gpkg"), small());
  Workspace ws = Workspace::open(dir.file("s.gpkg"), true);
  auto towns = ws.townships();
  REQUIRE(towns.size() == 25);
  GeosContext ctx;
  std::vector<MultiPolygon> parts;
  double sum = 0;
  for (const auto& t : towns) {
    CHECK(invalid_reason(ctx, t.geom).empty());
    GeosGeom g = to_geos(ctx, t.geom);
    double a = 0;
    GEOSArea_r(ctx, g.get(), &a);
    sum += a;
    parts.push_back(t.geom);
  }
  GeosGeom u = to_geos(ctx, union_all(ctx, parts));
  double union_area = 0;
  GEOSArea_r(ctx, u.get(), &union_area);
  CHECK(union_area == Approx(sum).epsilon(1e-9));  // no overlaps
  CHECK(GEOSGetNumGeometries_r(ctx, u.get()) == 1);  // one piece
  CHECK(GEOSGetNumInteriorRings_r(ctx, GEOSGetGeometryN_r(ctx, u.get(), 0)) == 0);  // no gaps
  // About 2,900 km² (1° lat ≈ 110.9 km, 1° lon ≈ 97 km here).
  CHECK(union_area * 110.9 * 97.0 == Approx(2900).epsilon(0.15));
  CHECK(ws.metadata().synthetic);
}

TEST_CASE("every planted case appears and producers keep what they submitted") {
  test::TempDir dir;
  auto truth = generate_sample(dir.file("s.gpkg"), small());
  Workspace ws = Workspace::open(dir.file("s.gpkg"), true);
  auto producers = ws.producers();
  REQUIRE(producers.size() == 300);
  REQUIRE(truth.size() == 300);
  std::set<std::string> expected, causes;
  for (const auto& t : truth) expected.insert(t.expected), causes.insert(t.cause);
  for (const char* e : {"inside", "inside_near_boundary", "outside_near_boundary", "outside", "outside_district",
                        "unknown_gi", "invalid_location"})
    CHECK(expected.count(e));
  for (const char* c : {"swapped", "gcj02", "bd09", "projected", "missing", "unparseable", "bad_credit_code"})
    CHECK(causes.count(c));
  std::map<std::int64_t, const Producer*> by_id;
  for (const auto& p : producers) by_id[p.id] = &p;
  for (const auto& t : truth) {
    const Producer& p = *by_id.at(t.producer_id);
    if (t.expected == "invalid_location") CHECK_FALSE(p.location.has_value());
    if (t.cause == "bad_credit_code")
      CHECK_FALSE(valid_credit_code(p.credit_code));
    else
      CHECK(valid_credit_code(p.credit_code));
    if (p.location) CHECK_FALSE(p.raw_x.empty());
  }
}
