// Places sample points with a known origin-check outcome: inside a zone, near its boundary at a
// chosen distance, outside, outside the district. Truth is computed the way the check defines
// it (see SampleTruth): GEOS covers on lon/lat, distances in the CGCS2000 3-degree GK zone.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "geo/gdal.h"
#include "geo/geos.h"
#include "sample/rng.h"
#include "terrain/altitude_band.h"
#include "terrain/dem.h"
#include "workspace/model.h"

namespace giatlas {

class Planter {
 public:
  // `zones`: the zone in force per GI; `district`: union of townships; `townships` for naming.
  Planter(const std::map<std::string, MultiPolygon>& zones, const MultiPolygon& district,
          const std::vector<Township>& townships);

  // The truth for a point claimed for `gi` with tolerance 30 m (see SampleTruth::expected).
  std::string expected(const std::string& gi, const Point& lonlat) const;
  double boundary_distance_m(const std::string& gi, const Point& lonlat) const;
  std::string township_of(const Point& lonlat) const;
  bool in_district(const Point& lonlat) const;

  Point random_in_zone(SampleRng& rng, const std::string& gi) const;
  Point random_in_district(SampleRng& rng) const;
  Point random_outside_district(SampleRng& rng) const;
  // A point `metres` from the zone boundary, on the inside or outside (projected maths).
  Point near_boundary(SampleRng& rng, const std::string& gi, double metres, bool inside) const;
  // A vertex of the zone's boundary, exactly.
  Point zone_vertex(SampleRng& rng, const std::string& gi) const;
  Point to_metres(const Point& lonlat) const;

  // Declares `gi`'s zone an altitude band cut from `units` on `dem` (which must outlive this).
  void set_band(const std::string& gi, const MultiPolygon& units, const AltitudeBand& band, const DemGrid& dem);
  bool has_band(const std::string& gi) const { return bands_.count(gi) > 0; }
  // The cause the check gives a point that is plainly outside `gi`'s band zone but inside its
  // units: below_band, above_band, altitude_unknown (a DEM void); "" otherwise.
  std::string band_cause(const std::string& gi, const Point& lonlat) const;
  // A point in `gi`'s units (REQUIRES: has_band(gi)).
  Point random_in_units(SampleRng& rng, const std::string& gi) const;

 private:
  struct Band {
    GeosGeom units;
    GeosPrepared prepared;
    Box box;
    AltitudeBand band;
    const DemGrid* dem = nullptr;
  };
  std::map<std::string, Band> bands_;

  struct Zone {
    MultiPolygon lonlat;
    MultiPolygon metres;
    GeosGeom geom;
    GeosPrepared prepared;
    GeosGeom boundary_m;
    GeosPrepared boundary_prepared;
    Box box;
  };
  const Zone& zone(const std::string& gi) const;

  GeosContext ctx_;
  std::map<std::string, Zone> zones_;
  GeosGeom district_;
  GeosPrepared district_prepared_;
  Box district_box_;
  std::vector<std::pair<std::string, GeosGeom>> township_geoms_;
  std::vector<GeosPrepared> township_prepared_;
  OgrTransform to_m_;
  OgrTransform to_deg_;
};

}  // namespace giatlas
