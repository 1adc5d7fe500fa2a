// The HTML report of an origin check: one self-contained page for people who are not GIS
// specialists — options and rules first, then the counts, then one list per result.
#include <cmath>
#include <cstdio>
#include <map>

#include "check/report_writers.h"
#include "error.h"
#include "io/html_text.h"

namespace giatlas {

namespace {

// Lists longer than this are cut in the page (the CSV has every row).
constexpr std::size_t kMaxListRows = 5000;

std::string num(double v, const char* fmt) {
  char b[40];
  std::snprintf(b, sizeof b, fmt, v);
  return b;
}

std::string result_head() {
  std::string h;
  for (int k = 0; k < kCheckResultCount; ++k) {
    auto r = static_cast<CheckResult>(k);
    h += "<th>" + html_escape(result_label_zh(r)) + "<br><code>" + result_code(r) + "</code></th>";
  }
  return h;
}

std::string count_table(const char* title, const char* key_head, const std::map<std::string, std::vector<std::int64_t>>& m) {
  std::string h = std::string("<h2>") + title + "</h2>\n<table><tr><th>" + key_head + "</th>" + result_head() +
                  "<th>合计 total</th></tr>\n";
  for (const auto& [key, counts] : m) {
    std::int64_t total = 0;
    h += "<tr><td>" + (key.empty() ? std::string("<i>(none)</i>") : html_escape(key)) + "</td>";
    for (auto c : counts) {
      total += c;
      h += "<td class=n>" + std::to_string(c) + "</td>";
    }
    h += "<td class=n><b>" + std::to_string(total) + "</b></td></tr>\n";
  }
  return h + "</table>\n";
}

}  // namespace

std::vector<std::pair<std::size_t, ReportMarker>> check_report_markers(const CheckReport& report) {
  std::vector<std::pair<std::size_t, ReportMarker>> out;
  int number = 0;
  for (int k = 0; k < kCheckResultCount; ++k) {
    const auto res = static_cast<CheckResult>(k);
    if (res == CheckResult::inside) continue;
    std::size_t shown = 0;
    for (std::size_t i = 0; i < report.rows.size(); ++i) {
      const ProducerCheck& r = report.rows[i];
      if (r.result != res) continue;
      if (++shown > kMaxListRows) break;
      if (r.location) out.push_back({i, ReportMarker{++number, *r.location}});
    }
  }
  return out;
}

void write_check_html(const CheckReport& report, const std::string& path, const Workspace* map_from) {
  std::map<std::size_t, int> numbers;
  const auto markers = check_report_markers(report);
  for (const auto& [i, m] : markers) numbers[i] = m.number;
  const auto& o = report.options;
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n<title>产地核查报告 Origin check — " +
       html_escape(report.district) + " " + html_escape(o.date) + "</title>\n";
  h += "<style>body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;color:#222}"
       "table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #bbb;padding:3px 8px;font-size:90%}"
       "th{background:#eef}td.n{text-align:right}code{color:#555}small.en{color:#666}.rules{background:#f7f7f0;padding:0.5em 1em;"
       "border-left:4px solid #cc9}</style></head><body>\n";
  h += "<h1>地理标志产地核查报告 <small>Origin check report</small></h1>\n";
  h += "<p><b>区县 District:</b> " + html_escape(report.district) + " &nbsp; <b>核查日期 Date:</b> " + html_escape(o.date) +
       " &nbsp; <b>容差 Tolerance:</b> " + num(o.tolerance_m, "%.1f") + " m &nbsp; <b>地理标志 GI:</b> " +
       (o.gi.empty() ? std::string("全部 all") : html_escape(o.gi)) + " &nbsp; <b>生产者 Producers:</b> " +
       std::to_string(report.summary.total) + "</p>\n";
  h += "<div class=rules><b>规则 Rules used</b><ul>";
  std::size_t start = 0;
  while (start < report.rules.size()) {
    std::size_t end = report.rules.find('\n', start);
    if (end == std::string::npos) end = report.rules.size();
    if (end > start) h += "<li>" + html_escape(report.rules.substr(start, end - start)) + "</li>";
    start = end + 1;
  }
  h += "</ul></div>\n";
  if (map_from) {
    std::vector<ReportMarker> ms;
    for (const auto& [i, m] : markers) ms.push_back(m);
    std::vector<std::string> gis;
    for (const auto& z : report.zones) gis.push_back(z.gi);
    const ReportMap map = draw_report_map(*map_from, gis, o.date, ms);
    h += "<h2>地图 Map</h2>\n" +
         report_map_html(map, "保护范围（彩色）、乡镇界（灰线）及未明确位于范围内的生产者（编号与下表 # 列一致）。"
                              "Zones (colour), townships (grey) and every listed producer not plainly inside, numbered "
                              "as in the # column below. Schematic projection.");
  }
  h += "<h2>使用的区域版本 Zone versions used</h2>\n<table><tr><th>地理标志 GI</th><th>版本 version</th>"
       "<th>生效 from</th><th>失效 to</th><th>海拔范围 altitude band</th><th>生产者 producers</th></tr>\n";
  for (const auto& z : report.zones)
    h += "<tr><td>" + html_escape(z.gi) + "</td><td class=n>" + std::to_string(z.version) + "</td><td>" + html_escape(z.effective_from) +
         "</td><td>" + html_escape(z.effective_to) + "</td><td>" + html_escape(band_text_zh(z.band)) + "</td><td class=n>" +
         std::to_string(z.producers) + "</td></tr>\n";
  h += "</table>\n";
  h += "<h2>汇总 Summary</h2>\n<table><tr><th>结果 result</th><th>代码 code</th><th>数量 count</th></tr>\n";
  for (int k = 0; k < kCheckResultCount; ++k) {
    auto r = static_cast<CheckResult>(k);
    h += "<tr><td>" + html_escape(result_label_zh(r)) + "</td><td><code>" + result_code(r) + "</code></td><td class=n>" +
         std::to_string(report.summary.by_result[k]) + "</td></tr>\n";
  }
  h += "<tr><td><b>合计 total</b></td><td></td><td class=n><b>" + std::to_string(report.summary.total) + "</b></td></tr></table>\n";
  h += count_table("按地理标志 By GI", "地理标志 GI", report.summary.by_gi);
  h += count_table("按乡镇（街道） By township", "乡镇 township", report.summary.by_township);
  if (!report.summary.by_cause.empty()) {
    h += "<h2>疑似原因 Suspected causes</h2>\n<table><tr><th>代码 cause</th><th>数量 count</th></tr>\n";
    for (const auto& [c, n] : report.summary.by_cause)
      h += "<tr><td><code>" + html_escape(c) + "</code></td><td class=n>" + std::to_string(n) + "</td></tr>\n";
    h += "</table>\n";
  }
  for (int k = 0; k < kCheckResultCount; ++k) {
    auto res = static_cast<CheckResult>(k);
    std::int64_t n = report.summary.by_result[k];
    h += "<h2 id=\"" + std::string(result_code(res)) + "\">" + html_escape(result_label_zh(res)) + " <code>" + result_code(res) +
         "</code> (" + std::to_string(n) + ")</h2>\n";
    if (n == 0) {
      h += "<p>无 none</p>\n";
      continue;
    }
    h += "<table><tr><th>#</th><th>名称 name</th><th>信用代码 credit code</th><th>地理标志 GI</th><th>乡镇 township</th>"
         "<th>距边界 distance (m)</th><th>海拔 altitude (m)</th><th>经度 lon</th><th>纬度 lat</th><th>说明 reason</th></tr>\n";
    std::size_t shown = 0;
    for (std::size_t i = 0; i < report.rows.size(); ++i) {
      const ProducerCheck& r = report.rows[i];
      if (r.result != res) continue;
      if (++shown > kMaxListRows) break;
      const auto no = numbers.find(i);
      h += "<tr><td class=n>" + (no == numbers.end() ? std::string() : std::to_string(no->second)) + "</td><td>" +
           html_escape(r.name) + "</td><td>" + html_escape(r.credit_code) + "</td><td>" + html_escape(r.gi) + "</td><td>" +
           html_escape(r.township) + "</td><td class=n>" + (r.distance_m >= 0 ? num(r.distance_m, "%.1f") : "") +
           "</td><td class=n>" + (!std::isnan(r.altitude_m) ? num(r.altitude_m, "%.1f") : html_escape(r.altitude_status)) +
           (r.zone_band.any() ? "<br><small>" + html_escape(band_text_zh(r.zone_band)) + "</small>" : "") +
           "</td><td class=n>" + (r.location ? num(r.location->x, "%.6f") : "") + "</td><td class=n>" +
           (r.location ? num(r.location->y, "%.6f") : "") + "</td><td>" + html_escape(r.reason_zh) +
           (r.reason.empty() ? "" : "<br><small class=en>" + html_escape(r.reason) + "</small>") + "</td></tr>\n";
    }
    h += "</table>\n";
    if (shown > kMaxListRows)
      h += "<p>…另有 " + std::to_string(n - static_cast<std::int64_t>(kMaxListRows)) +
           " 行未列出，CSV 报告列出全部行 (" + std::to_string(n - static_cast<std::int64_t>(kMaxListRows)) +
           " more; the CSV report lists every row).</p>\n";
  }
  h += "<p><small>GI Atlas origin check, " + std::to_string(report.options.threads) + " threads, " +
       num(report.seconds, "%.2f") + " s.</small></p>\n</body></html>\n";

  atomic_write_text(path, "check report", h);
}

}  // namespace giatlas
