// The sample's GI register and zone plan: which GIs exist and which townships make their zones.
#pragma once
#include <string>
#include <vector>

#include "workspace/model.h"

namespace giatlas {

struct SampleZonePlan {
  std::string gi;
  std::string effective_from;
  std::vector<std::string> townships;  // township names
};

// Synthetic register entries (registration numbers are made up and marked 样例).
std::vector<GiProduct> sample_register();
// Zone versions in save order (a GI with two entries gets versions 1 and 2).
std::vector<SampleZonePlan> sample_zone_plan();
// Census categories with products, for the census points.
struct CensusCategory {
  std::string category;
  std::vector<std::string> products;
};
std::vector<CensusCategory> sample_census_categories();

}  // namespace giatlas
