// Units ∩ altitude band, from the workspace's units and DEM.
#include "terrain/band_zone_build.h"

#include "error.h"
#include "terrain/dem_import.h"
#include "workspace/workspace.h"

namespace giatlas {

std::string dem_label(const Workspace& ws) {
  const auto info = workspace_dem_info(ws);
  if (!info) return "";
  std::string s = info->file;
  if (!info->sources.empty()) {
    s += "; sources";
    for (std::size_t i = 0; i < info->sources.size(); ++i) s += (i ? ", " : " ") + info->sources[i];
  }
  if (!info->date.empty()) s += "; dated " + info->date;
  return s;
}

UnitsBandZone units_band_zone(const Workspace& ws, const DemGrid& dem, const std::vector<std::string>& keys,
                              const AltitudeBand& band, const ZoneFromUnitsOptions& unit_options,
                              const BandZoneOptions& band_options, const Progress& progress) {
  UnitsBandZone out;
  out.band = band;
  out.units = zone_from_units(ws.townships(), ws.villages(), keys, unit_options, progress);
  progress.check_cancelled();
  out.zone = altitude_band_zone(dem, out.units.geom, band, band_options, progress);
  out.dem = dem_label(ws);
  return out;
}

ZoneSaveRequest band_save_request(const UnitsBandZone& z, const std::string& gi, const std::string& effective_from,
                                  const std::string& author, const std::string& note) {
  ZoneSaveRequest req;
  req.gi = gi;
  req.effective_from = effective_from;
  req.author = author;
  req.note = note;
  req.source = "units";
  req.units = z.units.units;
  req.min_altitude_m = z.band.min_m;
  req.max_altitude_m = z.band.max_m;
  req.dem = z.dem;
  return req;
}

}  // namespace giatlas
