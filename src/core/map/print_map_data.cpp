// Loading what the printed map draws (see print_map_data.h).
#include "map/print_map_data.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "check/area_check.h"
#include "geo/geos.h"
#include "map/feature_colour.h"
#include "scope/zone_history.h"
#include "terrain/dem_import.h"
#include "workspace/area_store.h"
#include "workspace/workspace.h"

namespace giatlas {

std::string zone_legend_text(const ZoneVersion& zone) {
  std::string s = zone.gi + " 第" + std::to_string(zone.version) + "版（" + zone.effective_from + "起）";
  const std::string band = band_text_zh(AltitudeBand{zone.min_altitude_m, zone.max_altitude_m});
  if (!band.empty()) s += " · " + band;
  return s;
}

namespace {

// The GI's production areas, projected, each with its check against the zone version drawn on
// that version's first day (today when it has none). The map keeps framing the district and the
// zone: an area beyond them is drawn only as far as the frame reaches (the check report lists it).
void load_areas(const Workspace& ws, const std::vector<Township>& townships_ll, const LocalMetric& metric,
                PrintMapData& d) {
  std::vector<ProductionArea> areas = read_production_areas(ws);
  std::erase_if(areas, [&](const ProductionArea& a) { return a.gi != d.zone.gi || a.geom.empty(); });
  if (areas.empty()) return;
  AreaCheckOptions opt;
  opt.gi = d.zone.gi;
  opt.date = d.zone.effective_from.empty() ? today_iso() : d.zone.effective_from;
  const AreaCheckReport report = run_area_check(townships_ll, {d.zone}, areas, opt, nullptr, Progress());
  std::map<std::int64_t, std::string> result;
  for (const AreaCheck& row : report.rows) result[row.area_id] = area_result_code(row.result);
  for (const ProductionArea& a : areas) {
    PrintArea p{metric.forward(a.geom), result.count(a.id) ? result[a.id] : std::string("unchecked")};
    d.areas.push_back(std::move(p));
  }
  for (const char* code : {"inside", "partly_inside", "outside", "outside_district", "unknown_gi"})
    if (std::any_of(d.areas.begin(), d.areas.end(), [&](const PrintArea& a) { return a.result == code; }))
      d.area_results.push_back(code);
}

}  // namespace

PrintMapData load_print_map_data(const Workspace& ws, const std::string& gi, int version, bool want_dem,
                                 bool want_areas) {
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
  const std::vector<Township> townships_ll = want_areas ? d.townships : std::vector<Township>{};
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
  if (want_areas) load_areas(ws, townships_ll, metric, d);

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
