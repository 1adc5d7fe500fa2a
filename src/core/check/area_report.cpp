// Production-area check reports (see area_report.h).
#include "check/area_report.h"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "error.h"
#include "io/atomic_file.h"
#include "io/csv_cell.h"
#include "programme/report_doc.h"

namespace giatlas {
namespace {

std::string num(double v, const char* f) {
  if (!std::isfinite(v)) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

std::string ext_of(const std::string& path) {
  const auto dot = path.rfind('.');
  std::string e = dot == std::string::npos ? "" : path.substr(dot + 1);
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e;
}

}  // namespace

std::string area_summary_text(const AreaCheckReport& r, const std::vector<ProducerAreaResult>& producers) {
  std::ostringstream os;
  os << "production areas checked on " << r.options.date << ": " << r.rows.size() << " (measured in EPSG:" << r.epsg
     << ")\n";
  for (int i = 0; i < kAreaResultCount; ++i)
    if (r.by_result[i])
      os << "  " << area_result_code(static_cast<AreaResult>(i)) << " (" << area_result_label_zh(static_cast<AreaResult>(i))
         << "): " << r.by_result[i] << "\n";
  int findings = 0;
  for (const ProducerAreaResult& p : producers) findings += p.finding;
  if (!producers.empty()) {
    os << "producers with findings from their areas: " << findings << "\n";
    for (const ProducerAreaResult& p : producers)
      if (p.finding) os << "  #" << p.producer_id << " " << p.name << ": " << p.code << " — " << p.reason << "\n";
  }
  for (const std::string& w : r.warnings) os << "warning: " << w << "\n";
  return os.str();
}

void write_area_report(const AreaCheckReport& r, const std::vector<ProducerAreaResult>& producers,
                       const std::string& path) {
  const std::string ext = ext_of(path);
  std::string out;
  if (ext == "csv") {
    out = "\xEF\xBB\xBF" "area_id,code,name,producer_id,producer,gi,result,result_zh,share,area_m2,inside_m2,outside_m2,"
          "outside_mu,zone_version,altitude_min_m,altitude_max_m,altitude_status,reason,reason_zh\n";
    for (const AreaCheck& a : r.rows)
      out += std::to_string(a.area_id) + "," + csv_text(a.code) + "," + csv_text(a.name) + "," +
             std::to_string(a.producer_id) + "," + csv_text(a.producer_name) + "," + csv_text(a.gi) + "," +
             area_result_code(a.result) + "," + area_result_label_zh(a.result) + "," + num(a.share, "%.6f") + "," +
             num(a.area_m2, "%.2f") + "," + num(a.inside_m2, "%.2f") + "," + num(a.outside_m2, "%.2f") + "," +
             num(a.outside_mu(), "%.4f") + "," + std::to_string(a.zone_version) + "," + num(a.alt_min_m, "%.1f") + "," +
             num(a.alt_max_m, "%.1f") + "," + a.altitude_status + "," + csv_text(a.reason) + "," + csv_text(a.reason_zh) +
             "\n";
    if (!producers.empty()) {
      out += "\nproducer_id,producer,gi,point_result,areas_result,finding,areas,area_m2,inside_m2,outside_m2,reason,reason_zh\n";
      for (const ProducerAreaResult& p : producers)
        out += std::to_string(p.producer_id) + "," + csv_text(p.name) + "," + csv_text(p.gi) + "," + p.point_result + "," +
               p.code + "," + (p.finding ? "yes" : "no") + "," + std::to_string(p.areas) + "," + num(p.area_m2, "%.2f") +
               "," + num(p.inside_m2, "%.2f") + "," + num(p.outside_m2, "%.2f") + "," + csv_text(p.reason) + "," +
               csv_text(p.reason_zh) + "\n";
    }
  } else if (ext == "html" || ext == "htm") {
    std::ostringstream h;
    h << "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>生产地块核查 " << r.options.date
      << "</title><style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:1em}table{border-collapse:collapse}"
         "td,th{border:1px solid #ccc;padding:.2em .4em}.partly_inside{background:#fff4d6}.outside,.outside_district,"
         ".unknown_gi{background:#fde0dc}.en{color:#666}</style></head><body>\n<h1>生产地块核查 Production areas: "
      << r.options.date << "</h1>\n<p>" << r.rows.size() << " 个地块 areas; 面积按 EPSG:" << r.epsg
      << " 高斯—克吕格投影计算 (measured in the Gauss–Krüger projection)</p>\n<table><tr><th>地块 Area</th><th>生产者 "
         "Producer</th><th>产品 GI</th><th>结果 Result</th><th>区域内比例 Share</th><th>区域外 Outside</th><th>版本 "
         "Zone</th><th>海拔 Altitude</th><th>说明 Reason</th></tr>\n";
    for (const AreaCheck& a : r.rows)
      h << "<tr class=\"" << area_result_code(a.result) << "\"><td>" << html_escape(a.code + " " + a.name) << "</td><td>"
        << html_escape(a.producer_name) << "</td><td>" << html_escape(a.gi) << "</td><td>" << area_result_label_zh(a.result)
        << "</td><td>" << share_text(a.share) << "</td><td>" << num(a.outside_mu(), "%.2f") << " 亩 / "
        << num(a.outside_m2, "%.0f") << " m²</td><td>v" << a.zone_version << "</td><td>"
        << (std::isfinite(a.alt_min_m) ? num(a.alt_min_m, "%.0f") + "–" + num(a.alt_max_m, "%.0f") + " m" : a.altitude_status)
        << "</td><td>" << html_escape(a.reason_zh) << "<br><span class=\"en\">" << html_escape(a.reason)
        << "</span></td></tr>\n";
    h << "</table>\n";
    if (!producers.empty()) {
      h << "<h2>生产者（计入地块）Producers with their areas</h2>\n<table><tr><th>生产者 Producer</th><th>位置点 "
           "Point</th><th>地块结论 Areas</th><th>说明 Reason</th></tr>\n";
      for (const ProducerAreaResult& p : producers)
        if (p.areas > 0)
          h << "<tr" << (p.finding ? " class=\"outside\"" : "") << "><td>" << html_escape(p.name) << "</td><td>"
            << p.point_result << "</td><td>" << p.code << "</td><td>" << html_escape(p.reason_zh) << "<br><span class=\"en\">"
            << html_escape(p.reason) << "</span></td></tr>\n";
      h << "</table>\n";
    }
    h << "</body></html>\n";
    out = h.str();
  } else {
    throw Error("area report " + path + ": write .csv or .html");
  }
  AtomicFile f(path, "area report");
  f.open();
  f.write(out);
  f.commit();
}

}  // namespace giatlas
