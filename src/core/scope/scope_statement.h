// The scope statement (地域范围) of a GI zone version, as an application to CNIPA or MARA states
// it: the admin units covered, "N个乡镇M个行政村", the DMS extent, the geodesic area in km², 公顷
// and 亩, the centroid and the boundary vintage. All numbers come from the same zone geometry and
// unit list, so they cannot disagree. Formats: scope/scope_format.h.
#pragma once
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "progress.h"
#include "terrain/altitude_band.h"
#include "workspace/model.h"

namespace giatlas {

class Workspace;

struct ScopeOptions {
  // DEFAULT: 0 — whole seconds in the extent and centroid; 2 gives 0.01″ (--precise).
  int second_decimals = 0;
  // DEFAULT: a township covered by at least 99.5% of its area counts as whole (全境); the
  // tolerance absorbs boundary digitising noise between zone and township layers.
  double whole_share = 0.995;
  // DEFAULT: a township covered by less than 0.1% is not listed (edge contact, slivers).
  double min_share = 0.001;
  // DEFAULT: a village counts as covered when at least half of it is inside the zone.
  double village_share = 0.5;
};

struct ScopeUnit {
  std::string code;
  std::string name;
  std::string kind;      // 街道 | 镇 | 乡
  double share = 0;      // covered share of the township's area, 0..1
  double area_km2 = 0;   // the zone's area inside the township (geodesic)
  bool partial = false;  // share < whole_share
  int villages_covered = 0;
  int villages_total = 0;                  // 0 when the workspace has no villages for this township
  std::vector<std::string> village_names;  // covered villages, when known
};

struct ScopeStatement {
  std::string gi;
  std::string district;  // Metadata::district_name
  bool synthetic = false;
  int version = 0;
  std::string effective_from, effective_to, source, author, note;
  std::vector<ScopeUnit> townships;  // ordered by code
  int township_count = 0;
  int partial_count = 0;
  int village_count = -1;   // -1 when the workspace has no villages (count unknown)
  Box extent;               // lon/lat
  std::string extent_text;  // "东经…至…，北纬…至…"
  double area_m2 = 0, area_km2 = 0, area_ha = 0, area_mu = 0;
  Point centroid;  // lon/lat
  std::string centroid_text;
  int boundary_vintage = 0;  // newest township vintage among the covered units, 0 = unknown
  int second_decimals = 0;
  // A zone cut to an altitude band: the band, as applications write it ("海拔1200米以上"), and
  // the DEM it came from. The area is then the band's area inside the units, and each
  // township's share and area are the band's inside that township.
  AltitudeBand band;
  std::string band_text;  // "" for a plain zone
  std::string dem;
};

// 1 亩 = 10000/15 m².
inline constexpr double kSquareMetresPerMu = 10000.0 / 15.0;

// The statement for one zone version over the given units (pure: tests call it directly).
// REQUIRES: !zone.geom.empty() (Error otherwise).
ScopeStatement build_scope_statement(const ZoneVersion& zone, const std::vector<Township>& townships,
                                     const std::vector<Village>& villages, const Metadata& metadata,
                                     const ScopeOptions& options = {}, const Progress& progress = Progress());

// The statement for `gi`'s zone version `version` in a workspace. DEFAULT: version 0 = newest.
ScopeStatement scope_statement(const Workspace& ws, const std::string& gi, int version = 0,
                               const ScopeOptions& options = {}, const Progress& progress = Progress());

}  // namespace giatlas
