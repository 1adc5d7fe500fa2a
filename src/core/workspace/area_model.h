// Production areas (生产基地 / 地块), lots (批次) and the yields the mass balance assumes:
// plain values of the schema-4 tables. Geometry in EPSG:4490; dates ISO "YYYY-MM-DD".
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "scope/scope_statement.h"  // kSquareMetresPerMu: 1 亩 = 666.67 m²

namespace giatlas {

// One production area: a field or a base a producer grows on.
struct ProductionArea {
  std::int64_t id = 0;
  std::string code;           // the area's id as the source gives it (地块编号); unique in a workspace
  std::string name;           // 基地名称
  std::int64_t producer_id = 0;  // the producers row it belongs to; 0 = not matched (kept, reported)
  std::string producer_name;  // as submitted
  std::string credit_code;    // as submitted (upper case)
  std::string gi;
  std::string crop;           // 作物
  double declared_mu = 0;     // the area the source states, 亩 (0 = none stated)
  std::string survey_date;
  std::string source;         // "file layer feature N", and the CRS it came in
  std::string note;
  MultiPolygon geom;
  friend bool operator==(const ProductionArea&, const ProductionArea&) = default;
};

// One lot of a GI product.
struct Lot {
  std::int64_t id = 0;
  std::string code;           // 批次号, unique in a workspace
  std::int64_t producer_id = 0;  // 0 = not matched (kept, reported)
  std::string producer_name;
  std::string credit_code;
  std::string gi;
  std::string harvest_date;   // harvest or production date
  double quantity_kg = 0;
  std::vector<std::string> area_codes;  // ProductionArea::code of the areas it came from
  std::string note;
  friend bool operator==(const Lot&, const Lot&) = default;
};

// What a 亩 of a GI's zone can plausibly yield in a season, and the tolerance above it before a
// declared quantity is flagged. One row per GI.
struct GiYield {
  std::int64_t id = 0;
  std::string gi;
  double kg_per_mu = 0;   // REQUIRES > 0
  double tolerance = 0.2; // DEFAULT 0.2: flagged above plausible × 1.2
  std::string basis;      // where the figure comes from (standard, survey, …)
  friend bool operator==(const GiYield&, const GiYield&) = default;
};

}  // namespace giatlas
