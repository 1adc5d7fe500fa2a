// The zone-in-force rule (see zone_in_force.h): date window, then the highest version wins.
#include "workspace/zone_in_force.h"

#include <map>

namespace giatlas {

bool zone_in_force_on(const ZoneVersion& z, const std::string& date) {
  const bool started = z.effective_from.empty() || z.effective_from <= date;
  const bool ended = !z.effective_to.empty() && z.effective_to <= date;
  return started && !ended && !z.geom.empty();
}

std::optional<ZoneVersion> zone_version_in_force(const std::vector<ZoneVersion>& versions,
                                                 const std::string& gi, const std::string& date) {
  const ZoneVersion* best = nullptr;
  for (const auto& z : versions)
    if (z.gi == gi && zone_in_force_on(z, date) && (!best || best->version < z.version)) best = &z;
  if (!best) return std::nullopt;
  return *best;
}

std::vector<ZoneVersion> zones_in_force(const std::vector<ZoneVersion>& versions, const std::string& date) {
  std::map<std::string, const ZoneVersion*> pick;
  for (const auto& z : versions) {
    if (!zone_in_force_on(z, date)) continue;
    auto& slot = pick[z.gi];
    if (!slot || slot->version < z.version) slot = &z;
  }
  std::vector<ZoneVersion> out;
  out.reserve(pick.size());
  for (const auto& [gi, z] : pick) out.push_back(*z);
  return out;
}

}  // namespace giatlas
