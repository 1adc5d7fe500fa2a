// Lots traced to their fields on the harvest date, the HTML page and the QR code, and the mass
// balance of a season.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "check/check_fixture.h"
#include "programme/programme_store.h"
#include "programme/register_book.h"
#include "test_support.h"
#include "trace/lot_trace.h"
#include "trace/mass_balance.h"
#include "trace/qr_code.h"
#include "workspace/area_store.h"

using namespace giatlas;
using namespace giatlas::test;

namespace {

// The check fixture (zone v1 from 2015 = township A, v2 from 2020 = A ∪ B) with producer 1
// (authorised for the mark from 2018) and producer 2 (no mark record), their areas and lots.
void make_trace_workspace(const std::string& path) {
  make_check_workspace(path, {producer_at(1, Point{107.05, 29.05}), producer_at(2, Point{107.06, 29.05})});
  Workspace ws = Workspace::open(path);
  const auto ps = ws.producers();
  std::vector<ProductionArea> areas(4);
  const char* codes[] = {"A-field", "B-field", "edge", "A2"};
  const MultiPolygon geoms[] = {box_polygon(107.02, 29.02, 107.03, 29.03), box_polygon(107.15, 29.02, 107.16, 29.03),
                                box_polygon(107.095, 29.05, 107.105, 29.06), box_polygon(107.04, 29.04, 107.05, 29.05)};
  for (int i = 0; i < 4; ++i) {
    areas[static_cast<std::size_t>(i)].code = codes[i];
    areas[static_cast<std::size_t>(i)].gi = kGi;
    areas[static_cast<std::size_t>(i)].producer_id = i < 3 ? ps[0].id : ps[1].id;
    areas[static_cast<std::size_t>(i)].producer_name = i < 3 ? ps[0].name : ps[1].name;
    areas[static_cast<std::size_t>(i)].geom = geoms[i];
  }
  insert_production_areas(ws, areas);
  auto lot = [&](const char* code, const Producer& p, const char* date, double kg, std::vector<std::string> a) {
    Lot l;
    l.code = code;
    l.producer_id = p.id;
    l.producer_name = p.name;
    l.credit_code = p.credit_code;
    l.gi = kGi;
    l.harvest_date = date;
    l.quantity_kg = kg;
    l.area_codes = std::move(a);
    return l;
  };
  std::vector<Lot> lots = {lot("LOT-2019", ps[0], "2019-09-01", 1000, {"A-field", "B-field"}),
                           lot("LOT-2021", ps[0], "2021-09-01", 1000, {"A-field", "B-field"}),
                           lot("LOT-EDGE", ps[0], "2019-09-01", 500, {"edge", "GONE"}),
                           lot("LOT-P2", ps[1], "2021-09-01", 100, {"A2"})};
  insert_lots(ws, lots);
  MarkUser u;
  u.gi = kGi;
  u.producer_id = ps[0].id;
  u.name = ps[0].name;
  u.credit_code = ps[0].credit_code;
  u.approved = "2018-01-01";
  u.status = "active";
  std::vector<MarkUser> users{u};
  insert_mark_users(ws, users);
}

bool has_reason(const LotTrace& t, const std::string& code) {
  for (const TraceReason& r : t.reasons)
    if (r.code == code) return true;
  return false;
}

}  // namespace

TEST_CASE("a lot is traced with the zone version in force on its harvest date", "[trace]") {
  TempDir dir;
  const std::string path = dir.file("ws.gpkg");
  make_trace_workspace(path);
  Workspace ws = Workspace::open(path, true);

  const LotTrace t19 = trace_lot(ws, "LOT-2019");
  REQUIRE(t19.areas.size() == 2);
  CHECK(t19.areas[0].zone_version == 1);
  CHECK(t19.areas[1].result == AreaResult::outside);  // B was not in the zone in 2019
  CHECK(t19.verdict == TraceVerdict::fail);
  CHECK(has_reason(t19, "area_outside"));
  CHECK(t19.mark_authorised);

  const LotTrace t21 = trace_lot(ws, "LOT-2021");
  REQUIRE(t21.areas.size() == 2);
  CHECK(t21.areas[1].zone_version == 2);
  CHECK(t21.areas[1].result == AreaResult::inside);
  CHECK(t21.verdict == TraceVerdict::pass);
  CHECK(has_reason(t21, "areas_inside"));
  CHECK(has_reason(t21, "authorised"));
  for (const TraceReason& r : t21.reasons) {
    CHECK_FALSE(r.en.empty());
    CHECK_FALSE(r.zh.empty());
  }
}

