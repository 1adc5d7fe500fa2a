// Origin check on a hand-made workspace: every result class, every suspected cause, the
// boundary rules, date-based zone versions and independence from input order and threads.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>

#include "check/check_engine.h"
#include "workspace/zone_in_force.h"
#include "check/origin_check.h"
#include "check/report_writers.h"
#include "check_fixture.h"
#include "error.h"
#include "geo/china_shift.h"
#include "geo/gdal.h"
#include "test_support.h"

using namespace giatlas;
using giatlas::test::producer_at;

namespace {

// ~1 m in degrees of latitude; the fixture squares are ~9.7 km x 11.1 km.
constexpr double kM = 1.0 / 111000.0;

const ProducerCheck& row_named(const CheckReport& r, const std::string& name) {
  for (const auto& row : r.rows)
    if (row.name == name) return row;
  FAIL("no row " << name);
  return r.rows.front();
}

CheckOptions on(const std::string& date) {
  CheckOptions o;
  o.date = date;
  return o;
}

bool in_zone_v1(const Point& p, double pad = 0) {
  return p.x >= 107.0 - pad && p.x <= 107.1 + pad && p.y >= 29.0 - pad && p.y <= 29.1 + pad;
}

// A point inside zone v1 whose map-shifted position (by `shift`) falls outside it by more
// than `pad` degrees.
template <typename Shift>
Point inside_but_shifted_out(Shift shift, double pad) {
  Point c{107.05, 29.05};
  Point d = shift(c);
  d = {d.x - c.x, d.y - c.y};
  for (double s = 0; s < 200; s += 0.05) {
    Point t{c.x + s * d.x, c.y + s * d.y};
    if (!in_zone_v1(shift(t), pad)) return t;
  }
  FAIL("no shifted point found");
  return c;
}

// `n` producers over and around the fixture's two townships; every seventh claims a GI without
// a zone, and every `on_edge_every`-th (when > 0) lies on a north-south edge (107.0, 107.1 or
// 107.2°E: a zone or township boundary).
std::vector<Producer> scattered_producers(int n, std::mt19937_64& rng, int on_edge_every = 0) {
  std::vector<Producer> ps;
  for (int i = 0; i < n; ++i) {
    double x = 106.98 + 0.24 * static_cast<double>(rng() % 100000) / 100000.0;
    double y = 28.98 + 0.14 * static_cast<double>(rng() % 100000) / 100000.0;
    if (on_edge_every > 0 && i % on_edge_every == 0) x = 107.0 + 0.1 * static_cast<double>(rng() % 3);
    ps.push_back(producer_at(i, Point{x, y}, i % 7 == 0 ? "羊角豆干" : test::kGi));
  }
  return ps;
}

}  // namespace

