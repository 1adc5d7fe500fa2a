// The "double random, one public" (双随机、一公开) inspection plan: a reproducible random sample
// of producers, each visited by inspectors drawn at random from the roster.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "progress.h"
#include "workspace/model.h"

namespace giatlas {

class Workspace;

struct PlanOptions {
  // How many producers: `count` when > 0, else round(ratio * eligible). REQUIRES one of them.
  std::int64_t count = 0;
  double ratio = 0;
  // DEFAULT 0. The generator is std::mt19937_64 seeded with exactly this value; draws use
  // fair_below (programme/fair_draw.h). Same seed and same producers: the same plan anywhere.
  std::uint64_t seed = 0;
  std::string date;                // DEFAULT "": today; written on each visit
  std::string gi;                  // DEFAULT "": every GI; else only its producers
  bool stratify_by_gi = false;     // DEFAULT false; true: each GI gets its proportional share
  // DEFAULT 1: no weighting. > 1: a producer whose origin check is not plain inside is that
  // many times as likely to be drawn (needs `findings`).
  int finding_weight = 1;
  int inspectors_per_visit = 2;    // DEFAULT 2 (the law's minimum for an inspection)
};

struct PlannedVisit {
  std::int64_t producer_id = 0;
  std::string producer_name, credit_code, gi, township;
  std::vector<std::string> inspectors;
  std::string date;
  std::string check_result;  // the origin-check result code when findings were given, else ""
};

struct InspectionPlan {
  PlanOptions options;
  std::int64_t eligible = 0;
  std::vector<PlannedVisit> visits;  // in draw order
};

// Draws the plan. Producers are first put in id order (then name), so their input order
// never matters; each producer appears at most once. `findings` maps producer id -> check
// result code (optional). Inspectors: active ones, in id order; the pair of a visit differs
// from the previous visit's whenever the roster has more than inspectors_per_visit people.
// Throws Error for a bad count/ratio or a roster smaller than inspectors_per_visit.
InspectionPlan draw_inspection_plan(std::vector<Producer> producers, std::vector<Inspector> roster,
                                    const PlanOptions& opt, const std::map<std::int64_t, std::string>& findings = {});

// Reads producers and inspectors from the workspace (and, when opt.finding_weight > 1, runs
// the origin check on opt.date for the weights).
InspectionPlan draw_inspection_plan(const Workspace& ws, const PlanOptions& opt, const Progress& progress);

// Writes the plan as CSV (.csv) or a self-contained HTML page for publication (.html).
void write_plan(const InspectionPlan& plan, const std::string& path);
// Saves each visit as an Inspection with result "planned". Returns how many.
std::size_t save_plan(Workspace& ws, const InspectionPlan& plan);

}  // namespace giatlas
