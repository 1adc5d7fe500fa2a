// The origin check of production areas (see area_check.h).
#include "check/area_check.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>

#include "error.h"
#include "geo/geos.h"
#include "scope/local_metric.h"
#include "terrain/dem_import.h"
#include "workspace/area_store.h"
#include "workspace/iso_date.h"
#include "workspace/workspace.h"
#include "workspace/zone_in_force.h"

namespace giatlas {
namespace {

struct Label {
  const char* code;
  const char* zh;
};
constexpr Label kLabels[kAreaResultCount] = {
    {"inside", "区域内"},           {"partly_inside", "部分在区域内"}, {"outside", "区域外"},
    {"outside_district", "区外（本区以外）"}, {"unknown_gi", "无有效区域"},   {"no_geometry", "无地块图形"},
};

std::string fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

// Even-odd point in polygon over every ring (lon/lat).
bool covers_point(const MultiPolygon& m, const Point& p) {
  bool in = false;
  for (const Polygon& poly : m.polygons)
    for (const Ring& r : poly.rings)
      for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
        if (((r[i].y > p.y) != (r[j].y > p.y)) &&
            p.x < (r[j].x - r[i].x) * (p.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
          in = !in;
  return in;
}

// Altitude range over the area's vertices and the DEM cell centres inside it.
void altitude_range(const DemGrid& dem, const MultiPolygon& m, AreaCheck& row) {
  double lo = INFINITY, hi = -INFINITY;
  bool void_seen = false, outside_seen = false;
  auto take = [&](const Point& p) {
    const AltitudeSample s = dem.sample(p);
    if (s.ok()) {
      lo = std::min(lo, s.metres);
      hi = std::max(hi, s.metres);
    } else if (s.status == AltitudeStatus::dem_void) {
      void_seen = true;
    } else {
      outside_seen = true;
    }
  };
  for (const Polygon& poly : m.polygons)
    for (const Point& p : poly.rings.front()) take(p);
  const Box b = bounds(m);
  const int c0 = std::max(0, static_cast<int>(std::floor((b.minx - dem.west()) / dem.dx())));
  const int c1 = std::min(dem.cols() - 1, static_cast<int>(std::floor((b.maxx - dem.west()) / dem.dx())));
  const int r0 = std::max(0, static_cast<int>(std::floor((dem.north() - b.maxy) / dem.dy())));
  const int r1 = std::min(dem.rows() - 1, static_cast<int>(std::floor((dem.north() - b.miny) / dem.dy())));
  for (int r = r0; r <= r1; ++r)
    for (int c = c0; c <= c1; ++c) {
      const Point p = dem.cell_centre(c, r);
      if (covers_point(m, p)) take(p);
    }
  if (lo <= hi) {
    row.alt_min_m = std::round(lo * 10) / 10;
    row.alt_max_m = std::round(hi * 10) / 10;
  }
  if (!(lo <= hi)) row.altitude_status = void_seen ? "dem_void" : (outside_seen ? "outside_dem" : "dem_void");
}

void say(AreaCheck& row, const std::string& en, const std::string& zh) {
  row.reason += (row.reason.empty() ? "" : "; ") + en;
  row.reason_zh += (row.reason_zh.empty() ? "" : "；") + zh;
}

}  // namespace

const char* area_result_code(AreaResult r) { return kLabels[static_cast<int>(r)].code; }
const char* area_result_label_zh(AreaResult r) { return kLabels[static_cast<int>(r)].zh; }
std::optional<AreaResult> area_result_from_code(const std::string& code) {
  for (int i = 0; i < kAreaResultCount; ++i)
    if (code == kLabels[i].code) return static_cast<AreaResult>(i);
  return std::nullopt;
}

std::string share_text(double share) {
  if (share >= 1.0) return "100%";
  if (share <= 0.0) return "0%";
  return fmt("%.2f%%", share * 100.0);
}

// The zones and the district in GK metres; each thread makes GEOS geometries of them in its
// own context (GEOS handles are not shared between threads).
struct AreaChecker::Impl {
  AreaCheckOptions options;
  std::shared_ptr<const DemGrid> dem;
  double centre_lon = 0;
  int epsg = 0;
  MultiPolygon district_m;  // union of the townships, metres
  std::vector<ZoneVersion> zones;
  std::vector<MultiPolygon> zones_m;
  // Each zone cut into square tiles (kTileM metres, zone ∩ tile, empty tiles left empty): a plot
  // across the zone's edge is intersected with the few tiles under it, not the whole zone. The
  // tiles do not overlap, so their intersection areas add up to the plot's area inside.
  static constexpr double kTileM = 2000;
  struct Tiles {
    static constexpr char kEmpty = 0, kFull = 1, kPartial = 2;
    double x0 = 0, y0 = 0;
    int nx = 0, ny = 0;
    std::vector<MultiPolygon> parts;  // row-major, ny × nx; empty for an empty or a full tile
    std::vector<char> kind;           // kEmpty, kFull (the zone covers the whole square), kPartial
  };
  std::vector<Tiles> tiles;

  struct Worker {
    GeosContext ctx;
    LocalMetric metric;
    GeosGeom district;
    GeosPrepared district_prep;
    std::vector<GeosGeom> zone;
    std::vector<GeosPrepared> zone_prep;
    std::vector<std::vector<GeosGeom>> tile;  // per zone, per tile (null when empty)
    explicit Worker(const Impl& im) : metric(im.centre_lon) {
      district = to_geos(ctx, im.district_m);
      district_prep = geos_prepare(ctx, district.get());
      for (const MultiPolygon& z : im.zones_m) {
        zone.push_back(to_geos(ctx, z));
        zone_prep.push_back(geos_prepare(ctx, zone.back().get()));
      }
      for (const Tiles& t : im.tiles) {
        tile.emplace_back();
        for (const MultiPolygon& part : t.parts)
          tile.back().push_back(part.empty() ? GeosGeom(nullptr, GeosGeomDeleter{ctx}) : to_geos(ctx, part));
      }
    }
  };

  AreaCheck check(const ProductionArea& a, Worker& w) const {
    AreaCheck row;
    row.area_id = a.id;
    row.code = a.code;
    row.name = a.name;
    row.gi = a.gi;
    row.producer_name = a.producer_name;
    row.credit_code = a.credit_code;
    row.producer_id = a.producer_id;
    if (a.geom.empty()) {
      row.result = AreaResult::no_geometry;
      say(row, "the area has no polygon", "地块无图形");
      return row;
    }
    const MultiPolygon m = w.metric.forward(a.geom);
    GeosGeom g = to_geos(w.ctx, m);
    double area = 0;
    GEOSArea_r(w.ctx, g.get(), &area);
    row.area_m2 = area;
    std::size_t k = 0;
    while (k < zones.size() && zones[k].gi != a.gi) ++k;
    if (k == zones.size()) {
      row.result = AreaResult::unknown_gi;
      row.outside_m2 = area;
      if (a.gi.empty()) say(row, "the area names no GI", "地块未注明地理标志产品");
      else say(row, "no zone of " + a.gi + " is in force on " + options.date, a.gi + "在" + options.date + "无有效保护区域");
      return row;
    }
    const ZoneVersion& z = zones[k];
    row.zone_version = z.version;
    row.zone_from = z.effective_from;
    row.zone_to = z.effective_to;
    row.zone_band = AltitudeBand{z.min_altitude_m, z.max_altitude_m};
    // The zone's tiles under the area's box decide most areas without a GEOS predicate: all of
    // them full -> inside; none of them with any zone -> outside. Otherwise an area the prepared
    // zone covers is inside, and the rest is measured tile by tile (a full tile by clipping the
    // area to its square, a partial one by the overlay with its piece of the zone).
    double inside = 0;
    const Box b = bounds(m);
    const Tiles& t = tiles[k];
    const bool in_grid = b.minx >= t.x0 && b.miny >= t.y0 && b.maxx <= t.x0 + t.nx * kTileM &&
                         b.maxy <= t.y0 + t.ny * kTileM;
    const int c0 = std::max(0, static_cast<int>(std::floor((b.minx - t.x0) / kTileM)));
    const int c1 = std::min(t.nx - 1, static_cast<int>(std::floor((b.maxx - t.x0) / kTileM)));
    const int r0 = std::max(0, static_cast<int>(std::floor((b.miny - t.y0) / kTileM)));
    const int r1 = std::min(t.ny - 1, static_cast<int>(std::floor((b.maxy - t.y0) / kTileM)));
    bool all_full = in_grid, any_zone = false;
    for (int r = r0; r <= r1; ++r)
      for (int c = c0; c <= c1; ++c) {
        const char kind = t.kind[static_cast<std::size_t>(r) * t.nx + c];
        all_full = all_full && kind == Tiles::kFull;
        any_zone = any_zone || kind != Tiles::kEmpty;
      }
    if (all_full) {
      inside = area;
    } else if (!any_zone) {
      inside = 0;
    } else if (GEOSPreparedCovers_r(w.ctx, w.zone_prep[k].get(), g.get()) == 1) {
      inside = area;
    } else {
      for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c) {
          const std::size_t i = static_cast<std::size_t>(r) * t.nx + c;
          if (t.kind[i] == Tiles::kEmpty) continue;
          const double x0 = t.x0 + c * kTileM, y0 = t.y0 + r * kTileM;
          GeosGeom cut = t.kind[i] == Tiles::kFull
                             ? geos_take(w.ctx, GEOSClipByRect_r(w.ctx, g.get(), x0, y0, x0 + kTileM, y0 + kTileM),
                                         "area check: clipping")
                             : geos_take(w.ctx, GEOSIntersection_r(w.ctx, w.tile[k][i].get(), g.get()),
                                         "area check: intersection");
          double piece_m2 = 0;
          GEOSArea_r(w.ctx, cut.get(), &piece_m2);
          inside += piece_m2;
        }
      inside = std::min(inside, area);
    }
    const bool in_district = inside > 0 || GEOSPreparedIntersects_r(w.ctx, w.district_prep.get(), g.get()) == 1;
    row.inside_m2 = inside;
    row.outside_m2 = std::max(0.0, area - inside);
    row.share = area > 0 ? inside / area : 0;
    const std::string out_text = fmt("%.1f", row.outside_m2) + " m² (" + fmt("%.2f", row.outside_mu()) + " 亩)";
    const std::string zv = " (zone version " + std::to_string(z.version) + ")";
    const std::string zv_zh = "（区域第" + std::to_string(z.version) + "版）";
    if (row.outside_m2 < options.sliver_m2) {
      row.result = AreaResult::inside;
      if (row.outside_m2 > 0)
        say(row, "inside; " + fmt("%.2f", row.outside_m2) + " m² along the edge counted as inside (under " +
                     fmt("%g", options.sliver_m2) + " m²)",
            "区域内；边界处" + fmt("%.2f", row.outside_m2) + "平方米按区域内计");
    } else if (inside > 0) {
      row.result = AreaResult::partly_inside;
      say(row, share_text(row.share) + " inside the zone" + zv + ", " + out_text + " outside",
          share_text(row.share) + "在保护区域内" + zv_zh + "，区域外" + fmt("%.1f", row.outside_m2) + "平方米（" +
              fmt("%.2f", row.outside_mu()) + "亩）");
    } else if (in_district) {
      row.result = AreaResult::outside;
      say(row, "wholly outside the zone" + zv + ", " + out_text, "完全在保护区域外" + zv_zh + "，" +
                                                                   fmt("%.1f", row.outside_m2) + "平方米（" +
                                                                   fmt("%.2f", row.outside_mu()) + "亩）");
    } else {
      row.result = AreaResult::outside_district;
      say(row, "outside the zone and outside the district", "在保护区域外，且不在本区范围内");
    }
    if (row.zone_band.any()) {
      if (!dem) {
        row.altitude_status = "no_dem";
      } else {
        altitude_range(*dem, a.geom, row);
        if (std::isfinite(row.alt_min_m)) {
          const bool lo_ok = row.zone_band.contains(row.alt_min_m), hi_ok = row.zone_band.contains(row.alt_max_m);
          const std::string range = fmt("%.0f", row.alt_min_m) + "–" + fmt("%.0f", row.alt_max_m) + " m";
          const std::string range_zh = "海拔" + fmt("%.0f", row.alt_min_m) + "—" + fmt("%.0f", row.alt_max_m) + "米";
          if (!lo_ok && !hi_ok)
            say(row, "altitude " + range + ", off the band (" + band_text_en(row.zone_band) + ")",
                range_zh + "，不在" + band_text_zh(row.zone_band) + "范围内");
          else if (!lo_ok || !hi_ok)
            say(row, "altitude " + range + ", partly off the band (" + band_text_en(row.zone_band) + ")",
                range_zh + "，部分不在" + band_text_zh(row.zone_band) + "范围内");
        }
      }
    }
    return row;
  }
};

AreaChecker::AreaChecker(const std::vector<Township>& townships, std::vector<ZoneVersion> zones,
                         AreaCheckOptions options, std::shared_ptr<const DemGrid> dem)
    : impl_(std::make_unique<Impl>()) {
  Box box;
  std::vector<MultiPolygon> parts;
  for (const Township& t : townships)
    if (!t.geom.empty()) {
      box.expand(bounds(t.geom));
      parts.push_back(t.geom);
    }
  if (!box.valid()) throw Error("area check: the workspace has no townships with geometry");
  Impl& im = *impl_;
  im.options = std::move(options);
  im.dem = std::move(dem);
  im.centre_lon = box.center().x;
  const LocalMetric metric(im.centre_lon);
  im.epsg = metric.epsg();
  GeosContext ctx;
  im.district_m = metric.forward(union_all(ctx, parts));
  for (ZoneVersion& z : zones) {
    if (z.geom.empty()) continue;
    im.zones_m.push_back(metric.forward(z.geom));
    z.geom = {};
    im.zones.push_back(std::move(z));
    // The zone's tiles.
    const Box b = bounds(im.zones_m.back());
    Impl::Tiles t;
    t.x0 = b.minx;
    t.y0 = b.miny;
    t.nx = std::max(1, static_cast<int>(std::ceil(b.width() / Impl::kTileM)));
    t.ny = std::max(1, static_cast<int>(std::ceil(b.height() / Impl::kTileM)));
    GeosGeom zg = to_geos(ctx, im.zones_m.back());
    for (int r = 0; r < t.ny; ++r)
      for (int c = 0; c < t.nx; ++c) {
        const double x0 = t.x0 + c * Impl::kTileM, y0 = t.y0 + r * Impl::kTileM;
        GeosGeom piece = geos_take(ctx, GEOSClipByRect_r(ctx, zg.get(), x0, y0, x0 + Impl::kTileM, y0 + Impl::kTileM),
                                   "area check: cutting a zone into tiles");
        double piece_m2 = 0;
        if (GEOSisEmpty_r(ctx, piece.get()) != 1) GEOSArea_r(ctx, piece.get(), &piece_m2);
        // Full: the piece is the whole square (to rounding); its geometry is not needed then.
        const char kind = piece_m2 <= 0 ? Impl::Tiles::kEmpty
                          : piece_m2 >= Impl::kTileM * Impl::kTileM * (1 - 1e-12) ? Impl::Tiles::kFull
                                                                                  : Impl::Tiles::kPartial;
        t.kind.push_back(kind);
        t.parts.push_back(kind == Impl::Tiles::kPartial ? to_multipolygon(ctx, piece.get()) : MultiPolygon{});
      }
    im.tiles.push_back(std::move(t));
  }
}

AreaChecker::~AreaChecker() = default;
AreaChecker::AreaChecker(AreaChecker&&) noexcept = default;
AreaChecker& AreaChecker::operator=(AreaChecker&&) noexcept = default;
int AreaChecker::epsg() const { return impl_->epsg; }
const AreaCheckOptions& AreaChecker::options() const { return impl_->options; }

std::vector<AreaCheck> AreaChecker::check_all(const std::vector<ProductionArea>& areas,
                                              const Progress& progress) const {
  std::vector<AreaCheck> out(areas.size());
  const int hw = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int want = impl_->options.threads > 0 ? impl_->options.threads : hw;
  const int n = std::max(1, std::min<int>(want, static_cast<int>(areas.size() / 64 + 1)));
  constexpr std::size_t kChunk = 128;
  std::atomic<std::size_t> next{0}, done{0};
  std::atomic<bool> stop{false};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    try {
      Impl::Worker w(*impl_);
      for (;;) {
        if (stop.load() || progress.cancelled()) return;
        const std::size_t b = next.fetch_add(kChunk);
        if (b >= areas.size()) return;
        const std::size_t e = std::min(areas.size(), b + kChunk);
        for (std::size_t i = b; i < e; ++i) out[i] = impl_->check(areas[i], w);
        done.fetch_add(e - b);
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      stop.store(true);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < n; ++t) pool.emplace_back(work);
  std::thread main_share(work);
  // Progress is reported from this thread only (front ends' callbacks need not be thread-safe).
  while (done.load() < areas.size() && !stop.load() && !progress.cancelled()) {
    progress.report("checking production areas",
                    areas.empty() ? 1.0 : static_cast<double>(done.load()) / static_cast<double>(areas.size()));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  main_share.join();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  progress.check_cancelled();
  progress.report("checking production areas", 1.0);
  return out;
}

AreaCheckReport run_area_check(const std::vector<Township>& townships, const std::vector<ZoneVersion>& versions,
                               const std::vector<ProductionArea>& areas, const AreaCheckOptions& opt_in,
                               std::shared_ptr<const DemGrid> dem, const Progress& progress) {
  const auto t0 = std::chrono::steady_clock::now();
  AreaCheckReport rep;
  rep.options = opt_in;
  if (rep.options.date.empty()) rep.options.date = today_iso();
  if (!is_iso_date(rep.options.date))
    throw Error("area check: date '" + rep.options.date + "' is not a calendar day written YYYY-MM-DD");
  if (!(rep.options.sliver_m2 >= 0)) throw Error("area check: the sliver area must be 0 m² or more");
  std::vector<ProductionArea> selected;
  for (const ProductionArea& a : areas)
    if (rep.options.gi.empty() || a.gi == rep.options.gi) selected.push_back(a);
  AreaChecker checker(townships, zones_in_force(versions, rep.options.date), rep.options, std::move(dem));
  rep.epsg = checker.epsg();
  rep.rows = checker.check_all(selected, progress);
  std::stable_sort(rep.rows.begin(), rep.rows.end(),
                   [](const AreaCheck& a, const AreaCheck& b) { return a.area_id < b.area_id; });
  for (const AreaCheck& r : rep.rows) ++rep.by_result[static_cast<int>(r.result)];
  rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return rep;
}

AreaCheckReport run_area_check(const Workspace& ws, const AreaCheckOptions& opt, const Progress& progress) {
  std::shared_ptr<const DemGrid> dem;
  std::vector<std::string> warnings;
  try {
    if (auto grid = load_workspace_dem(ws)) dem = std::make_shared<const DemGrid>(std::move(*grid));
  } catch (const Error& e) {
    warnings.push_back(std::string(e.what()) + ": no altitudes were read");
  }
  AreaCheckReport rep =
      run_area_check(ws.townships(), ws.zone_versions(), read_production_areas(ws), opt, std::move(dem), progress);
  rep.warnings = std::move(warnings);
  return rep;
}

std::vector<ProducerAreaResult> producer_area_results(const std::vector<ProducerCheck>& points,
                                                      const std::vector<AreaCheck>& areas) {
  std::map<std::int64_t, std::vector<const AreaCheck*>> by_producer;
  for (const AreaCheck& a : areas)
    if (a.producer_id > 0) by_producer[a.producer_id].push_back(&a);
  std::vector<ProducerAreaResult> out;
  for (const ProducerCheck& p : points) {
    ProducerAreaResult r;
    r.producer_id = p.producer_id;
    r.name = p.name;
    r.gi = p.gi;
    r.point_result = result_code(p.result);
    const bool point_in = p.result == CheckResult::inside || p.result == CheckResult::inside_near_boundary ||
                          p.result == CheckResult::outside_near_boundary;
    int partly = 0, wholly = 0;
    std::string which;
    if (auto it = by_producer.find(p.producer_id); it != by_producer.end())
      for (const AreaCheck* a : it->second) {
        ++r.areas;
        r.area_m2 += a->area_m2;
        r.inside_m2 += a->inside_m2;
        r.outside_m2 += a->outside_m2;
        if (a->result == AreaResult::partly_inside) ++partly;
        if (a->result == AreaResult::outside || a->result == AreaResult::outside_district ||
            a->result == AreaResult::unknown_gi)
          ++wholly;
        if (a->result != AreaResult::inside) which += (which.empty() ? "" : ", ") + a->code + " " + share_text(a->share);
      }
    const std::string tot = fmt("%.2f", r.outside_m2 / kSquareMetresPerMu) + " 亩 (" + fmt("%.0f", r.outside_m2) + " m²)";
    if (r.areas == 0) {
      r.code = "no_areas";
      r.reason = "no production area recorded: the point result stands";
      r.reason_zh = "未登记生产地块，以位置点结果为准";
    } else if (point_in && wholly > 0) {
      r.code = "areas_outside";
      r.finding = true;
      r.reason = "the point is in the zone but " + std::to_string(wholly) + " of " + std::to_string(r.areas) +
                 " areas lie wholly outside (" + which + "); " + tot + " outside";
      r.reason_zh = "位置点在保护区域内，但" + std::to_string(r.areas) + "个地块中有" + std::to_string(wholly) +
                    "个完全在区域外（" + which + "），区域外共" + fmt("%.2f", r.outside_m2 / kSquareMetresPerMu) + "亩";
    } else if (point_in && partly > 0) {
      r.code = "areas_partly_outside";
      r.finding = true;
      r.reason = "the point is in the zone but " + std::to_string(partly) + " of " + std::to_string(r.areas) +
                 " areas are partly outside (" + which + "); " + tot + " outside";
      r.reason_zh = "位置点在保护区域内，但" + std::to_string(r.areas) + "个地块中有" + std::to_string(partly) +
                    "个部分在区域外（" + which + "），区域外共" + fmt("%.2f", r.outside_m2 / kSquareMetresPerMu) + "亩";
    } else if (point_in) {
      r.code = "areas_inside";
      r.reason = "the point and all " + std::to_string(r.areas) + " areas are in the zone";
      r.reason_zh = "位置点及全部" + std::to_string(r.areas) + "个地块均在保护区域内";
    } else if (partly == 0 && wholly == 0) {
      r.code = "point_outside_areas_in";
      r.finding = true;
      r.reason = "the point is outside the zone but all " + std::to_string(r.areas) +
                 " areas are in it (an office or a wrong point?)";
      r.reason_zh = "位置点在保护区域外，但全部" + std::to_string(r.areas) + "个地块在区域内（办公地点或坐标有误？）";
    } else {
      r.code = "outside";
      r.finding = true;
      r.reason = "the point and " + std::to_string(partly + wholly) + " of " + std::to_string(r.areas) +
                 " areas are (partly) outside the zone; " + tot + " outside";
      r.reason_zh = "位置点及" + std::to_string(partly + wholly) + "个地块（部分）在保护区域外，区域外共" +
                    fmt("%.2f", r.outside_m2 / kSquareMetresPerMu) + "亩";
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace giatlas
