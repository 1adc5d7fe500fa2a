// The scope statement for every zone of the generated sample: the units it lists are exactly the
// zone's units, the counts match the villages, the extent has the DMS format and the area is the
// sum of the units' geodesic areas.
#include <algorithm>
#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "geo/geodesic.h"
#include "sample/generator.h"
#include "scope/scope_format.h"
#include "scope/scope_statement.h"
#include "scope_fixture.h"

using namespace giatlas;
using namespace giatlas::test;

TEST_CASE("the scope statements of the sample's zones list their units, counts, extent and area", "[scope]") {
  TempDir dir;
  SampleOptions opt;
  opt.producers = 40;
  opt.census_points = 10;
  opt.density = 0.3;
  generate_sample(dir.file("sample.gpkg"), opt);
  const Workspace ws = Workspace::open(dir.file("sample.gpkg"), true);
  const auto towns = ws.townships();
  const auto villages = ws.villages();
  const auto zones = ws.zone_versions();
  REQUIRE(zones.size() >= 3);
  const std::regex extent(
      "^东经\\d{3}°\\d{2}′\\d{2}″至\\d{3}°\\d{2}′\\d{2}″，北纬\\d{2}°\\d{2}′\\d{2}″至\\d{2}°\\d{2}′\\d{2}″$");
  for (const auto& z : zones) {
    if (z.source != "units") continue;
    if (z.min_altitude_m || z.max_altitude_m) continue;  // band zones: tests/core/terrain/band_check_test.cpp
    INFO(z.gi << " v" << z.version);
    const ScopeStatement s = scope_statement(ws, z.gi, z.version);
    // Units: the statement's townships are the zone's townships, all whole.
    std::set<std::string> listed, expected, village_units;
    for (const auto& u : s.townships) {
      listed.insert(u.code);
      CHECK_FALSE(u.partial);
    }
    double units_area = 0;
    for (const auto& t : towns)
      if (std::find(z.units.begin(), z.units.end(), t.code) != z.units.end()) {
        expected.insert(t.code);
        units_area += geodesic_area(t.geom);
      }
    CHECK(listed == expected);
    CHECK(s.township_count == static_cast<int>(expected.size()));
    // Counts: every village of a whole township is covered.
    int villages_in_units = 0;
    for (const auto& v : villages) villages_in_units += expected.count(v.township_code) ? 1 : 0;
    if (!villages.empty()) CHECK(s.village_count == villages_in_units);
    CHECK(std::regex_match(s.extent_text, extent));
    CHECK(s.area_m2 == Approx(units_area).epsilon(1e-6));
    CHECK(s.area_mu == Approx(s.area_m2 * 15 / 10000));
    CHECK(bounds(z.geom).contains(s.centroid));
    CHECK_THAT(scope_text(s), Catch::StartsWith("地域范围：武隆区"));
  }
}
