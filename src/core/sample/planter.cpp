// Sample point placement with known truth.
#include "sample/planter.h"

#include <cmath>

#include "error.h"

namespace giatlas {

namespace {
constexpr double kTolerance = 30.0;
}

Planter::Planter(const std::map<std::string, MultiPolygon>& zones, const MultiPolygon& district,
                 const std::vector<Township>& townships) {
  OGRSpatialReference geo = srs_cgcs2000();
  OGRSpatialReference gk = srs_from_user("EPSG:" + std::to_string(cgcs2000_gk3_epsg(bounds(district).center().x)));
  to_m_ = make_transform(geo, gk);
  to_deg_ = make_transform(gk, geo);
  for (const auto& [gi, m] : zones) {
    Zone z;
    z.lonlat = m;
    z.metres = m;
    for (auto& p : z.metres.polygons)
      for (auto& r : p.rings)
        for (auto& v : r) v = to_metres(v);
    z.geom = to_geos(ctx_, m);
    z.prepared = geos_prepare(ctx_, z.geom.get());
    GeosGeom gm = to_geos(ctx_, z.metres);
    z.boundary_m = geos_take(ctx_, GEOSBoundary_r(ctx_, gm.get()), "zone boundary");
    z.boundary_prepared = geos_prepare(ctx_, z.boundary_m.get());
    z.box = bounds(m);
    zones_.emplace(gi, std::move(z));
  }
  district_ = to_geos(ctx_, district);
  district_prepared_ = geos_prepare(ctx_, district_.get());
  district_box_ = bounds(district);
  for (const auto& t : townships) {
    township_geoms_.emplace_back(t.name, to_geos(ctx_, t.geom));
    township_prepared_.push_back(geos_prepare(ctx_, township_geoms_.back().second.get()));
  }
}

Point Planter::to_metres(const Point& lonlat) const {
  Point p = lonlat;
  if (!transform_point(*to_m_, p)) throw Error("sample: projecting a point failed");
  return p;
}

const Planter::Zone& Planter::zone(const std::string& gi) const {
  auto it = zones_.find(gi);
  if (it == zones_.end()) throw Error("sample: no zone for " + gi);
  return it->second;
}

double Planter::boundary_distance_m(const std::string& gi, const Point& lonlat) const {
  GeosGeom p = to_geos(ctx_, to_metres(lonlat));
  double d = 0;
  GEOSPreparedDistance_r(ctx_, zone(gi).boundary_prepared.get(), p.get(), &d);
  return d;
}

std::string Planter::expected(const std::string& gi, const Point& lonlat) const {
  if (!zones_.count(gi)) return "unknown_gi";
  const Zone& z = zone(gi);
  GeosGeom p = to_geos(ctx_, lonlat);
  double d = boundary_distance_m(gi, lonlat);
  if (GEOSPreparedCovers_r(ctx_, z.prepared.get(), p.get()) == 1)
    return d <= kTolerance ? "inside_near_boundary" : "inside";
  // Within the tolerance it is a boundary case for a field visit, in the district or not.
  if (d <= kTolerance) return "outside_near_boundary";
  return in_district(lonlat) ? "outside" : "outside_district";
}

bool Planter::in_district(const Point& lonlat) const {
  GeosGeom p = to_geos(ctx_, lonlat);
  return GEOSPreparedCovers_r(ctx_, district_prepared_.get(), p.get()) == 1;
}

std::string Planter::township_of(const Point& lonlat) const {
  GeosGeom p = to_geos(ctx_, lonlat);
  for (std::size_t i = 0; i < township_geoms_.size(); ++i)
    if (GEOSPreparedCovers_r(ctx_, township_prepared_[i].get(), p.get()) == 1) return township_geoms_[i].first;
  return "";
}

Point Planter::random_in_zone(SampleRng& rng, const std::string& gi) const {
  const Zone& z = zone(gi);
  for (;;) {
    Point p{rng.uniform(z.box.minx, z.box.maxx), rng.uniform(z.box.miny, z.box.maxy)};
    GeosGeom g = to_geos(ctx_, p);
    if (GEOSPreparedCovers_r(ctx_, z.prepared.get(), g.get()) == 1) return p;
  }
}

Point Planter::random_in_district(SampleRng& rng) const {
  for (;;) {
    Point p{rng.uniform(district_box_.minx, district_box_.maxx), rng.uniform(district_box_.miny, district_box_.maxy)};
    GeosGeom g = to_geos(ctx_, p);
    if (GEOSPreparedCovers_r(ctx_, district_prepared_.get(), g.get()) == 1) return p;
  }
}

Point Planter::random_outside_district(SampleRng& rng) const {
  for (;;) {
    Point p{rng.uniform(district_box_.minx - 0.15, district_box_.maxx + 0.15),
            rng.uniform(district_box_.miny - 0.15, district_box_.maxy + 0.15)};
    GeosGeom g = to_geos(ctx_, p);
    if (GEOSPreparedCovers_r(ctx_, district_prepared_.get(), g.get()) != 1) return p;
  }
}

Point Planter::near_boundary(SampleRng& rng, const std::string& gi, double metres, bool inside) const {
  const Zone& z = zone(gi);
  std::size_t total = z.metres.vertex_count();
  std::size_t k = static_cast<std::size_t>(rng.below(total));
  for (const auto& poly : z.metres.polygons)
    for (const auto& ring : poly.rings) {
      if (k + 1 >= ring.size()) {
        k -= std::min(k, ring.size());
        continue;
      }
      const Point& a = ring[k];
      const Point& b = ring[k + 1];
      double len = std::hypot(b.x - a.x, b.y - a.y);
      if (len == 0) return near_boundary(rng, gi, metres, inside);
      double t = rng.uniform(0.3, 0.7);
      Point on{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
      Point n{-(b.y - a.y) / len, (b.x - a.x) / len};
      for (double side : {1.0, -1.0}) {
        Point m{on.x + side * n.x * metres, on.y + side * n.y * metres};
        if (!transform_point(*to_deg_, m)) continue;
        GeosGeom g = to_geos(ctx_, m);
        bool in = GEOSPreparedCovers_r(ctx_, z.prepared.get(), g.get()) == 1;
        if (in == inside) return m;
      }
      return near_boundary(rng, gi, metres, inside);
    }
  return near_boundary(rng, gi, metres, inside);
}

void Planter::set_band(const std::string& gi, const MultiPolygon& units, const AltitudeBand& band, const DemGrid& dem) {
  Band b;
  b.units = to_geos(ctx_, units);
  b.prepared = geos_prepare(ctx_, b.units.get());
  b.box = bounds(units);
  b.band = band;
  b.dem = &dem;
  bands_[gi] = std::move(b);
}

std::string Planter::band_cause(const std::string& gi, const Point& lonlat) const {
  auto it = bands_.find(gi);
  if (it == bands_.end() || expected(gi, lonlat) != "outside") return "";
  GeosGeom p = to_geos(ctx_, lonlat);
  if (GEOSPreparedCovers_r(ctx_, it->second.prepared.get(), p.get()) != 1) return "";
  const AltitudeSample a = it->second.dem->sample(lonlat);
  if (!a.ok()) return "altitude_unknown";
  const AltitudeBand& b = it->second.band;
  if (b.min_m && a.metres < *b.min_m) return "below_band";
  if (b.max_m && a.metres > *b.max_m) return "above_band";
  return "";
}

Point Planter::random_in_units(SampleRng& rng, const std::string& gi) const {
  const Band& b = bands_.at(gi);
  for (;;) {
    Point p{rng.uniform(b.box.minx, b.box.maxx), rng.uniform(b.box.miny, b.box.maxy)};
    GeosGeom g = to_geos(ctx_, p);
    if (GEOSPreparedCovers_r(ctx_, b.prepared.get(), g.get()) == 1) return p;
  }
}

Point Planter::zone_vertex(SampleRng& rng, const std::string& gi) const {
  const auto& shell = zone(gi).lonlat.polygons.front().rings.front();
  return shell[static_cast<std::size_t>(rng.below(shell.size() - 1))];
}

}  // namespace giatlas
