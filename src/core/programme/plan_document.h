// The plan document: what a published 双随机 plan says so that anyone can re-draw it — the
// method, the seed, the eligible population and the draw — and the check that a plan file is
// what its stated method gives (`giatlas-cli plan WS --verify PLAN.csv`).
#pragma once
#include <string>
#include <vector>

#include "programme/inspection_plan.h"

namespace giatlas {

// One paragraph, Chinese then English, naming the generator, the seed, the eligible population
// (and its restrictions), the weights, the team draw and the 回避 rule.
std::string plan_method_text(const InspectionPlan& plan);

// The plan's options and figures as "key: value" lines (no '#'), the header of the CSV and the
// `options` a saved plan keeps. Keys: format, seed, date, count, ratio, gi, gis, townships,
// window, stratify, weight, flag_weight, inspectors_per_visit, eligible, roster, recusals,
// population_digest.
std::string plan_options_text(const InspectionPlan& plan);
// Reads such lines back (lines may start with "# "; unknown keys are ignored, so that the method
// line does not matter). Fills plan.options, eligible and population_digest.
// Throws Error("<what>: …") for a malformed value.
InspectionPlan plan_from_options_text(const std::string& text, const std::string& what);

// The CSV: "# key: value" header lines, a "# method: …" line, then the column header and one
// row per visit. Byte-for-byte the same for the same plan.
std::string plan_csv_text(const InspectionPlan& plan);
// The self-contained HTML page (method stated at the top).
std::string plan_html_text(const InspectionPlan& plan);

struct PlanVerification {
  bool matches = false;
  std::string summary;                   // one line: what was compared and the verdict
  std::vector<std::string> differences;  // the first differences found (at most 10), each one line
};

// Re-draws the plan written in `csv_path` from the options in its header against `ws` as it is
// now, and compares the visit rows. Throws Error when the file is not a GI Atlas plan CSV.
PlanVerification verify_plan_csv(const Workspace& ws, const std::string& csv_path, const Progress& progress);

}  // namespace giatlas
