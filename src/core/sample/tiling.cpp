// Synthetic district tiling: Voronoi cells of well-spread seeds inside a wavy outline, every
// shared edge roughened once by midpoint displacement, then noded and polygonized so that
// neighbouring townships share exactly the same vertices.
#include "sample/tiling.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "error.h"
#include "geo/geos.h"
#include "sample/rng.h"

namespace giatlas {

namespace {

constexpr double kMetresPerDegLat = 110900.0;
double metres_per_deg_lon() { return 111320.0 * std::cos(kDistrictCentre.y * std::numbers::pi / 180.0); }

Ring make_outline(SampleRng& rng) {
  const double r0 = 30400.0;
  double p1 = rng.uniform(0, 6.28), p2 = rng.uniform(0, 6.28), p3 = rng.uniform(0, 6.28);
  Ring ring;
  const int n = 64;
  for (int i = 0; i < n; ++i) {
    double t = 2 * std::numbers::pi * i / n;
    double r = r0 * (1 + 0.10 * std::sin(2 * t + p1) + 0.07 * std::sin(3 * t + p2) + 0.04 * std::sin(5 * t + p3));
    ring.push_back({1.25 * r * std::cos(t), 0.8 * r * std::sin(t)});
  }
  ring.push_back(ring.front());
  return ring;
}

double dist(const Point& a, const Point& b) { return std::hypot(a.x - b.x, a.y - b.y); }

// Well-spread seeds: greedy farthest-point choice among random candidates.
std::vector<Point> spread_seeds(SampleRng& rng, const GeosContext& ctx, const GEOSGeometry* area,
                                const Box& box, int count, double edge_weight) {
  GeosPrepared prep = geos_prepare(ctx, area);
  GeosGeom boundary = geos_take(ctx, GEOSBoundary_r(ctx, area), "seed boundary");
  // Prepared, the distance of each candidate uses an index of the boundary's segments instead
  // of visiting them all (the plain loop was most of a sample's run time). The value is the
  // same minimum over the same point-to-segment distances, so the seeds do not change.
  GeosPrepared boundary_prep = geos_prepare(ctx, boundary.get());
  std::vector<Point> cand;
  std::vector<double> edge_dist;
  for (int tries = 0; cand.size() < 1500 && tries < 100000; ++tries) {
    Point p{rng.uniform(box.minx, box.maxx), rng.uniform(box.miny, box.maxy)};
    GeosGeom g = to_geos(ctx, p);
    if (!GEOSPreparedContainsProperly_r(ctx, prep.get(), g.get())) continue;
    double d = 0;
    GEOSPreparedDistance_r(ctx, boundary_prep.get(), g.get(), &d);
    cand.push_back(p);
    edge_dist.push_back(d);
  }
  if (cand.size() < static_cast<std::size_t>(count)) throw Error("sample: area too small for the seeds");
  std::vector<Point> seeds;
  std::vector<double> score(cand.size());
  for (std::size_t i = 0; i < cand.size(); ++i) score[i] = edge_weight * edge_dist[i];
  while (seeds.size() < static_cast<std::size_t>(count)) {
    std::size_t best = static_cast<std::size_t>(std::max_element(score.begin(), score.end()) - score.begin());
    seeds.push_back(cand[best]);
    for (std::size_t i = 0; i < cand.size(); ++i) score[i] = std::min(score[i], dist(cand[i], cand[best]));
  }
  return seeds;
}

void displace(SampleRng& rng, const Point& a, const Point& b, double ratio, double spacing, std::vector<Point>& out) {
  double len = dist(a, b);
  if (len <= spacing) {
    out.push_back(b);
    return;
  }
  Point n{-(b.y - a.y) / len, (b.x - a.x) / len};
  double off = len * ratio * rng.uniform(-1, 1);
  Point mid{(a.x + b.x) / 2 + n.x * off, (a.y + b.y) / 2 + n.y * off};
  displace(rng, a, mid, 0.16, spacing, out);
  displace(rng, mid, b, 0.16, spacing, out);
}

std::vector<Point> line_points(const GeosContext& ctx, const GEOSGeometry* line) {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, line);
  unsigned n = 0;
  GEOSCoordSeq_getSize_r(ctx, seq, &n);
  std::vector<Point> pts(n);
  for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(ctx, seq, i, &pts[i].x, &pts[i].y);
  return pts;
}

// Voronoi cells of `seeds` clipped to `area`, returned in seed order.
std::vector<GeosGeom> voronoi_cells(const GeosContext& ctx, const std::vector<Point>& seeds, const GEOSGeometry* area) {
  std::vector<GEOSGeometry*> pts;
  for (const auto& s : seeds) pts.push_back(to_geos(ctx, s).release());
  GeosGeom mp = geos_take(ctx, GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOINT, pts.data(), static_cast<unsigned>(pts.size())), "seeds");
  GeosGeom vor = geos_take(ctx, GEOSVoronoiDiagram_r(ctx, mp.get(), area, 0.0, 0), "Voronoi diagram");
  std::vector<GeosGeom> cells(seeds.size());
  int n = GEOSGetNumGeometries_r(ctx, vor.get());
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* cell = GEOSGetGeometryN_r(ctx, vor.get(), i);
    for (std::size_t s = 0; s < seeds.size(); ++s) {
      GeosGeom p = to_geos(ctx, seeds[s]);
      if (!cells[s] && GEOSContains_r(ctx, cell, p.get()) == 1) {
        cells[s] = geos_take(ctx, GEOSIntersection_r(ctx, cell, area), "clipping a cell");
        break;
      }
    }
  }
  for (auto& c : cells)
    if (!c) throw Error("sample: a Voronoi cell went missing");
  return cells;
}