TEST_CASE("each result class is found on the fixture workspace", "[check]") {
  test::TempDir dir;
  std::vector<Producer> ps;
  ps.push_back(producer_at(1, Point{107.05, 29.05}));                     // inside
  ps.push_back(producer_at(2, Point{107.1 - 10 * kM, 29.05}));            // inside, 10 m from the edge
  ps.push_back(producer_at(3, Point{107.1 + 10 * kM, 29.05}));            // outside by ~10 m
  ps.push_back(producer_at(4, Point{107.15, 29.05}));                     // outside, in township 乙乡
  ps.push_back(producer_at(5, Point{107.5, 29.5}));                       // outside the district
  ps.push_back(producer_at(6, Point{107.05, 29.05}, "羊角豆干"));         // no zone for this GI
  ps.push_back(producer_at(7, std::nullopt));                             // no coordinates
  test::make_check_workspace(dir.file("w.gpkg"), ps);
  Workspace ws = Workspace::open(dir.file("w.gpkg"), true);
  CheckReport r = run_origin_check(ws, on("2018-06-01"), Progress());
  REQUIRE(r.rows.size() == 7);
  CHECK(row_named(r, "生产者1").result == CheckResult::inside);
  CHECK(row_named(r, "生产者1").reason.empty());
  CHECK(row_named(r, "生产者1").township == "甲镇");
  CHECK(row_named(r, "生产者2").result == CheckResult::inside_near_boundary);
  CHECK(row_named(r, "生产者2").distance_m == Approx(9.7).margin(1.0));
  CHECK(row_named(r, "生产者3").result == CheckResult::outside_near_boundary);
  CHECK(row_named(r, "生产者4").result == CheckResult::outside);
  CHECK(row_named(r, "生产者4").township == "乙乡");
  CHECK(row_named(r, "生产者5").result == CheckResult::outside_district);
  CHECK(row_named(r, "生产者6").result == CheckResult::unknown_gi);
  CHECK(row_named(r, "生产者7").result == CheckResult::invalid_location);
  CHECK(row_named(r, "生产者7").cause == "missing");
  for (const auto& row : r.rows) {
    if (row.result != CheckResult::inside) CHECK_FALSE(row.reason.empty());
    if (row.result != CheckResult::unknown_gi && row.result != CheckResult::invalid_location)
      CHECK(row.zone_version == 1);
  }
  CHECK(std::string(result_code(CheckResult::outside_near_boundary)) == "outside_near_boundary");
  CHECK(result_from_code("outside_district") == CheckResult::outside_district);
}

TEST_CASE("a larger tolerance turns a far point into a near-boundary one", "[check]") {
  test::TempDir dir;
  test::make_check_workspace(dir.file("w.gpkg"), {producer_at(1, Point{107.1 + 50 * kM, 29.05})});
  Workspace ws = Workspace::open(dir.file("w.gpkg"), true);
  CheckOptions o = on("2018-06-01");
  CHECK(run_origin_check(ws, o, Progress()).rows[0].result == CheckResult::outside);
  o.tolerance_m = 60;
  CHECK(run_origin_check(ws, o, Progress()).rows[0].result == CheckResult::outside_near_boundary);
}

TEST_CASE("outside the district but within the tolerance is a near-boundary case, beyond it outside_district", "[check]") {
  test::TempDir dir;
  // West of township A (and of zone v1's west edge at 107.0°E), outside every township.
  test::make_check_workspace(dir.file("w.gpkg"), {producer_at(1, Point{107.0 - 20 * kM, 29.05}),
                                                  producer_at(2, Point{107.0 - 80 * kM, 29.05})});
  Workspace ws = Workspace::open(dir.file("w.gpkg"), true);
  CheckReport r = run_origin_check(ws, on("2018-06-01"), Progress());
  CHECK(row_named(r, "生产者1").result == CheckResult::outside_near_boundary);
  CHECK(row_named(r, "生产者1").township.empty());
  CHECK(row_named(r, "生产者2").result == CheckResult::outside_district);
}

