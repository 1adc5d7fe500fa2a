// Candidate assessment: which resources to apply for. Six criteria of the plan, each scored 1–5:
//   distinct (地域特色鲜明), scale (规模较大), reach (辐射能力强), prospects (发展前景好),
//   benefit (经济效益高), reputation (具有一定影响力).
// Weights are per workspace (setting "programme.candidate_weights", six numbers), DEFAULT equal.
// Total = Σ weight·score ÷ Σ weight over the six criteria; a sheet missing a criterion is
// incomplete and ranked after every complete one.
// TIE RULE: equal totals (to 1e-9) are ordered by the higher lowest criterion score (a balanced
// product before a lopsided one), then by name in code-point order; ties that remain share a rank.
// DATA SCORES: scale and reach are filled from the workspace when the assessor gave none:
//   scale from the area (亩) of the resource and of its census points:
//     < 500 → 1, < 2,000 → 2, < 5,000 → 3, < 10,000 → 4, else 5;
//   reach from the townships producing it (its own list ∪ its census points' townships) and the
//     producers of its GI: the higher of (1 → 1, 2–3 → 2, 4–6 → 3, 7–10 → 4, > 10 → 5) and
//     (producers: 0 → 1, 1–9 → 2, 10–29 → 3, 30–99 → 4, ≥ 100 → 5).
// An assessor's scale or reach score that differs from the data score needs a reason.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "programme/programme_model.h"

namespace giatlas {

class Workspace;

inline constexpr int kCriteria = 6;
const std::array<const char*, kCriteria>& candidate_criteria();     // distinct, scale, …
const std::array<const char*, kCriteria>& candidate_criteria_zh();  // 地域特色鲜明, …
int criterion_index(const std::string& criterion);                  // -1 when unknown

int data_scale_score(double area_mu);
int data_reach_score(int townships, int producers);

using CriterionWeights = std::array<double, kCriteria>;
CriterionWeights candidate_weights(const Workspace& ws);
// Error unless six numbers ≥ 0 with a positive sum.
void set_candidate_weights(Workspace& ws, const CriterionWeights& w);
CriterionWeights parse_weights(const std::string& text);  // "1,1,2,1,1,1"; Error when malformed

struct CriterionScore {
  int score = 0;       // 0 = missing
  std::string source;  // assessor | data | ""
  std::string note;    // the assessor's note, or how the data score was found
};

struct CandidateSheet {
  std::int64_t resource_id = 0;
  std::string name, category, status;
  std::array<CriterionScore, kCriteria> scores;
  bool complete = false;
  double total = 0;
  int rank = 0;  // 1 = best
};

// Totals, orders and ranks `sheets` by the rule above (pure; the tests call it).
std::vector<CandidateSheet> rank_candidates(std::vector<CandidateSheet> sheets, const CriterionWeights& w);

// The sheets of the library's resources whose status on `as_of` is catalogued or candidate, with
// the latest assessor score per criterion dated on or before `as_of` and the data scores, ranked.
// DEFAULT as_of "": every record (today's ranking).
std::vector<CandidateSheet> candidate_ranking(const Workspace& ws, const std::string& as_of = "");

// Records one score. Checks: the resource exists, the criterion is known, 1 ≤ score ≤ 5, and a
// reason when a scale or reach score differs from the data score. DEFAULT date today.
CandidateScore record_score(Workspace& ws, const std::string& resource, CandidateScore s);

}  // namespace giatlas
