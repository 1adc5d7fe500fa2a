// Benchmark of the production-area check: N plot polygons (20–200 vertices each) against the 8
// zones in force of a generated workspace, timed three ways in one run on the same plots:
//   ours   AreaChecker::check_all (projection to Gauss–Krüger, prepared covers / intersects,
//          the zone clipped to the plot's box, then the intersection area), all threads;
//   GEOS   a plain loop: the same projection, GEOSPreparedIntersects_r on the prepared zone and
//          GEOSIntersection_r + GEOSArea_r on the whole zone for every plot that touches it;
//   ours   on 1 thread, for the per-core rate.
// Every plot's share from ours is compared with the GEOS loop's; the largest difference is printed.
// Usage: area_bench [--plots 100000] [--density 1.0] [--dir /tmp] [--threads 0] [--seed 7]
//                   [--write-plots plots.gpkg]   (the plots and the zones in force, for bench/area_run.sh's PostGIS run)
#include <geos_c.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <thread>

#include "check/area_check.h"
#include "geo/gdal.h"
#include "geo/geos.h"
#include "sample/generator.h"
#include "sample/rng.h"
#include "scope/local_metric.h"
#include "workspace/workspace.h"
#include "workspace/zone_in_force.h"

using namespace giatlas;

namespace {

double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// N irregular plots: a fifth centred on a vertex of their GI's zone boundary (they straddle it),
// the rest anywhere in the district's box (some outside the district).
std::vector<ProductionArea> make_plots(int n, std::uint64_t seed, const std::vector<ZoneVersion>& zones,
                                       const Box& district) {
  SampleRng rng(seed);
  const LocalMetric m(district.center().x);
  std::vector<ProductionArea> out;
  out.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const ZoneVersion& z = zones[rng.below(zones.size())];
    Point c;
    if (rng.chance(0.2)) {
      const Polygon& p = z.geom.polygons[rng.below(z.geom.polygons.size())];
      const Ring& r = p.rings.front();
      c = r[rng.below(r.size())];
    } else {
      c = {rng.uniform(district.minx, district.maxx), rng.uniform(district.miny, district.maxy)};
    }
    const Point cm = m.forward(c);
    const int v = 20 + static_cast<int>(rng.below(181));
    const double radius = rng.uniform(30, 300), turn = rng.uniform(0, 2 * M_PI);
    Ring ring;
    for (int k = 0; k < v; ++k) {
      const double a = turn + 2 * M_PI * k / v, rr = radius * rng.uniform(0.8, 1.0);
      ring.push_back(m.inverse({cm.x + rr * std::cos(a), cm.y + rr * 0.7 * std::sin(a)}));
    }
    ring.push_back(ring.front());
    ProductionArea a;
    a.id = i + 1;
    a.code = std::to_string(i + 1);
    a.gi = z.gi;
    a.geom = MultiPolygon{{Polygon{{ring}}}};
    out.push_back(std::move(a));
  }
  return out;
}

// The GEOS loop: one prepared zone per GI, every plot projected, intersects, intersection area.
std::vector<double> geos_loop(const std::vector<ProductionArea>& plots, const std::vector<ZoneVersion>& zones,
                              double centre_lon) {
  GeosContext ctx;
  const LocalMetric m(centre_lon);
  std::map<std::string, std::pair<GeosGeom, GeosPrepared>> prepared;
  for (const ZoneVersion& z : zones) {
    GeosGeom g = to_geos(ctx, m.forward(z.geom));
    GeosPrepared p = geos_prepare(ctx, g.get());
    prepared.emplace(z.gi, std::make_pair(std::move(g), std::move(p)));
  }
  std::vector<double> share(plots.size(), 0);
  for (std::size_t i = 0; i < plots.size(); ++i) {
    GeosGeom g = to_geos(ctx, m.forward(plots[i].geom));
    double area = 0, in = 0;
    GEOSArea_r(ctx, g.get(), &area);
    const auto& z = prepared.at(plots[i].gi);
    if (GEOSPreparedIntersects_r(ctx, z.second.get(), g.get()) == 1) {
      GeosGeom cut = geos_take(ctx, GEOSIntersection_r(ctx, z.first.get(), g.get()), "bench intersection");
      GEOSArea_r(ctx, cut.get(), &in);
    }
    share[i] = area > 0 ? in / area : 0;
  }
  return share;
}

