// The sample's production areas, lots and yields: areas for its producers (most inside their
// zone, some straddling its edge — producers whose point is inside but whose base is not — a
// few outside, two outside the district, two of producers not in the workspace), a season of
// lots with planted over-declarations, and a GCJ-02 KML of more areas for the import test.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sample/generator.h"
#include "sample/planter.h"

namespace giatlas {

class Workspace;

// The season the sample's lots are harvested in.
inline constexpr int kSampleSeason = 2026;
// The note of a planted over-declared lot (the balance must flag its producer).
inline constexpr const char* kOverDeclaredNote = "样例：超量申报（planted over-declaration）";
// The note of a lot whose producer's areas all lie outside the zone (flagged too: nothing inside).
inline constexpr const char* kBaseOutsideNote = "样例：基地在区域外（planted: base outside the zone）";

// Adds the areas, lots and yields to `ws` (in the caller's transaction) and writes the KML to
// `kml_path` atomically. Draws from its own random source seeded by `seed`: the other tables
// are unchanged.
void add_production_sample(Workspace& ws, const Planter& planter, const std::vector<SampleTruth>& truth,
                           std::uint64_t seed, const std::string& kml_path);

// "data/x.gpkg" -> "data/x.areas-gcj02.kml".
std::string areas_kml_path_for(const std::string& workspace_path);

}  // namespace giatlas
