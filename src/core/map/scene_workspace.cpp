// build_scene: the workspace's tables turned into map layers with their attribute tables.
#include <cstdio>

#include "map/scene.h"
#include "programme/catalogue.h"
#include "programme/programme_store.h"
#include "programme/resource_places.h"
#include "workspace/workspace.h"
#include "workspace/zone_in_force.h"

namespace giatlas {
namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
  return s;
}

std::string coord(const std::optional<Point>& p, bool lon) {
  if (!p) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", lon ? p->x : p->y);
  return buf;
}

void extend(Box& e, const PolygonLayer& l) {
  for (const Box& b : l.boxes) e.expand(b);
}

void fill_table(AttributeTable& t, std::vector<std::string> columns, std::vector<std::vector<std::string>> rows) {
  t.columns = std::move(columns);
  t.rows = std::move(rows);
}

PolygonLayer township_layer(const std::vector<Township>& towns, const LocalProjection& proj,
                            const SceneOptions& options, const Progress& progress) {
  std::vector<MultiPolygon> g;
  for (const auto& t : towns) g.push_back(t.geom);
  PolygonLayer l = make_polygon_layer("townships", proj, g, options, progress);
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < towns.size(); ++i) {
    l.ids[i] = towns[i].id;
    l.labels[i] = towns[i].name;
    rows.push_back({std::to_string(towns[i].id), towns[i].name, towns[i].code, towns[i].kind,
                    std::to_string(towns[i].vintage)});
  }
  fill_table(l.table, {"id", "name", "code", "kind", "vintage"}, std::move(rows));
  return l;
}

PolygonLayer village_layer(const std::vector<Village>& villages, const LocalProjection& proj,
                           const SceneOptions& options, const Progress& progress) {
  std::vector<MultiPolygon> g;
  for (const auto& v : villages) g.push_back(v.geom);
  PolygonLayer l = make_polygon_layer("villages", proj, g, options, progress);
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < villages.size(); ++i) {
    l.ids[i] = villages[i].id;
    l.labels[i] = villages[i].name;
    rows.push_back({std::to_string(villages[i].id), villages[i].name, villages[i].code, villages[i].township_code});
  }
  fill_table(l.table, {"id", "name", "code", "township_code"}, std::move(rows));
  return l;
}

// The zones the map shows: the version in force today of each GI in the register (else its latest).
std::vector<ZoneVersion> zones_shown(const Workspace& ws) {
  std::vector<ZoneVersion> zones;
  const std::string today = today_iso();
  const std::vector<ZoneVersion> versions = ws.zone_versions();  // by GI, then version
  for (const GiProduct& gi : ws.gi_products()) {
    if (auto z = zone_version_in_force(versions, gi.name, today)) {
      zones.push_back(std::move(*z));
      continue;
    }
    for (auto it = versions.rbegin(); it != versions.rend(); ++it)
      if (it->gi == gi.name) {
        zones.push_back(*it);
        break;
      }
  }
  return zones;
}

PolygonLayer zone_layer(const std::vector<ZoneVersion>& zones, const LocalProjection& proj,
                        const SceneOptions& options, const Progress& progress) {
  std::vector<MultiPolygon> g;
  for (const auto& z : zones) g.push_back(z.geom);
  PolygonLayer l = make_polygon_layer("zones", proj, g, options, progress);
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < zones.size(); ++i) {
    const ZoneVersion& z = zones[i];
    l.ids[i] = z.id;
    l.labels[i] = z.gi;
    l.classes[i] = z.gi;
    rows.push_back({std::to_string(z.id), z.gi, std::to_string(z.version), z.effective_from, z.effective_to,
                    join(z.units), z.source, z.author, z.note});
  }
  fill_table(l.table, {"id", "gi", "version", "effective_from", "effective_to", "units", "source", "author", "note"},
             std::move(rows));
  return l;
}

PointLayer census_layer(const std::vector<CensusPoint>& census, const LocalProjection& proj) {
  PointLayer l;
  l.name = "census_points";
  std::vector<std::vector<std::string>> rows;
  for (const CensusPoint& c : census) {
    l.ids.push_back(c.id);
    l.pos.push_back(proj.to_map(c.location));
    l.classes.push_back(c.category);
    rows.push_back({std::to_string(c.id), c.product, c.category, c.township, c.survey_date, c.surveyor,
                    num(c.annual_output_t), num(c.area_mu), std::to_string(c.households), c.note,
                    coord(c.location, true), coord(c.location, false)});
  }
  fill_table(l.table, {"id", "product", "category", "township", "survey_date", "surveyor", "annual_output_t",
                       "area_mu", "households", "note", "lon", "lat"},
             std::move(rows));
  return l;
}