// Writes the plots (gi, share from ours) and the zones in force as two GeoPackage layers.
void write_plots(const std::string& path, const std::vector<ProductionArea>& plots, const AreaCheckReport& ours,
                 const std::vector<ZoneVersion>& zones) {
  ensure_gdal();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
  GdalDataset ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) throw std::runtime_error("cannot create " + path);
  OGRSpatialReference srs = srs_cgcs2000();
  auto layer = [&](const char* name) {
    OGRLayer* l = ds->CreateLayer(name, &srs, wkbMultiPolygon, nullptr);
    OGRFieldDefn gi("gi", OFTString), share("share", OFTReal);
    l->CreateField(&gi);
    l->CreateField(&share);
    return l;
  };
  ds->StartTransaction();
  OGRLayer* pl = layer("plots");
  for (std::size_t i = 0; i < plots.size(); ++i) {
    OgrFeature f(OGRFeature::CreateFeature(pl->GetLayerDefn()));
    f->SetField("gi", plots[i].gi.c_str());
    f->SetField("share", ours.rows[i].share);
    f->SetGeometryDirectly(to_ogr(plots[i].geom).release());
    if (pl->CreateFeature(f.get()) != OGRERR_NONE) throw std::runtime_error("writing " + path + " failed");
  }
  OGRLayer* zl = layer("zones");
  for (const ZoneVersion& z : zones) {
    OgrFeature f(OGRFeature::CreateFeature(zl->GetLayerDefn()));
    f->SetField("gi", z.gi.c_str());
    f->SetGeometryDirectly(to_ogr(z.geom).release());
    if (zl->CreateFeature(f.get()) != OGRERR_NONE) throw std::runtime_error("writing " + path + " failed");
  }
  ds->CommitTransaction();
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> a;
  for (int i = 1; i + 1 < argc; i += 2) a[std::string(argv[i]).substr(2)] = argv[i + 1];
  const int plots = a.count("plots") ? std::atoi(a["plots"].c_str()) : 100000;
  const double density = a.count("density") ? std::atof(a["density"].c_str()) : 1.0;
  const std::string dir = a.count("dir") ? a["dir"] : std::filesystem::temp_directory_path().string();
  const int threads = a.count("threads") ? std::atoi(a["threads"].c_str()) : 0;
  const std::uint64_t seed = a.count("seed") ? std::strtoull(a["seed"].c_str(), nullptr, 10) : 7;
  try {
    std::filesystem::create_directories(dir);
    char name[128];
    std::snprintf(name, sizeof name, "/area-bench-d%.2f-z8.gpkg", density);
    const std::string ws_path = dir + name;
    if (!std::filesystem::exists(ws_path)) {
      SampleOptions so;
      so.producers = 2000;
      so.density = density;
      so.zones = 8;
      const double t0 = now_s();
      generate_sample(ws_path, so);
      std::fprintf(stderr, "generated %s in %.1f s\n", ws_path.c_str(), now_s() - t0);
    }
    Workspace ws = Workspace::open(ws_path, true);
    const std::vector<Township> towns = ws.townships();
    const std::vector<ZoneVersion> versions = ws.zone_versions();
    const std::string date = today_iso();
    const std::vector<ZoneVersion> zones = zones_in_force(versions, date);
    Box district;
    for (const Township& t : towns) district.expand(bounds(t.geom));
    std::size_t zone_vertices = 0;
    for (const ZoneVersion& z : zones) zone_vertices += z.geom.vertex_count();
    double t0 = now_s();
    const std::vector<ProductionArea> areas = make_plots(plots, seed, zones, district);
    std::size_t plot_vertices = 0;
    for (const ProductionArea& p : areas) plot_vertices += p.geom.vertex_count();
    std::printf("plots %d (%zu vertices, made in %.2f s), zones in force %zu (%zu vertices)\n", plots, plot_vertices,
                now_s() - t0, zones.size(), zone_vertices);

    AreaCheckOptions opt;
    opt.date = date;
    opt.threads = threads;
    t0 = now_s();
    const AreaCheckReport ours = run_area_check(towns, versions, areas, opt, nullptr, Progress{});
    const double ours_s = now_s() - t0;
    opt.threads = 1;
    t0 = now_s();
    const AreaCheckReport ours1 = run_area_check(towns, versions, areas, opt, nullptr, Progress{});
    const double ours1_s = now_s() - t0;
    t0 = now_s();
    const std::vector<double> geos = geos_loop(areas, zones, district.center().x);
    const double geos_s = now_s() - t0;

    double worst = 0;
    std::size_t differ = 0;
    for (std::size_t i = 0; i < areas.size(); ++i) {
      const double d = std::abs(ours.rows[i].share - geos[i]);
      worst = std::max(worst, d);
      differ += d > 1e-4;
    }
    std::printf("results:");
    for (int k = 0; k < kAreaResultCount; ++k)
      std::printf(" %s %lld", area_result_code(static_cast<AreaResult>(k)), static_cast<long long>(ours.by_result[k]));
    std::printf("\n");
    std::printf("ours (all threads, %d):  %.2f s  (%.0f plots/s)\n",
                threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency()), ours_s, plots / ours_s);
    std::printf("ours (1 thread):         %.2f s\n", ours1_s);
    std::printf("GEOS loop (1 thread):    %.2f s  (prepared intersects + intersection area on the whole zone)\n",
                geos_s);
    std::printf("largest share difference ours vs GEOS loop: %.2e (%zu plots above 1e-4); same results 1 thread: %s\n",
                worst, differ, ours1.by_result[1] == ours.by_result[1] ? "yes" : "NO");
    if (a.count("write-plots")) write_plots(a["write-plots"], areas, ours, zones);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "area_bench: %s\n", e.what());
    return 1;
  }
}
