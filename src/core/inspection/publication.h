// 一公开: the results of a plan published as a self-contained HTML page or a CSV, in the form
// regulators use (inspected entity, credit code, GI, date, result, action), with the personal
// data of individual households masked and the plan's method stated.
#pragma once
#include <string>
#include <vector>

namespace giatlas {

class Workspace;

// The masking rule. An entity with a valid unified social credit code (a firm, co-operative or
// registered business) is a legal entity: its name is published as registered. Any other name
// is taken to be a person or a household: the first character (the surname) is kept and the
// rest becomes "*某" (张三丰 -> 张*某); a trailing household-business word (家庭农场, 农场,
// 种植户, 养殖户, 专业户, 个体户, 经营部) is kept after the mask (张三家庭农场 -> 张*某家庭农场).
// Phone numbers are removed from every published text first.
std::string mask_entity_name(const std::string& name, const std::string& credit_code);
// Removes phone numbers: runs of 7 or more digits, counting spaces and hyphens inside and an
// optional +86 / 86 in front (mobile 138-0000-0000, landline 023-7777 8888).
std::string strip_phone_numbers(const std::string& text);

struct PublicationRow {
  int visit_no = 0;
  std::string entity, credit_code, gi, date, result, action;
};

// One row per visit of plan `plan`, from its current outcome records; a visit without one is
// published as 未检查 (not yet inspected). Error for an unknown plan.
std::vector<PublicationRow> publication_rows(const Workspace& ws, const std::string& plan);
// Writes them as .csv or .html (atomic). The HTML is one file: no scripts, no links.
void publish_plan_results(const Workspace& ws, const std::string& plan, const std::string& path);

}  // namespace giatlas
