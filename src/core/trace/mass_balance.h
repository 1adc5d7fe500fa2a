// The mass balance of a GI and season: the quantity lots declare against what the producers'
// production areas inside the zone can plausibly have grown (area inside × the GI's yield per
// 亩, workspace/area_store.h set_gi_yield), per producer and for the GI. A producer or a GI whose
// declared quantity exceeds plausible × (1 + tolerance) is flagged as suspected mixing of produce
// from outside the zone (疑似掺杂区外产品). Every flag carries the assumptions it rests on.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "progress.h"
#include "workspace/area_model.h"

namespace giatlas {

class Workspace;

struct BalanceOptions {
  std::string gi;     // REQUIRES: a GI with a yield set (Error otherwise)
  int season = 0;     // REQUIRES: a year; the season is its calendar year (harvest dates in it)
  // DEFAULT "": the zone in force on 31 December of the season measures the areas inside.
  std::string zone_date;
};

struct ProducerBalance {
  std::int64_t producer_id = 0;  // 0: lots whose producer is not in the workspace
  std::string name, credit_code;
  int lots = 0;
  std::vector<std::string> lot_codes;
  double declared_kg = 0;
  int areas = 0;
  double area_mu = 0;         // all its areas of the GI
  double inside_mu = 0;       // of which inside the zone
  double plausible_kg = 0;    // inside_mu × kg_per_mu
  double limit_kg = 0;        // plausible × (1 + tolerance)
  double excess_kg = 0;       // declared - limit when flagged
  bool flagged = false;
  std::string reason, reason_zh;
};

struct BalanceReport {
  BalanceOptions options;     // zone_date filled in
  GiYield yield;
  int zone_version = 0;
  std::vector<ProducerBalance> producers;  // by producer id (unlinked last)
  ProducerBalance total;      // the GI as a whole (producer_id 0, name = GI)
  int flagged = 0;            // producers flagged
  std::string assumptions, assumptions_zh;  // printed next to every flag
};

BalanceReport mass_balance(const Workspace& ws, const BalanceOptions& opt, const Progress& progress = Progress{});

// Text (CLI), CSV (UTF-8 with BOM, one row per producer then the GI total, assumptions in each
// flagged row) and HTML (self-contained) forms; the writers are atomic and pick by extension.
std::string balance_text(const BalanceReport& r);
void write_balance(const BalanceReport& r, const std::string& path);

}  // namespace giatlas