TEST_CASE("when undoing GCJ-02 and undoing BD-09 both put a point inside, the reason names both, with depths",
          "[check]") {
  // A point just outside an edge of zone v1 from which both undoings land well inside: searched
  // along each edge's outward normal, 10 m at a time.
  std::optional<Point> both;
  const Point normals[] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
  for (const Point& n : normals) {
    for (double out = 60; out < 3000 && !both; out += 10) {
      Point p{107.05 + n.x * (0.05 + out * kM), 29.05 + n.y * (0.05 + out * kM)};
      if (in_zone_v1(gcj02_to_wgs84(p), -100 * kM) && in_zone_v1(bd09_to_wgs84(p), -100 * kM)) both = p;
    }
    if (both) break;
  }
  REQUIRE(both);
  test::TempDir dir;
  test::make_check_workspace(dir.file("w.gpkg"), {producer_at(1, *both)});
  Workspace ws = Workspace::open(dir.file("w.gpkg"), true);
  const ProducerCheck row = run_origin_check(ws, on("2018-06-01"), Progress()).rows.at(0);
  CHECK(row.result != CheckResult::inside);
  CHECK(row.cause == "gcj02");  // the simpler shift is named first, as the most likely
  const auto gcj = row.reason.find("GCJ-02"), bd = row.reason.find("BD-09");
  REQUIRE(gcj != std::string::npos);
  REQUIRE(bd != std::string::npos);
  CHECK(gcj < bd);
  CHECK(row.reason.find("also fits, less likely") != std::string::npos);
  CHECK(row.reason.find(" m inside)") != std::string::npos);
  CHECK(row.reason_zh.find("亦可能") != std::string::npos);
  // The depth quoted for each matches the undone point's distance to the nearest edge (±60 m: this
  // measures on a sphere, the check in Gauss–Krüger metres).
  auto depth_m = [](const Point& q) {
    double d = std::min({q.x - 107.0, 107.1 - q.x}) * 111000.0 * std::cos(29.05 * M_PI / 180.0);
    return std::min(d, std::min(q.y - 29.0, 29.1 - q.y) * 111000.0);
  };
  for (const auto& [fix, text] : {std::pair{gcj02_to_wgs84(*both), "(GCJ"}, std::pair{bd09_to_wgs84(*both), "BD-09"}}) {
    (void)text;
    const long long want = std::llround(depth_m(fix));
    bool quoted = false;
    for (long long m = want - 60; m <= want + 60; ++m)
      quoted = quoted || row.reason.find("(" + std::to_string(m) + " m inside)") != std::string::npos;
    CHECK(quoted);
  }
}

TEST_CASE("suspected causes: swapped axes, GCJ-02, BD-09, projected metres, bad credit code", "[check]") {
  test::TempDir dir;
  std::vector<Producer> ps;
  Producer swapped = producer_at(1, std::nullopt);
  swapped.raw_x = "29.05";
  swapped.raw_y = "107.05";
  swapped.location_issue = "latitude 107.05 out of range";
  ps.push_back(swapped);
  ps.push_back(producer_at(2, wgs84_to_gcj02(inside_but_shifted_out(wgs84_to_gcj02, 0.001))));
  ps.push_back(producer_at(3, wgs84_to_bd09(inside_but_shifted_out(wgs84_to_bd09, 0.006))));
  Producer projected = producer_at(4, std::nullopt);
  {
    OGRSpatialReference gk;
    gk.importFromEPSG(4545);
    gk.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    auto t = make_transform(srs_cgcs2000(), gk);
    Point m{107.05, 29.05};
    REQUIRE(transform_point(*t, m));
    projected.raw_x = std::to_string(m.x);
    projected.raw_y = std::to_string(m.y);
  }
  ps.push_back(projected);
  Producer bad = producer_at(5, Point{107.05, 29.05});
  bad.credit_code.back() = bad.credit_code.back() == '0' ? '1' : '0';
  ps.push_back(bad);
  Producer garbled = producer_at(6, std::nullopt);
  garbled.raw_x = "东经一百零七度";
  garbled.raw_y = "29.x";
  ps.push_back(garbled);
  test::make_check_workspace(dir.file("w.gpkg"), ps);
  Workspace ws = Workspace::open(dir.file("w.gpkg"), true);
  CheckReport r = run_origin_check(ws, on("2018-06-01"), Progress());
  CHECK(row_named(r, "生产者1").result == CheckResult::invalid_location);
  CHECK(row_named(r, "生产者1").cause == "swapped");
  CHECK(row_named(r, "生产者2").result != CheckResult::inside);
  CHECK(row_named(r, "生产者2").cause == "gcj02");
  CHECK(row_named(r, "生产者3").cause == "bd09");
  CHECK(row_named(r, "生产者4").result == CheckResult::invalid_location);
  CHECK(row_named(r, "生产者4").cause == "projected");
  CHECK(row_named(r, "生产者4").reason.find("EPSG:4545") != std::string::npos);
  CHECK(row_named(r, "生产者5").result == CheckResult::inside);
  CHECK(row_named(r, "生产者5").cause == "bad_credit_code");
  CHECK_FALSE(row_named(r, "生产者5").reason.empty());
  CHECK(row_named(r, "生产者6").cause == "unparseable");
}

