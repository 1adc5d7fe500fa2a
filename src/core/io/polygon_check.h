// Polygons from a source feature: converted to the workspace CRS, checked with GEOS, repaired
// with MakeValid when allowed, and every change described (never dropped silently).
#pragma once
#include <string>

#include "geo/crs_input.h"
#include "geo/geometry.h"
#include "geo/geos.h"

class OGRGeometry;

namespace giatlas {

struct PolygonOutcome {
  MultiPolygon geom;     // EPSG:4490, valid; empty when rejected
  std::string repaired;  // how it was repaired ("" when it was valid as given)
  std::string rejected;  // why it cannot be used ("" when usable)
};

// REQUIRES: `g` non-null. DEFAULT allow_repair true (MakeValid, structure method). With
// allow_repair false an invalid polygon is rejected with GEOS's reason. Unclosed rings are
// closed (a repair, reported); polygons with too few points to form a ring are rejected.
PolygonOutcome polygon_from_feature(const GeosContext& ctx, const OGRGeometry* g, const ToCgcs2000& to_ws,
                                    bool allow_repair);

}  // namespace giatlas