TEST_CASE("a lot from a straddling field with an unknown area needs review; no mark record fails", "[trace]") {
  TempDir dir;
  const std::string path = dir.file("ws.gpkg");
  make_trace_workspace(path);
  Workspace ws = Workspace::open(path, true);
  const LotTrace edge = trace_lot(ws, "LOT-EDGE");
  CHECK(edge.verdict == TraceVerdict::review);
  CHECK(has_reason(edge, "area_partly_outside"));
  CHECK(has_reason(edge, "area_unknown"));
  CHECK(edge.missing_areas == std::vector<std::string>{"GONE"});
  REQUIRE(edge.areas.size() == 1);
  CHECK(edge.areas[0].share == Approx(0.5).epsilon(1e-3));

  const LotTrace p2 = trace_lot(ws, "LOT-P2");
  CHECK_FALSE(p2.mark_authorised);
  CHECK(p2.verdict == TraceVerdict::fail);
  CHECK(has_reason(p2, "not_authorised"));
  CHECK_THROWS_WITH(trace_lot(ws, "NOPE"), Catch::Contains("no lot 'NOPE'"));
}

TEST_CASE("a mark use suspended after one harvest authorises that lot and not a later one", "[trace]") {
  TempDir dir;
  const std::string path = dir.file("ws.gpkg");
  make_trace_workspace(path);
  {
    Workspace ws = Workspace::open(path);
    const std::vector<MarkUser> users = read_mark_users(ws);
    REQUIRE(users.size() == 1);
    set_mark_user_status(ws, users.front().id, "suspended", "", "2020-06-01", "检查员", "标志使用不规范");
  }
  Workspace ws = Workspace::open(path, true);
  const LotTrace before = trace_lot(ws, "LOT-2019");  // harvested 2019-09-01, still active then
  CHECK(before.mark_authorised);
  CHECK(has_reason(before, "authorised"));
  const LotTrace after = trace_lot(ws, "LOT-2021");  // harvested 2021-09-01, suspended since 2020-06-01
  CHECK_FALSE(after.mark_authorised);
  CHECK(after.verdict == TraceVerdict::fail);
  CHECK(has_reason(after, "not_authorised"));
  CHECK(after.mark_detail.find("status suspended on 2021-09-01") != std::string::npos);
}

TEST_CASE("the trace page is self-contained and the QR code encodes the lot code", "[trace]") {
  TempDir dir;
  const std::string path = dir.file("ws.gpkg");
  make_trace_workspace(path);
  Workspace ws = Workspace::open(path, true);
  const LotTrace t = trace_lot(ws, "LOT-2019");
  write_trace_html(t, dir.file("lot.html"));
  const std::string html = slurp(dir.file("lot.html"));
  CHECK(html.find("data-code=\"fail\"") != std::string::npos);
  CHECK(html.find("不符合") != std::string::npos);
  CHECK(html.find("B-field") != std::string::npos);
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("src=\"http") == std::string::npos);  // nothing fetched from elsewhere
  CHECK(html.find("href=\"http") == std::string::npos);

  const QrMatrix m = qr_encode("LOT-2019");
  CHECK(m.size == 21);  // version 1 holds 8 bytes at level M
  // The three finder patterns: dark 7×7 outlines in three corners.
  CHECK(m.at(0, 0));
  CHECK(m.at(6, 6));
  CHECK(m.at(m.size - 1, 0));
  CHECK(m.at(0, m.size - 1));
  CHECK_FALSE(m.at(7, 7));
  write_qr_png("LOT-2019", dir.file("lot.png"), 4);
  const std::string png = slurp(dir.file("lot.png"));
  REQUIRE(png.size() > 24);
  CHECK(png.substr(1, 3) == "PNG");
  // Width in the IHDR chunk: (21 + 2 × 4) modules × 4 px.
  const auto w = (static_cast<unsigned char>(png[16]) << 24) | (static_cast<unsigned char>(png[17]) << 16) |
                 (static_cast<unsigned char>(png[18]) << 8) | static_cast<unsigned char>(png[19]);
  CHECK(w == 116);
  CHECK_THROWS(qr_encode(""));
}

