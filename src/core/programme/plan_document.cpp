// The plan document: method text, CSV with its stated options, HTML page, and verification.
#include "programme/plan_document.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "error.h"
#include "io/csv_cell.h"
#include "io/html_text.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string o;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) o += sep;
    o += v[i];
  }
  return o;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, sep))
    if (!item.empty()) out.push_back(item);
  return out;
}

std::string number_text(double v) {
  std::ostringstream o;
  o.precision(17);
  o << v;
  return o.str();
}

constexpr const char* kColumns = "visit,producer_id,name,credit_code,gi,township,inspectors,date,check_result";

std::string visit_row(std::size_t i, const PlannedVisit& v) {
  return std::to_string(i + 1) + "," + std::to_string(v.producer_id) + "," + csv_text(v.producer_name) + "," +
         csv_text(v.credit_code) + "," + csv_text(v.gi) + "," + csv_text(v.township) + "," +
         csv_text(join(v.inspectors, ";")) + "," + v.date + "," + csv_text(v.check_result);
}

std::int64_t parse_int(const std::string& key, const std::string& v, const std::string& what) {
  char* end = nullptr;
  long long n = std::strtoll(v.c_str(), &end, 10);
  if (v.empty() || *end) throw Error(what + ": '" + key + "' is not a whole number ('" + v + "')");
  return n;
}

}  // namespace

std::string plan_method_text(const InspectionPlan& plan) {
  const PlanOptions& o = plan.options;
  std::string scope;
  if (!o.gi.empty()) scope += "GI " + o.gi + "; ";
  if (!o.gis.empty()) scope += "GIs " + join(o.gis, "、") + "; ";
  if (!o.townships.empty()) scope += "townships 乡镇 " + join(o.townships, "、") + "; ";
  if (!o.window_from.empty()) scope += "window 日期 " + o.window_from + "..." + o.window_to + "; ";
  std::string how_many = o.count > 0 ? "count " + std::to_string(o.count) : "ratio 比例 " + number_text(o.ratio);
  std::string zh = "从 " + std::to_string(plan.eligible) + " 家符合条件的生产者" + (scope.empty() ? "" : "（" + scope + "）") +
                   "中不放回随机抽取 " + std::to_string(plan.visits.size()) + " 家（" + how_many + "）" +
                   (o.stratify_by_gi ? "，按地理标志分层（最大余数法）" : "") +
                   (o.finding_weight > 1 ? "，产地核查异常者权重 " + std::to_string(o.finding_weight) : "") +
                   (o.flag_weight > 1 ? "，信用标记者权重 " + std::to_string(o.flag_weight) : "") +
                   "；每家从 " + std::to_string(plan.roster) + " 名在岗执法人员中随机抽取 " +
                   std::to_string(o.inspectors_per_visit) +
                   " 名，回避本乡镇及登记有关联关系的人员（本计划回避 " + std::to_string(plan.recusals) + " 人次）。";
  std::string en = "Method: producers put in id order; std::mt19937_64 seeded with " + std::to_string(o.seed) +
                   "; unbiased rejection draws (fair_below); " + std::to_string(plan.visits.size()) + " of " +
                   std::to_string(plan.eligible) + " eligible producers drawn without replacement" +
                   (o.finding_weight > 1 || o.flag_weight > 1 ? " with integer weights" : "") +
                   "; each team is a partial Fisher-Yates shuffle of the active inspectors (in id order) not recused "
                   "for that producer (own township or recorded relation), redrawn up to 64 times while it repeats "
                   "the previous team; population digest " + plan.population_digest +
                   ". The same seed and the same workspace give the same plan: giatlas-cli plan WS --verify PLAN.csv.";
  return zh + " " + en;
}

