// Where a GI resource shows on the map: one point per resource.
// PLACEMENT RULE: the mean position of the census points linked to it (CensusPoint::resource_id);
// without any, the mean of the centroids (zone_centroid) of the townships it lists that the
// workspace has; without those either, no position (the resource is still listed, unplaced).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "programme/programme_model.h"
#include "workspace/model.h"

namespace giatlas {

class Workspace;

struct ResourcePlace {
  GiResource resource;
  std::string status;  // its catalogue status (latest record), "" when it has none
  std::optional<Point> lonlat;
  std::string placed_by;  // "census_points" | "townships" | ""
  int census_points = 0;  // linked census points
};

// The rule above for given records (pure; the tests call it).
std::vector<ResourcePlace> place_resources(const std::vector<GiResource>& resources,
                                           const std::vector<CatalogueStatusRecord>& records,
                                           const std::vector<CensusPoint>& census,
                                           const std::vector<Township>& townships);
// The same for the workspace's library (none in a schema-2 file).
std::vector<ResourcePlace> resource_places(const Workspace& ws);

}  // namespace giatlas
