// Filling in a producer's township from its location.
#include "inspection/township_of.h"

#include "geo/geos.h"
#include "workspace/workspace.h"

namespace giatlas {

void fill_missing_townships(const Workspace& ws, std::vector<Producer>& producers) {
  bool any = false;
  for (const Producer& p : producers) any = any || (p.township.empty() && p.location);
  if (!any) return;
  GeosContext ctx;
  struct Town {
    std::string name;
    GeosGeom geom;
    GeosPrepared prepared;
  };
  std::vector<Town> towns;
  for (Township& t : ws.townships()) {
    if (t.geom.empty()) continue;
    Town town{t.name, to_geos(ctx, t.geom), nullptr};
    town.prepared = geos_prepare(ctx, town.geom.get());
    towns.push_back(std::move(town));
  }
  for (Producer& p : producers) {
    if (!p.township.empty() || !p.location) continue;
    GeosGeom pt = to_geos(ctx, *p.location);
    for (const Town& t : towns)
      if (GEOSPreparedIntersects_r(ctx, t.prepared.get(), pt.get()) == 1) {
        p.township = t.name;
        break;
      }
  }
}

}  // namespace giatlas