std::string plan_options_text(const InspectionPlan& plan) {
  const PlanOptions& o = plan.options;
  std::string t;
  auto line = [&](const char* k, const std::string& v) { t += std::string(k) + ": " + v + "\n"; };
  line("format", "giatlas-plan 1");
  line("seed", std::to_string(o.seed));
  line("date", o.date);
  line("count", std::to_string(o.count));
  line("ratio", number_text(o.ratio));
  line("gi", o.gi);
  line("gis", join(o.gis, ";"));
  line("townships", join(o.townships, ";"));
  line("window", o.window_from.empty() ? "" : o.window_from + ".." + o.window_to);
  line("stratify", o.stratify_by_gi ? "yes" : "no");
  line("weight", std::to_string(o.finding_weight));
  line("flag_weight", std::to_string(o.flag_weight));
  line("inspectors_per_visit", std::to_string(o.inspectors_per_visit));
  line("eligible", std::to_string(plan.eligible));
  line("roster", std::to_string(plan.roster));
  line("recusals", std::to_string(plan.recusals));
  line("population_digest", plan.population_digest);
  return t;
}

InspectionPlan plan_from_options_text(const std::string& text, const std::string& what) {
  InspectionPlan plan;
  PlanOptions& o = plan.options;
  bool format = false;
  std::istringstream in(text);
  std::string l;
  while (std::getline(in, l)) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    if (l.rfind("# ", 0) == 0) l = l.substr(2);
    auto colon = l.find(": ");
    if (colon == std::string::npos) {
      if (!l.empty() && l.back() == ':') colon = l.size() - 1;
      else continue;
    }
    const std::string k = l.substr(0, colon);
    const std::string v = colon + 2 <= l.size() ? l.substr(colon + 2) : "";
    if (k == "format") format = v == "giatlas-plan 1";
    else if (k == "seed") o.seed = static_cast<std::uint64_t>(std::strtoull(v.c_str(), nullptr, 10));
    else if (k == "date") o.date = v;
    else if (k == "count") o.count = parse_int(k, v, what);
    else if (k == "ratio") o.ratio = std::strtod(v.c_str(), nullptr);
    else if (k == "gi") o.gi = v;
    else if (k == "gis") o.gis = split(v, ';');
    else if (k == "townships") o.townships = split(v, ';');
    else if (k == "window" && !v.empty()) {
      auto dots = v.find("..");
      if (dots == std::string::npos) throw Error(what + ": window '" + v + "' is not FROM..TO");
      o.window_from = v.substr(0, dots);
      o.window_to = v.substr(dots + 2);
    } else if (k == "stratify") o.stratify_by_gi = v == "yes";
    else if (k == "weight") o.finding_weight = static_cast<int>(parse_int(k, v, what));
    else if (k == "flag_weight") o.flag_weight = static_cast<int>(parse_int(k, v, what));
    else if (k == "inspectors_per_visit") o.inspectors_per_visit = static_cast<int>(parse_int(k, v, what));
    else if (k == "eligible") plan.eligible = parse_int(k, v, what);
    else if (k == "roster") plan.roster = parse_int(k, v, what);
    else if (k == "recusals") plan.recusals = parse_int(k, v, what);
    else if (k == "population_digest") plan.population_digest = v;
  }
  if (!format) throw Error(what + ": not a GI Atlas plan (no '# format: giatlas-plan 1' line)");
  return plan;
}

std::string plan_csv_text(const InspectionPlan& plan) {
  std::string text;
  std::istringstream opts(plan_options_text(plan));
  for (std::string l; std::getline(opts, l);) text += "# " + l + "\n";
  text += "# method: " + plan_method_text(plan) + "\n";
  text += std::string(kColumns) + "\n";
  for (std::size_t i = 0; i < plan.visits.size(); ++i) text += visit_row(i, plan.visits[i]) + "\n";
  return text;
}

