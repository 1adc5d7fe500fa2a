// The mass balance (see mass_balance.h).
#include "trace/mass_balance.h"

#include <cstdio>
#include <map>
#include <sstream>

#include "check/area_check.h"
#include "error.h"
#include "io/atomic_file.h"
#include "io/csv_cell.h"
#include "programme/report_doc.h"
#include "workspace/area_store.h"
#include "workspace/workspace.h"
#include "workspace/zone_in_force.h"

namespace giatlas {
namespace {

std::string num(double v, const char* f = "%.2f") {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

void judge(ProducerBalance& b, const GiYield& y, const std::string& assumptions, const std::string& assumptions_zh) {
  b.plausible_kg = b.inside_mu * y.kg_per_mu;
  b.limit_kg = b.plausible_kg * (1 + y.tolerance);
  if (b.declared_kg <= b.limit_kg) {
    b.reason = "declared " + num(b.declared_kg, "%.0f") + " kg within the plausible " + num(b.limit_kg, "%.0f") + " kg";
    b.reason_zh = "申报" + num(b.declared_kg, "%.0f") + "公斤，未超过合理产量上限" + num(b.limit_kg, "%.0f") + "公斤";
    return;
  }
  b.flagged = true;
  b.excess_kg = b.declared_kg - b.limit_kg;
  const std::string ratio = b.plausible_kg > 0 ? num(b.declared_kg / b.plausible_kg * 100, "%.0f") + "%" : "∞";
  b.reason = "suspected mixing of produce from outside the zone: declared " + num(b.declared_kg, "%.0f") + " kg is " +
             ratio + " of the plausible " + num(b.plausible_kg, "%.0f") + " kg (" + num(b.inside_mu) +
             " 亩 inside the zone), " + num(b.excess_kg, "%.0f") + " kg over the limit [" + assumptions + "]";
  b.reason_zh = "疑似掺杂区外产品：申报" + num(b.declared_kg, "%.0f") + "公斤，为合理产量" + num(b.plausible_kg, "%.0f") +
                "公斤（区域内" + num(b.inside_mu) + "亩）的" + ratio + "，超出上限" + num(b.excess_kg, "%.0f") + "公斤［" +
                assumptions_zh + "］";
}

}  // namespace

BalanceReport mass_balance(const Workspace& ws, const BalanceOptions& opt, const Progress& progress) {
  if (opt.gi.empty()) throw Error("balance: name the GI (--gi NAME)");
  if (opt.season < 1900 || opt.season > 2200) throw Error("balance: season " + std::to_string(opt.season) + " is not a year");
  BalanceReport r;
  r.options = opt;
  if (r.options.zone_date.empty()) r.options.zone_date = std::to_string(opt.season) + "-12-31";
  auto y = find_gi_yield(ws, opt.gi);
  if (!y)
    throw Error("balance: no yield is set for " + opt.gi + " (giatlas-cli trace yield WS --gi NAME --kg-per-mu N [--tolerance 0.2])");
  r.yield = *y;
  const std::string from = std::to_string(opt.season) + "-01-01", to = std::to_string(opt.season) + "-12-31";
  if (auto z = zone_version_in_force(ws.zone_versions(), opt.gi, r.options.zone_date)) r.zone_version = z->version;
  r.assumptions = "yield " + num(y->kg_per_mu, "%g") + " kg/亩" + (y->basis.empty() ? "" : " (" + y->basis + ")") +
                  ", tolerance " + num(y->tolerance * 100, "%g") + "%, season " + from + " to " + to +
                  ", areas inside the zone in force on " + r.options.zone_date + " (version " +
                  std::to_string(r.zone_version) + "), each area counted once per season";
  r.assumptions_zh = "单产" + num(y->kg_per_mu, "%g") + "公斤/亩" + (y->basis.empty() ? "" : "（" + y->basis + "）") +
                     "，容差" + num(y->tolerance * 100, "%g") + "%，产季" + from + "至" + to + "，按" +
                     r.options.zone_date + "有效的保护区域（第" + std::to_string(r.zone_version) +
                     "版）计区域内面积，每个地块每季只计一次";

  std::map<std::int64_t, ProducerBalance> by;
  std::map<std::string, ProducerBalance> unlinked;
  for (const Lot& l : read_lots(ws)) {
    if (l.gi != opt.gi || l.harvest_date < from || l.harvest_date > to) continue;
    ProducerBalance& b = l.producer_id > 0 ? by[l.producer_id] : unlinked[l.credit_code.empty() ? l.producer_name : l.credit_code];
    b.producer_id = l.producer_id;
    if (b.name.empty()) b.name = l.producer_name;
    if (b.credit_code.empty()) b.credit_code = l.credit_code;
    ++b.lots;
    b.lot_codes.push_back(l.code);
    b.declared_kg += l.quantity_kg;
  }
  std::vector<ProductionArea> areas;
  for (ProductionArea& a : read_production_areas(ws))
    if (a.producer_id > 0 && by.count(a.producer_id) && (a.gi.empty() || a.gi == opt.gi)) {
      a.gi = opt.gi;
      areas.push_back(std::move(a));
    }
  AreaCheckOptions aopt;
  aopt.date = r.options.zone_date;
  const AreaCheckReport checked = run_area_check(ws.townships(), ws.zone_versions(), areas, aopt, nullptr, progress);
  for (const AreaCheck& c : checked.rows) {
    ProducerBalance& b = by[c.producer_id];
    ++b.areas;
    b.area_mu += c.area_mu();
    b.inside_mu += c.inside_mu();
  }
  r.total.name = opt.gi;
  for (auto& [id, b] : by) {
    judge(b, r.yield, r.assumptions, r.assumptions_zh);
    r.producers.push_back(b);
  }
  for (auto& [key, b] : unlinked) {
    judge(b, r.yield, r.assumptions, r.assumptions_zh);
    b.reason += "; the producer is not in the workspace, so no area is known";
    b.reason_zh += "；生产者未登记，无已知地块";
    r.producers.push_back(b);
  }
  for (const ProducerBalance& b : r.producers) {
    r.total.lots += b.lots;
    r.total.declared_kg += b.declared_kg;
    r.total.areas += b.areas;
    r.total.area_mu += b.area_mu;
    r.total.inside_mu += b.inside_mu;
    r.flagged += b.flagged;
  }
  judge(r.total, r.yield, r.assumptions, r.assumptions_zh);
  return r;
}

std::string balance_text(const BalanceReport& r) {
  std::ostringstream os;
  os << "mass balance " << r.options.gi << " season " << r.options.season << "\n";
  os << "assumptions: " << r.assumptions << "\n";
  os << "producer  lots  declared_kg  inside_mu/area_mu  plausible_kg  limit_kg  flag\n";
  for (const ProducerBalance& b : r.producers) {
    os << "  " << (b.name.empty() ? b.credit_code : b.name) << "  " << b.lots << "  " << num(b.declared_kg, "%.0f") << "  "
       << num(b.inside_mu) << "/" << num(b.area_mu) << "  " << num(b.plausible_kg, "%.0f") << "  "
       << num(b.limit_kg, "%.0f") << "  " << (b.flagged ? "疑似掺杂区外产品" : "ok") << "\n";
    if (b.flagged) os << "      " << b.reason << "\n      " << b.reason_zh << "\n";
  }
  os << "GI total: " << r.total.lots << " lots, " << num(r.total.declared_kg, "%.0f") << " kg declared, plausible "
     << num(r.total.plausible_kg, "%.0f") << " kg, limit " << num(r.total.limit_kg, "%.0f") << " kg: "
     << (r.total.flagged ? "疑似掺杂区外产品 (flagged)" : "within the limit") << "\n";
  os << r.flagged << " of " << r.producers.size() << " producers flagged\n";
  return os.str();
}

void write_balance(const BalanceReport& r, const std::string& path) {
  const auto dot = path.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
  std::string out;
  if (ext == "csv") {
    out = "\xEF\xBB\xBF" "gi,season,producer_id,producer,credit_code,lots,declared_kg,area_mu,inside_mu,plausible_kg,limit_kg,"
          "flagged,reason,reason_zh,assumptions\n";
    auto row = [&](const ProducerBalance& b) {
      out += csv_text(r.options.gi) + "," + std::to_string(r.options.season) + "," + std::to_string(b.producer_id) + "," +
             csv_text(b.name) + "," + csv_text(b.credit_code) + "," + std::to_string(b.lots) + "," +
             num(b.declared_kg, "%.1f") + "," + num(b.area_mu, "%.4f") + "," + num(b.inside_mu, "%.4f") + "," +
             num(b.plausible_kg, "%.1f") + "," + num(b.limit_kg, "%.1f") + "," + (b.flagged ? "yes" : "no") + "," +
             csv_text(b.reason) + "," + csv_text(b.reason_zh) + "," + csv_text(r.assumptions) + "\n";
    };
    for (const ProducerBalance& b : r.producers) row(b);
    ProducerBalance t = r.total;
    t.name = "(GI total) " + r.options.gi;
    row(t);
  } else if (ext == "html" || ext == "htm") {
    out = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>产量平衡 " + html_escape(r.options.gi) +
          " " + std::to_string(r.options.season) +
          "</title><style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:1em}table{border-collapse:collapse}"
          "td,th{border:1px solid #ccc;padding:.3em .5em}.flag{background:#fde0dc}.en{color:#666}</style></head><body>\n";
    out += "<h1>产量平衡 Mass balance: " + html_escape(r.options.gi) + " " + std::to_string(r.options.season) + "</h1>\n";
    out += "<p><b>假设 Assumptions:</b> " + html_escape(r.assumptions_zh) + "<br><span class=\"en\">" +
           html_escape(r.assumptions) + "</span></p>\n<table><tr><th>生产者 Producer</th><th>批次 Lots</th><th>申报 Declared "
           "kg</th><th>区域内 Inside 亩</th><th>合理产量 Plausible kg</th><th>上限 Limit kg</th><th>结论 Finding</th></tr>\n";
    auto row = [&](const ProducerBalance& b) {
      out += std::string("<tr") + (b.flagged ? " class=\"flag\"" : "") + "><td>" + html_escape(b.name) + "</td><td>" +
             std::to_string(b.lots) + "</td><td>" + num(b.declared_kg, "%.0f") + "</td><td>" + num(b.inside_mu) + " / " +
             num(b.area_mu) + "</td><td>" + num(b.plausible_kg, "%.0f") + "</td><td>" + num(b.limit_kg, "%.0f") +
             "</td><td>" + html_escape(b.reason_zh) + "<br><span class=\"en\">" + html_escape(b.reason) + "</span></td></tr>\n";
    };
    for (const ProducerBalance& b : r.producers) row(b);
    ProducerBalance t = r.total;
    t.name = "合计 GI total";
    row(t);
    out += "</table></body></html>\n";
  } else {
    throw Error("balance report " + path + ": write .csv or .html");
  }
  AtomicFile f(path, "balance report");
  f.open();
  f.write(out);
  f.commit();
}

}  // namespace giatlas
