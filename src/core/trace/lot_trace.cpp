// Tracing a lot to its fields (see lot_trace.h).
#include "trace/lot_trace.h"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "error.h"
#include "programme/programme_store.h"
#include "programme/use_rate.h"
#include "terrain/dem_import.h"
#include "workspace/area_store.h"
#include "workspace/workspace.h"

namespace giatlas {
namespace {

std::string num(double v, const char* f = "%.2f") {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

void add(LotTrace& t, std::string code, TraceVerdict w, std::string en, std::string zh) {
  t.reasons.push_back({std::move(code), w, std::move(en), std::move(zh)});
  if (static_cast<int>(w) > static_cast<int>(t.verdict)) t.verdict = w;
}

void check_mark(const Workspace& ws, LotTrace& t) {
  const Lot& l = t.lot;
  const std::vector<MarkUser> users = read_mark_users(ws);
  const MarkUser* seen = nullptr;
  for (const MarkUser& u : users) {
    if (u.gi != l.gi) continue;
    const bool same = (l.producer_id > 0 && u.producer_id == l.producer_id) ||
                      (!l.credit_code.empty() && u.credit_code == l.credit_code) ||
                      (l.credit_code.empty() && !l.producer_name.empty() && u.name == l.producer_name);
    if (!same) continue;
    if (mark_user_current(u, l.harvest_date)) {
      t.mark_authorised = true;
      t.mark_detail = "mark user #" + std::to_string(u.id) + " approved " + u.approved +
                      (u.expiry.empty() ? "" : ", expires " + u.expiry);
      add(t, "authorised", TraceVerdict::pass,
          "authorised to use the GI special mark on " + l.harvest_date + " (approved " + u.approved + ")",
          l.harvest_date + "已获准使用地理标志专用标志（" + u.approved + "核准）");
      return;
    }
    seen = &u;
  }
  if (seen) {
    // The status and expiry in force on the harvest date (dated records), not today's.
    const std::string status = mark_user_status_on(*seen, l.harvest_date);
    const std::string expiry = mark_user_expiry_on(*seen, l.harvest_date);
    t.mark_detail = "mark user #" + std::to_string(seen->id) + " status " + status + " on " + l.harvest_date +
                    ", approved " + seen->approved + (expiry.empty() ? "" : ", expires " + expiry);
    add(t, "not_authorised", TraceVerdict::fail,
        "not authorised to use the GI special mark on " + l.harvest_date + " (" + t.mark_detail + ")",
        l.harvest_date + "未获准使用地理标志专用标志（当日状态" + status + "，核准" + seen->approved +
            (expiry.empty() ? "" : "，有效期至" + expiry) + "）");
  } else {
    t.mark_detail = "no mark user record for " + l.gi;
    add(t, "not_authorised", TraceVerdict::fail,
        "no authorisation to use the GI special mark of " + l.gi + " is recorded",
        "无使用" + l.gi + "地理标志专用标志的核准记录");
  }
}

void judge_area(LotTrace& t, const AreaCheck& a, const ProductionArea& rec) {
  const std::string name = "area " + a.code;
  const std::string name_zh = "地块" + a.code;
  if (t.lot.producer_id > 0 && rec.producer_id > 0 && rec.producer_id != t.lot.producer_id)
    add(t, "area_other_producer", TraceVerdict::review, name + " belongs to another producer (" + rec.producer_name + ")",
        name_zh + "属于其他生产者（" + rec.producer_name + "）");
  if (!rec.gi.empty() && rec.gi != t.lot.gi)
    add(t, "area_other_gi", TraceVerdict::review, name + " is recorded for " + rec.gi + ", not " + t.lot.gi,
        name_zh + "登记的产品为" + rec.gi + "，而非" + t.lot.gi);
  switch (a.result) {
    case AreaResult::inside:
      break;
    case AreaResult::partly_inside:
      add(t, "area_partly_outside", TraceVerdict::review,
          name + ": " + share_text(a.share) + " inside the zone (version " + std::to_string(a.zone_version) + "), " +
              num(a.outside_mu()) + " 亩 outside",
          name_zh + "：" + share_text(a.share) + "在保护区域内（第" + std::to_string(a.zone_version) + "版），区域外" +
              num(a.outside_mu()) + "亩");
      break;
    case AreaResult::outside:
    case AreaResult::outside_district:
      add(t, "area_outside", TraceVerdict::fail,
          name + " lies outside the zone in force on " + t.lot.harvest_date + " (version " +
              std::to_string(a.zone_version) + ")",
          name_zh + "不在" + t.lot.harvest_date + "有效的保护区域内（第" + std::to_string(a.zone_version) + "版）");
      break;
    case AreaResult::unknown_gi:
      add(t, "no_zone", TraceVerdict::fail, "no zone of " + t.lot.gi + " was in force on " + t.lot.harvest_date,
          t.lot.harvest_date + "时" + t.lot.gi + "无有效保护区域");
      break;
    case AreaResult::no_geometry:
      add(t, "area_unknown", TraceVerdict::review, name + " has no polygon", name_zh + "无图形");
      break;
  }
  if (a.reason.find("off the band") != std::string::npos)
    add(t, "area_off_band", TraceVerdict::review,
        name + ": altitude " + num(a.alt_min_m, "%.0f") + "–" + num(a.alt_max_m, "%.0f") + " m, partly off the band (" +
            band_text_en(a.zone_band) + ")",
        name_zh + "：海拔" + num(a.alt_min_m, "%.0f") + "—" + num(a.alt_max_m, "%.0f") + "米，部分不在" +
            band_text_zh(a.zone_band) + "范围内");
}

}  // namespace

const char* trace_verdict_code(TraceVerdict v) {
  switch (v) {
    case TraceVerdict::pass: return "pass";
    case TraceVerdict::review: return "review";
    case TraceVerdict::fail: return "fail";
  }
  return "?";
}
const char* trace_verdict_zh(TraceVerdict v) {
  switch (v) {
    case TraceVerdict::pass: return "符合";
    case TraceVerdict::review: return "需核查";
    case TraceVerdict::fail: return "不符合";
  }
  return "?";
}
const char* trace_verdict_en(TraceVerdict v) {
  switch (v) {
    case TraceVerdict::pass: return "consistent";
    case TraceVerdict::review: return "needs review";
    case TraceVerdict::fail: return "not consistent";
  }
  return "?";
}

LotTrace trace_lot(const Workspace& ws, const std::string& code, const Progress& progress) {
  auto lot = find_lot(ws, code);
  if (!lot) throw Error("trace: no lot '" + code + "' in the workspace " + ws.shown());
  LotTrace t;
  t.lot = std::move(*lot);
  const Lot& l = t.lot;
  if (l.producer_id > 0)
    for (Producer& p : ws.producers())
      if (p.id == l.producer_id) t.producer = std::move(p);
  if (!t.producer)
    add(t, "producer_unmatched", TraceVerdict::review,
        "the lot's producer (" + (l.credit_code.empty() ? l.producer_name : l.credit_code) + ") is not in the workspace",
        "批次的生产者（" + (l.credit_code.empty() ? l.producer_name : l.credit_code) + "）不在工作空间中");

  std::vector<ProductionArea> all = read_production_areas(ws), wanted;
  for (const std::string& c : l.area_codes) {
    bool found = false;
    for (const ProductionArea& a : all)
      if (a.code == c) {
        wanted.push_back(a);
        found = true;
        break;
      }
    if (!found) {
      t.missing_areas.push_back(c);
      add(t, "area_unknown", TraceVerdict::review, "area " + c + " is not in the workspace", "地块" + c + "不在工作空间中");
    }
  }
  if (wanted.empty())
    add(t, "no_areas", TraceVerdict::fail, "the lot cannot be traced to any recorded production area",
        "批次无法追溯到任何已登记的生产地块");
  if (!wanted.empty()) {
    std::shared_ptr<const DemGrid> dem;
    try {
      if (auto grid = load_workspace_dem(ws)) dem = std::make_shared<const DemGrid>(std::move(*grid));
    } catch (const Error&) {
      // An unreadable DEM: altitudes are not read (altitude_status says no_dem).
    }
    AreaCheckOptions opt;
    opt.date = l.harvest_date;
    opt.threads = 1;
    // Check against the lot's GI: the lot claims that GI, whatever the area record says.
    std::vector<ProductionArea> as_gi = wanted;
    for (ProductionArea& a : as_gi) a.gi = l.gi;
    AreaCheckReport rep = run_area_check(ws.townships(), ws.zone_versions(), as_gi, opt, dem, progress);
    // run_area_check orders by id; put them back in the lot's order.
    for (const ProductionArea& a : wanted)
      for (const AreaCheck& c : rep.rows)
        if (c.area_id == a.id) {
          t.areas.push_back(c);
          t.area_geoms.push_back(a.geom);
          judge_area(t, c, a);
          t.area_total_mu += c.area_mu();
          t.area_inside_mu += c.inside_mu();
        }
    bool all_in = !t.areas.empty();
    for (const AreaCheck& c : t.areas) all_in = all_in && c.result == AreaResult::inside;
    if (all_in)
      add(t, "areas_inside", TraceVerdict::pass,
          "all " + std::to_string(t.areas.size()) + " areas lie in the zone in force on " + l.harvest_date +
              " (version " + std::to_string(t.areas.front().zone_version) + ")",
          "全部" + std::to_string(t.areas.size()) + "个地块均在" + l.harvest_date + "有效的保护区域内（第" +
              std::to_string(t.areas.front().zone_version) + "版）");
  }
  check_mark(ws, t);
  return t;
}

std::string trace_text(const LotTrace& t) {
  std::ostringstream os;
  const Lot& l = t.lot;
  os << "lot " << l.code << "  " << l.gi << "  harvest " << l.harvest_date << "  " << num(l.quantity_kg, "%.0f")
     << " kg\n";
  os << "verdict: " << trace_verdict_code(t.verdict) << " — " << trace_verdict_en(t.verdict) << " / "
     << trace_verdict_zh(t.verdict) << "\n";
  os << "producer: " << (t.producer ? t.producer->name + " (" + t.producer->credit_code + ", #" +
                                          std::to_string(t.producer->id) + ")"
                                    : l.producer_name + " (not in the workspace)")
     << "\n";
  os << "mark: " << (t.mark_authorised ? "authorised" : "not authorised") << " on " << l.harvest_date << " ("
     << t.mark_detail << ")\n";
  os << "areas (" << t.areas.size() << ", " << num(t.area_inside_mu) << " of " << num(t.area_total_mu)
     << " 亩 in the zone):\n";
  for (const AreaCheck& a : t.areas) {
    os << "  " << a.code << "  " << area_result_code(a.result) << "  share " << share_text(a.share) << "  outside "
       << num(a.outside_mu()) << " 亩 / " << num(a.outside_m2, "%.0f") << " m²  zone v" << a.zone_version;
    if (std::isfinite(a.alt_min_m)) os << "  altitude " << num(a.alt_min_m, "%.0f") << "–" << num(a.alt_max_m, "%.0f") << " m";
    os << "\n";
  }
  for (const std::string& c : t.missing_areas) os << "  " << c << "  not in the workspace\n";
  os << "reasons:\n";
  for (const TraceReason& r : t.reasons)
    os << "  [" << trace_verdict_code(r.weight) << "] " << r.code << ": " << r.en << "\n      " << r.zh << "\n";
  return os.str();
}

}  // namespace giatlas
