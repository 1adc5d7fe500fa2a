// Altitude bands: "海拔1200米以上", "海拔1000—1600米". The band of a zone, its wording as
// applications write it, and the band zone itself — administrative units ∩ the DEM's area
// within the band, with contour-quality boundaries.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "progress.h"
#include "terrain/dem.h"

namespace giatlas {

// Altitudes in metres; either bound optional. The band is closed: an altitude equal to a bound
// is in the band ("1200米以上" includes 1200 m, as applications mean it).
struct AltitudeBand {
  std::optional<double> min_m;
  std::optional<double> max_m;
  bool any() const { return min_m || max_m; }
  bool contains(double metres) const { return (!min_m || metres >= *min_m) && (!max_m || metres <= *max_m); }
  friend bool operator==(const AltitudeBand&, const AltitudeBand&) = default;
};

// "海拔1200米以上" | "海拔1000—1600米" | "海拔1600米以下" | "" for no band.
std::string band_text_zh(const AltitudeBand& b);
// "altitude 1200 m and above" | "altitude 1000–1600 m" | "altitude up to 1600 m" | "".
std::string band_text_en(const AltitudeBand& b);
// Throws Error when a bound is not finite or min > max (naming the values).
void validate_band(const AltitudeBand& b);

struct BandZoneOptions {
  // DEFAULT 1 ha: parts of the result smaller than this are removed, holes smaller than this
  // are filled (specks and pinholes of single DEM cells); both are reported.
  double min_area_m2 = 10000;
};

// What building a band zone found. Stable codes: band_speck_removed, band_hole_filled,
// dem_void (units area whose altitude the DEM cannot give: left out of the zone), outside_dem
// (units area beyond the DEM: left out), band_empty (no part of the units is in the band).
struct BandFinding {
  std::string code;
  std::string detail;  // Chinese and English
  int count = 0;
  double area_m2 = 0;
};

struct BandZone {
  MultiPolygon geom;  // units ∩ band, lon/lat
  std::vector<BandFinding> findings;
  double units_m2 = 0;  // geodesic area of the units
  double band_m2 = 0;   // geodesic area of geom
};

// Builds units ∩ {DEM altitude in band}. The band's edges are the DEM's contour lines at the
// bounds (linear interpolation between cell centres, as gdal_contour draws them), not cell
// steps. Voids are never in the band. REQUIRES: band.any(), !units.empty(), a DEM covering at
// least part of the units (Error otherwise). Progress stages: "contours", "clipping".
BandZone altitude_band_zone(const DemGrid& dem, const MultiPolygon& units, const AltitudeBand& band,
                            const BandZoneOptions& options = {}, const Progress& progress = Progress());

}  // namespace giatlas
