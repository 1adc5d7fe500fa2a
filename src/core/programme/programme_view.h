// Everything the desktop's programme window shows, read from the workspace once per load (never
// per frame): targets with their status, a per-year series since the plan began, the register
// with its protections, standards and users, the catalogue (statuses on the as-of date) and the
// candidate ranking, all as of one date: the register's status (its dated records), protections,
// standards and users on that date, and the ranking from the records and scores dated by then.
#pragma once
#include <string>
#include <vector>

#include "programme/candidates.h"
#include "programme/catalogue.h"
#include "programme/standards_due.h"
#include "programme/targets.h"

namespace giatlas {

class Workspace;

struct ProgrammeYear {
  int year = 0;
  std::string date;        // 31 December, or the as-of date for its year
  int new_trademarks = 0;  // registered that year
  int registered = 0;
  double use_rate = 0;
  int current_users = 0;
};

struct RegisterRow {
  GiProduct gi;
  std::vector<GiProtection> protections;
  std::vector<GiStandard> standards;
  std::vector<MarkUser> users;  // approved on or before the date, with their dated changes
  int current_users = 0, all_users = 0;
  std::string standard_state;  // standard_state_zh of its due row, "" when not registered
};

struct ProgrammeView {
  std::string as_of;
  std::vector<TargetResult> targets;
  std::vector<ProgrammeYear> years;
  std::vector<RegisterRow> register_rows;
  std::vector<CatalogueRow> catalogue;
  std::vector<CandidateSheet> candidates;
  CriterionWeights weights{};  // the workspace's candidate weights
  std::vector<StandardDue> standards;
  // Every text the window may draw (for the font's glyph set).
  std::vector<std::string> texts() const;
};

// DEFAULT as_of: today.
ProgrammeView programme_view(const Workspace& ws, std::string as_of = "");

}  // namespace giatlas
