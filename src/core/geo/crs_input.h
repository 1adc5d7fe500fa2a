// The coordinate system of imported data and the way from it to the workspace CRS (EPSG:4490):
// any CRS PROJ knows, plus GCJ-02 and BD-09 (phone-map coordinates), plus the Gauss–Krüger zone
// arithmetic needed to read projected metres typed into a table.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "geo/gdal.h"
#include "geo/geometry.h"

namespace giatlas {

// GCJ-02 and BD-09 are lon/lat with an offset PROJ does not know.
enum class ChinaShift { None, Gcj02, Bd09 };

// A source CRS as the importer uses it.
struct InputCrs {
  std::string label;        // "EPSG:4545", "GCJ-02", "BD-09", or the SRS name when read from a file
  ChinaShift shift = ChinaShift::None;
  OGRSpatialReference srs;  // meaningful when shift == None; traditional GIS axis order
  bool geographic() const;  // lon/lat degrees (always true for GCJ-02 / BD-09)
};

// The shift named by `text` ("GCJ-02", "gcj02", "GCJ 02", "BD-09", "bd09"; case and spaces,
// hyphens, underscores ignored), or nullopt for any other name.
std::optional<ChinaShift> china_shift_from_name(const std::string& text);

// Any user input: a shift name above, else whatever srs_from_user accepts ("EPSG:4545", "4545",
// WKT, PROJ string). Throws Error("unknown coordinate system '…'").
InputCrs input_crs_from_user(const std::string& text);
// The CRS a GDAL layer declares, with a readable label ("EPSG:4545" when it has an authority).
InputCrs input_crs_from_srs(const OGRSpatialReference& srs);

// Converts coordinates from an InputCrs to EPSG:4490 (x = lon, y = lat). Built once per layer.
class ToCgcs2000 {
 public:
  explicit ToCgcs2000(const InputCrs& crs);
  // Converts in place; false when the point is outside the CRS's domain or not finite.
  bool point(Point& p) const;
  // Converts every vertex; false when any fails.
  bool points(std::vector<Point>& pts) const;
  bool polygons(MultiPolygon& m) const;

 private:
  ChinaShift shift_;
  OgrTransform t_;
};

// --- Gauss–Krüger zones of CGCS2000 --------------------------------------------------------
// Two series: 3-degree zones 25–45 (CM = 3 * zone, 75°E–135°E) and 6-degree zones 13–23
// (CM = 6 * zone - 3). Their zone numbers do not overlap, so a prefixed zone number alone says
// which series it is.
struct GkZone {
  int zone = 0;               // 25–45 (3-degree) or 13–23 (6-degree)
  bool three_degree = true;
  double central_meridian = 0;
  bool prefixed = false;      // the easting carries the zone number (x_0 = zone * 1e6 + 500000)
  int epsg = 0;               // 4513–4533 / 4534–4554 (3-degree), 4491–4501 / 4502–4512 (6-degree)
  std::string describe() const;  // "CGCS2000 3-degree Gauss–Krüger zone 36 (CM 108°E), EPSG:4524"
};

// The zone of an easting with the zone number prefixed (36475715.6 -> zone 36, 3-degree), or
// nullopt when the leading digits are no Chinese zone or the rest is no plausible easting.
std::optional<GkZone> gk_zone_from_prefixed_easting(double easting);
// The 3-degree zone whose central meridian is nearest `lon`, easting without prefix.
GkZone gk3_zone_for_lon(double lon);

}  // namespace giatlas
