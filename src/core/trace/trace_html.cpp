// The lot's trace as one self-contained HTML page: verdict, producer, mark, areas with their
// shares, reasons in both languages, a sketch of the areas over the zone and the lot's QR code.
// Everything inline: the page works offline and can be mailed as one file.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "error.h"
#include "io/atomic_file.h"
#include "programme/report_doc.h"
#include "trace/lot_trace.h"
#include "trace/qr_code.h"

namespace giatlas {
namespace {

std::string num(double v, const char* f = "%.2f") {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

const char* colour(AreaResult r) {
  switch (r) {
    case AreaResult::inside: return "#2e7d32";
    case AreaResult::partly_inside: return "#f9a825";
    default: return "#c62828";
  }
}

// The areas drawn in their box (north up, equirectangular at the mean latitude).
std::string sketch(const LotTrace& t) {
  Box b;
  for (const MultiPolygon& m : t.area_geoms) b.expand(bounds(m));
  if (!b.valid()) return "";
  const double k = std::cos(b.center().y * M_PI / 180.0);
  const double w = std::max(b.width() * k, b.height()) * 1.1 + 1e-9;
  const double size = 260;
  auto px = [&](const Point& p) {
    return num((p.x - b.center().x) * k / w * size + size / 2, "%.1f") + "," +
           num((b.center().y - p.y) / w * size + size / 2, "%.1f");
  };
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"260\" height=\"260\" class=\"sketch\">";
  for (std::size_t i = 0; i < t.area_geoms.size() && i < t.areas.size(); ++i) {
    std::string d;
    for (const Polygon& p : t.area_geoms[i].polygons)
      for (const Ring& r : p.rings) {
        for (std::size_t j = 0; j < r.size(); ++j) {
          d += j ? 'L' : 'M';
          d += px(r[j]);
        }
        d += "Z";
      }
    s += "<path d=\"" + d + "\" fill=\"" + colour(t.areas[i].result) + "\" fill-opacity=\"0.5\" stroke=\"" +
         colour(t.areas[i].result) + "\" fill-rule=\"evenodd\"><title>" + html_escape(t.areas[i].code) +
         "</title></path>";
  }
  s += "</svg>";
  return s;
}

}  // namespace

void write_trace_html(const LotTrace& t, const std::string& path) {
  const Lot& l = t.lot;
  std::ostringstream h;
  const char* vc = t.verdict == TraceVerdict::pass ? "#2e7d32" : t.verdict == TraceVerdict::review ? "#f9a825" : "#c62828";
  h << "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
       "content=\"width=device-width\"><title>批次溯源 "
    << html_escape(l.code) << "</title><style>body{font-family:'Noto Sans CJK SC',sans-serif;max-width:720px;margin:1em "
       "auto;padding:0 1em;color:#222}h1{font-size:1.4em}.verdict{color:#fff;background:"
    << vc << ";padding:.5em 1em;border-radius:4px;font-size:1.2em}table{border-collapse:collapse;width:100%}td,th{border:1px "
       "solid #ccc;padding:.3em .5em;text-align:left}.en{color:#666;font-size:.9em}.row{display:flex;gap:1em;"
       "align-items:flex-start}.sketch{border:1px solid #ccc}</style></head><body>\n";
  h << "<h1>批次溯源 Lot trace: " << html_escape(l.code) << "</h1>\n";
  h << "<p class=\"verdict\" id=\"verdict\" data-code=\"" << trace_verdict_code(t.verdict) << "\">"
    << trace_verdict_zh(t.verdict) << " · " << trace_verdict_en(t.verdict) << "</p>\n";
  h << "<table><tr><th>地理标志产品 GI</th><td>" << html_escape(l.gi) << "</td></tr><tr><th>采收日期 Harvest date</th><td>"
    << html_escape(l.harvest_date) << "</td></tr><tr><th>数量 Quantity</th><td>" << num(l.quantity_kg, "%.0f")
    << " kg</td></tr><tr><th>生产者 Producer</th><td>"
    << html_escape(t.producer ? t.producer->name + "（" + t.producer->credit_code + "）" : l.producer_name + "（未登记 not in the workspace）")
    << "</td></tr><tr><th>专用标志 Special mark</th><td>" << (t.mark_authorised ? "已核准 authorised" : "未核准 not authorised")
    << " <span class=\"en\">" << html_escape(t.mark_detail) << "</span></td></tr></table>\n";
  h << "<h2>生产地块 Production areas</h2>\n<div class=\"row\"><table><tr><th>地块 Area</th><th>结果 Result</th><th>区域内比例 "
       "Share inside</th><th>区域外 Outside</th><th>区域版本 Zone</th></tr>\n";
  for (const AreaCheck& a : t.areas)
    h << "<tr><td>" << html_escape(a.code) << "</td><td>" << area_result_label_zh(a.result) << " <span class=\"en\">"
      << area_result_code(a.result) << "</span></td><td>" << share_text(a.share) << "</td><td>" << num(a.outside_mu())
      << " 亩 / " << num(a.outside_m2, "%.0f") << " m²</td><td>v" << a.zone_version << "</td></tr>\n";
  for (const std::string& c : t.missing_areas)
    h << "<tr><td>" << html_escape(c) << "</td><td colspan=\"4\">未登记 not in the workspace</td></tr>\n";
  h << "</table>" << sketch(t) << "</div>\n<h2>理由 Reasons</h2>\n<ul>\n";
  for (const TraceReason& r : t.reasons)
    h << "<li data-code=\"" << html_escape(r.code) << "\">" << html_escape(r.zh) << "<br><span class=\"en\">"
      << html_escape(r.en) << "</span></li>\n";
  h << "</ul>\n<h2>批次二维码 Lot QR code</h2>\n" << qr_svg(l.code) << "\n</body></html>\n";
  AtomicFile f(path, "trace page");
  f.open();
  f.write(h.str());
  f.commit();
}

}  // namespace giatlas
