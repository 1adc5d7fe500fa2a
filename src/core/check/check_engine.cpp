// Building the check's indexes once and classifying producers over all cores.
#include "check/check_engine.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <limits>
#include <thread>

#include "error.h"
#include "io/decimal_text.h"
#include "workspace/credit_code.h"

namespace giatlas {

namespace {

// "%.1f m" / "%.1f 米" (io/decimal_text.h writes what printf writes, at a fraction of the cost;
// two of these per row outside a zone).
std::string with_unit(double d, std::string_view unit) {
  std::string s;
  append_fixed1(s, d);
  s += unit;
  return s;
}

std::string metres(double d) { return with_unit(d, " m"); }
std::string metres_zh(double d) { return with_unit(d, " 米"); }

bool in_lonlat_range(const Point& p) {
  return std::isfinite(p.x) && std::isfinite(p.y) && std::fabs(p.x) <= 180 && std::fabs(p.y) <= 90;
}

// Distances are reported to 0.1 m; decisions use the same rounded value so the report
// never shows "30.0 m" for a point classified as farther than 30 m.
double round_dm(double d) { return std::round(d * 10.0) / 10.0; }

}  // namespace

void say(ProducerCheck& row, const std::string& en, const std::string& zh) {
  row.reason = en;
  row.reason_zh = zh;
}

void add(ProducerCheck& row, const std::string& en, const std::string& zh) {
  if (!row.reason.empty()) row.reason += "; ";
  row.reason += en;
  if (!row.reason_zh.empty()) row.reason_zh += "；";
  row.reason_zh += zh;
}

OGRCoordinateTransformation& CheckWorker::to_gk(int epsg) {
  auto& t = to_gk_[epsg];
  if (!t) {
    OGRSpatialReference gk;
    if (gk.importFromEPSG(epsg) != OGRERR_NONE) throw Error("unknown coordinate system EPSG:" + std::to_string(epsg));
    gk.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    t = make_transform(srs_cgcs2000(), gk);
  }
  return *t;
}

OGRCoordinateTransformation& CheckWorker::from_gk(int epsg) {
  auto& t = from_gk_[epsg];
  if (!t) {
    OGRSpatialReference gk;
    if (gk.importFromEPSG(epsg) != OGRERR_NONE) throw Error("unknown coordinate system EPSG:" + std::to_string(epsg));
    gk.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    t = make_transform(gk, srs_cgcs2000());
  }
  return *t;
}

CheckEngine::CheckEngine(std::vector<Township> townships, std::vector<ZoneVersion> zones, CheckOptions options,
                         const std::vector<Village>& villages, std::shared_ptr<const DemGrid> dem)
    : options_(std::move(options)), dem_(std::move(dem)), townships_(std::move(townships)) {
  ensure_gdal();
  townships_.erase(std::remove_if(townships_.begin(), townships_.end(),
                                  [](const Township& t) { return t.geom.empty(); }),
                   townships_.end());
  if (townships_.empty()) throw Error("origin check: the workspace has no township boundaries");
  std::sort(townships_.begin(), townships_.end(), [](const Township& a, const Township& b) {
    return a.code != b.code ? a.code < b.code : a.name < b.name;
  });
  std::vector<MultiPolygon> geoms;
  for (const auto& t : townships_) geoms.push_back(t.geom);
  town_index_ = PointIndex(geoms);
  for (auto& z : zones) {
    auto pz = std::make_unique<PreparedZone>();
    pz->slot = static_cast<std::uint32_t>(zones_.size());
    pz->info = {z.gi, z.version, z.effective_from, z.effective_to, 0, {z.min_altitude_m, z.max_altitude_m}};
    pz->index = PointIndex(std::vector<MultiPolygon>{z.geom});
    if (pz->info.band.any()) {
      std::vector<MultiPolygon> units;
      for (const auto& code : z.units) {
        for (const auto& t : townships_)
          if (t.code == code) units.push_back(t.geom);
        for (const auto& v : villages)
          if (v.code == code) units.push_back(v.geom);
      }
      if (!units.empty()) pz->units = PointIndex(units);
    }
    pz->boundary = BoundaryDistance(z.geom);
    by_gi_[z.gi] = pz.get();
    zone_indexes_.push_back(&pz->index);
    zones_.push_back(std::move(pz));
  }
}

const PreparedZone* CheckEngine::zone(const std::string& gi) const {
  auto it = by_gi_.find(gi);
  return it == by_gi_.end() ? nullptr : it->second;
}

int CheckEngine::thread_count() const {
  if (options_.threads > 0) return options_.threads;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

ProducerCheck CheckEngine::check(const Producer& p, CheckWorker& worker) const {
  const PreparedZone* zone = this->zone(p.gi);
  LocateAnswer where;
  double distance = std::numeric_limits<double>::quiet_NaN();
  if (p.location && in_lonlat_range(*p.location)) {
    where.town = town_index_.locate(*p.location);
    if (zone) {
      where.zone = zone->index.locate(*p.location);
      distance = zone->boundary.distance_m(*p.location, worker.to_gk(zone->boundary.epsg()));
    }
  }
  ProducerCheck row = finish(p, zone, where, distance, worker);
  row.name = p.name;
  row.credit_code = p.credit_code;
  row.gi = p.gi;
  return row;
}

ProducerCheck CheckEngine::finish(const Producer& p, const PreparedZone* zone, const LocateAnswer& where,
                                  double distance, CheckWorker& worker) const {
  ProducerCheck row;  // name, credit code and GI are the caller's to fill (copied or moved)
  row.producer_id = p.id;
  row.location = p.location;
  if (zone) row.zone_version = zone->info.version;

  if (!p.location || !in_lonlat_range(*p.location)) {
    row.result = CheckResult::invalid_location;
    diagnose_invalid(p, zone, worker, row);
  } else {
    const Point loc = *p.location;
    if (dem_) {
      const AltitudeSample a = dem_->sample(loc);
      row.altitude_m = a.ok() ? std::round(a.metres * 10.0) / 10.0 : a.metres;
      row.altitude_status = altitude_status_code(a.status);
    } else {
      row.altitude_status = altitude_status_code(AltitudeStatus::no_dem);
    }
    if (zone) row.zone_band = zone->info.band;
    const PointHit& town = where.town;
    if (town.owner >= 0) row.township = townships_[static_cast<std::size_t>(town.owner)].name;
    if (!zone) {
      row.result = CheckResult::unknown_gi;
      if (p.gi.empty())
        say(row, "no GI claimed on the record", "记录未申明地理标志");
      else
        say(row, "no zone of " + p.gi + " is in force on " + options_.date,
            p.gi + " 在 " + options_.date + " 没有生效的保护范围");
    } else {
      const PointHit& zhit = where.zone;
      bool inside = zhit.covered;
      const double d = distance;
      row.distance_m = std::isfinite(d) ? round_dm(d) : -1;
      bool near = std::isfinite(d) && round_dm(d) <= options_.tolerance_m;
      std::string zname = zone->info.gi + " v" + std::to_string(zone->info.version);
      if (inside) {
        row.result = near ? CheckResult::inside_near_boundary : CheckResult::inside;
        if (zhit.on_boundary) {
          row.cause = "on_boundary";
          say(row, "exactly on the boundary of the zone of " + zname + " (a point on the boundary counts as inside)",
              "恰好位于 " + zname + " 保护范围的边界上（边界上的点视为区域内）");
        } else if (near) {
          say(row, "inside the zone of " + zname + ", " + metres(row.distance_m) + " from its boundary",
              "位于 " + zname + " 保护范围内，距边界 " + metres_zh(row.distance_m));
        }
      } else {
        row.result = near ? CheckResult::outside_near_boundary
                          : (town.covered ? CheckResult::outside : CheckResult::outside_district);
        say(row, "outside the zone of " + zname + " by " + metres(row.distance_m),
            "位于 " + zname + " 保护范围外 " + metres_zh(row.distance_m));
        if (!near && !town.covered) {
          row.reason += ", and outside the district";
          row.reason_zh += "，且不在本区范围内";
        }
        if (near) {
          row.reason += " (within the " + metres(options_.tolerance_m) + " tolerance: a field visit is needed)";
          row.reason_zh += "（在 " + metres_zh(options_.tolerance_m) + " 容差内：需现场核查）";
        }
        // Within the tolerance a point is a boundary case for a field visit: undoing a map
        // shift of hundreds of metres lands inside about half the time by chance alone.
        // Off the altitude band within the zone's own units is the plainest explanation there;
        // map-shift hypotheses land inside an intricate band zone by chance too often.
        if (!near && !explain_band(loc, *zone, row)) diagnose_located(loc, *zone, worker, row);
      }
    }
  }
  std::string problem = credit_code_problem(p.credit_code);
  if (!problem.empty()) {
    add(row, "credit code '" + p.credit_code + "': " + problem,
        "统一社会信用代码“" + p.credit_code + "”：" + credit_code_problem_zh(p.credit_code));
    if (row.cause.empty()) row.cause = "bad_credit_code";
  }
  return row;
}

bool CheckEngine::explain_band(const Point& loc, const PreparedZone& zone, ProducerCheck& row) const {
  if (!zone.units || !zone.units->covers(loc)) return false;
  const AltitudeBand& b = zone.info.band;
  char alt[32] = "";
  if (!std::isnan(row.altitude_m)) std::snprintf(alt, sizeof alt, "%.0f", row.altitude_m);
  auto bound = [](double m) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", m);
    return std::string(buf);
  };
  if (std::isnan(row.altitude_m)) {
    row.cause = "altitude_unknown";
    const bool beyond = std::string(row.altitude_status) == "outside_dem";
    add(row,
        std::string("in the zone's townships, but its altitude cannot be read (") +
            (!dem_ ? "the workspace has no DEM" : beyond ? "beyond the DEM" : "a void in the DEM") + "), so it is not taken as within " +
            band_text_en(b),
        std::string("位于保护范围所辖乡镇内，但无法读取海拔（") +
            (!dem_ ? "工作区没有高程数据" : beyond ? "超出高程数据范围" : "高程数据空洞") + "），不视为" + band_text_zh(b));
    return true;
  }
  if (b.min_m && row.altitude_m < *b.min_m) {
    row.cause = "below_band";
    add(row, std::string("altitude ") + alt + " m, below the zone's " + bound(*b.min_m) + " m band",
        std::string("海拔") + alt + "米，低于保护范围下限" + bound(*b.min_m) + "米");
    return true;
  }
  if (b.max_m && row.altitude_m > *b.max_m) {
    row.cause = "above_band";
    add(row, std::string("altitude ") + alt + " m, above the zone's " + bound(*b.max_m) + " m band",
        std::string("海拔") + alt + "米，高于保护范围上限" + bound(*b.max_m) + "米");
    return true;
  }
  return false;
}

void CheckEngine::check_all(const std::vector<Producer>& in, std::vector<ProducerCheck>& out,
                            const Progress& progress) const {
  check_all(in, nullptr, out, progress, thread_count());
}

void CheckEngine::check_all(std::vector<Producer>&& in, std::vector<ProducerCheck>& out, const Progress& progress,
                            int threads) const {
  check_all(in, &in, out, progress, threads > 0 ? threads : thread_count());
}

void CheckEngine::check_all(const std::vector<Producer>& in, std::vector<Producer>* consumed,
                            std::vector<ProducerCheck>& out, const Progress& progress, int max_threads) const {
  out.resize(in.size());
  std::size_t n = in.size();
  std::size_t threads = std::min<std::size_t>(static_cast<std::size_t>(max_threads), std::max<std::size_t>(n / 256, 1));
  std::vector<std::exception_ptr> errors(threads);
  auto work = [&](std::size_t t) {
    try {
      CheckWorker worker;
      const std::size_t begin = n * t / threads, end = n * (t + 1) / threads;
      // Locate every valid point of this share at once; invalid ones keep empty answers.
      std::vector<const PreparedZone*> zone_of(end - begin);
      std::vector<LocateQuery> queries;
      constexpr std::uint32_t kNotLocated = 0xFFFFFFFFu;
      std::vector<std::uint32_t> query_of(end - begin, kNotLocated);
      for (std::size_t i = begin; i < end; ++i) {
        const Producer& p = in[i];
        const PreparedZone* z = zone(p.gi);
        zone_of[i - begin] = z;
        if (!p.location || !in_lonlat_range(*p.location)) continue;
        query_of[i - begin] = static_cast<std::uint32_t>(queries.size());
        queries.push_back({*p.location, z ? z->slot : LocateQuery::kNoZone});
      }
      if (progress.cancelled()) return;
      std::vector<LocateAnswer> answers(queries.size());
      BatchLocator(town_index_, zone_indexes_).locate(queries, answers);
      // Distances to the boundary of each located producer's zone, one batch per zone.
      std::vector<double> distance(end - begin, std::numeric_limits<double>::quiet_NaN());
      std::vector<std::vector<std::uint32_t>> of_zone(zones_.size());
      for (std::size_t i = begin; i < end; ++i)
        if (query_of[i - begin] != kNotLocated && zone_of[i - begin])
          of_zone[zone_of[i - begin]->slot].push_back(static_cast<std::uint32_t>(i - begin));
      std::vector<Point> points;
      std::vector<double> measured;
      for (std::size_t z = 0; z < zones_.size(); ++z) {
        if (of_zone[z].empty()) continue;
        points.clear();
        for (std::uint32_t k : of_zone[z]) points.push_back(*in[begin + k].location);
        measured.resize(points.size());
        const BoundaryDistance& b = zones_[z]->boundary;
        b.distances_m(points, worker.to_gk(b.epsg()), measured);
        for (std::size_t j = 0; j < points.size(); ++j) distance[of_zone[z][j]] = measured[j];
      }
      if (progress.cancelled()) return;
      const LocateAnswer none;
      for (std::size_t i = begin; i < end; ++i) {
        if ((i & 4095) == 0 && progress.cancelled()) return;
        const std::uint32_t q = query_of[i - begin];
        ProducerCheck& row = out[i];
        row = finish(in[i], zone_of[i - begin], q == kNotLocated ? none : answers[q], distance[i - begin], worker);
        if (consumed) {
          Producer& p = (*consumed)[i];
          row.name = std::move(p.name);
          row.credit_code = std::move(p.credit_code);
          row.gi = std::move(p.gi);
        } else {
          row.name = in[i].name;
          row.credit_code = in[i].credit_code;
          row.gi = in[i].gi;
        }
      }
    } catch (...) {
      errors[t] = std::current_exception();
    }
  };
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(work, t);
    for (auto& th : pool) th.join();
  }
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
  progress.check_cancelled();
}

}  // namespace giatlas
