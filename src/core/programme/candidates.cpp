// Candidate scoring and ranking.
#include "programme/candidates.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "error.h"
#include "programme/catalogue.h"
#include "programme/programme_store.h"
#include "workspace/iso_date.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {
constexpr const char* kWeightsKey = "programme.candidate_weights";
}

const std::array<const char*, kCriteria>& candidate_criteria() {
  static const std::array<const char*, kCriteria> v = {"distinct",  "scale",   "reach",
                                                       "prospects", "benefit", "reputation"};
  return v;
}

const std::array<const char*, kCriteria>& candidate_criteria_zh() {
  static const std::array<const char*, kCriteria> v = {"地域特色鲜明", "规模较大",   "辐射能力强",
                                                       "发展前景好",   "经济效益高", "具有一定影响力"};
  return v;
}

int criterion_index(const std::string& c) {
  for (int i = 0; i < kCriteria; ++i)
    if (c == candidate_criteria()[static_cast<std::size_t>(i)]) return i;
  return -1;
}

int data_scale_score(double area_mu) {
  return area_mu < 500 ? 1 : area_mu < 2000 ? 2 : area_mu < 5000 ? 3 : area_mu < 10000 ? 4 : 5;
}

int data_reach_score(int townships, int producers) {
  const int t = townships <= 1 ? 1 : townships <= 3 ? 2 : townships <= 6 ? 3 : townships <= 10 ? 4 : 5;
  const int p = producers <= 0 ? 1 : producers < 10 ? 2 : producers < 30 ? 3 : producers < 100 ? 4 : 5;
  return std::max(t, p);
}

CriterionWeights parse_weights(const std::string& text) {
  CriterionWeights w{};
  std::stringstream ss(text);
  std::string item;
  int n = 0;
  double sum = 0;
  while (std::getline(ss, item, ',')) {
    char* end = nullptr;
    const double v = std::strtod(item.c_str(), &end);
    if (item.empty() || *end != '\0' || !std::isfinite(v) || v < 0)
      throw Error("candidate weights: '" + item + "' is not a number ≥ 0");
    if (n >= kCriteria) throw Error("candidate weights: more than six numbers in '" + text + "'");
    w[static_cast<std::size_t>(n++)] = v;
    sum += v;
  }
  if (n != kCriteria)
    throw Error(
        "candidate weights: six numbers are needed (distinct, scale, reach, prospects, "
        "benefit, reputation), got " +
        std::to_string(n));
  if (sum <= 0) throw Error("candidate weights: at least one weight must be positive");
  return w;
}

CriterionWeights candidate_weights(const Workspace& ws) {
  const std::string s = ws.setting(kWeightsKey);
  if (s.empty()) return CriterionWeights{1, 1, 1, 1, 1, 1};
  return parse_weights(s);
}

void set_candidate_weights(Workspace& ws, const CriterionWeights& w) {
  std::string s;
  for (double v : w) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    if (!s.empty()) s += ',';
    s += buf;
  }
  parse_weights(s);  // the same checks as reading
  ws.set_setting(kWeightsKey, s);
}

std::vector<CandidateSheet> rank_candidates(std::vector<CandidateSheet> sheets, const CriterionWeights& w) {
  double wsum = 0;
  for (double v : w) wsum += v;
  auto lowest = [](const CandidateSheet& s) {
    int m = 5;
    for (const auto& c : s.scores) m = std::min(m, c.score);
    return m;
  };
  for (CandidateSheet& s : sheets) {
    s.complete =
        std::all_of(s.scores.begin(), s.scores.end(), [](const CriterionScore& c) { return c.score > 0; });
    double t = 0;
    for (std::size_t i = 0; i < kCriteria; ++i) t += w[i] * s.scores[i].score;
    s.total = wsum > 0 ? t / wsum : 0;
  }
  auto same_total = [](double a, double b) { return std::fabs(a - b) < 1e-9; };
  std::sort(sheets.begin(), sheets.end(), [&](const CandidateSheet& a, const CandidateSheet& b) {
    if (a.complete != b.complete) return a.complete;
    if (!same_total(a.total, b.total)) return a.total > b.total;
    if (lowest(a) != lowest(b)) return lowest(a) > lowest(b);
    return a.name < b.name;
  });
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const bool tie = i > 0 && sheets[i].complete == sheets[i - 1].complete &&
                     same_total(sheets[i].total, sheets[i - 1].total) &&
                     lowest(sheets[i]) == lowest(sheets[i - 1]);
    sheets[i].rank = tie ? sheets[i - 1].rank : static_cast<int>(i) + 1;
  }
  return sheets;
}

