// Zone version history and comparison.
#include "scope/zone_history.h"

#include "error.h"
#include "geo/geodesic.h"
#include "geo/geos.h"
#include "map/qgis_styles.h"
#include "scope/zone_ops.h"
#include "workspace/schema.h"
#include "workspace/workspace.h"

namespace giatlas {

ZoneVersion save_zone(Workspace& ws, const MultiPolygon& geom, const ZoneSaveRequest& request) {
  if (geom.empty()) throw Error("save zone for '" + request.gi + "': the zone is empty");
  GeosContext ctx;
  const std::string reason = invalid_reason(ctx, geom);
  if (!reason.empty()) throw Error("save zone for '" + request.gi + "': the zone is not valid: " + reason);
  ZoneVersion v;
  v.gi = request.gi;
  v.effective_from = request.effective_from;
  v.author = request.author;
  v.note = request.note;
  v.source = request.source;
  v.units = request.units;
  v.min_altitude_m = request.min_altitude_m;
  v.max_altitude_m = request.max_altitude_m;
  v.dem = request.dem;
  v.geom = geom;
  // The QGIS zone style lists the GIs that have a zone: rewritten with the zone, so a GI's first
  // zone is not left without a category (and so not drawn) in QGIS.
  Workspace::Transaction tx(ws, table::kZones);
  ZoneVersion saved = ws.save_zone_version(std::move(v), request.based_on);
  write_workspace_qgis_styles(ws);
  tx.commit();
  return saved;
}

std::vector<ZoneVersion> zone_history(const Workspace& ws, const std::string& gi) {
  if (!ws.gi_product(gi)) throw Error("zone history: '" + gi + "' is not in the GI register of " + ws.shown());
  return ws.zone_versions(gi);
}

ZoneVersion find_zone_version(const Workspace& ws, const std::string& gi, int version) {
  std::vector<ZoneVersion> all = zone_history(ws, gi);
  if (all.empty()) throw Error("'" + gi + "' has no zone yet in " + ws.shown());
  if (version == 0) return all.back();
  std::string known;
  for (auto& v : all) {
    if (v.version == version) return v;
    known += (known.empty() ? "" : ", ") + std::to_string(v.version);
  }
  throw Error("'" + gi + "' has no zone version " + std::to_string(version) + " (versions: " + known + ")");
}

ZoneComparison compare_zone_versions(const ZoneVersion& from, const ZoneVersion& to) {
  ZoneComparison c;
  c.gi = to.gi;
  c.from_version = from.version;
  c.to_version = to.version;
  c.added = zone_difference(to.geom, from.geom);
  c.removed = zone_difference(from.geom, to.geom);
  c.from_km2 = geodesic_area(from.geom) / 1e6;
  c.to_km2 = geodesic_area(to.geom) / 1e6;
  c.added_km2 = geodesic_area(c.added) / 1e6;
  c.removed_km2 = geodesic_area(c.removed) / 1e6;
  return c;
}

ZoneComparison compare_with_unsaved(const ZoneVersion& theirs, const MultiPolygon& mine) {
  ZoneVersion unsaved;
  unsaved.gi = theirs.gi;
  unsaved.geom = mine;
  return compare_zone_versions(theirs, unsaved);
}

}  // namespace giatlas
