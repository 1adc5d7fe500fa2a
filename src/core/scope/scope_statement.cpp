// Scope statement: overlay the zone with townships and villages, measure, and describe.
#include "scope/scope_statement.h"

#include <algorithm>
#include <map>

#include "error.h"
#include "geo/dms.h"
#include "geo/geodesic.h"
#include "geo/geos.h"
#include "scope/zone_history.h"
#include "scope/zone_ops.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {

// Share of `unit`'s area inside the zone (0 when they do not meet).
double covered_share(const GeosContext& ctx, const GEOSPreparedGeometry* zone_prepared,
                     const GEOSGeometry* zone, const MultiPolygon& unit) {
  if (unit.empty()) return 0;
  GeosGeom g = to_geos(ctx, unit);
  if (GEOSPreparedIntersects_r(ctx, zone_prepared, g.get()) != 1) return 0;
  const double unit_area = geodesic_area(unit);
  if (unit_area <= 0) return 0;
  if (GEOSPreparedContains_r(ctx, zone_prepared, g.get()) == 1) return 1;
  GeosGeom inter = geos_take(ctx, GEOSIntersection_r(ctx, zone, g.get()), "scope: zone ∩ unit");
  return std::min(1.0, geodesic_area(to_multipolygon(ctx, inter.get())) / unit_area);
}

}  // namespace

ScopeStatement build_scope_statement(const ZoneVersion& zone, const std::vector<Township>& townships,
                                     const std::vector<Village>& villages, const Metadata& metadata,
                                     const ScopeOptions& options, const Progress& progress) {
  if (zone.geom.empty()) throw Error("scope statement for '" + zone.gi + "': the zone is empty");
  ScopeStatement s;
  s.gi = zone.gi;
  s.district = metadata.district_name;
  s.synthetic = metadata.synthetic;
  s.version = zone.version;
  s.effective_from = zone.effective_from;
  s.effective_to = zone.effective_to;
  s.source = zone.source;
  s.author = zone.author;
  s.note = zone.note;
  s.second_decimals = options.second_decimals;
  s.band = {zone.min_altitude_m, zone.max_altitude_m};
  s.band_text = band_text_zh(s.band);
  s.dem = zone.dem;

  GeosContext ctx;
  GeosGeom zg = to_geos(ctx, zone.geom);
  GeosPrepared zp = geos_prepare(ctx, zg.get());

  std::vector<const Township*> order;
  for (const auto& t : townships) order.push_back(&t);
  std::stable_sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->code < b->code; });

  std::map<std::string, std::vector<const Village*>> villages_of;
  for (const auto& v : villages) villages_of[v.township_code].push_back(&v);

  std::size_t done = 0;
  for (const Township* t : order) {
    progress.check_cancelled();
    progress.report("covering units", static_cast<double>(done++) / static_cast<double>(order.size()));
    const double share = covered_share(ctx, zp.get(), zg.get(), t->geom);
    if (share < options.min_share) continue;
    ScopeUnit u;
    u.code = t->code;
    u.name = t->name;
    u.kind = t->kind;
    u.share = share;
    u.area_km2 = share * geodesic_area(t->geom) / 1e6;
    u.partial = share < options.whole_share;
    for (const Village* v : villages_of[t->code]) {
      ++u.villages_total;
      if (covered_share(ctx, zp.get(), zg.get(), v->geom) >= options.village_share) {
        ++u.villages_covered;
        u.village_names.push_back(v->name);
      }
    }
    s.boundary_vintage = std::max(s.boundary_vintage, t->vintage);
    s.partial_count += u.partial ? 1 : 0;
    s.townships.push_back(std::move(u));
  }
  s.township_count = static_cast<int>(s.townships.size());
  if (!villages.empty()) {
    s.village_count = 0;
    for (const auto& u : s.townships) s.village_count += u.villages_covered;
  }

  s.extent = bounds(zone.geom);
  s.extent_text = format_extent_cn(s.extent, options.second_decimals);
  s.area_m2 = geodesic_area(zone.geom);
  s.area_km2 = s.area_m2 / 1e6;
  s.area_ha = s.area_m2 / 1e4;
  s.area_mu = s.area_m2 / kSquareMetresPerMu;
  s.centroid = zone_centroid(zone.geom);
  s.centroid_text = format_position_cn(s.centroid, options.second_decimals);
  progress.report("covering units", 1.0);
  return s;
}

ScopeStatement scope_statement(const Workspace& ws, const std::string& gi, int version,
                               const ScopeOptions& options, const Progress& progress) {
  const ZoneVersion zone = find_zone_version(ws, gi, version);
  return build_scope_statement(zone, ws.townships(), ws.villages(), ws.metadata(), options, progress);
}

}  // namespace giatlas
