// Inspections end to end: saved plans (random 双随机 or 专项 campaign), their visits, and the
// outcomes recorded for them. Outcomes are append-only: a correction or a closure is a new
// record whose `supersedes` names the record it replaces; nothing is rewritten.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.h"

namespace giatlas {

// A plan saved under a name. status moves draft -> published -> closed, never back.
struct SavedPlan {
  std::int64_t id = 0;
  std::string name;
  std::string kind;    // random | campaign
  std::string status;  // draft | published | closed
  std::string seed;
  std::string date;
  std::string options;  // plan_options_text (programme/plan_document.h): enough to re-draw it
  std::int64_t eligible = 0;
  std::string created;  // UTC timestamp
};

struct PlanVisitRow {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  int visit_no = 0;  // 1-based, in draw order
  std::int64_t producer_id = 0;
  std::string producer_name, credit_code, gi, township;
  std::string inspectors;  // ';'-separated names
  std::string date;
};

// The finding codes of a visit, in the order forms show them.
// conforming | mark_misused | outside_zone | labelling | other
const std::vector<std::string>& finding_codes();
// The action codes: none | rectification | case_opened
const std::vector<std::string>& action_codes();
// "符合" / "违规使用专用标志" / …: the Chinese label of a finding or action code ("" if unknown).
std::string finding_label_zh(const std::string& code);
std::string action_label_zh(const std::string& code);

// One recorded outcome of a visit (a record, never rewritten).
struct VisitOutcome {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  int visit_no = 0;
  std::int64_t producer_id = 0;
  std::string producer_name, credit_code, gi;
  std::string date;        // the visit day
  std::string inspectors;  // ';'-separated names of those present
  std::string finding;     // finding_codes()
  std::string check_result, check_reason;  // the origin check of the producer on the visit date
  int zone_version = 0;
  // The location measured in the field: as typed, in its own CRS, with its accuracy; `location`
  // is it normalised to EPSG:4490.
  std::string raw_x, raw_y, raw_crs;
  std::optional<double> accuracy_m;
  std::optional<Point> location;
  std::vector<std::string> evidence;  // file paths, as given
  std::string action;                 // action_codes()
  std::string follow_up;              // date of the follow-up visit, "" none
  std::string closed;                 // date the case was closed, "" open
  std::int64_t supersedes = 0;        // the record this one corrects or closes; 0 = first record
  std::string recorded;               // UTC timestamp of the record
  std::string note;
};

}  // namespace giatlas