TEST_CASE("a point on the zone boundary is inside and a point on a shared township edge is counted once", "[check]") {
  test::TempDir dir;
  std::vector<Producer> ps;
  ps.push_back(producer_at(1, Point{107.1, 29.05}));  // on zone v1's east edge = the shared edge
  ps.push_back(producer_at(2, Point{107.1, 29.0}));   // shared vertex on the district's south edge
  ps.push_back(producer_at(3, Point{107.0, 29.02}));  // on the district's west edge
  test::make_check_workspace(dir.file("w.gpkg"), ps);
  Workspace ws = Workspace::open(dir.file("w.gpkg"), true);
  CheckReport r = run_origin_check(ws, on("2018-06-01"), Progress());
  const auto& a = row_named(r, "生产者1");
  CHECK(a.result == CheckResult::inside_near_boundary);
  CHECK(a.cause == "on_boundary");
  CHECK(a.distance_m == Approx(0.0).margin(0.05));
  CHECK(a.township == "乙乡");  // documented rule: the township east of a north-south edge
  CHECK(row_named(r, "生产者2").township == "乙乡");
  CHECK(row_named(r, "生产者3").township == "甲镇");
  std::int64_t sum = 0;
  for (const auto& [t, counts] : r.summary.by_township)
    for (auto c : counts) sum += c;
  CHECK(sum == r.summary.total);
  CHECK(r.summary.by_township.count("") == 0);
}

TEST_CASE("the zone version in force on the check date is used", "[check]") {
  test::TempDir dir;
  test::make_check_workspace(dir.file("w.gpkg"), {producer_at(1, Point{107.15, 29.05})});
  Workspace ws = Workspace::open(dir.file("w.gpkg"), true);
  CheckReport before = run_origin_check(ws, on("2019-12-31"), Progress());
  CHECK(before.rows[0].result == CheckResult::outside);
  CHECK(before.rows[0].zone_version == 1);
  CheckReport after = run_origin_check(ws, on("2020-01-01"), Progress());
  CHECK(after.rows[0].result == CheckResult::inside);
  CHECK(after.rows[0].zone_version == 2);
  CheckReport early = run_origin_check(ws, on("2010-01-01"), Progress());
  CHECK(early.rows[0].result == CheckResult::unknown_gi);
  REQUIRE(after.zones.size() == 1);
  CHECK(after.zones[0].version == 2);
  CHECK_THROWS_AS(run_origin_check(ws, on("2020-13-01"), Progress()), Error);
}

TEST_CASE("the report does not depend on input order or thread count", "[check]") {
  test::TempDir dir;
  std::mt19937_64 rng(5);
  test::make_check_workspace(dir.file("w.gpkg"), scattered_producers(3000, rng));
  Workspace ws = Workspace::open(dir.file("w.gpkg"), true);
  auto producers = ws.producers();
  auto shuffled = producers;
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  CheckOptions one = on("2018-06-01"), two = one;
  one.threads = 1;
  two.threads = 2;
  CheckReport a = run_origin_check(ws, producers, one, Progress());
  CheckReport b = run_origin_check(ws, shuffled, two, Progress());
  write_check_csv(a, dir.file("a.csv"));
  write_check_csv(b, dir.file("b.csv"));
  auto slurp = [](const std::string& p) {
    std::ifstream f(p);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
  };
  std::string ca = slurp(dir.file("a.csv"));
  CHECK(ca.size() > 3000 * 40);
  CHECK(ca == slurp(dir.file("b.csv")));
  // The streamed run gives the same rows as the in-memory one.
  std::vector<ProducerCheck> streamed;
  CheckReport s = stream_origin_check(
      ws, two, [&](const std::vector<ProducerCheck>& rows) { streamed.insert(streamed.end(), rows.begin(), rows.end()); },
      Progress(), 1000);
  CHECK(s.summary.total == a.summary.total);
  REQUIRE(streamed.size() == a.rows.size());
  for (std::size_t i = 0; i < streamed.size(); ++i) {
    CHECK(streamed[i].result == a.rows[i].result);
    CHECK(streamed[i].distance_m == a.rows[i].distance_m);
  }
}

