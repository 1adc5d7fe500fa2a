// Field packages: nearest-neighbour day routes and the KML / GPX / GeoPackage writers.
#include "inspection/field_package.h"

#include <algorithm>
#include <cstdio>
#include <cerrno>
#include <map>
#include <set>

#include "check/report_writers.h"
#include "error.h"
#include "geo/gdal.h"
#include "geo/geodesic.h"
#include "io/atomic_file.h"
#include "workspace/workspace.h"

namespace giatlas {

std::vector<RouteStop> nearest_neighbour_route(const InspectionPlan& plan, const std::vector<std::optional<Point>>& locations) {
  std::map<std::string, std::vector<std::size_t>> by_day;
  for (std::size_t i = 0; i < plan.visits.size(); ++i)
    if (i < locations.size() && locations[i]) by_day[plan.visits[i].date].push_back(i);
  std::vector<RouteStop> route;
  int day = 0;
  for (auto& [date, todo] : by_day) {
    ++day;
    std::vector<bool> done(todo.size(), false);
    std::size_t at = 0;
    done[0] = true;
    route.push_back({todo[0], day, 1, 0});
    for (int stop = 2; stop <= static_cast<int>(todo.size()); ++stop) {
      std::size_t best = todo.size();
      double best_d = 0;
      for (std::size_t j = 0; j < todo.size(); ++j) {
        if (done[j]) continue;
        const double d = geodesic_distance(*locations[todo[at]], *locations[todo[j]]);
        if (best == todo.size() || d < best_d) {
          best = j;
          best_d = d;
        }
      }
      done[best] = true;
      at = best;
      route.push_back({todo[best], day, stop, best_d});
    }
  }
  return route;
}

namespace {

OGRLayer& make_layer(GDALDataset& ds, const char* name, OGRwkbGeometryType type, const std::vector<const char*>& fields) {
  OGRSpatialReference srs = srs_cgcs2000();
  OGRLayer* l = ds.CreateLayer(name, &srs, type, nullptr);
  if (!l) throw Error(std::string("field package: cannot create layer ") + name + ": " + CPLGetLastErrorMsg());
  for (const char* f : fields) {
    OGRFieldDefn def(f, OFTString);
    if (l->CreateField(&def) != OGRERR_NONE) throw Error(std::string("field package: cannot create field ") + f);
  }
  return *l;
}

void add(OGRLayer& l, OGRGeometry& g, const std::vector<std::pair<const char*, std::string>>& values) {
  OgrFeature f(OGRFeature::CreateFeature(l.GetLayerDefn()));
  for (const auto& [k, v] : values)
    if (int i = f->GetFieldIndex(k); i >= 0) f->SetField(i, v.c_str());
  f->SetGeometry(&g);
  if (l.CreateFeature(f.get()) != OGRERR_NONE)
    throw Error(std::string("field package: writing ") + l.GetName() + " failed: " + CPLGetLastErrorMsg());
}

}  // namespace

FieldPackageSummary write_field_package(const Workspace& ws, const InspectionPlan& plan, const std::string& path) {
  ensure_gdal();
  const std::string ext = file_extension(path);
  const char* driver_name = ext == "kml" ? "KML" : ext == "gpx" ? "GPX" : ext == "gpkg" ? "GPKG" : nullptr;
  if (!driver_name) throw Error("field package " + path + ": unknown format '." + ext + "' (use .kml, .gpx or .gpkg)");
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
  if (!driver) throw Error(std::string("field package: GDAL has no ") + driver_name + " driver");

  std::map<std::int64_t, Producer> producers;
  std::set<std::int64_t> wanted;
  for (const auto& v : plan.visits) wanted.insert(v.producer_id);
  for (Producer& p : ws.producers())
    if (wanted.count(p.id)) producers.emplace(p.id, std::move(p));
  std::vector<std::optional<Point>> locations;
  FieldPackageSummary s;
  for (const auto& v : plan.visits) {
    auto it = producers.find(v.producer_id);
    locations.push_back(it != producers.end() ? it->second.location : std::nullopt);
    if (!locations.back()) ++s.unlocated;
  }
  const auto route = nearest_neighbour_route(plan, locations);
  s.visits = route.size();
  for (const auto& r : route) s.days = std::max(s.days, r.day);
  std::set<std::string> gis;
  for (const auto& v : plan.visits) gis.insert(v.gi);
  std::vector<ZoneVersion> zones;
  for (const auto& g : gis)
    if (auto z = ws.zone_in_force(g, plan.options.date)) zones.push_back(std::move(*z));
  s.zones = zones.size();

  AtomicFile file(path, "field package");
  file.probe();
  {
    QuietGdalErrors quiet;
    GdalDataset ds(driver->Create(file.temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw Error("field package " + path + ": cannot create the file: " + CPLGetLastErrorMsg());
    const bool gpx = ext == "gpx";
    const std::string route_note = "顺序为按直线距离的最近邻路线（未考虑道路）. Order: nearest neighbour over straight-line distances, not roads.";
    OGRLayer& pts = make_layer(*ds, gpx ? "waypoints" : "visits", wkbPoint,
                               gpx ? std::vector<const char*>{"name", "desc", "cmt"}
                                   : std::vector<const char*>{"name", "description", "address", "gi", "credit_code",
                                                              "inspectors", "date", "day", "stop", "leg_m"});
    for (const RouteStop& r : route) {
      const PlannedVisit& v = plan.visits[r.visit];
      const Producer& p = producers.at(v.producer_id);
      const std::string label = std::string("D") + std::to_string(r.day) + "-" + std::to_string(r.stop) + " " + v.producer_name;
      const std::string address = p.township.empty() ? v.township : p.township;
      std::string team;
      for (const auto& n : v.inspectors) {
        if (!team.empty()) team += "、";
        team += n;
      }
      const std::string desc = v.date + " 第" + std::to_string(r.day) + "天第" + std::to_string(r.stop) + "站; " + v.gi +
                               "; " + address + "; 检查人员 " + team + "; " + route_note;
      OGRPoint pt(p.location->x, p.location->y);
      char leg[32];
      std::snprintf(leg, sizeof leg, "%.0f", r.leg_m);
      if (gpx) add(pts, pt, {{"name", label}, {"desc", desc}, {"cmt", address}});
      else
        add(pts, pt, {{"name", label}, {"description", desc}, {"address", address}, {"gi", v.gi},
                      {"credit_code", v.credit_code}, {"inspectors", team}, {"date", v.date},
                      {"day", std::to_string(r.day)}, {"stop", std::to_string(r.stop)}, {"leg_m", leg}});
    }
    OGRLayer& zl = make_layer(*ds, gpx ? "tracks" : "zones", gpx ? wkbMultiLineString : wkbMultiPolygon,
                              gpx ? std::vector<const char*>{"name", "desc"} : std::vector<const char*>{"name", "description"});
    for (const ZoneVersion& z : zones) {
      const std::string name = z.gi + " 保护范围 v" + std::to_string(z.version);
      const std::string desc = "effective from " + z.effective_from;
      OgrGeometry g = to_ogr(z.geom);
      if (gpx) {
        OGRMultiLineString lines;
        for (const auto& poly : z.geom.polygons) {
          auto ring_line = [&](const Ring& r) {
            OGRLineString ls;
            for (const Point& q : r) ls.addPoint(q.x, q.y);
            lines.addGeometry(&ls);
          };
          for (const Ring& r : poly.rings) ring_line(r);
        }
        add(zl, lines, {{"name", name}, {"desc", desc}});
      } else {
        add(zl, *g, {{"name", name}, {"description", desc}});
      }
    }
  }
  file.commit();
  return s;
}

}  // namespace giatlas