MultiPolygon to_lonlat(const MultiPolygon& m) {
  const double kx = metres_per_deg_lon();
  MultiPolygon out = m;
  for (auto& p : out.polygons)
    for (auto& r : p.rings)
      for (auto& v : r) v = {kDistrictCentre.x + v.x / kx, kDistrictCentre.y + v.y / kMetresPerDegLat};
  return out;
}

}  // namespace

Tiling make_tiling(std::uint64_t seed, int count, double spacing_m, int villages_min, int villages_max,
                   const Progress& progress) {
  GeosContext ctx;
  SampleRng rng(seed);
  Ring outline = make_outline(rng);
  GeosGeom area = to_geos(ctx, Polygon{{outline}});
  std::vector<Point> seeds = spread_seeds(rng, ctx, area.get(), bounds(outline), count, 2.0);
  // Name order: north to south, then west to east, so names land in a stable place.
  std::sort(seeds.begin(), seeds.end(), [](const Point& a, const Point& b) {
    return std::round(a.y / 8000) != std::round(b.y / 8000) ? a.y > b.y : a.x < b.x;
  });
  progress.report("townships: cells", 0.05);
  std::vector<GeosGeom> cells = voronoi_cells(ctx, seeds, area.get());

  // Shared linework, noded and merged into edges between junctions.
  std::vector<GEOSGeometry*> bounds_list;
  for (auto& c : cells) bounds_list.push_back(GEOSBoundary_r(ctx, c.get()));
  GeosGeom all = geos_take(ctx, GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, bounds_list.data(), static_cast<unsigned>(bounds_list.size())), "linework");
  GeosGeom noded = geos_take(ctx, GEOSUnaryUnion_r(ctx, all.get()), "noding");
  GeosGeom merged = geos_take(ctx, GEOSLineMerge_r(ctx, noded.get()), "merging edges");

  progress.report("townships: edges", 0.15);
  std::vector<GEOSGeometry*> rough;
  int nlines = GEOSGetNumGeometries_r(ctx, merged.get());
  for (int i = 0; i < nlines; ++i) {
    std::vector<Point> pts = line_points(ctx, GEOSGetGeometryN_r(ctx, merged.get(), i));
    std::vector<Point> out{pts.front()};
    for (std::size_t k = 0; k + 1 < pts.size(); ++k) displace(rng, pts[k], pts[k + 1], 0.14, spacing_m, out);
    rough.push_back(to_geos_line(ctx, out).release());
  }
  GeosGeom rough_all = geos_take(ctx, GEOSGeom_createCollection_r(ctx, GEOS_MULTILINESTRING, rough.data(), static_cast<unsigned>(rough.size())), "rough edges");
  GeosGeom rough_noded = geos_take(ctx, GEOSUnaryUnion_r(ctx, rough_all.get()), "noding rough edges");
  const GEOSGeometry* line_set[] = {rough_noded.get()};
  GeosGeom faces = geos_take(ctx, GEOSPolygonize_r(ctx, line_set, 1), "polygonizing");

  progress.report("townships: faces", 0.3);
  std::vector<GeosPrepared> prepared;
  for (auto& c : cells) prepared.push_back(geos_prepare(ctx, c.get()));
  std::vector<std::vector<MultiPolygon>> parts(cells.size());
  int nfaces = GEOSGetNumGeometries_r(ctx, faces.get());
  for (int i = 0; i < nfaces; ++i) {
    const GEOSGeometry* face = GEOSGetGeometryN_r(ctx, faces.get(), i);
    GeosGeom inner = geos_take(ctx, GEOSPointOnSurface_r(ctx, face), "face point");
    std::size_t owner = cells.size();
    double best = 1e300;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (GEOSPreparedContains_r(ctx, prepared[c].get(), inner.get()) == 1) {
        owner = c;
        break;
      }
      double d = 0;
      GEOSDistance_r(ctx, cells[c].get(), inner.get(), &d);
      if (d < best) best = d, owner = c;
    }
    parts[owner].push_back(to_multipolygon(ctx, face));
  }

  Tiling t;
  std::vector<MultiPolygon> metric(cells.size());
  for (std::size_t c = 0; c < cells.size(); ++c) {
    metric[c] = parts[c].size() == 1 ? parts[c][0] : union_all(ctx, parts[c]);
    if (!invalid_reason(ctx, metric[c]).empty()) metric[c] = make_valid(ctx, metric[c]);
    t.townships.push_back(to_lonlat(metric[c]));
  }
  t.district = to_lonlat(union_all(ctx, metric));

  // Villages: Voronoi cells of a few seeds inside each township, clipped to it.
  for (std::size_t c = 0; c < cells.size(); ++c) {
    progress.report("villages", 0.4 + 0.5 * static_cast<double>(c) / static_cast<double>(cells.size()));
    int k = villages_min + static_cast<int>(rng.below(static_cast<std::uint64_t>(villages_max - villages_min + 1)));
    GeosGeom town = to_geos(ctx, metric[c]);
    std::vector<Point> vseeds = spread_seeds(rng, ctx, town.get(), bounds(metric[c]), k, 1.0);
    std::vector<GeosGeom> vcells = voronoi_cells(ctx, vseeds, town.get());
    std::vector<MultiPolygon> villages;
    for (auto& v : vcells) {
      MultiPolygon m = to_multipolygon(ctx, v.get());
      if (!m.empty()) villages.push_back(to_lonlat(m));
    }
    t.villages.push_back(std::move(villages));
  }
  return t;
}

}  // namespace giatlas
