// The field package of a plan, for phone navigation apps and GPS units: the visits as points
// (name, address, GI, inspectors, day and stop number) and the zone outlines, as KML, GPX or
// GeoPackage. Visits are ordered per day by a nearest-neighbour route over straight-line
// (geodesic) distances — roads are not known, and the package says so.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "programme/inspection_plan.h"

namespace giatlas {

class Workspace;

struct RouteStop {
  std::size_t visit = 0;  // index into plan.visits
  int day = 0;            // 1-based, in date order
  int stop = 0;           // 1-based within the day
  double leg_m = 0;       // straight-line metres from the previous stop (0 for the first)
};

// The visiting order: visits grouped by date; each day starts at its first visit in draw
// order and goes on to the nearest unvisited one (ties: the earlier in draw order). Visits
// whose location is missing are left out. `locations` is indexed like plan.visits.
std::vector<RouteStop> nearest_neighbour_route(const InspectionPlan& plan, const std::vector<std::optional<Point>>& locations);

struct FieldPackageSummary {
  std::size_t visits = 0, unlocated = 0, zones = 0;
  int days = 0;
};

// Writes `path` (.kml, .gpx or .gpkg; atomic). KML and GeoPackage: layer "visits" (points) and
// "zones" (outlines of the plan's GIs' zones in force on the plan date); GPX: waypoints and one
// track per zone outline. Error for another extension.
FieldPackageSummary write_field_package(const Workspace& ws, const InspectionPlan& plan, const std::string& path);

}  // namespace giatlas
