// Loading what the printed map draws (see print_map_data.h).
#include "map/print_map_data.h"

#include <filesystem>

#include "geo/geos.h"
#include "map/feature_colour.h"
#include "scope/zone_history.h"
#include "terrain/dem_import.h"
#include "workspace/workspace.h"

namespace giatlas {

std::string zone_legend_text(const ZoneVersion& zone) {
  std::string s = zone.gi + " 第" + std::to_string(zone.version) + "版（" + zone.effective_from + "起）";
  const std::string band = band_text_zh(AltitudeBand{zone.min_altitude_m, zone.max_altitude_m});
  if (!band.empty()) s += " · " + band;
  return s;
}

PrintMapData load_print_map_data(const Workspace& ws, const std::string& gi, int version, bool want_dem) {
  PrintMapData d;
  d.zone = find_zone_version(ws, gi, version);
  d.meta = ws.metadata();
  d.band = AltitudeBand{d.zone.min_altitude_m, d.zone.max_altitude_m};
  d.styles = saved_map_styles(ws);
  d.zone_colour = zone_colour(d.styles, 0);
  for (const auto& [name, colour] : zone_colours(d.styles, ws))
    if (name == gi) d.zone_colour = colour;

  Box ll = bounds(d.zone.geom);
  d.townships = ws.townships();
  for (const auto& t : d.townships) ll.expand(bounds(t.geom));
  const LocalMetric metric = LocalMetric::for_box(ll);
  d.epsg = metric.epsg();
  d.metric_lon = ll.center().x;
  {
    GeosContext ctx;
    std::vector<MultiPolygon> parts;
    for (auto& t : d.townships) {
      t.geom = metric.forward(t.geom);
      parts.push_back(t.geom);
    }
    if (!parts.empty()) d.district = union_all(ctx, parts);
  }
  d.zone_m = metric.forward(d.zone.geom);
  d.extent_m = bounds(d.zone_m);
  d.extent_m.expand(bounds(d.district));

  if (want_dem) {
    d.dem = load_workspace_dem(ws);
    if (const auto info = workspace_dem_info(ws)) {
      std::string sources;
      for (const auto& s : info->sources)
        sources += (sources.empty() ? "" : "、") + std::filesystem::path(s).filename().string();
      d.dem_note = "高程：" + (sources.empty() ? info->file : sources);
      if (!info->source_resolution.empty()) d.dem_note += "，" + info->source_resolution;
    }
  }
  return d;
}

}  // namespace giatlas
