// Zone versions over time: save a new version, list a GI's versions, pick one, and compare two
// (area added and removed, as geometry and in geodesic km²).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "workspace/model.h"

namespace giatlas {

class Workspace;

struct ZoneSaveRequest {
  std::string gi;
  std::string effective_from;  // DEFAULT: "" = today (Workspace::save_zone_version)
  std::string author;
  std::string note;
  std::string source = "drawn";    // units | drawn | imported
  std::vector<std::string> units;  // unit codes when source == units
  // An altitude band the zone was cut to (terrain/band_zone_build.h) and its DEM; none by default.
  std::optional<double> min_altitude_m, max_altitude_m;
  std::string dem;
  // The version the edit started from (0: the GI had no zone): a save finding a newer one is
  // refused with workspace/edit_conflict.h EditConflict. DEFAULT: nullopt, no check.
  std::optional<int> based_on;
};

// Saves `geom` as the next version of the GI's zone through Workspace::save_zone_version (the
// previous version gets effective_to = effective_from). Throws Error for an empty or invalid
// geometry (with GEOS's reason), an unknown GI, or a date not after the version in force;
// EditConflict when request.based_on is not the newest version any more.
// The workspace's QGIS layer styles are rewritten with it (map/qgis_styles.h), in one transaction.
ZoneVersion save_zone(Workspace& ws, const MultiPolygon& geom, const ZoneSaveRequest& request);

// All versions of `gi`, oldest first. Throws Error when the GI is not in the register.
std::vector<ZoneVersion> zone_history(const Workspace& ws, const std::string& gi);

// The version numbered `version`; DEFAULT: version 0 means the newest. Throws Error naming the
// GI and the versions that exist when there is no such version.
ZoneVersion find_zone_version(const Workspace& ws, const std::string& gi, int version = 0);

struct ZoneComparison {
  std::string gi;
  int from_version = 0;
  int to_version = 0;
  MultiPolygon added;                                               // in `to`, not in `from`
  MultiPolygon removed;                                             // in `from`, not in `to`
  double from_km2 = 0, to_km2 = 0, added_km2 = 0, removed_km2 = 0;  // geodesic
  double net_km2() const { return added_km2 - removed_km2; }
};

ZoneComparison compare_zone_versions(const ZoneVersion& from, const ZoneVersion& to);

// A refused save beside the version saved meanwhile: `theirs` (the newest version now) compared
// with the geometry the person drew (`mine`, not saved), so they see what each has that the
// other lacks before saving again. from_version = theirs, to_version = 0 (unsaved).
ZoneComparison compare_with_unsaved(const ZoneVersion& theirs, const MultiPolygon& mine);

}  // namespace giatlas
