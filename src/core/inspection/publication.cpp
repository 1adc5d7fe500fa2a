// Publication of a plan's results with personal data masked.
#include "inspection/publication.h"

#include <algorithm>
#include <map>

#include "check/report_writers.h"
#include "error.h"
#include "inspection/inspection_store.h"
#include "inspection/visits.h"
#include "io/atomic_file.h"
#include "io/csv_cell.h"
#include "io/html_text.h"
#include "map/report_map.h"
#include "programme/plan_document.h"
#include "workspace/credit_code.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {

std::size_t utf8_len(unsigned char c) { return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1; }

bool ends_with(const std::string& s, const std::string& t) {
  return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

}  // namespace

std::string strip_phone_numbers(const std::string& text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto is_digit = [&](std::size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
    if (is_digit(i) || (text[i] == '+' && is_digit(i + 1))) {
      std::size_t j = i + (text[i] == '+' ? 1 : 0), digits = 0, last_digit_end = j;
      while (j < text.size() && (is_digit(j) || text[j] == ' ' || text[j] == '-')) {
        if (is_digit(j)) {
          ++digits;
          last_digit_end = j + 1;
        }
        ++j;
      }
      if (digits >= 7) {
        i = last_digit_end;
        continue;
      }
      out.append(text, i, last_digit_end - i);
      i = last_digit_end;
      continue;
    }
    out += text[i++];
  }
  // Tidy what the removal leaves: brackets, labels and separators with nothing in them.
  for (const char* empty : {"电话：", "电话:", "手机：", "手机:", "Tel:", "tel:", "（）", "()"}) {
    for (std::size_t p; (p = out.find(empty)) != std::string::npos;) out.erase(p, std::string(empty).size());
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '-' || out.back() == ',')) out.pop_back();
  return out;
}

std::string mask_entity_name(const std::string& name, const std::string& credit_code) {
  std::string n = strip_phone_numbers(name);
  if (valid_credit_code(credit_code) || n.empty()) return n;
  std::string suffix;
  for (const char* s : {"家庭农场", "农场", "种植户", "养殖户", "专业户", "个体户", "经营部"})
    if (ends_with(n, s) && n.size() > std::string(s).size()) {
      suffix = s;
      n.resize(n.size() - suffix.size());
      break;
    }
  const std::size_t first = std::min(n.size(), utf8_len(static_cast<unsigned char>(n[0])));
  std::string masked = n.substr(0, first);
  masked += "*某";
  masked += suffix;
  return masked;
}

std::vector<PublicationRow> publication_rows(const Workspace& ws, const std::string& plan) {
  auto p = saved_plan(ws, plan);
  if (!p) throw Error("publish: no plan named '" + plan + "' (giatlas-cli plan list)");
  std::map<int, VisitOutcome> outcome;
  for (VisitOutcome& r : current_outcomes(ws, plan)) outcome[r.visit_no] = std::move(r);
  std::vector<PublicationRow> rows;
  for (const PlanVisitRow& v : plan_visits(ws, p->id)) {
    PublicationRow row;
    row.visit_no = v.visit_no;
    row.entity = mask_entity_name(v.producer_name, v.credit_code);
    row.credit_code = v.credit_code;  // a registration number, published as it is
    row.gi = v.gi;
    auto it = outcome.find(v.visit_no);
    if (it == outcome.end()) {
      row.date = v.date;
      row.result = "未检查 not yet inspected";
      row.action = "";
    } else {
      const VisitOutcome& o = it->second;
      row.date = o.date;
      row.result = finding_label_zh(o.finding) + " " + o.finding;
      row.action = action_label_zh(o.action) + " " + o.action + (o.closed.empty() ? "" : "；已结案 closed " + o.closed);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void publish_plan_results(const Workspace& ws, const std::string& plan, const std::string& path) {
  const auto rows = publication_rows(ws, plan);
  const SavedPlan p = *saved_plan(ws, plan);
  InspectionPlan stated = plan_from_options_text(p.options, "plan '" + plan + "'");
  stated.visits.resize(rows.size());
  const std::string method = plan_method_text(stated);
  const std::string rule =
      "个人信息保护 Masking rule: 有统一社会信用代码的企业、合作社等主体公示登记名称；其他（个人、农户）仅保留姓氏，"
      "其余以“*某”代替（张三 → 张*某）；电话号码一律删除。Entities with a valid credit code keep their registered "
      "name; other names (individuals, households) keep the surname only (张*某); phone numbers are removed.";
  const std::string ext = file_extension(path);
  std::string text;
  if (ext == "csv") {
    text = "# plan: " + plan + "\n# method: " + method + "\n# " + rule + "\n";
    text += "visit,inspected_entity,credit_code,gi,date,result,action\n";
    for (const auto& r : rows)
      text += std::to_string(r.visit_no) + "," + csv_text(r.entity) + "," + csv_text(r.credit_code) + "," + csv_text(r.gi) +
              "," + r.date + "," + csv_text(r.result) + "," + csv_text(r.action) + "\n";
  } else if (ext == "html" || ext == "htm") {
    text = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>抽查结果公示 " + html_escape(plan) +
           "</title><style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:2em}table{border-collapse:collapse}"
           "td,th{border:1px solid #bbb;padding:3px 8px}.m{max-width:60em;color:#333}</style></head><body>\n";
    text += "<h1>“双随机、一公开”抽查结果公示 <small>Inspection results: " + html_escape(plan) + "</small></h1>\n";
    text += "<p class=\"m\">抽查方法 " + html_escape(method) + "</p>\n<p class=\"m\">" + html_escape(rule) + "</p>\n";
    // The map: the zones and townships, each visit's producer numbered as in the table.
    std::map<std::int64_t, Point> where;
    for (const Producer& pr : ws.producers())
      if (pr.location) where.emplace(pr.id, *pr.location);
    std::vector<ReportMarker> markers;
    std::vector<std::string> gis;
    for (const PlanVisitRow& v : plan_visits(ws, p.id)) {
      gis.push_back(v.gi);
      if (auto it = where.find(v.producer_id); it != where.end()) markers.push_back({v.visit_no, it->second});
    }
    text += report_map_html(draw_report_map(ws, gis, p.date, markers),
                            "检查对象位置，编号与下表 # 列一致 Inspected entities, numbered as in the # column. Schematic projection.");
    text += "<table><tr><th>#</th><th>检查对象 inspected entity</th><th>统一社会信用代码 credit code</th><th>地理标志 GI</th>"
            "<th>检查日期 date</th><th>检查结果 result</th><th>处理情况 action</th></tr>\n";
    for (const auto& r : rows)
      text += "<tr><td>" + std::to_string(r.visit_no) + "</td><td>" + html_escape(r.entity) + "</td><td>" +
              html_escape(r.credit_code) + "</td><td>" + html_escape(r.gi) + "</td><td>" + html_escape(r.date) + "</td><td>" +
              html_escape(r.result) + "</td><td>" + html_escape(r.action) + "</td></tr>\n";
    text += "</table></body></html>\n";
  } else {
    throw Error("publish " + path + ": unknown format '." + ext + "' (use .html or .csv)");
  }
  atomic_write_text(path, "publication", text);
}

}  // namespace giatlas
