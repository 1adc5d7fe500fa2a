// 信用监管 (credit supervision): producers with a misuse finding are flagged with the date and
// the finding, the next plan may weight them (PlanOptions::flag_weight), and flags expire.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "inspection/inspection_model.h"

namespace giatlas {

class Workspace;

// Which findings flag a producer, and for how long.
// DEFAULT: mark_misused and outside_zone flag; a flag expires `years` after the visit date
// (live while on < date + years). Stored in the workspace setting "credit_flag_years".
struct FlagRule {
  int years = 2;
};
// The workspace's rule (its "credit_flag_years" setting, else the default). Error for a
// setting that is not a whole number from 1 to 50.
FlagRule flag_rule(const Workspace& ws);
void set_flag_rule(Workspace& ws, const FlagRule& rule);

// True for the findings that flag a producer.
bool flagging_finding(const std::string& finding);

struct CreditFlag {
  std::int64_t producer_id = 0;
  std::string producer_name, credit_code, gi;
  std::string finding;  // mark_misused | outside_zone
  std::string date;     // the visit date
  std::string expires;  // date + rule.years (the first day it no longer holds)
  bool live = false;    // on the day asked: date <= on < expires
  std::int64_t record_id = 0;
};

// The flags the current outcome records give on day `on` (records dated after `on` give none),
// expired ones included with live = false; ordered by producer id then date.
std::vector<CreditFlag> credit_flags(const std::vector<VisitOutcome>& current, const std::string& on, const FlagRule& rule);
std::vector<CreditFlag> credit_flags(const Workspace& ws, const std::string& on, const FlagRule& rule);

}  // namespace giatlas