std::string plan_html_text(const InspectionPlan& plan) {
  const auto& o = plan.options;
  std::string text =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>双随机抽查计划 Inspection plan " +
      html_escape(o.date) + "</title><style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:2em}"
      "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:3px 8px}.m{max-width:60em}</style></head><body>\n";
  text += "<h1>“双随机、一公开”抽查计划 <small>Random inspection plan</small></h1>\n<p>日期 date: " + html_escape(o.date) +
          "; 随机种子 seed: " + std::to_string(o.seed) + "; 抽取 drawn: " + std::to_string(plan.visits.size()) + " / " +
          std::to_string(plan.eligible) + " 符合条件 eligible; 每次检查人员 inspectors per visit: " +
          std::to_string(o.inspectors_per_visit) + ". 同一种子可复现 The same seed reproduces this plan.</p>\n";
  text += "<p class=\"m\">方法 " + html_escape(plan_method_text(plan)) + "</p>\n<pre>" + html_escape(plan_options_text(plan)) +
          "</pre>\n";
  text += "<table><tr><th>#</th><th>名称 name</th><th>信用代码 credit code</th><th>地理标志 GI</th><th>乡镇 township</th>"
          "<th>日期 date</th><th>检查人员 inspectors</th></tr>\n";
  for (std::size_t i = 0; i < plan.visits.size(); ++i) {
    const auto& v = plan.visits[i];
    text += "<tr><td>" + std::to_string(i + 1) + "</td><td>" + html_escape(v.producer_name) + "</td><td>" +
            html_escape(v.credit_code) + "</td><td>" + html_escape(v.gi) + "</td><td>" + html_escape(v.township) + "</td><td>" +
            html_escape(v.date) + "</td><td>" + html_escape(join(v.inspectors, "、")) + "</td></tr>\n";
  }
  text += "</table></body></html>\n";
  return text;
}

PlanVerification verify_plan_csv(const Workspace& ws, const std::string& csv_path, const Progress& progress) {
  std::ifstream in(csv_path, std::ios::binary);
  if (!in) throw Error("verify " + csv_path + ": cannot read the file");
  std::string header;
  std::vector<std::string> rows;
  bool columns = false;
  for (std::string l; std::getline(in, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    if (!columns && l.rfind("#", 0) == 0) header += l + "\n";
    else if (!columns) {
      if (l != kColumns) throw Error("verify " + csv_path + ": the column line is not '" + std::string(kColumns) + "'");
      columns = true;
    } else if (!l.empty()) rows.push_back(l);
  }
  const InspectionPlan stated = plan_from_options_text(header, "verify " + csv_path);
  const InspectionPlan redrawn = draw_inspection_plan(ws, stated.options, progress);
  PlanVerification v;
  if (stated.population_digest != redrawn.population_digest || stated.eligible != redrawn.eligible)
    v.differences.push_back("the eligible population differs: the file states " + std::to_string(stated.eligible) +
                            " producers (digest " + stated.population_digest + "), the workspace now gives " +
                            std::to_string(redrawn.eligible) + " (digest " + redrawn.population_digest + ")");
  if (rows.size() != redrawn.visits.size())
    v.differences.push_back("the file lists " + std::to_string(rows.size()) + " visits, the re-draw gives " +
                            std::to_string(redrawn.visits.size()));
  for (std::size_t i = 0; i < std::min(rows.size(), redrawn.visits.size()) && v.differences.size() < 10; ++i) {
    const std::string want = visit_row(i, redrawn.visits[i]);
    if (rows[i] != want)
      v.differences.push_back("visit " + std::to_string(i + 1) + ": the file has \"" + rows[i] +
                              "\", the re-draw gives \"" + want + "\"");
  }
  v.matches = v.differences.empty();
  v.summary = "plan " + csv_path + " (seed " + std::to_string(stated.options.seed) + ", " + std::to_string(rows.size()) +
              " visits): " + (v.matches ? "verified — the re-draw gives exactly these visits"
                                        : "does NOT verify — " + std::to_string(v.differences.size()) + " difference(s)");
  return v;
}

}  // namespace giatlas