PointLayer producer_layer(const std::vector<Producer>& producers, const LocalProjection& proj) {
  PointLayer l;
  l.name = "producers";
  std::vector<std::vector<std::string>> rows;
  for (const Producer& p : producers) {
    l.ids.push_back(p.id);
    l.pos.push_back(p.location ? std::optional<Point>(proj.to_map(*p.location)) : std::nullopt);
    l.classes.push_back("unchecked");
    rows.push_back({std::to_string(p.id), p.name, p.credit_code, p.gi, p.authorised ? "yes" : "no",
                    p.authorised_since, p.raw_x, p.raw_y, p.raw_crs, coord(p.location, true),
                    coord(p.location, false), p.location_issue, p.township, p.note});
  }
  fill_table(l.table, {"id", "name", "credit_code", "gi", "authorised", "authorised_since", "raw_x", "raw_y",
                       "raw_crs", "lon", "lat", "location_issue", "township", "note"},
             std::move(rows));
  return l;
}

// The GI resource library (programme/resource_places.h): one point per resource, coloured by
// its category like the census points.
PointLayer resource_layer(const std::vector<ResourcePlace>& places, const LocalProjection& proj) {
  PointLayer l;
  l.name = "resources";
  std::vector<std::vector<std::string>> rows;
  for (const ResourcePlace& p : places) {
    const GiResource& r = p.resource;
    l.ids.push_back(r.id);
    l.pos.push_back(p.lonlat ? std::optional<Point>(proj.to_map(*p.lonlat)) : std::nullopt);
    l.classes.push_back(r.category);
    rows.push_back({std::to_string(r.id), r.name, r.category,
                    p.status.empty() ? "" : catalogue_status_zh(p.status), join(r.townships), num(r.area_mu),
                    num(r.annual_output_t), std::to_string(r.households), std::to_string(r.firms),
                    r.since_year ? std::to_string(r.since_year) : "", r.gi, std::to_string(p.census_points),
                    p.placed_by, r.surveyor, r.survey_date, coord(p.lonlat, true), coord(p.lonlat, false)});
  }
  fill_table(
      l.table,
      {"id", "name", "category", "catalogue status", "townships", "area_mu", "annual_output_t", "households",
       "firms", "since_year", "gi", "census points", "placed by", "surveyor", "survey_date", "lon", "lat"},
      std::move(rows));
  return l;
}

}  // namespace

MapScene build_scene(const Workspace& ws, const SceneOptions& options, const Progress& progress) {
  MapScene scene;
  const std::vector<Township> towns = ws.townships();
  Box lonlat;
  for (const auto& t : towns) lonlat.expand(bounds(t.geom));
  const std::vector<CensusPoint> census = ws.census_points();
  const std::vector<Producer> producers = ws.producers();
  if (!lonlat.valid()) {  // no townships: the points set the projection
    for (const auto& c : census) lonlat.expand(c.location);
    for (const auto& p : producers)
      if (p.location) lonlat.expand(*p.location);
  }
  scene.proj = projection_for(lonlat);
  scene.polygons.push_back(township_layer(towns, scene.proj, options, progress));
  scene.polygons.push_back(village_layer(ws.villages(), scene.proj, options, progress));
  scene.polygons.push_back(zone_layer(zones_shown(ws), scene.proj, options, progress));
  scene.polygons.push_back(production_area_layer(ws, scene.proj, options, progress));
  scene.points.push_back(census_layer(census, scene.proj));
  scene.points.push_back(producer_layer(producers, scene.proj));
  scene.points.push_back(resource_layer(
      place_resources(read_resources(ws), read_status_records(ws), census, towns), scene.proj));
  for (const auto& l : scene.polygons) extend(scene.extent, l);
  for (const auto& l : scene.points)
    for (const auto& p : l.pos)
      if (p) scene.extent.expand(*p);
  return scene;
}

}  // namespace giatlas
