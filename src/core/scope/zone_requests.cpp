// Zone save requests by source (see zone_requests.h).
#include "scope/zone_requests.h"

namespace giatlas {
namespace {

ZoneSaveRequest request(const std::string& gi, const ZoneSaveEntry& entry, const char* source) {
  ZoneSaveRequest req;
  req.gi = gi;
  req.effective_from = entry.effective_from;
  req.author = entry.author;
  req.note = entry.note;
  req.source = source;
  req.based_on = entry.based_on;
  return req;
}

}  // namespace

ZoneSaveRequest units_save_request(const ZoneFromUnits& z, const std::string& gi,
                                   const ZoneSaveEntry& entry) {
  ZoneSaveRequest req = request(gi, entry, "units");
  req.units = z.units;
  return req;
}

ZoneSaveRequest drawn_save_request(const std::string& gi, const ZoneSaveEntry& entry) {
  return request(gi, entry, "drawn");
}

SavedUnitsZone save_units_zone(Workspace& ws, const std::vector<Township>& townships,
                               const std::vector<Village>& villages, const std::vector<std::string>& keys,
                               const std::string& gi, const ZoneSaveEntry& entry,
                               const ZoneFromUnitsOptions& options) {
  SavedUnitsZone out;
  out.zone = zone_from_units(townships, villages, keys, options);
  out.version = save_zone(ws, out.zone.geom, units_save_request(out.zone, gi, entry));
  return out;
}

}  // namespace giatlas
