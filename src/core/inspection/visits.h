// Recording what happened on a planned visit: the outcome, corrections and closure. Every call
// appends one record (inspection/inspection_store.h); none rewrites another.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "inspection/inspection_model.h"
#include "progress.h"

namespace giatlas {

class Workspace;

struct VisitInput {
  std::string plan;                     // the saved plan's name
  int visit_no = 0;                     // the visit in that plan (1-based)
  std::string date;                     // DEFAULT "": today
  std::vector<std::string> inspectors;  // names present; REQUIRES at least 2, each active on the roster
  std::string finding;                  // finding_codes()
  std::string action = "none";          // action_codes(); DEFAULT none
  std::string follow_up;                // DEFAULT "": none; else on or after `date`
  std::string x, y, crs;                // measured location (all three or none); crs as --crs takes it
  std::optional<double> accuracy_m;     // the measurement's stated accuracy, metres (>= 0)
  std::vector<std::string> evidence;    // file paths; each must exist when recorded
  std::string note;
  // DEFAULT 0: a first record. Else the id of the current record this one corrects (which
  // must be the latest of its visit, not itself corrected).
  std::int64_t corrects = 0;
};

// Validates `in`, runs the origin check of the visit's producer on the visit date (zone version
// in force, result and reason kept with the record), converts the measured location to
// EPSG:4490, and appends the record. Throws a one-line Error for bad input; nothing is written
// then. A visit that already has a current record needs `corrects` (Error otherwise).
VisitOutcome record_visit(Workspace& ws, const VisitInput& in, const Progress& progress);

// Closes the case of current record `record_id` on `date` (DEFAULT today): a new record, a copy
// with `closed` set and `supersedes` = record_id. Error when already closed or superseded.
VisitOutcome close_visit(Workspace& ws, std::int64_t record_id, const std::string& date, const std::string& note);

// The current records: those no later record supersedes, in id order. plan = "" for all plans.
std::vector<VisitOutcome> current_outcomes(const Workspace& ws, const std::string& plan = "");

}  // namespace giatlas
