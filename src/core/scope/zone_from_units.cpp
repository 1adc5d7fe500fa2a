// Zone from units: union, then a pass over parts and holes for data-quality findings.
#include "scope/zone_from_units.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "error.h"
#include "geo/geodesic.h"
#include "geo/geos.h"

namespace giatlas {

namespace {

struct Selected {
  std::vector<MultiPolygon> parts;
  std::vector<std::string> codes, names;
  std::set<std::string> township_codes, village_codes;
  int vintage = 0;
};

Selected select_units(const std::vector<Township>& townships, const std::vector<Village>& villages,
                      const std::vector<std::string>& keys) {
  Selected s;
  for (const auto& key : keys) {
    auto by = [&](auto& rows, auto field) {
      return std::find_if(rows.begin(), rows.end(), [&](const auto& row) { return row.*field == key; });
    };
    if (auto t = by(townships, &Township::code);
        t != townships.end() || (t = by(townships, &Township::name)) != townships.end()) {
      if (!s.township_codes.insert(t->code).second) continue;
      s.parts.push_back(t->geom);
      s.codes.push_back(t->code);
      s.names.push_back(t->name);
      s.vintage = std::max(s.vintage, t->vintage);
      continue;
    }
    if (auto v = by(villages, &Village::code);
        v != villages.end() || (v = by(villages, &Village::name)) != villages.end()) {
      if (!s.village_codes.insert(v->code).second) continue;
      s.parts.push_back(v->geom);
      s.codes.push_back(v->code);
      s.names.push_back(v->name);
      continue;
    }
    throw Error("zone from units: no township or village has the code or name '" + key + "'");
  }
  if (s.parts.empty()) throw Error("zone from units: no unit selected");
  return s;
}

std::string km2_text(double m2) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f km²", m2 / 1e6);
  return buf;
}

Point inside_point(const GeosContext& ctx, const Polygon& p) {
  GeosGeom g = to_geos(ctx, p);
  GeosGeom pt = geos_take(ctx, GEOSPointOnSurface_r(ctx, g.get()), "interior point");
  Point out;
  GEOSGeomGetX_r(ctx, pt.get(), &out.x);
  GEOSGeomGetY_r(ctx, pt.get(), &out.y);
  return out;
}

}  // namespace

ZoneFromUnits zone_from_units(const std::vector<Township>& townships, const std::vector<Village>& villages,
                              const std::vector<std::string>& keys, const ZoneFromUnitsOptions& options,
                              const Progress& progress) {
  Selected sel = select_units(townships, villages, keys);
  progress.report("union", 0.0);
  GeosContext ctx;
  MultiPolygon merged = union_all(ctx, sel.parts);
  progress.check_cancelled();
  progress.report("checking", 0.5);

  // Units not selected: a hole they fill is an enclave, not a data gap. A village counts as
  // unselected only when its township is not selected either.
  std::vector<MultiPolygon> others;
  for (const auto& t : townships)
    if (!sel.township_codes.count(t.code)) others.push_back(t.geom);
  GeosGeom other_union = to_geos(ctx, others.empty() ? MultiPolygon{} : union_all(ctx, others));

  ZoneFromUnits out;
  out.units = sel.codes;
  out.unit_names = sel.names;
  out.vintage = sel.vintage;
  for (auto& poly : merged.polygons) {
    progress.check_cancelled();
    const double area = geodesic_area(poly);
    const double perimeter = geodesic_perimeter(poly.rings.front());
    const Point where = inside_point(ctx, poly);
    bool sliver = false;
    if (area < options.sliver_area_m2) {
      sliver = true;
      out.findings.push_back({options.drop_slivers ? "sliver_dropped" : "sliver",
                              "part of " + km2_text(area) + " is smaller than the sliver threshold", where,
                              area});
    } else if (perimeter > 0 && 2 * area / perimeter < options.thin_width_m) {
      out.findings.push_back(
          {"thin_part", "part of " + km2_text(area) + " is thinner than the width threshold", where, area});
    }
    if (sliver && options.drop_slivers) {
      poly.rings.clear();
      continue;
    }
    std::vector<Ring> kept{poly.rings.front()};
    for (std::size_t i = 1; i < poly.rings.size(); ++i) {
      Polygon hole{{poly.rings[i]}};
      const double hole_area = geodesic_area(hole);
      const Point at = inside_point(ctx, hole);
      GeosGeom hg = to_geos(ctx, hole);
      double filled_share = 0;
      if (!others.empty()) {
        GeosGeom inter = geos_take(ctx, GEOSIntersection_r(ctx, hg.get(), other_union.get()), "hole check");
        filled_share = geodesic_area(to_multipolygon(ctx, inter.get())) / std::max(hole_area, 1e-9);
      }
      if (filled_share >= 0.5) {
        out.findings.push_back(
            {"enclave_hole", "hole of " + km2_text(hole_area) + " is an unselected unit", at, hole_area});
        kept.push_back(poly.rings[i]);
      } else if (options.close_holes && hole_area < options.close_holes_below_m2) {
        out.findings.push_back({"gap_hole_closed",
                                "gap of " + km2_text(hole_area) + " in the source data was filled", at,
                                hole_area});
      } else {
        out.findings.push_back(
            {"gap_hole", "gap of " + km2_text(hole_area) + " in the source data", at, hole_area});
        kept.push_back(poly.rings[i]);
      }
    }
    poly.rings = std::move(kept);
  }
  std::erase_if(merged.polygons, [](const Polygon& p) { return p.rings.empty(); });
  out.geom = std::move(merged);
  progress.report("checking", 1.0);
  return out;
}

}  // namespace giatlas
