// The save request of each way a zone is made by hand (scope/zone_history.h save_zone): from
// selected townships/villages, or drawn in the zone editor. One function per way, so that the
// CLI (`zone build`), the desktop's zone tools and tests record the same source and units.
// (An altitude-band zone has its own: terrain/band_zone_build.h band_save_request.)
#pragma once
#include <optional>
#include <string>

#include "scope/zone_from_units.h"
#include "scope/zone_history.h"

namespace giatlas {

// What a person types beside "Save": DEFAULT effective_from "" = today (save_zone_version).
struct ZoneSaveEntry {
  std::string effective_from;
  std::string author;
  std::string note;
  // The version the edit started from (0: none yet); DEFAULT nullopt: no check (ZoneSaveRequest).
  std::optional<int> based_on = std::nullopt;
};

// Source "units" with the units' codes in selection order.
ZoneSaveRequest units_save_request(const ZoneFromUnits& z, const std::string& gi, const ZoneSaveEntry& entry);

// Source "drawn" (no units: the geometry is the record).
ZoneSaveRequest drawn_save_request(const std::string& gi, const ZoneSaveEntry& entry);

// The units' union saved as the next version of `gi`'s zone: zone_from_units then save_zone
// with units_save_request, so a zone built from a selection is made and recorded one way.
// Throws Error, writing nothing, for an unknown unit or an empty selection (zone_from_units), an
// unknown GI, a date not after the version in force, or an invalid union (save_zone).
struct SavedUnitsZone {
  ZoneFromUnits zone;   // the union and its sliver/hole findings
  ZoneVersion version;  // as saved
};
SavedUnitsZone save_units_zone(Workspace& ws, const std::vector<Township>& townships,
                               const std::vector<Village>& villages, const std::vector<std::string>& keys,
                               const std::string& gi, const ZoneSaveEntry& entry,
                               const ZoneFromUnitsOptions& options = {});

}  // namespace giatlas
