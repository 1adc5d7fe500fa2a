// Drawing, writing and saving "double random" inspection plans.
#include "programme/inspection_plan.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "check/origin_check.h"
#include "check/report_writers.h"
#include "error.h"
#include "io/atomic_file.h"
#include "io/csv_cell.h"
#include "programme/fair_draw.h"
#include "workspace/iso_date.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {

// Weighted sampling without replacement over integer weights (a Fenwick tree of sums).
class WeightedUrn {
 public:
  explicit WeightedUrn(const std::vector<std::uint64_t>& w) : tree_(w.size() + 1, 0), w_(w) {
    for (std::size_t i = 0; i < w.size(); ++i) add(i, w[i]);
  }
  std::uint64_t total() const { return total_; }
  // Draws one index with probability weight / total and removes it. REQUIRES total() > 0.
  std::size_t take(std::mt19937_64& rng) {
    std::uint64_t r = fair_below(rng, total_);
    std::size_t pos = 0, step = 1;
    while (step * 2 < tree_.size()) step *= 2;
    for (; step > 0; step /= 2) {
      if (pos + step < tree_.size() && tree_[pos + step] <= r) {
        pos += step;
        r -= tree_[pos];
      }
    }
    add(pos, 0 - w_[pos]);
    w_[pos] = 0;
    return pos;
  }

 private:
  void add(std::size_t i, std::uint64_t delta) {
    total_ += delta;
    for (std::size_t j = i + 1; j < tree_.size(); j += j & (0 - j)) tree_[j] += delta;
  }
  std::vector<std::uint64_t> tree_, w_;
  std::uint64_t total_ = 0;
};

std::string html_esc(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '&') o += "&amp;";
    else if (c == '<') o += "&lt;";
    else if (c == '>') o += "&gt;";
    else if (c == '"') o += "&quot;";
    else o += c;
  }
  return o;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string o;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) o += sep;
    o += v[i];
  }
  return o;
}

}  // namespace

InspectionPlan draw_inspection_plan(std::vector<Producer> producers, std::vector<Inspector> roster,
                                    const PlanOptions& opt, const std::map<std::int64_t, std::string>& findings) {
  if (opt.count < 0 || !(opt.ratio >= 0 && opt.ratio <= 1) || (opt.count == 0 && opt.ratio == 0))
    throw Error("plan: give a positive --count or a --ratio between 0 and 1");
  if (opt.inspectors_per_visit < 1) throw Error("plan: at least one inspector per visit");
  if (opt.finding_weight < 1) throw Error("plan: the finding weight must be 1 or more");
  roster.erase(std::remove_if(roster.begin(), roster.end(), [](const Inspector& i) { return !i.active; }), roster.end());
  std::sort(roster.begin(), roster.end(), [](const Inspector& a, const Inspector& b) {
    return a.id != b.id ? a.id < b.id : a.name < b.name;
  });
  const std::size_t k = static_cast<std::size_t>(opt.inspectors_per_visit);
  if (roster.size() < k)
    throw Error("plan: the roster has " + std::to_string(roster.size()) + " active inspectors, " + std::to_string(k) +
                " are needed per visit");
  if (!opt.gi.empty())
    producers.erase(std::remove_if(producers.begin(), producers.end(), [&](const Producer& p) { return p.gi != opt.gi; }),
                    producers.end());
  std::sort(producers.begin(), producers.end(), [](const Producer& a, const Producer& b) {
    if (a.id != b.id) return a.id < b.id;
    if (a.name != b.name) return a.name < b.name;
    return a.credit_code < b.credit_code;
  });

  InspectionPlan plan;
  plan.options = opt;
  if (plan.options.date.empty()) plan.options.date = today_iso();
  if (!is_iso_date(plan.options.date))
    throw Error("plan: date '" + plan.options.date + "' is not a calendar day written YYYY-MM-DD");
  plan.eligible = static_cast<std::int64_t>(producers.size());
  std::int64_t n = opt.count > 0 ? std::min(opt.count, plan.eligible)
                                 : std::min(plan.eligible, std::max<std::int64_t>(1, std::llround(opt.ratio * static_cast<double>(plan.eligible))));
  if (plan.eligible == 0) n = 0;

  std::mt19937_64 rng(opt.seed);
  auto weight = [&](const Producer& p) -> std::uint64_t {
    if (opt.finding_weight <= 1) return 1;
    auto it = findings.find(p.id);
    return it != findings.end() && it->second != "inside" ? static_cast<std::uint64_t>(opt.finding_weight) : 1;
  };
  // Strata: one per GI (in name order) when stratifying, else one of everything.
  std::map<std::string, std::vector<std::size_t>> strata;
  for (std::size_t i = 0; i < producers.size(); ++i) strata[opt.stratify_by_gi ? producers[i].gi : ""].push_back(i);
  std::map<std::string, std::int64_t> quota;
  {
    // Largest remainder: floor shares first, then one more to the largest fractions.
    std::vector<std::pair<double, std::string>> fractions;
    std::int64_t given = 0;
    for (const auto& [g, members] : strata) {
      double exact = static_cast<double>(n) * static_cast<double>(members.size()) / static_cast<double>(std::max<std::int64_t>(plan.eligible, 1));
      quota[g] = static_cast<std::int64_t>(std::floor(exact));
      given += quota[g];
      fractions.push_back({exact - std::floor(exact), g});
    }
    std::stable_sort(fractions.begin(), fractions.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; given < n && i < fractions.size(); ++i, ++given) ++quota[fractions[i].second];
  }

  std::vector<std::size_t> previous;
  std::vector<std::size_t> idx(roster.size());
  for (const auto& [g, members] : strata) {
    std::vector<std::uint64_t> w;
    for (std::size_t m : members) w.push_back(weight(producers[m]));
    WeightedUrn urn(w);
    for (std::int64_t q = 0; q < quota[g] && urn.total() > 0; ++q) {
      const Producer& p = producers[members[urn.take(rng)]];
      // Inspectors: a partial Fisher–Yates shuffle of the roster; redrawn while it repeats
      // the previous visit's team (possible to avoid only with a larger roster).
      std::vector<std::size_t> team;
      for (int attempt = 0; attempt < 64; ++attempt) {
        for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
        for (std::size_t j = 0; j < k; ++j) std::swap(idx[j], idx[j + fair_below(rng, idx.size() - j)]);
        team.assign(idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(k));
        std::sort(team.begin(), team.end());
        if (roster.size() == k || team != previous) break;
      }
      previous = team;
      PlannedVisit v;
      v.producer_id = p.id;
      v.producer_name = p.name;
      v.credit_code = p.credit_code;
      v.gi = p.gi;
      v.township = p.township;
      for (std::size_t t : team) v.inspectors.push_back(roster[t].name);
      v.date = plan.options.date;
      auto it = findings.find(p.id);
      if (it != findings.end()) v.check_result = it->second;
      plan.visits.push_back(std::move(v));
    }
  }
  return plan;
}