TEST_CASE("the mass balance flags a producer declaring more than its areas inside the zone can grow", "[balance]") {
  TempDir dir;
  const std::string path = dir.file("ws.gpkg");
  make_trace_workspace(path);
  {
    Workspace ws = Workspace::open(path);
    GiYield y;
    y.gi = kGi;
    y.kg_per_mu = 3000;
    y.tolerance = 0.2;
    y.basis = "test";
    set_gi_yield(ws, y);
    CHECK_THROWS_WITH(set_gi_yield(ws, y), Catch::Contains("already set"));
    // Season 2021: producer 1 areas A-field + B-field + edge inside v2; producer 2 area A2.
    // Producer 2 declares 100 kg (well within); add a planted over-declaration for producer 2.
    Lot big;
    big.code = "LOT-BIG";
    big.producer_id = ws.producers()[1].id;
    big.producer_name = ws.producers()[1].name;
    big.gi = kGi;
    big.harvest_date = "2021-10-01";
    big.quantity_kg = 2.0e7;
    big.area_codes = {"A2"};
    std::vector<Lot> lots{big};
    insert_lots(ws, lots);
  }
  Workspace ws = Workspace::open(path, true);
  BalanceOptions opt;
  opt.gi = kGi;
  opt.season = 2021;
  const BalanceReport r = mass_balance(ws, opt);
  REQUIRE(r.producers.size() == 2);
  CHECK(r.zone_version == 2);
  const ProducerBalance& p1 = r.producers[0];
  const ProducerBalance& p2 = r.producers[1];
  CHECK(p1.declared_kg == 1000);
  CHECK_FALSE(p1.flagged);
  CHECK(p2.declared_kg == 2.0e7 + 100);
  CHECK(p2.flagged);
  // A2 is 0.01° × 0.01° at 29°N: about 1.08 km² ≈ 1620 亩, × 3000 kg/亩 ≈ 4.9e6 kg plausible.
  CHECK(p2.inside_mu == Approx(1620).epsilon(0.01));
  CHECK(p2.plausible_kg == Approx(p2.inside_mu * 3000));
  CHECK(p2.limit_kg == Approx(p2.plausible_kg * 1.2));
  CHECK(p2.reason.find("疑似") == std::string::npos);
  CHECK(p2.reason_zh.find("疑似掺杂区外产品") == 0);
  CHECK(p2.reason.find("yield 3000 kg/亩") != std::string::npos);  // assumptions beside the flag
  CHECK(r.flagged == 1);
  CHECK(r.total.declared_kg == Approx(2.0e7 + 1100));
  write_balance(r, dir.file("b.csv"));
  const std::string csv = slurp(dir.file("b.csv"));
  CHECK(csv.find("yes") != std::string::npos);
  CHECK(csv.find("(GI total)") != std::string::npos);
  write_balance(r, dir.file("b.html"));
  CHECK(slurp(dir.file("b.html")).find("疑似掺杂区外产品") != std::string::npos);
  CHECK_THROWS(write_balance(r, dir.file("b.txt")));
  opt.gi = "没有单产的产品";
  CHECK_THROWS_WITH(mass_balance(ws, opt), Catch::Contains("no yield"));
}
