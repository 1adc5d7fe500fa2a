// Tracing a lot (批次) back to its fields: the producer, each production area's origin check on
// the harvest date (the zone version in force that day), the producer's authorisation to use
// the GI special mark on that date (programme mark_users), and a verdict with its reasons in
// Chinese and English.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "check/area_check.h"
#include "progress.h"
#include "workspace/area_model.h"
#include "workspace/model.h"

namespace giatlas {

class Workspace;

// Stable codes: pass (traceable to the zone), review (needs a look), fail (not from the zone or
// not authorised). The verdict is the worst of its reasons.
enum class TraceVerdict { pass, review, fail };
const char* trace_verdict_code(TraceVerdict v);
const char* trace_verdict_zh(TraceVerdict v);  // 符合 | 需核查 | 不符合
const char* trace_verdict_en(TraceVerdict v);  // consistent | needs review | not consistent

// One reason of a verdict. Codes: area_outside, area_partly_outside, area_off_band,
// no_zone, area_unknown, area_other_producer, area_other_gi, no_areas, producer_unmatched,
// not_authorised, authorised (pass), areas_inside (pass).
struct TraceReason {
  std::string code;
  TraceVerdict weight = TraceVerdict::pass;
  std::string en, zh;
};

struct LotTrace {
  Lot lot;
  std::optional<Producer> producer;  // the linked producer, when found
  std::vector<AreaCheck> areas;      // each area's check on the harvest date, in the lot's order
  std::vector<MultiPolygon> area_geoms;  // the same areas' polygons (for the map), same order
  std::vector<std::string> missing_areas;  // codes the workspace does not have
  bool mark_authorised = false;
  std::string mark_detail;  // which mark_users record decided it, or why none
  TraceVerdict verdict = TraceVerdict::pass;
  std::vector<TraceReason> reasons;
  double area_inside_mu = 0, area_total_mu = 0;
};

// Traces lot `code`. Error("trace: no lot 'X' in the workspace") for an unknown code; every
// finding is a reason, never an error.
LotTrace trace_lot(const Workspace& ws, const std::string& code, const Progress& progress = Progress{});

// The trace as plain text lines (the CLI's output): verdict, producer, areas, mark, reasons.
std::string trace_text(const LotTrace& t);

// Writes a small self-contained HTML page (inline CSS and an inline SVG sketch of the areas;
// no external resource) atomically to `path`. Error naming the path on failure.
void write_trace_html(const LotTrace& t, const std::string& path);

}  // namespace giatlas
