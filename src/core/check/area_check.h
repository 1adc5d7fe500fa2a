// The origin check of production areas: for each area, how much of it lies in the zone of its
// GI in force on the check date (inside / partly inside / outside / outside the district), the
// area outside in m² and 亩, the zone version used, and, where the zone has an altitude band and
// a DEM is loaded, the altitude range of the area. Areas are measured in the district's
// CGCS2000 3-degree Gauss–Krüger projection (scope/local_metric.h) with GEOS: the share is
// intersection area ÷ area there, which agrees with an equal-area projection within 0.01% at
// district scale (the GK scale error cancels in the ratio).
#pragma once
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "check/origin_check.h"
#include "progress.h"
#include "terrain/altitude_band.h"
#include "terrain/dem.h"
#include "workspace/area_model.h"
#include "workspace/model.h"

namespace giatlas {

class Workspace;

struct AreaCheckOptions {
  std::string date;        // DEFAULT "": today. Selects the zone version in force.
  std::string gi;          // DEFAULT "": every GI; else only areas of this GI.
  int threads = 0;         // DEFAULT 0: all cores.
  // DEFAULT 1 m²: an area with less than this outside its zone counts as inside (digitising
  // noise along a shared edge); the m² outside is still reported.
  double sliver_m2 = 1.0;
};

// Stable codes (reports, map styles).
enum class AreaResult {
  inside,            // the whole area in the zone (up to sliver_m2)
  partly_inside,     // part in the zone, part outside
  outside,           // none of it in the zone, but in the district
  outside_district,  // none of it in the zone, and none of it in any township of the district
  unknown_gi,        // its GI has no zone in force on the date (or it names no GI)
  no_geometry,       // the record has no polygon
};
inline constexpr int kAreaResultCount = 6;
const char* area_result_code(AreaResult r);
const char* area_result_label_zh(AreaResult r);
std::optional<AreaResult> area_result_from_code(const std::string& code);

struct AreaCheck {
  std::int64_t area_id = 0;
  std::string code, name, gi, producer_name, credit_code;
  std::int64_t producer_id = 0;
  AreaResult result = AreaResult::no_geometry;
  double area_m2 = 0;     // in the GK projection
  double inside_m2 = 0;   // ∩ zone
  double outside_m2 = 0;  // area_m2 - inside_m2
  double share = 0;       // inside_m2 / area_m2 (0 when no area)
  double outside_mu() const { return outside_m2 / kSquareMetresPerMu; }
  double area_mu() const { return area_m2 / kSquareMetresPerMu; }
  double inside_mu() const { return inside_m2 / kSquareMetresPerMu; }
  int zone_version = 0;
  std::string zone_from, zone_to;  // the version's effective dates
  AltitudeBand zone_band;
  // Altitude range of the area from the DEM (vertices and the cell centres inside it); NaN when
  // not read; altitude_status says why ("no_dem", "dem_void", "outside_dem", "" when read or
  // when the zone has no band and so none was asked for).
  double alt_min_m = std::numeric_limits<double>::quiet_NaN();
  double alt_max_m = std::numeric_limits<double>::quiet_NaN();
  std::string altitude_status;
  std::string reason, reason_zh;  // "" only for plain inside
};

// One zone of the check, prepared: the version and its polygons.
class AreaChecker {
 public:
  // `zones`: the versions in force (one per GI) on the check date. `dem` may be null.
  // REQUIRES: at least one township with geometry (Error otherwise).
  AreaChecker(const std::vector<Township>& townships, std::vector<ZoneVersion> zones, AreaCheckOptions options,
              std::shared_ptr<const DemGrid> dem = nullptr);
  ~AreaChecker();
  AreaChecker(AreaChecker&&) noexcept;
  AreaChecker& operator=(AreaChecker&&) noexcept;

  // Checks every area over options.threads threads, in input order; polls progress.
  std::vector<AreaCheck> check_all(const std::vector<ProductionArea>& areas, const Progress& progress) const;
  int epsg() const;
  const AreaCheckOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct AreaCheckReport {
  AreaCheckOptions options;  // as run: date filled in
  std::vector<AreaCheck> rows;  // in area id order
  std::int64_t by_result[kAreaResultCount] = {};
  int epsg = 0;               // the projection areas were measured in
  std::vector<std::string> warnings;
  double seconds = 0;
};

// Checks every production area of the workspace (or of options.gi). Error for a bad date.
AreaCheckReport run_area_check(const Workspace& ws, const AreaCheckOptions& opt, const Progress& progress);
// The same for given areas against given zone versions (any dates: the one in force on
// opt.date is used per GI).
AreaCheckReport run_area_check(const std::vector<Township>& townships, const std::vector<ZoneVersion>& versions,
                               const std::vector<ProductionArea>& areas, const AreaCheckOptions& opt,
                               std::shared_ptr<const DemGrid> dem, const Progress& progress);

// A producer's result with its areas taken into account. Stable codes:
//   areas_inside            the point and every area are in the zone
//   areas_partly_outside    the point is in the zone (or near it) but some area is partly outside
//   areas_outside           the point is in the zone (or near it) but some area is wholly outside
//   point_outside_areas_in  the point is outside, every area is in the zone (the office may be elsewhere)
//   outside                 the point and its areas are outside
//   no_areas                the producer has no production area recorded (the point result stands)
struct ProducerAreaResult {
  std::int64_t producer_id = 0;
  std::string name, gi;
  std::string point_result;  // result_code of the point check
  std::string code;          // above
  int areas = 0;
  double area_m2 = 0, inside_m2 = 0, outside_m2 = 0;
  bool finding = false;      // a case an inspector should look at
  std::string reason, reason_zh;
};
std::vector<ProducerAreaResult> producer_area_results(const std::vector<ProducerCheck>& points,
                                                      const std::vector<AreaCheck>& areas);

// "62.5%"-style share text with two decimals ("100%", "0%" exact).
std::string share_text(double share);

}  // namespace giatlas
