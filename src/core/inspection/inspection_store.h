// Reading and writing saved plans, their visits and visit outcomes (schema 4 tables
// plan_records, plan_visits, plan_outcomes). A schema-3 file opened read-only has none: reads
// give nothing, writes throw a one-line Error asking to open it for writing.
#pragma once
#include <optional>
#include <vector>

#include "inspection/inspection_model.h"
#include "programme/inspection_plan.h"

namespace giatlas {

class Workspace;

// Saves `plan` under `name` as a draft (kind "campaign" when it has GI/township/window
// restrictions, else "random") with one plan_visits row per visit, in one transaction.
// Error when a plan of that name exists or the name is empty.
SavedPlan save_named_plan(Workspace& ws, const InspectionPlan& plan, const std::string& name);
std::vector<SavedPlan> saved_plans(const Workspace& ws);
std::optional<SavedPlan> saved_plan(const Workspace& ws, const std::string& name);
// Moves a plan's status forward (draft -> published -> closed). Error for an unknown plan or
// status, or a move backward.
void set_plan_status(Workspace& ws, const std::string& name, const std::string& status);
std::vector<PlanVisitRow> plan_visits(const Workspace& ws, std::int64_t plan_id);

// Every outcome record, in id order (the history, corrections included).
std::vector<VisitOutcome> visit_outcomes(const Workspace& ws);
// Appends `rec` (id and recorded are set). Never rewrites a row.
void append_outcome(Workspace& ws, VisitOutcome& rec);

}  // namespace giatlas
