// The "double random, one public" (双随机、一公开) inspection plan: a reproducible random sample
// of producers, each visited by inspectors drawn at random from the roster.
#pragma once
#include <cstdint>
#include <map>
#include <set>
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
  // 专项检查 (special campaign) restrictions; DEFAULT empty: no restriction. A producer is
  // eligible when its GI is in `gis` and its township in `townships` (each when non-empty).
  std::vector<std::string> gis, townships;
  // DEFAULT "": none. When both are set, visits are spread over the days from..to (inclusive),
  // in draw order, and `date` defaults to window_from.
  std::string window_from, window_to;
  // DEFAULT 1: no weighting. > 1: a producer with a live credit flag (inspection/credit_flags.h)
  // on the plan date is that many times as likely to be drawn (multiplies finding_weight).
  int flag_weight = 1;
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
  std::int64_t roster = 0;          // active inspectors the teams were drawn from
  std::int64_t recusals = 0;        // (visit, inspector) pairs excluded by 回避
  std::string population_digest;    // FNV-1a 64 of the eligible producers' ids and credit codes, hex
  std::vector<PlannedVisit> visits;  // in draw order
};

// 回避 (recusal): true when `inspector` may not visit `producer`: the producer's township is
// the inspector's home township (both non-empty), or the inspector's relations list the
// producer's id or credit code (credit codes compared without regard to case).
bool must_recuse(const Inspector& inspector, const Producer& producer);

// Draws the plan. Producers are first put in id order (then name), so their input order
// never matters; each producer appears at most once. `findings` maps producer id -> check
// result code (optional); `flagged` holds producers with a live credit flag (optional).
// Inspectors: active ones, in id order; for each visit the team is drawn from those the 回避
// rule (must_recuse) allows; the team of a visit differs from the previous visit's whenever
// more than inspectors_per_visit people are allowed.
// Throws Error for a bad count/ratio, a roster smaller than inspectors_per_visit, or a visit
// for which 回避 leaves fewer than inspectors_per_visit inspectors (naming the producer).
InspectionPlan draw_inspection_plan(std::vector<Producer> producers, std::vector<Inspector> roster,
                                    const PlanOptions& opt, const std::map<std::int64_t, std::string>& findings = {},
                                    const std::set<std::int64_t>& flagged = {});

// Reads producers and inspectors from the workspace (and, when opt.finding_weight > 1, runs
// the origin check on opt.date for the weights; when opt.flag_weight > 1, reads the credit
// flags live on opt.date). A producer without a submitted township takes, for 回避 and the
// township restriction, the township its location falls in.
InspectionPlan draw_inspection_plan(const Workspace& ws, const PlanOptions& opt, const Progress& progress);

// Writes the plan as CSV (.csv) or a self-contained HTML page for publication (.html); both
// state the method, the seed, the eligible population and the draw (programme/plan_document.h).
void write_plan(const InspectionPlan& plan, const std::string& path);
// Saves each visit as an Inspection with result "planned". Returns how many.
std::size_t save_plan(Workspace& ws, const InspectionPlan& plan);

}  // namespace giatlas
