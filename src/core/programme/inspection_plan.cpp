// Drawing, writing and saving "double random" inspection plans.
#include "programme/inspection_plan.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "check/origin_check.h"
#include "check/report_writers.h"
#include "error.h"
#include "io/atomic_file.h"
#include "inspection/credit_flags.h"
#include "inspection/township_of.h"
#include "programme/calendar.h"
#include "programme/fair_draw.h"
#include "programme/plan_document.h"
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

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string o;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) o += sep;
    o += v[i];
  }
  return o;
}

}  // namespace

bool must_recuse(const Inspector& inspector, const Producer& producer) {
  if (!inspector.township.empty() && inspector.township == producer.township) return true;
  const std::string id = std::to_string(producer.id);
  for (const std::string& r : inspector.relations) {
    if (r == id) return true;
    if (!producer.credit_code.empty() && r.size() == producer.credit_code.size() &&
        std::equal(r.begin(), r.end(), producer.credit_code.begin(), [](char a, char b) {
          return std::toupper(static_cast<unsigned char>(a)) == std::toupper(static_cast<unsigned char>(b));
        }))
      return true;
  }
  return false;
}

namespace {

bool listed(const std::vector<std::string>& list, const std::string& v) {
  return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
}

std::string fnv_hex(const std::vector<Producer>& producers) {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&](const std::string& s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  for (const Producer& p : producers) {
    mix(std::to_string(p.id));
    mix(p.credit_code);
  }
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

InspectionPlan draw_inspection_plan(std::vector<Producer> producers, std::vector<Inspector> roster,
                                    const PlanOptions& opt, const std::map<std::int64_t, std::string>& findings,
                                    const std::set<std::int64_t>& flagged) {
  if (opt.count < 0 || !(opt.ratio >= 0 && opt.ratio <= 1) || (opt.count == 0 && opt.ratio == 0))
    throw Error("plan: give a positive --count or a --ratio between 0 and 1");
  if (opt.inspectors_per_visit < 1) throw Error("plan: at least one inspector per visit");
  if (opt.finding_weight < 1) throw Error("plan: the finding weight must be 1 or more");
  if (opt.flag_weight < 1) throw Error("plan: the credit-flag weight must be 1 or more");
  if (opt.window_from.empty() != opt.window_to.empty())
    throw Error("plan: a date window needs both its first and its last day");
  if (!opt.window_from.empty()) {
    if (!is_iso_date(opt.window_from) || !is_iso_date(opt.window_to))
      throw Error("plan: the date window '" + opt.window_from + "'..'" + opt.window_to + "' is not two days written YYYY-MM-DD");
    if (opt.window_to < opt.window_from) throw Error("plan: the date window ends before it begins");
  }
  roster.erase(std::remove_if(roster.begin(), roster.end(), [](const Inspector& i) { return !i.active; }), roster.end());
  std::sort(roster.begin(), roster.end(), [](const Inspector& a, const Inspector& b) {
    return a.id != b.id ? a.id < b.id : a.name < b.name;
  });
  const std::size_t k = static_cast<std::size_t>(opt.inspectors_per_visit);
  if (roster.size() < k)
    throw Error("plan: the roster has " + std::to_string(roster.size()) + " active inspectors, " + std::to_string(k) +
                " are needed per visit");
  producers.erase(std::remove_if(producers.begin(), producers.end(),
                                 [&](const Producer& p) {
                                   return (!opt.gi.empty() && p.gi != opt.gi) || !listed(opt.gis, p.gi) ||
                                          !listed(opt.townships, p.township);
                                 }),
                  producers.end());
  std::sort(producers.begin(), producers.end(), [](const Producer& a, const Producer& b) {
    if (a.id != b.id) return a.id < b.id;
    if (a.name != b.name) return a.name < b.name;
    return a.credit_code < b.credit_code;
  });

  InspectionPlan plan;
  plan.options = opt;
  if (plan.options.date.empty()) plan.options.date = opt.window_from.empty() ? today_iso() : opt.window_from;
  if (!is_iso_date(plan.options.date))
    throw Error("plan: date '" + plan.options.date + "' is not a calendar day written YYYY-MM-DD");
  plan.eligible = static_cast<std::int64_t>(producers.size());
  plan.roster = static_cast<std::int64_t>(roster.size());
  plan.population_digest = fnv_hex(producers);
  std::int64_t n = opt.count > 0 ? std::min(opt.count, plan.eligible)
                                 : std::min(plan.eligible, std::max<std::int64_t>(1, std::llround(opt.ratio * static_cast<double>(plan.eligible))));
  if (plan.eligible == 0) n = 0;

  std::mt19937_64 rng(opt.seed);
  auto weight = [&](const Producer& p) -> std::uint64_t {
    std::uint64_t w = 1;
    if (opt.finding_weight > 1) {
      auto it = findings.find(p.id);
      if (it != findings.end() && it->second != "inside") w *= static_cast<std::uint64_t>(opt.finding_weight);
    }
    if (opt.flag_weight > 1 && flagged.count(p.id)) w *= static_cast<std::uint64_t>(opt.flag_weight);
    return w;
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
  std::vector<std::size_t> idx;
  for (const auto& [g, members] : strata) {
    std::vector<std::uint64_t> w;
    for (std::size_t m : members) w.push_back(weight(producers[m]));
    WeightedUrn urn(w);
    for (std::int64_t q = 0; q < quota[g] && urn.total() > 0; ++q) {
      const Producer& p = producers[members[urn.take(rng)]];
      // 回避 first: only inspectors allowed for this producer take part in its draw. With no
      // recusal this is the whole roster, and the draw is the one plans always had.
      std::vector<std::size_t> allowed;
      for (std::size_t r = 0; r < roster.size(); ++r)
        if (!must_recuse(roster[r], p)) allowed.push_back(r);
      plan.recusals += static_cast<std::int64_t>(roster.size() - allowed.size());
      if (allowed.size() < k)
        throw Error("plan: 回避 leaves " + std::to_string(allowed.size()) + " of " + std::to_string(roster.size()) +
                    " active inspectors for producer #" + std::to_string(p.id) + " '" + p.name + "'" +
                    (p.township.empty() ? "" : " (" + p.township + ")") + "; " + std::to_string(k) +
                    " are needed per visit: add inspectors from other townships to the roster");
      // Inspectors: a partial Fisher–Yates shuffle of those allowed; redrawn while it repeats
      // the previous visit's team (possible to avoid only with more people allowed).
      std::vector<std::size_t> team;
      idx.resize(allowed.size());
      for (int attempt = 0; attempt < 64; ++attempt) {
        for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = allowed[i];
        for (std::size_t j = 0; j < k; ++j) std::swap(idx[j], idx[j + fair_below(rng, idx.size() - j)]);
        team.assign(idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(k));
        std::sort(team.begin(), team.end());
        if (allowed.size() == k || team != previous) break;
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
  if (!opt.window_from.empty()) {
    // Campaign visits are spread evenly over the window's days, in draw order.
    const auto days = days_between(opt.window_from, opt.window_to) + 1;
    const auto count = static_cast<std::int64_t>(plan.visits.size());
    for (std::int64_t i = 0; i < count; ++i)
      plan.visits[static_cast<std::size_t>(i)].date = add_days(opt.window_from, i * days / std::max<std::int64_t>(count, 1));
  }
  return plan;
}

InspectionPlan draw_inspection_plan(const Workspace& ws, const PlanOptions& opt, const Progress& progress) {
  std::map<std::int64_t, std::string> findings;
  if (opt.finding_weight > 1) {
    CheckOptions co;
    co.date = opt.date.empty() ? opt.window_from : opt.date;
    co.gi = opt.gi;
    CheckReport r = run_origin_check(ws, co, progress);
    for (const auto& row : r.rows) findings[row.producer_id] = result_code(row.result);
  }
  std::set<std::int64_t> flagged;
  if (opt.flag_weight > 1) {
    const std::string on = !opt.date.empty() ? opt.date : !opt.window_from.empty() ? opt.window_from : today_iso();
    for (const CreditFlag& f : credit_flags(ws, on, flag_rule(ws)))
      if (f.live) flagged.insert(f.producer_id);
  }
  std::vector<Producer> producers = ws.producers();
  fill_missing_townships(ws, producers);
  return draw_inspection_plan(std::move(producers), ws.inspectors(), opt, findings, flagged);
}

void write_plan(const InspectionPlan& plan, const std::string& path) {
  const std::string ext = file_extension(path);
  std::string text;
  if (ext == "csv") text = plan_csv_text(plan);
  else if (ext == "html" || ext == "htm") text = plan_html_text(plan);
  else throw Error("plan " + path + ": unknown format '." + ext + "' (use .csv or .html)");
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
