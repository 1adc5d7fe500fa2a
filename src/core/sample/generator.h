// The deterministic generator of synthetic Wulong District workspaces: the sample shipped in
// data/ and the large benchmark datasets. Same options, same bytes of geometry.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "progress.h"
#include "workspace/model.h"

namespace giatlas {

struct SampleOptions {
  std::uint64_t seed = 2021;  // DEFAULT: 2021 (the data/ sample)
  int producers = 2000;       // DEFAULT: 2,000 producers
  int census_points = 300;
  // Vertex density factor: 1.0 gives township edges with a vertex about every 60 m (thousands
  // of vertices per township); 2.0 doubles the vertices. REQUIRES: 0.05 <= density <= 20.
  double density = 1.0;
  // GIs with a zone in force today. DEFAULT 5 (the data/ sample); up to 8, the benchmark's
  // setting: three more GIs (chilli, honey, Solomon's seal) whose zones overlap the others,
  // and producers spread over all of them.
  int zones = 5;
};

// What the generator meant each producer to be, so tests can check the checker. The truth is
// computed with GEOS for the zone of the claimed GI in force today, with the check's default
// tolerance (CheckOptions::tolerance_m, 30 m): covered by
// the zone -> inside (inside_near_boundary within 30 m of the zone boundary); else within 30 m
// -> outside_near_boundary; else not covered by the district (union of townships) ->
// outside_district; else outside. Distances in metres in the CGCS2000 3-degree Gauss-Krüger zone. `expected`
// is an origin-check result code (inside, inside_near_boundary, outside_near_boundary,
// outside, outside_district, unknown_gi, invalid_location); `cause` names the planted problem
// ("", swapped, gcj02, bd09, projected, missing, unparseable, bad_credit_code).
struct SampleTruth {
  std::int64_t producer_id = 0;
  std::string expected;
  std::string cause;
};

// The 25 township-level units of Wulong District, in the generator's order.
struct TownshipName {
  const char* name;
  const char* kind;  // 街道 | 镇 | 乡
  const char* code;  // 9-digit code
};
const std::vector<TownshipName>& wulong_townships();

// Writes a new workspace at `path` (Error when it exists). Returns the planted truth.
std::vector<SampleTruth> generate_sample(const std::string& path, const SampleOptions& options,
                                         const Progress& progress = Progress());

}  // namespace giatlas
