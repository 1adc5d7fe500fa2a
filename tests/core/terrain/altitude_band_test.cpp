// Altitude-band zones: exact against a tilted plane, specks and pinholes cleaned and reported,
// voids left out, and the band worded as applications write it.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "error.h"
#include "geo/geodesic.h"
#include "terrain/altitude_band.h"
#include "test_support.h"

using namespace giatlas;

namespace {

constexpr double kWest = 107.5, kNorth = 29.5, kCell = 0.001;

// A plane rising eastwards: altitude(lon) = 500 + 10,000 × (lon − kWest) m (1,000 m per 0.1°),
// sampled at cell centres, 300 × 200 cells.
DemGrid tilted_plane() {
  DemGrid g(300, 200, kWest, kNorth, kCell, kCell);
  for (int r = 0; r < g.rows(); ++r)
    for (int c = 0; c < g.cols(); ++c) g.set(c, r, static_cast<float>(500 + 10000 * (g.cell_centre(c, r).x - kWest)));
  return g;
}

MultiPolygon rect(double x0, double y0, double x1, double y1) {
  return MultiPolygon{{Polygon{{Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}}};
}

}  // namespace

TEST_CASE("the band is worded as applications write it", "[terrain]") {
  CHECK(band_text_zh({1200.0, std::nullopt}) == "海拔1200米以上");
  CHECK(band_text_zh({1000.0, 1600.0}) == "海拔1000—1600米");
  CHECK(band_text_zh({std::nullopt, 800.0}) == "海拔800米以下");
  CHECK(band_text_zh({}) == "");
  CHECK(band_text_en({1000.0, 1600.0}) == "altitude 1000–1600 m");
  CHECK(AltitudeBand{1200.0, std::nullopt}.contains(1200));
  CHECK_FALSE(AltitudeBand{1200.0, std::nullopt}.contains(1199.9));
  CHECK_THROWS_WITH(validate_band({1600.0, 1000.0}), Catch::Contains("above the upper bound"));
}

TEST_CASE("a band zone over a tilted plane has the exact area above the level, within 0.1%", "[terrain]") {
  const DemGrid dem = tilted_plane();
  // Units: a rectangle inside the grid. The 1,200 m contour is the meridian kWest + 0.07.
  const MultiPolygon units = rect(107.52, 29.33, 107.78, 29.47);
  SECTION("above a level") {
    const BandZone z = altitude_band_zone(dem, units, {1200.0, std::nullopt});
    const double exact = geodesic_area(rect(107.57, 29.33, 107.78, 29.47));
    CHECK(z.band_m2 == Approx(exact).epsilon(0.001));
    CHECK(z.units_m2 == Approx(geodesic_area(units)).epsilon(1e-9));
    const Box b = bounds(z.geom);
    CHECK(b.minx == Approx(107.57).margin(1e-6));  // the contour line, not a cell edge
    CHECK(z.findings.empty());
  }
  SECTION("between two levels") {
    const BandZone z = altitude_band_zone(dem, units, {1000.0, 1600.0});
    CHECK(z.band_m2 == Approx(geodesic_area(rect(107.55, 29.33, 107.61, 29.47))).epsilon(0.001));
  }
  SECTION("below a level") {
    const BandZone z = altitude_band_zone(dem, units, {std::nullopt, 800.0});
    CHECK(z.band_m2 == Approx(geodesic_area(rect(107.52, 29.33, 107.53, 29.47))).epsilon(0.001));
  }
  SECTION("no part in the band") {
    const BandZone z = altitude_band_zone(dem, units, {5000.0, std::nullopt});
    CHECK(z.geom.empty());
    REQUIRE_FALSE(z.findings.empty());
    CHECK(z.findings.back().code == "band_empty");
  }
}

TEST_CASE("specks and pinholes under the minimum area are removed and reported; voids are left out", "[terrain]") {
  DemGrid dem(200, 200, kWest, kNorth, kCell, kCell);
  for (float& v : dem.values()) v = 900;  // below the band everywhere…
  for (int r = 20; r < 120; ++r)
    for (int c = 20; c < 120; ++c) dem.set(c, r, 1500);  // …but a 100 × 100-cell plateau
  dem.set(170, 170, 1500);                                 // a single-cell bump: a speck
  dem.set(70, 70, 900);                                    // a single-cell pit in the plateau: a pinhole
  for (int r = 40; r < 50; ++r)
    for (int c = 90; c < 100; ++c) dem.set(c, r, std::numeric_limits<float>::quiet_NaN());  // a void
  const MultiPolygon units = rect(kWest + 0.005, kNorth - 0.195, kWest + 0.195, kNorth - 0.005);
  const BandZone z = altitude_band_zone(dem, units, {1200.0, std::nullopt});
  std::map<std::string, const BandFinding*> found;
  for (const auto& f : z.findings) found[f.code] = &f;
  REQUIRE(found.count("band_speck_removed"));
  CHECK(found["band_speck_removed"]->count == 1);
  REQUIRE(found.count("band_hole_filled"));
  CHECK(found["band_hole_filled"]->count == 1);
  REQUIRE(found.count("dem_void"));
  CHECK(found["dem_void"]->count == 100);
  CHECK(found["dem_void"]->area_m2 == Approx(100 * dem.cell_area_m2(45)).epsilon(0.01));
  REQUIRE(z.geom.polygons.size() == 1);
  // The void stays a hole of the zone: it is larger than the minimum area.
  CHECK(z.geom.polygons.front().rings.size() == 2);
  // A smaller minimum keeps the speck.
  BandZoneOptions keep;
  keep.min_area_m2 = 1;
  CHECK(altitude_band_zone(dem, units, {1200.0, std::nullopt}, keep).geom.polygons.size() == 2);
}

TEST_CASE("a band zone refuses what it cannot do", "[terrain]") {
  const DemGrid dem = tilted_plane();
  CHECK_THROWS_WITH(altitude_band_zone(dem, rect(100, 20, 101, 21), {1200.0, std::nullopt}),
                    Catch::Contains("outside the DEM"));
  CHECK_THROWS_WITH(altitude_band_zone(dem, rect(107.52, 29.33, 107.6, 29.4), {}), Catch::Contains("lower or an upper"));
  CHECK_THROWS_WITH(altitude_band_zone(DemGrid(), rect(107.52, 29.33, 107.6, 29.4), {1200.0, std::nullopt}),
                    Catch::Contains("no DEM"));
  // Units reaching beyond the DEM: the part beyond is reported, not guessed.
  const BandZone z = altitude_band_zone(dem, rect(107.7, 29.4, 107.9, 29.45), {1200.0, std::nullopt});
  bool beyond = false;
  for (const auto& f : z.findings) beyond |= f.code == "outside_dem";
  CHECK(beyond);
  CHECK(bounds(z.geom).maxx <= 107.8 + 1e-9);
}
