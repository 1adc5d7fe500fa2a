// The origin check: for every producer, is its location in the zone of the GI it claims (in
// the zone version in force on the check date), which township holds it, how far it is from
// the zone's boundary, and why a case is not a plain yes.
#pragma once
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "progress.h"
#include "terrain/altitude_band.h"
#include "workspace/model.h"

namespace giatlas {

class Workspace;

struct CheckOptions {
  std::string date;          // DEFAULT "": today (local date). Selects the zone version in force.
  double tolerance_m = 30;   // DEFAULT 30 m: "near boundary" band on both sides of a zone edge.
  std::string gi;            // DEFAULT "": every GI; else only producers claiming this GI.
  int threads = 0;           // DEFAULT 0: all cores (std::thread::hardware_concurrency).
  // DEFAULT empty: every producer. Else only producers whose cause is one of these codes
  // (e.g. below_band, above_band, altitude_unknown) are reported, counted and saved: the
  // inspector's filter "who is off the altitude band". "none" selects rows with no cause.
  std::vector<std::string> causes;
};

// Exactly one result per producer. Codes are stable (reports, inspections, GUI colours).
enum class CheckResult {
  inside,                 // in the zone, farther than the tolerance from its boundary
  inside_near_boundary,   // in the zone (or on its boundary), within the tolerance
  outside_near_boundary,  // outside the zone, within the tolerance (in the district or not): a field visit is needed
  outside,                // outside the zone beyond the tolerance, inside the district
  outside_district,       // outside the zone beyond the tolerance, and outside every township of the district
  unknown_gi,             // the claimed GI has no zone in force on the date
  invalid_location,       // missing, unparseable or out-of-range coordinates
};
inline constexpr int kCheckResultCount = 7;

// "inside", "inside_near_boundary", … (snake_case, stable).
const char* result_code(CheckResult r);
// Chinese label for people: 区域内, 区域内（近边界）, …
const char* result_label_zh(CheckResult r);
// Parses a code back; nullopt for an unknown one.
std::optional<CheckResult> result_from_code(const std::string& code);

// The suspected cause of a problem, as a stable code ("" = none found): swapped, gcj02,
// bd09, projected, missing, unparseable, out_of_range, bad_credit_code, on_boundary, and for a
// zone cut to an altitude band, a point in the zone's units but outside the band: below_band,
// above_band, altitude_unknown (DEM void or beyond the DEM: never taken as in band).
struct ProducerCheck {
  std::int64_t producer_id = 0;
  std::string name, credit_code, gi;
  CheckResult result = CheckResult::invalid_location;
  std::string cause;
  std::string reason;        // "" only for plain inside; otherwise a sentence saying why
  std::string reason_zh;     // the same in Chinese (the importer's English notes on the raw text left out)
  double distance_m = -1;    // to the zone's boundary, metres (0.1 m); -1 when not measured
  std::string township;      // the township holding the point ("" when none)
  int zone_version = 0;      // the zone version used (0 = none)
  std::optional<Point> location;
  // The DEM altitude at a valid location (bilinear, metres, 0.1 m); NaN when not read, and
  // then altitude_status says why for a located producer (dem_void, outside_dem, no_dem).
  // "" when read, or when there is no valid location.
  double altitude_m = std::numeric_limits<double>::quiet_NaN();
  const char* altitude_status = "";
  AltitudeBand zone_band;  // the band of the zone version used (none for a plain zone)
};

// One version of a zone as used by a check.
struct ZoneUsed {
  std::string gi;
  int version = 0;
  std::string effective_from, effective_to;
  std::int64_t producers = 0;
  AltitudeBand band;  // the version's altitude band, if it has one
};

struct CheckSummary {
  std::int64_t total = 0;
  std::int64_t by_result[kCheckResultCount] = {};
  // GI -> counts per result; township ("" = none) -> counts per result.
  std::map<std::string, std::vector<std::int64_t>> by_gi;
  std::map<std::string, std::vector<std::int64_t>> by_township;
  std::map<std::string, std::int64_t> by_cause;
  void add(const ProducerCheck& row);
};

struct CheckReport {
  CheckOptions options;      // as run: date and threads filled in
  std::string district;
  std::vector<ProducerCheck> rows;  // ordered by producer id (then name); empty when streamed
  CheckSummary summary;
  std::vector<ZoneUsed> zones;      // every zone version in force on the date
  std::string rules;                // the boundary rules, as text for reports
  // What the user must know about how the check ran, one line each (e.g. "the workspace's DEM
  // file … is missing: no altitudes were read"); also at the end of `rules`.
  std::vector<std::string> warnings;
  double seconds = 0;
};

// True when `row` passes the options' cause filter.
bool cause_selected(const CheckOptions& opt, const ProducerCheck& row);

// The written-down semantics every report states at the top.
std::string boundary_rules_text(const CheckOptions& opt);

// Checks every producer of the workspace. Throws Error for a bad option (date format,
// negative tolerance) or a workspace without townships; findings are rows, never errors.
CheckReport run_origin_check(const Workspace& ws, const CheckOptions& opt, const Progress& progress);
// Checks producers given directly (an imported file), against the workspace's zones.
CheckReport run_origin_check(const Workspace& ws, std::vector<Producer> producers, const CheckOptions& opt,
                             const Progress& progress);
// Streams the workspace's producers in chunks: `sink` receives each chunk's rows in id order
// and the returned report has the summary but no rows. Memory stays flat in the producer count.
// Reading (a thread of its own), classifying (options.threads threads, a whole chunk each) and
// the sink run at once; `sink` is called on the calling thread, one chunk at a time and in
// order; an exception it throws stops the check and is rethrown here. DEFAULT chunk_size
// 16,384: a producer and its row in flight take about 1.2 KB (names, reasons); at most
// threads + 1 chunks are between reading and the sink, and one more is being read.
using CheckSink = std::function<void(const std::vector<ProducerCheck>& chunk)>;
CheckReport stream_origin_check(const Workspace& ws, const CheckOptions& opt, const CheckSink& sink,
                                const Progress& progress, std::size_t chunk_size = 16384);

// Saves the rows as inspection records (result code, zone version, distance, reason as note;
// inspector "origin check"). Returns how many were written. One transaction.
std::size_t save_as_inspections(Workspace& ws, const CheckReport& report);

}  // namespace giatlas
