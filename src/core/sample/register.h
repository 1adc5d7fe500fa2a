// The sample's GI register and zone plan: which GIs exist and which townships make their zones.
#pragma once
#include <string>
#include <vector>

#include "terrain/altitude_band.h"
#include "workspace/model.h"

namespace giatlas {

struct SampleZonePlan {
  std::string gi;
  std::string effective_from;
  std::vector<std::string> townships;  // township names
  AltitudeBand band;                   // DEFAULT none; else the units ∩ this band on the sample DEM
};

// Synthetic register entries (registration numbers are made up and marked 样例), with
// `zones` - 5 extra GIs (0 to 3) after the sample's six.
std::vector<GiProduct> sample_register(int zones = 5);
// Zone versions in save order (a GI with two entries gets versions 1 and 2): zones in force
// today for `zones` GIs (5 to 8).
std::vector<SampleZonePlan> sample_zone_plan(int zones = 5);
// The GIs producers claim, with their shares (summing to 1), for `zones` GIs with zones.
std::vector<std::pair<std::string, double>> sample_gi_weights(int zones = 5);
// Census categories with products, for the census points.
struct CensusCategory {
  std::string category;
  std::vector<std::string> products;
};
std::vector<CensusCategory> sample_census_categories();

}  // namespace giatlas
