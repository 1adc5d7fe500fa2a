// The sample generator: townships, villages, register, zones, census points, inspectors and
// producers with every origin-check case planted, written into a new workspace.
#include "sample/generator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>

#include "check/origin_check.h"
#include "error.h"
#include "io/atomic_file.h"
#include "geo/china_shift.h"
#include "geo/geos.h"
#include "sample/names.h"
#include "sample/planter.h"
#include "sample/production_sample.h"
#include "sample/programme_history.h"
#include "sample/register.h"
#include "sample/terrain_synth.h"
#include "sample/tiling.h"
#include "terrain/dem_import.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

double round_to(double v, double step) { return std::round(v / step) * step; }

// "107°42′44.41″E": also returns the value the text stands for.
std::string dms_text(double deg, bool lon, double& value) {
  double a = std::fabs(deg);
  int d = static_cast<int>(a);
  int m = static_cast<int>((a - d) * 60);
  double s = std::round(((a - d) * 60 - m) * 6000) / 100;
  if (s >= 60) s -= 60, ++m;
  if (m >= 60) m -= 60, ++d;
  value = (d + m / 60.0 + s / 3600.0) * (deg < 0 ? -1 : 1);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%d°%02d′%05.2f″%s", d, m, s, lon ? (deg < 0 ? "W" : "E") : (deg < 0 ? "S" : "N"));
  return buf;
}

