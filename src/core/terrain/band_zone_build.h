// The altitude-band zone a user asks for: "these townships/villages, 海拔1200米以上" — the
// units' union (scope/zone_from_units.h) cut to the band on the workspace's DEM
// (terrain/altitude_band.h). One function for the CLI (`zone build --min-altitude`), the GUI's
// zone tools (live preview) and tests.
#pragma once
#include <string>
#include <vector>

#include "scope/zone_from_units.h"
#include "scope/zone_history.h"
#include "terrain/altitude_band.h"

namespace giatlas {

class Workspace;

struct UnitsBandZone {
  ZoneFromUnits units;   // the units' union and its findings
  AltitudeBand band;
  BandZone zone;         // units ∩ band: geometry, areas, findings
  std::string dem;       // the DEM's record: "file; sources; date" (ZoneVersion::dem)
};

// REQUIRES: band.any(); the workspace has a DEM (Error "… has no DEM …" otherwise).
UnitsBandZone units_band_zone(const Workspace& ws, const DemGrid& dem, const std::vector<std::string>& keys,
                              const AltitudeBand& band, const ZoneFromUnitsOptions& unit_options = {},
                              const BandZoneOptions& band_options = {}, const Progress& progress = Progress());

// The save request for it (source "units", the band and DEM recorded).
ZoneSaveRequest band_save_request(const UnitsBandZone& z, const std::string& gi, const std::string& effective_from,
                                  const std::string& author, const std::string& note);

// "wulong.dem.tif; sources a.tif, b.tif; dated 2020-01-01" for a workspace's DEM record.
std::string dem_label(const Workspace& ws);

}  // namespace giatlas
