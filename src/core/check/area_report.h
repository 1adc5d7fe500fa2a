// Reports of the production-area check: a summary for the terminal, and a CSV or HTML file that
// lists every area with its share, the area outside (m², 亩), zone version and altitude range,
// and, when given, each producer's result with its areas taken into account.
#pragma once
#include <string>
#include <vector>

#include "check/area_check.h"

namespace giatlas {

std::string area_summary_text(const AreaCheckReport& r, const std::vector<ProducerAreaResult>& producers = {});

// By extension: .csv (UTF-8 with BOM; the areas, then a second section of producers when given)
// or .html/.htm (self-contained). Atomic. Error for another extension or a failed write.
void write_area_report(const AreaCheckReport& r, const std::vector<ProducerAreaResult>& producers,
                       const std::string& path);

}  // namespace giatlas