std::string random_date(SampleRng& rng, int year_from, int year_to) {
  int y = year_from + static_cast<int>(rng.below(static_cast<std::uint64_t>(year_to - year_from + 1)));
  int m = 1 + static_cast<int>(rng.below(12));
  int d = 1 + static_cast<int>(rng.below(28));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

struct Case {
  const char* name;
  double share;
};

// Planted cases and their shares; "inside" takes what is left.
constexpr Case kCases[] = {
    {"inside_near_boundary", 0.05}, {"outside_near_boundary", 0.05}, {"outside", 0.08},
    {"outside_district", 0.03},     {"on_vertex", 0.01},             {"swapped", 0.02},
    {"gcj02", 0.03},                {"bd09", 0.02},                  {"gcj02_declared", 0.03},
    {"projected", 0.01},            {"missing", 0.02},               {"unparseable", 0.01},
    {"bad_credit_code", 0.03},      {"unknown_gi", 0.03},            {"below_band", 0.03},
    {"above_band", 0.01},           {"dem_void", 0.01},              {"inside", 1.0},
};

const char* draw_case(SampleRng& rng, std::int64_t index) {
  constexpr std::size_t n = sizeof kCases / sizeof kCases[0];
  if (index < static_cast<std::int64_t>(n)) return kCases[index].name;  // every case at least once
  double u = rng.uniform(), acc = 0;
  for (const auto& c : kCases) {
    acc += c.share;
    if (u < acc) return c.name;
  }
  return "inside";
}

std::string draw_gi(SampleRng& rng, const std::vector<std::pair<std::string, double>>& weights) {
  double u = rng.uniform(), acc = 0;
  for (const auto& [gi, w] : weights) {
    acc += w;
    if (u < acc) return gi;
  }
  return weights.front().first;
}

// Fills raw text and location for a point submitted as WGS84 lon/lat.
void submit_wgs84(SampleRng& rng, Producer& p, Point pt, bool allow_dms) {
  p.raw_crs = "EPSG:4326";
  if (allow_dms && rng.chance(0.25)) {
    Point v;
    p.raw_x = dms_text(pt.x, true, v.x);
    p.raw_y = dms_text(pt.y, false, v.y);
    p.location = v;
  } else {
    Point v{round_to(pt.x, 1e-7), round_to(pt.y, 1e-7)};
    p.raw_x = fixed(v.x, 7);
    p.raw_y = fixed(v.y, 7);
    p.location = v;
  }
}

struct ProducerPlanter {
  SampleRng& rng;
  const Planter& planter;
  std::vector<std::pair<std::string, double>> gi_weights;
  std::vector<Point> voids;  // centres of the DEM's voids

  // True when a hypothesis the check tries before `kind` (a swap before GCJ-02, both before
  // BD-09) already puts the point clearly inside: with intricate band zones that happens by
  // chance, and the plant would be ambiguous.
  bool simpler_undo_lands_inside(const std::string& kind, const std::string& gi, const Point& q) const {
    if (std::fabs(q.x) <= 90 && planter.expected(gi, {q.y, q.x}) == "inside") return true;
    return kind == "bd09" && planter.expected(gi, gcj02_to_wgs84(q)) == "inside";
  }

  // True when undoing a swap or a map shift would put the point clearly inside: the check
  // would then name that cause (unless the altitude explains it first), so plants meant to
  // have no cause avoid such points.
  bool shift_lands_inside(const std::string& gi, const Point& q) const {
    for (const Point& undo : {Point{q.y, q.x}, gcj02_to_wgs84(q), bd09_to_wgs84(q)})
      if (std::fabs(undo.x) <= 180 && std::fabs(undo.y) <= 90 && planter.expected(gi, undo) == "inside") return true;
    return false;
  }

  // Returns the planted cause; fills p and its expected result.
  std::string plant(Producer& p, const std::string& kind, std::string& expected) {
    std::string cause;
    p.gi = draw_gi(rng, gi_weights);
    Point truth;
    if (kind == "inside" || kind == "bad_credit_code") {
      do {
        truth = planter.random_in_zone(rng, p.gi);
        submit_wgs84(rng, p, truth, true);
      } while (planter.expected(p.gi, *p.location) != "inside");
      if (kind == "bad_credit_code") {
        char& c = p.credit_code.back();
        c = c == '0' ? '1' : '0';
        cause = "bad_credit_code";
      }
    } else if (kind == "inside_near_boundary" || kind == "outside_near_boundary") {
      bool in = kind == "inside_near_boundary";
      do {
        truth = planter.near_boundary(rng, p.gi, rng.uniform(3, 25), in);
        submit_wgs84(rng, p, truth, false);
        // Planted near-boundary points lie in the district (those outside it are near too).
      } while (planter.expected(p.gi, *p.location) != kind || !planter.in_district(*p.location));
    } else if (kind == "outside") {
      do {
        truth = planter.random_in_district(rng);
        submit_wgs84(rng, p, truth, true);
      } while (planter.expected(p.gi, *p.location) != "outside" || shift_lands_inside(p.gi, *p.location));
      cause = planter.band_cause(p.gi, *p.location);
    } else if (kind == "below_band" || kind == "above_band" || kind == "dem_void") {
      // A grower in the zone's townships but off its altitude band (or where the DEM has a void).
      p.gi = kind == "above_band" ? "武隆高山白菜" : rng.chance(0.7) ? "武隆高山萝卜" : "武隆高山白菜";
      const std::string want = kind == "dem_void" ? "altitude_unknown" : kind;
      int tries = 0;
      do {
        if (++tries > 200000) throw Error("sample: the terrain has no place for a '" + kind + "' producer of " + p.gi);
        truth = kind == "dem_void" ? voids.at(static_cast<std::size_t>(rng.below(voids.size()))) : planter.random_in_units(rng, p.gi);
        if (kind == "dem_void") truth = {truth.x + rng.uniform(-0.002, 0.002), truth.y + rng.uniform(-0.002, 0.002)};
        submit_wgs84(rng, p, truth, true);
      } while (planter.band_cause(p.gi, *p.location) != want);
      cause = want;
    } else if (kind == "outside_district") {
      truth = planter.random_outside_district(rng);
      submit_wgs84(rng, p, truth, false);
    } else if (kind == "on_vertex") {
      truth = planter.zone_vertex(rng, p.gi);
      p.raw_crs = "EPSG:4326";
      p.raw_x = fixed(truth.x, 12);
      p.raw_y = fixed(truth.y, 12);
      p.location = truth;  // exactly the vertex, as a surveyor snapping to it would record
      cause = "on_boundary";
    } else if (kind == "gcj02" || kind == "bd09") {
      bool bd = kind == "bd09";
      do {
        truth = planter.near_boundary(rng, p.gi, rng.uniform(CheckOptions{}.tolerance_m, bd ? 900 : 500), true);
        Point shifted = bd ? wgs84_to_bd09(truth) : wgs84_to_gcj02(truth);
        submit_wgs84(rng, p, shifted, false);
      } while (planter.expected(p.gi, truth) != "inside" ||
               planter.expected(p.gi, *p.location).rfind("inside", 0) == 0 ||
               planter.expected(p.gi, *p.location) == "outside_near_boundary" ||  // a field-visit case, not a shift
               !planter.band_cause(p.gi, *p.location).empty() ||  // the altitude would explain it first
               simpler_undo_lands_inside(kind, p.gi, *p.location));
      p.note = "坐标来自手机地图";
      cause = kind;
    } else if (kind == "gcj02_declared") {
      truth = planter.random_in_zone(rng, p.gi);
      Point g = wgs84_to_gcj02(truth);
      p.raw_crs = "GCJ-02";
      p.raw_x = fixed(round_to(g.x, 1e-7), 7);
      p.raw_y = fixed(round_to(g.y, 1e-7), 7);
      p.location = gcj02_to_wgs84({round_to(g.x, 1e-7), round_to(g.y, 1e-7)});
    } else if (kind == "swapped" || kind == "projected") {
      truth = planter.random_in_zone(rng, p.gi);
      p.raw_crs = "EPSG:4326";
      if (kind == "swapped") {
        p.raw_x = fixed(truth.y, 6);
        p.raw_y = fixed(truth.x, 6);
        p.location_issue = "latitude " + p.raw_y + " out of range: longitude and latitude look swapped";
      } else {
        Point m = planter.to_metres(truth);
        p.raw_x = fixed(m.x, 2);
        p.raw_y = fixed(m.y, 2);
        p.location_issue = "longitude " + p.raw_x + " out of range: looks like projected metres";
      }
      cause = kind;
    } else if (kind == "missing") {
      p.raw_crs = "EPSG:4326";
      p.location_issue = "no coordinates";
      cause = kind;
    } else if (kind == "unparseable") {
      p.raw_crs = "EPSG:4326";
      p.raw_x = rng.chance(0.5) ? "东经107度4x分" : "107.7.35";
      p.raw_y = rng.chance(0.5) ? "29°2O′" : "北纬二十九度";
      p.location_issue = "cannot read longitude '" + p.raw_x + "'";
      cause = kind;
    } else if (kind == "unknown_gi") {
      truth = planter.random_in_district(rng);
      submit_wgs84(rng, p, truth, true);
      p.gi = rng.chance(0.5) ? "羊角豆干" : "武隆苕粉";
    }
    if (p.location || !p.raw_x.empty()) p.township = planter.township_of(p.location ? *p.location : truth);
    if (p.location)
      expected = planter.expected(p.gi, *p.location);
    else
      expected = p.gi == "羊角豆干" || p.gi == "武隆苕粉" ? "unknown_gi" : "invalid_location";
    return cause;
  }
};

// The ridge massif stands in 仙女山街道, as the real 仙女山 does.
Point summit_site(const std::vector<Township>& towns) {
  GeosContext ctx;
  for (const auto& t : towns)
    if (t.name == "仙女山街道") {
      GeosGeom g = to_geos(ctx, t.geom);
      GeosGeom c = geos_take(ctx, GEOSPointOnSurface_r(ctx, g.get()), "summit site");
      double x = 0, y = 0;
      GEOSGeomGetX_r(ctx, c.get(), &x);
      GEOSGeomGetY_r(ctx, c.get(), &y);
      return {x, y};
    }
  throw Error("sample: no 仙女山街道 for the summit");
}

// Three voids of about 600 m radius in high ground of the band GIs' townships, as cloud or
// shadow voids in a real DEM. Returns their centres.
std::vector<Point> punch_sample_voids(DemGrid& dem, const std::vector<Township>& towns, SampleRng& rng) {
  std::vector<Point> centres;
  GeosContext ctx;
  for (const char* name : {"仙女山街道", "双河镇", "白云乡"}) {
    const auto t = std::find_if(towns.begin(), towns.end(), [&](const Township& x) { return x.name == name; });
    if (t == towns.end()) continue;
    GeosGeom g = to_geos(ctx, t->geom);
    GeosPrepared prep = geos_prepare(ctx, g.get());
    const Box b = bounds(t->geom);
    for (int tries = 0; tries < 5000; ++tries) {
      const Point p{rng.uniform(b.minx, b.maxx), rng.uniform(b.miny, b.maxy)};
      GeosGeom pg = to_geos(ctx, p);
      const AltitudeSample a = dem.sample(p);
      if (GEOSPreparedContains_r(ctx, prep.get(), pg.get()) == 1 && a.ok() && a.metres > 1300 && a.metres < 1550) {
        punch_void(dem, p, 600);
        centres.push_back(p);
        break;
      }
    }
  }
  if (centres.empty()) throw Error("sample: no high ground for the DEM's voids");
  return centres;
}

DemInfo sample_dem_info(const DemGrid& dem, const std::string& file, std::uint64_t seed) {
  DemInfo d = grid_info(dem);
  d.file = std::filesystem::path(file).filename().string();
  d.sources = {"synthetic terrain of the sample generator, seed " + std::to_string(seed)};
  d.source_crs = "China Geodetic Coordinate System 2000";
  d.source_resolution = cell_size_text(dem.dx(), true);
  d.vertical_unit = "metre";
  d.vertical_datum = "synthetic (合成数据)";
  return d;
}

void check_sample_options(const std::string& path, const SampleOptions& opt) {
  if (opt.density < 0.05 || opt.density > 20) throw Error("sample: density must be between 0.05 and 20");
  if (opt.producers < 0 || opt.census_points < 0) throw Error("sample: counts must not be negative");
  if (opt.zones < 5 || opt.zones > 8) throw Error("sample: zones in force must be between 5 and 8");
  if (std::filesystem::exists(path)) throw Error("sample: " + path + " already exists");
}

// Townships and their villages (named with `rng`), added to `ws`; returns the townships.
std::vector<Township> add_units(Workspace& ws, const Tiling& tiling, SampleRng& rng) {
  std::vector<Township> towns;
  std::vector<Village> villages;
  for (std::size_t i = 0; i < tiling.townships.size(); ++i) {
    const TownshipName& n = wulong_townships()[i];
    towns.push_back({0, n.name, n.code, n.kind, 2023, tiling.townships[i]});
    std::vector<std::string> taken;
    int next_cun = 200, next_she = 1;
    for (const auto& vg : tiling.villages[i]) {
      std::string name = village_name(rng, taken);
      bool community = name.size() > 6 && name.substr(name.size() - 6) == "社区";
      char code[16];
      std::snprintf(code, sizeof code, "%s%03d", n.code, community ? next_she++ : next_cun++);
      villages.push_back({0, name, code, n.code, vg});
    }
  }
  ws.add_townships(towns);
  ws.add_villages(villages);
  return towns;
}

// The zones in force after the sample's zone plan, and for band zones their units and band.
struct SampleZones {
  std::map<std::string, MultiPolygon> in_force;
  std::map<std::string, std::pair<MultiPolygon, AltitudeBand>> units_of;
};

// The register and every zone version of the plan (band versions cut from `dem`).
SampleZones add_register_and_zones(Workspace& ws, const std::vector<Township>& towns, const DemGrid& dem,
                                   const SampleOptions& opt) {
  std::map<std::string, std::string> code_of;
  for (const auto& t : towns) code_of[t.name] = t.code;
  for (GiProduct& g : sample_register(opt.zones)) ws.add_gi_product(g);
  GeosContext ctx;
  SampleZones out;
  for (const SampleZonePlan& plan : sample_zone_plan(opt.zones)) {
    ZoneVersion z;
    z.gi = plan.gi;
    z.effective_from = plan.effective_from;
    z.source = "units";
    z.author = "样例生成器";
    z.saved_by = "giatlas sample";  // not the login and the clock: the same file at every run
    z.saved_at = plan.effective_from + "T00:00:00Z";
    z.note = "合成数据：由乡镇边界合并生成";
    std::vector<MultiPolygon> parts;
    for (const auto& name : plan.townships) {
      z.units.push_back(code_of.at(name));
      for (const auto& t : towns)
        if (t.name == name) parts.push_back(t.geom);
    }
    z.geom = union_all(ctx, parts);
    if (plan.band.any()) {
      out.units_of[z.gi] = {z.geom, plan.band};
      z.geom = altitude_band_zone(dem, z.geom, plan.band).geom;
      z.min_altitude_m = plan.band.min_m;
      z.max_altitude_m = plan.band.max_m;
      z.dem = "synthetic sample DEM, seed " + std::to_string(opt.seed);
      z.note = std::string("合成数据：乡镇边界合并后取") + band_text_zh(plan.band) + "区域";
    } else {
      out.units_of.erase(z.gi);
    }
    out.in_force[z.gi] = z.geom;
    ws.save_zone_version(z);
  }
  return out;
}

void add_census(Workspace& ws, Planter& planter, SampleRng& rng, int count) {
  const auto categories = sample_census_categories();
  std::vector<CensusPoint> census;
  for (int i = 0; i < count; ++i) {
    const CensusCategory& cat = categories[static_cast<std::size_t>(rng.below(categories.size()))];
    CensusPoint c;
    c.category = cat.category;
    c.product = cat.products[static_cast<std::size_t>(rng.below(cat.products.size()))];
    c.location = planter.random_in_district(rng);
    c.township = planter.township_of(c.location);
    c.survey_date = random_date(rng, 2023, 2025);
    c.surveyor = person_name(rng);
    c.annual_output_t = std::round(rng.uniform(0.5, 800) * 10) / 10;
    c.area_mu = std::round(rng.uniform(2, 3000));
    c.households = 1 + static_cast<int>(rng.below(300));
    census.push_back(std::move(c));
  }
  ws.add_census_points(census);
}

void add_inspectors(Workspace& ws, SampleRng& rng) {
  std::vector<Inspector> inspectors;
  for (int i = 0; i < 12; ++i) {
    char badge[32];
    std::snprintf(badge, sizeof badge, "样例500156%04d", 1001 + i);
    Inspector in{0, person_name(rng), i < 8 ? "武隆区市场监督管理局" : "武隆区农业农村委员会", badge, i != 11, {}, {}};
    // A home township for 回避 (recusal), taken in turn; draws nothing from `rng`.
    in.township = wulong_townships()[static_cast<std::size_t>(i) % wulong_townships().size()].name;
    inspectors.push_back(std::move(in));
  }
  ws.add_inspectors(inspectors);
}

// The producers, in batches of 20,000; returns what each was planted as.
std::vector<SampleTruth> add_producers(Workspace& ws, ProducerPlanter& pp, SampleRng& rng, std::int64_t count,
                                       const Progress& progress) {
  std::vector<SampleTruth> truth;
  std::vector<Producer> batch;
  std::vector<SampleTruth> pending;
  auto flush = [&] {
    ws.add_producers(batch);
    for (std::size_t i = 0; i < batch.size(); ++i) pending[i].producer_id = batch[i].id;
    truth.insert(truth.end(), pending.begin(), pending.end());
    batch.clear();
    pending.clear();
  };
  for (std::int64_t i = 0; i < count; ++i) {
    if (i % 5000 == 0) {
      progress.check_cancelled();
      progress.report("producers", 0.93 + 0.07 * static_cast<double>(i) / std::max<std::int64_t>(1, count));
    }
    Producer p;
    p.credit_code = make_credit_code(rng, rng.chance(0.6));
    std::string kind = draw_case(rng, i);
    std::string expected;
    std::string cause = pp.plant(p, kind, expected);
    std::string product = p.gi.rfind("武隆", 0) == 0 ? p.gi.substr(6) : p.gi;
    p.name = producer_name(rng, p.township.empty() ? "武隆区" : p.township, product);
    p.authorised = rng.chance(0.9);
    if (p.authorised) p.authorised_since = random_date(rng, 2016, 2025);
    batch.push_back(std::move(p));
    pending.push_back({0, expected, cause});
    if (batch.size() >= 20000) flush();
  }
  flush();
  return truth;
}

}  // namespace

