// The map position of each GI resource (see resource_places.h).
#include "programme/resource_places.h"

#include <map>

#include "programme/catalogue.h"
#include "programme/programme_store.h"
#include "scope/zone_ops.h"
#include "workspace/workspace.h"

namespace giatlas {

std::vector<ResourcePlace> place_resources(const std::vector<GiResource>& resources,
                                           const std::vector<CatalogueStatusRecord>& records,
                                           const std::vector<CensusPoint>& census,
                                           const std::vector<Township>& townships) {
  std::map<std::string, const Township*> town_by_name;
  for (const Township& t : townships) town_by_name.emplace(t.name, &t);
  std::map<std::string, Point> centroid;  // computed once per township named
  std::vector<ResourcePlace> out;
  for (const GiResource& r : resources) {
    ResourcePlace p;
    p.resource = r;
    if (const auto s = current_status(records, r.id)) p.status = s->status;
    double x = 0, y = 0;
    for (const CensusPoint& c : census)
      if (c.resource_id == r.id) x += c.location.x, y += c.location.y, ++p.census_points;
    if (p.census_points > 0) {
      p.lonlat = Point{x / p.census_points, y / p.census_points};
      p.placed_by = "census_points";
    } else {
      int n = 0;
      for (const std::string& name : r.townships) {
        const auto t = town_by_name.find(name);
        if (t == town_by_name.end() || t->second->geom.polygons.empty()) continue;
        auto [it, fresh] = centroid.try_emplace(name);
        if (fresh) it->second = zone_centroid(t->second->geom);
        x += it->second.x, y += it->second.y, ++n;
      }
      if (n > 0) {
        p.lonlat = Point{x / n, y / n};
        p.placed_by = "townships";
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<ResourcePlace> resource_places(const Workspace& ws) {
  const std::vector<GiResource> resources = read_resources(ws);
  if (resources.empty()) return {};
  return place_resources(resources, read_status_records(ws), ws.census_points(), ws.townships());
}

}  // namespace giatlas
