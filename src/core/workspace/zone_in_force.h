// Which version of a GI's zone is in force on a date: the one rule the check, the map, the
// workspace and the front ends share.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "workspace/model.h"

namespace giatlas {

// True when `z` is in force on `date` ("YYYY-MM-DD"): effective_from <= date < effective_to.
// DEFAULT: an empty effective_from means "since always", an empty effective_to "still in force".
// A version without geometry is never in force (it cannot place anything inside or outside).
bool zone_in_force_on(const ZoneVersion& z, const std::string& date);

// The version of `gi`'s zone in force on `date`, taken from `versions` (any order, any GIs).
// Versions saved through Workspace::save_zone_version never overlap, but a register imported or
// edited elsewhere can: then the HIGHEST version number in force wins (the latest decision).
// nullopt when no version of `gi` is in force on that date.
std::optional<ZoneVersion> zone_version_in_force(const std::vector<ZoneVersion>& versions,
                                                 const std::string& gi, const std::string& date);

// zone_version_in_force for every GI at once: one version per GI, ordered by GI name.
std::vector<ZoneVersion> zones_in_force(const std::vector<ZoneVersion>& versions, const std::string& date);

}  // namespace giatlas