TEST_CASE("a streamed check hands chunks over in id order and stops cleanly when its sink fails or the user cancels",
          "[check]") {
  test::TempDir dir;
  std::mt19937_64 rng(11);
  test::make_check_workspace(dir.file("w.gpkg"), scattered_producers(3000, rng));
  Workspace ws = Workspace::open(dir.file("w.gpkg"), true);
  const CheckOptions o = on("2018-06-01");
  std::vector<std::int64_t> ids;
  CheckReport r = stream_origin_check(
      ws, o, [&](const std::vector<ProducerCheck>& rows) { for (const auto& x : rows) ids.push_back(x.producer_id); },
      Progress(), 7);
  CHECK(r.summary.total == 3000);
  CHECK(ids.size() == 3000);
  CHECK(std::is_sorted(ids.begin(), ids.end()));
  // The sink's error stops the reader and the classifier and comes back to the caller.
  std::size_t calls = 0;
  CHECK_THROWS_WITH(stream_origin_check(
                        ws, o,
                        [&](const std::vector<ProducerCheck>&) {
                          if (++calls == 2) throw Error("write report: no space left on device");
                        },
                        Progress(), 100),
                    "write report: no space left on device");
  CHECK(calls == 2);
  // A cancellation (here from the sink's thread) stops the check within a few chunks.
  Progress progress;
  std::size_t seen = 0;
  CHECK_THROWS_AS(stream_origin_check(
                      ws, o,
                      [&](const std::vector<ProducerCheck>& rows) {
                        seen += rows.size();
                        if (seen >= 500) progress.cancel();
                      },
                      progress, 100),
                  Cancelled);
  CHECK(seen < 3000);
}

TEST_CASE("the batch path of the engine gives every producer the result of the one-by-one path", "[check]") {
  test::TempDir dir;
  std::mt19937_64 rng(9);
  std::vector<Producer> ps = scattered_producers(4000, rng, 5);
  for (std::size_t i = 0; i < ps.size(); i += 50) ps[i].location.reset();
  test::make_check_workspace(dir.file("w.gpkg"), ps);
  Workspace ws = Workspace::open(dir.file("w.gpkg"), true);
  CheckOptions o = on("2018-06-01");
  o.threads = 2;
  CheckEngine engine(ws.townships(), zones_in_force(ws.zone_versions(), o.date), o);
  auto producers = ws.producers();
  std::vector<ProducerCheck> batch;
  engine.check_all(producers, batch, Progress());
  REQUIRE(batch.size() == producers.size());
  CheckWorker worker;
  std::size_t differ = 0, on_edge = 0;
  for (std::size_t i = 0; i < producers.size(); ++i) {
    ProducerCheck one = engine.check(producers[i], worker);
    differ += one.result != batch[i].result || one.township != batch[i].township || one.reason != batch[i].reason ||
              one.distance_m != batch[i].distance_m || one.producer_id != batch[i].producer_id;
    on_edge += one.cause == "on_boundary";
  }
  CHECK(differ == 0);
  CHECK(on_edge > 0);
}

TEST_CASE("check results are saved as inspection records with the zone version", "[check]") {
  test::TempDir dir;
  test::make_check_workspace(dir.file("w.gpkg"), {producer_at(1, Point{107.15, 29.05})});
  Workspace ws = Workspace::open(dir.file("w.gpkg"));
  CheckReport r = run_origin_check(ws, on("2021-01-01"), Progress());
  CHECK(save_as_inspections(ws, r) == 1);
  auto ins = ws.inspections();
  REQUIRE(ins.size() == 1);
  CHECK(ins[0].result == "inside");
  CHECK(ins[0].zone_version == 2);
  CHECK(ins[0].date == "2021-01-01");
}