InspectionPlan draw_inspection_plan(const Workspace& ws, const PlanOptions& opt, const Progress& progress) {
  std::map<std::int64_t, std::string> findings;
  if (opt.finding_weight > 1) {
    CheckOptions co;
    co.date = opt.date;
    co.gi = opt.gi;
    CheckReport r = run_origin_check(ws, co, progress);
    for (const auto& row : r.rows) findings[row.producer_id] = result_code(row.result);
  }
  return draw_inspection_plan(ws.producers(), ws.inspectors(), opt, findings);
}

void write_plan(const InspectionPlan& plan, const std::string& path) {
  std::string ext = file_extension(path);
  std::string text;
  const auto& o = plan.options;
  if (ext == "csv") {
    text = "visit,producer_id,name,credit_code,gi,township,inspectors,date,check_result\n";
    for (std::size_t i = 0; i < plan.visits.size(); ++i) {
      const auto& v = plan.visits[i];
      text += std::to_string(i + 1) + "," + std::to_string(v.producer_id) + "," + csv_text(v.producer_name) + "," +
              csv_text(v.credit_code) + "," + csv_text(v.gi) + "," + csv_text(v.township) + "," +
              csv_text(join(v.inspectors, ";")) + "," + v.date + "," + csv_text(v.check_result) + "\n";
    }
  } else if (ext == "html" || ext == "htm") {
    text = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>双随机抽查计划 Inspection plan " +
           html_esc(o.date) + "</title><style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:2em}"
           "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:3px 8px}</style></head><body>\n";
    text += "<h1>“双随机、一公开”抽查计划 <small>Random inspection plan</small></h1>\n<p>日期 date: " + html_esc(o.date) +
            "; 随机种子 seed: " + std::to_string(o.seed) + " (std::mt19937_64, unbiased rejection draws); 抽取 drawn: " +
            std::to_string(plan.visits.size()) + " / " + std::to_string(plan.eligible) + "; 每次检查人员 inspectors per visit: " +
            std::to_string(o.inspectors_per_visit) + (o.stratify_by_gi ? "; 按地理标志分层 stratified by GI" : "") +
            (o.finding_weight > 1 ? "; 核查异常加权 finding weight " + std::to_string(o.finding_weight) : "") +
            ". 同一种子可复现 The same seed reproduces this plan.</p>\n";
    text += "<table><tr><th>#</th><th>名称 name</th><th>信用代码 credit code</th><th>地理标志 GI</th><th>乡镇 township</th>"
            "<th>检查人员 inspectors</th></tr>\n";
    for (std::size_t i = 0; i < plan.visits.size(); ++i) {
      const auto& v = plan.visits[i];
      text += "<tr><td>" + std::to_string(i + 1) + "</td><td>" + html_esc(v.producer_name) + "</td><td>" +
              html_esc(v.credit_code) + "</td><td>" + html_esc(v.gi) + "</td><td>" + html_esc(v.township) + "</td><td>" +
              html_esc(join(v.inspectors, "、")) + "</td></tr>\n";
    }
    text += "</table></body></html>\n";
  } else {
    throw Error("plan " + path + ": unknown format '." + ext + "' (use .csv or .html)");
  }
  atomic_write_text(path, "plan", text);
}

std::size_t save_plan(Workspace& ws, const InspectionPlan& plan) {
  std::vector<Inspection> rows;
  for (const auto& v : plan.visits) {
    Inspection i;
    i.producer_id = v.producer_id;
    i.producer_name = v.producer_name;
    i.date = v.date;
    i.inspector = join(v.inspectors, ";");
    i.gi = v.gi;
    i.result = "planned";
    i.note = "random plan, seed " + std::to_string(plan.options.seed);
    rows.push_back(std::move(i));
  }
  ws.add_inspections(rows);  // one transaction of its own
  return rows.size();
}

}  // namespace giatlas