namespace {

struct DataScores {
  int scale = 0, reach = 0;
  std::string scale_note, reach_note;
};

DataScores data_scores(const GiResource& r, const std::vector<CensusPoint>& census,
                       const std::map<std::string, int>& producers_by_gi) {
  double area = r.area_mu;
  std::set<std::string> towns(r.townships.begin(), r.townships.end());
  int points = 0;
  for (const CensusPoint& c : census) {
    if (c.resource_id != r.id) continue;
    area += c.area_mu;
    if (!c.township.empty()) towns.insert(c.township);
    ++points;
  }
  const auto it = producers_by_gi.find(r.gi.empty() ? r.name : r.gi);
  const int producers = it == producers_by_gi.end() ? 0 : it->second;
  DataScores d;
  d.scale = data_scale_score(area);
  d.reach = data_reach_score(static_cast<int>(towns.size()), producers);
  char buf[160];
  std::snprintf(buf, sizeof buf, "面积%.0f亩（%d个普查点）", area, points);
  d.scale_note = buf;
  std::snprintf(buf, sizeof buf, "%zu个乡镇，%d家生产者", towns.size(), producers);
  d.reach_note = buf;
  return d;
}

}  // namespace

std::vector<CandidateSheet> candidate_ranking(const Workspace& ws, const std::string& as_of) {
  auto records = read_status_records(ws);
  auto scores = read_scores(ws);
  if (!as_of.empty()) {
    std::erase_if(records, [&](const CatalogueStatusRecord& r) { return r.date > as_of; });
    std::erase_if(scores, [&](const CandidateScore& c) { return c.date > as_of; });
  }
  const auto census = ws.census_points();
  std::map<std::string, int> producers_by_gi;
  ws.for_each_producer([&](Producer&& p) { ++producers_by_gi[p.gi]; });
  std::vector<CandidateSheet> sheets;
  for (const GiResource& r : read_resources(ws)) {
    const auto st = current_status(records, r.id);
    if (!st || (st->status != "catalogued" && st->status != "candidate")) continue;
    CandidateSheet s;
    s.resource_id = r.id, s.name = r.name, s.category = r.category, s.status = st->status;
    std::array<const CandidateScore*, kCriteria> latest{};
    for (const CandidateScore& c : scores) {
      const int i = criterion_index(c.criterion);
      if (c.resource_id != r.id || i < 0) continue;
      const CandidateScore*& l = latest[static_cast<std::size_t>(i)];
      if (!l || c.date > l->date || (c.date == l->date && c.id > l->id)) l = &c;
    }
    const DataScores d = data_scores(r, census, producers_by_gi);
    for (std::size_t i = 0; i < kCriteria; ++i) {
      if (latest[i]) {
        s.scores[i] = {latest[i]->score, "assessor",
                       latest[i]->override_reason.empty()
                           ? latest[i]->note
                           : latest[i]->note + "（改分理由：" + latest[i]->override_reason + "）"};
      } else if (i == 1) {
        s.scores[i] = {d.scale, "data", d.scale_note};
      } else if (i == 2) {
        s.scores[i] = {d.reach, "data", d.reach_note};
      }
    }
    sheets.push_back(std::move(s));
  }
  return rank_candidates(std::move(sheets), candidate_weights(ws));
}

CandidateScore record_score(Workspace& ws, const std::string& resource, CandidateScore s) {
  const GiResource r = find_resource(ws, resource);
  const std::string what = "score of " + resource;
  const int i = criterion_index(s.criterion);
  if (i < 0)
    throw Error(what + ": criterion '" + s.criterion +
                "' is not one of distinct, scale, reach, prospects, benefit, "
                "reputation");
  if (s.score < 1 || s.score > 5) throw Error(what + ": a score is 1 to 5, not " + std::to_string(s.score));
  if (s.date.empty()) s.date = today_iso();
  if (!is_iso_date(s.date)) throw Error(what + ": date '" + s.date + "' is not YYYY-MM-DD");
  if (i == 1 || i == 2) {
    std::map<std::string, int> producers_by_gi;
    ws.for_each_producer([&](Producer&& p) { ++producers_by_gi[p.gi]; });
    const DataScores d = data_scores(r, ws.census_points(), producers_by_gi);
    const int data = i == 1 ? d.scale : d.reach;
    if (s.score != data && s.override_reason.empty())
      throw Error(what + ": the workspace's data give " + s.criterion + " " + std::to_string(data) + " (" +
                  (i == 1 ? d.scale_note : d.reach_note) + "); a different score needs a reason (--reason)");
  }
  s.resource_id = r.id;
  std::vector<CandidateScore> one{s};
  insert_scores(ws, one);
  return one.front();
}

}  // namespace giatlas
