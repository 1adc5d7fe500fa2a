// The origin check's entry points: option checks, zone selection by date, whole-workspace,
// in-memory and streamed runs, and saving results as inspections.
#include "check/origin_check.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "check/bounded_queue.h"
#include "check/check_engine.h"
#include "error.h"
#include "terrain/dem_import.h"
#include "workspace/iso_date.h"
#include "workspace/workspace.h"
#include "workspace/zone_in_force.h"

namespace giatlas {

namespace {

struct CodeLabel {
  const char* code;
  const char* zh;
};
constexpr CodeLabel kLabels[kCheckResultCount] = {
    {"inside", "区域内"},
    {"inside_near_boundary", "区域内（近边界）"},
    {"outside_near_boundary", "区域外（近边界，需现场核查）"},
    {"outside", "区域外"},
    {"outside_district", "区外（不在本区范围）"},
    {"unknown_gi", "未知地理标志（当日无有效区域）"},
    {"invalid_location", "位置无效"},
};

CheckOptions normalised(CheckOptions opt) {
  if (opt.date.empty()) opt.date = today_iso();
  if (!is_iso_date(opt.date)) throw Error("check: date '" + opt.date + "' is not a calendar day written YYYY-MM-DD");
  if (!(opt.tolerance_m >= 0) || opt.tolerance_m > 100000)
    throw Error("check: tolerance " + std::to_string(opt.tolerance_m) + " m is out of range (0 to 100000)");
  if (opt.threads < 0) throw Error("check: threads must be 0 (all cores) or more");
  return opt;
}

CheckEngine build_engine(const Workspace& ws, const CheckOptions& opt, CheckReport& report, const Progress& progress) {
  progress.report("preparing zones and townships", 0.0);
  report.options = opt;
  report.district = ws.metadata().district_name;
  report.rules = boundary_rules_text(opt);
  auto zones = zones_in_force(ws.zone_versions(), opt.date);
  if (!opt.gi.empty()) {
    // The GI filter keeps only that GI's zone; its producers are the only ones checked.
    zones.erase(std::remove_if(zones.begin(), zones.end(), [&](const ZoneVersion& z) { return z.gi != opt.gi; }),
                zones.end());
  }
  // A DEM recorded but unreadable (the .dem.tif not copied with the workspace) does not stop
  // the check: band zones keep their cut geometry, producers get no altitude, and it is said.
  std::shared_ptr<const DemGrid> dem;
  try {
    if (auto grid = load_workspace_dem(ws)) dem = std::make_shared<const DemGrid>(std::move(*grid));
  } catch (const Error& e) {
    report.warnings.push_back(std::string(e.what()) + ": no altitudes were read");
    report.rules += "Warning: " + report.warnings.back() + ".\n";
  }
  CheckEngine engine(ws.townships(), zones, opt, ws.villages(), std::move(dem));
  report.options.threads = engine.thread_count();
  for (const auto& z : engine.zones()) report.zones.push_back(z->info);
  return engine;
}

void count_zone_use(CheckReport& report, const ProducerCheck& row) {
  if (row.zone_version == 0) return;
  for (auto& z : report.zones)
    if (z.version == row.zone_version && z.gi == row.gi) ++z.producers;
}

// Report order: producer id, then the record's content, so that input order never shows.
bool row_before(const ProducerCheck& a, const ProducerCheck& b) {
  if (a.producer_id != b.producer_id) return a.producer_id < b.producer_id;
  if (a.name != b.name) return a.name < b.name;
  if (a.credit_code != b.credit_code) return a.credit_code < b.credit_code;
  if (a.gi != b.gi) return a.gi < b.gi;
  double ax = a.location ? a.location->x : 0, ay = a.location ? a.location->y : 0;
  double bx = b.location ? b.location->x : 0, by = b.location ? b.location->y : 0;
  if (ax != bx) return ax < bx;
  if (ay != by) return ay < by;
  return a.reason < b.reason;
}

}  // namespace

const char* result_code(CheckResult r) { return kLabels[static_cast<int>(r)].code; }
const char* result_label_zh(CheckResult r) { return kLabels[static_cast<int>(r)].zh; }

std::optional<CheckResult> result_from_code(const std::string& code) {
  for (int i = 0; i < kCheckResultCount; ++i)
    if (code == kLabels[i].code) return static_cast<CheckResult>(i);
  return std::nullopt;
}

void CheckSummary::add(const ProducerCheck& row) {
  int k = static_cast<int>(row.result);
  ++total;
  ++by_result[k];
  auto bump = [&](std::map<std::string, std::vector<std::int64_t>>& m, const std::string& key) {
    auto& v = m[key];
    if (v.empty()) v.assign(kCheckResultCount, 0);
    ++v[static_cast<std::size_t>(k)];
  };
  bump(by_gi, row.gi);
  bump(by_township, row.township);
  if (!row.cause.empty()) ++by_cause[row.cause];
}

bool cause_selected(const CheckOptions& opt, const ProducerCheck& row) {
  if (opt.causes.empty()) return true;
  const std::string& c = row.cause.empty() ? std::string("none") : row.cause;
  return std::find(opt.causes.begin(), opt.causes.end(), c) != opt.causes.end();
}

std::string boundary_rules_text(const CheckOptions& opt) {
  char tol[32];
  std::snprintf(tol, sizeof tol, "%.1f", opt.tolerance_m);
  std::string t;
  t += "Zone version: the version of each GI's zone in force on " + opt.date +
       " (effective_from <= date < effective_to).\n";
  t += "On the boundary: a point exactly on a zone's boundary counts as inside (covers).\n";
  t += std::string("Tolerance: ") + tol +
       " m. Inside within the tolerance of the boundary = inside_near_boundary; outside within it = "
       "outside_near_boundary (field visit needed).\n";
  t += "Distance: to the zone's boundary, in the local CGCS2000 3-degree Gauss-Kruger plane, to 0.1 m.\n";
  t += "Township: a point on an edge shared by two townships is given to the township east of it (north of it on "
       "an east-west edge); on the district's outer boundary to the township whose edge it is on; so the "
       "per-township counts add up to the total.\n";
  if (!opt.causes.empty()) {
    t += "Filter: only producers whose cause is";
    for (const auto& c : opt.causes) t += " " + c;
    t += ".\n";
  }
  t += "Altitude: from the workspace's DEM, bilinear between cell centres, to 0.1 m; a void or a point beyond the DEM "
       "has no altitude and is never taken as within a zone's altitude band. A zone cut to a band keeps its band's "
       "contour lines as its boundary; a point in the zone's units but off the band is outside with cause "
       "below_band, above_band or altitude_unknown.\n";
  return t;
}

CheckReport run_origin_check(const Workspace& ws, const CheckOptions& opt, const Progress& progress) {
  CheckOptions o = normalised(opt);
  std::vector<Producer> producers;
  ws.for_each_producer([&](Producer&& p) {
    if (o.gi.empty() || p.gi == o.gi) producers.push_back(std::move(p));
  });
  return run_origin_check(ws, std::move(producers), o, progress);
}

CheckReport run_origin_check(const Workspace& ws, std::vector<Producer> producers, const CheckOptions& opt,
                             const Progress& progress) {
  auto start = std::chrono::steady_clock::now();
  CheckOptions o = normalised(opt);
  if (!o.gi.empty())
    producers.erase(std::remove_if(producers.begin(), producers.end(), [&](const Producer& p) { return p.gi != o.gi; }),
                    producers.end());
  CheckReport report;
  CheckEngine engine = build_engine(ws, o, report, progress);
  progress.report("checking producers", 0.1);
  engine.check_all(std::move(producers), report.rows, progress);
  std::erase_if(report.rows, [&](const ProducerCheck& r) { return !cause_selected(o, r); });
  if (!std::is_sorted(report.rows.begin(), report.rows.end(), row_before))
    std::stable_sort(report.rows.begin(), report.rows.end(), row_before);
  for (const auto& r : report.rows) {
    report.summary.add(r);
    count_zone_use(report, r);
  }
  progress.report("checking producers", 1.0);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

CheckReport stream_origin_check(const Workspace& ws, const CheckOptions& opt, const CheckSink& sink,
                                const Progress& progress, std::size_t chunk_size) {
  auto start = std::chrono::steady_clock::now();
  CheckOptions o = normalised(opt);
  CheckReport report;
  CheckEngine engine = build_engine(ws, o, report, progress);
  const double total = static_cast<double>(std::max<std::int64_t>(ws.producer_count(), 1));
  chunk_size = std::max<std::size_t>(chunk_size, 1);

  // A reader thread reads producers into numbered chunks; worker threads classify whole chunks,
  // one chunk per thread (no barrier inside a chunk: a thread the OS puts aside delays only its
  // own chunk, and the others go on); this thread takes the rows back in chunk order, counts
  // them and hands them to the sink. At most `window` chunks are between reading and the sink.
  const int workers = engine.thread_count();
  const std::size_t window = static_cast<std::size_t>(workers) + 1;
  using Chunk = std::pair<std::size_t, std::vector<Producer>>;
  BoundedQueue<Chunk> to_check(window);
  std::mutex mutex;
  std::condition_variable changed;
  // Classified chunks waiting for their turn: producers read, rows kept.
  std::map<std::size_t, std::pair<std::size_t, std::vector<ProducerCheck>>> checked;
  std::size_t in_flight = 0, chunks_read = 0;
  bool read_all = false, stop = false;
  std::exception_ptr error;
  auto fail = [&](std::exception_ptr e) {
    {
      std::lock_guard lock(mutex);
      if (!error) error = e;
      stop = true;
    }
    changed.notify_all();
    to_check.cancel();
  };
  struct Stopped {};

  std::jthread reader([&] {
    try {
      std::vector<Producer> chunk;
      chunk.reserve(chunk_size);
      std::size_t seq = 0;
      auto hand_over = [&] {
        {
          std::unique_lock lock(mutex);
          changed.wait(lock, [&] { return stop || in_flight < window; });
          if (stop) throw Stopped{};
          ++in_flight;
        }
        if (!to_check.push({seq++, std::move(chunk)})) throw Stopped{};
        chunk = {};
        chunk.reserve(chunk_size);
      };
      ws.for_each_producer([&](Producer&& p) {
        if (!o.gi.empty() && p.gi != o.gi) return;
        chunk.push_back(std::move(p));
        if (chunk.size() >= chunk_size) hand_over();
      });
      if (!chunk.empty()) hand_over();
      {
        std::lock_guard lock(mutex);
        chunks_read = seq;
        read_all = true;
      }
      changed.notify_all();
      to_check.close();
    } catch (const Stopped&) {
    } catch (...) {
      fail(std::current_exception());
    }
  });
  std::vector<std::jthread> pool;
  for (int t = 0; t < workers; ++t)
    pool.emplace_back([&] {
      try {
        while (auto item = to_check.pop()) {
          std::vector<ProducerCheck> rows;
          const std::size_t read = item->second.size();
          engine.check_all(std::move(item->second), rows, progress, 1);
          std::erase_if(rows, [&](const ProducerCheck& r) { return !cause_selected(o, r); });
          // for_each_producer yields id order; sorting again keeps the promise if it ever changes.
          if (!std::is_sorted(rows.begin(), rows.end(), row_before))
            std::stable_sort(rows.begin(), rows.end(), row_before);
          {
            std::lock_guard lock(mutex);
            checked.emplace(item->first, std::make_pair(read, std::move(rows)));
          }
          changed.notify_all();
        }
      } catch (...) {
        fail(std::current_exception());
      }
    });
  // However this function is left, the threads are stopped before they are joined.
  struct StopAll {
    std::function<void()> run;
    ~StopAll() { run(); }
  } stop_all{[&] {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    changed.notify_all();
    to_check.cancel();
  }};

  try {
    std::int64_t done = 0;
    for (std::size_t next = 0;; ++next) {
      std::size_t read = 0;
      std::vector<ProducerCheck> rows;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || checked.count(next) || (read_all && next == chunks_read); });
        if (stop || !checked.count(next)) break;
        read = checked[next].first;
        rows = std::move(checked[next].second);
        checked.erase(next);
      }
      for (const auto& r : rows) {
        report.summary.add(r);
        count_zone_use(report, r);
      }
      sink(rows);
      done += static_cast<std::int64_t>(read);
      {
        std::lock_guard lock(mutex);
        --in_flight;
      }
      changed.notify_all();
      progress.report("checking producers", static_cast<double>(done) / total);
      progress.check_cancelled();
    }
  } catch (...) {
    fail(std::current_exception());
  }
  stop_all.run();
  reader.join();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

std::size_t save_as_inspections(Workspace& ws, const CheckReport& report) {
  std::vector<Inspection> rows;
  rows.reserve(report.rows.size());
  for (const auto& r : report.rows) {
    Inspection i;
    i.producer_id = r.producer_id;
    i.producer_name = r.name;
    i.date = report.options.date;
    i.inspector = "origin check";
    i.gi = r.gi;
    i.zone_version = r.zone_version;
    i.result = result_code(r.result);
    i.distance_m = r.distance_m;
    i.note = r.reason;
    rows.push_back(std::move(i));
  }
  ws.add_inspections(rows);  // one transaction of its own
  return rows.size();
}

}  // namespace giatlas
