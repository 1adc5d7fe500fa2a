// Names the generator draws from: Wulong's real township list, and synthetic village names,
// surnames, product and organisation words for producers.
#pragma once
#include <string>
#include <vector>

#include "sample/generator.h"
#include "sample/rng.h"

namespace giatlas {

// A synthetic village name, unique within `taken` (which it extends).
std::string village_name(SampleRng& rng, std::vector<std::string>& taken);
// A plausible producer name (合作社 / 家庭农场 / 个体户) for a product in a township.
std::string producer_name(SampleRng& rng, const std::string& township, const std::string& product);
// A person's name (for surveyors and inspectors).
std::string person_name(SampleRng& rng);
// A valid unified social credit code for a producer registered in Wulong (division 500156).
std::string make_credit_code(SampleRng& rng, bool cooperative);

}  // namespace giatlas