std::vector<SampleTruth> generate_sample(const std::string& path, const SampleOptions& opt, const Progress& progress) {
  check_sample_options(path, opt);
  AtomicFile file(path, "sample");
  file.probe();
  std::vector<SampleTruth> truth;
  {
    Workspace ws = Workspace::create(file.temp_path(), "武隆区", "500156", true);
    Workspace::Transaction tx(ws);
    SampleRng rng(opt.seed * 0x9E3779B97F4A7C15ULL + 17);
    Tiling tiling = make_tiling(opt.seed, static_cast<int>(wulong_townships().size()), 25.0 / opt.density, 6, 12, progress);
    const std::vector<Township> towns = add_units(ws, tiling, rng);

    progress.report("terrain", 0.88);
    SampleRng terrain_rng(opt.seed * 0xD1B54A32D192ED03ULL + 5);
    DemGrid dem = synthetic_dem({opt.seed, bounds(tiling.district), 1.0 / 1200.0, summit_site(towns)});
    const std::vector<Point> voids = punch_sample_voids(dem, towns, terrain_rng);
    const std::string dem_file = dem_path_for(path);
    write_dem(dem, dem_file);
    record_dem(ws, sample_dem_info(dem, dem_file, opt.seed));

    progress.report("register and zones", 0.92);
    const SampleZones zones = add_register_and_zones(ws, towns, dem, opt);
    Planter planter(zones.in_force, tiling.district, towns);
    for (const auto& [gi, ub] : zones.units_of) planter.set_band(gi, ub.first, ub.second, dem);
    add_census(ws, planter, rng, opt.census_points);
    add_inspectors(ws, rng);
    ProducerPlanter pp{rng, planter, sample_gi_weights(opt.zones), voids};
    truth = add_producers(ws, pp, rng, opt.producers, progress);
    add_programme_history(ws, truth);  // fixed dates, no draws: the tables above are unchanged
    add_production_sample(ws, planter, truth, opt.seed, areas_kml_path_for(path));  // its own draws
    tx.commit();
  }  // the workspace is closed before it is renamed into place
  file.commit();
  progress.report("done", 1.0);
  return truth;
}

}  // namespace giatlas
