// The workspace schema: table names, geometry types and fields, in one place. The same
// description creates the GeoPackage tables (and, later, the PostGIS schema).
#pragma once
#include <ogr_core.h>

#include <vector>

namespace giatlas {

struct FieldDef {
  const char* name;
  OGRFieldType type;
  OGRFieldSubType subtype = OFSTNone;
};

struct TableDef {
  const char* name;
  OGRwkbGeometryType geometry;  // wkbNone for attribute tables
  std::vector<FieldDef> fields;
  int since = 1;  // the schema version that introduced the table (older files lack it)
};

namespace table {
inline constexpr const char* kMetadata = "giatlas_metadata";
inline constexpr const char* kSettings = "giatlas_settings";
inline constexpr const char* kTownships = "townships";
inline constexpr const char* kVillages = "villages";
inline constexpr const char* kGiProducts = "gi_products";
inline constexpr const char* kZones = "gi_zones";
inline constexpr const char* kCensus = "census_points";
inline constexpr const char* kProducers = "producers";
inline constexpr const char* kInspectors = "inspectors";
inline constexpr const char* kInspections = "inspections";
// Schema 3: the GI programme (programme/programme_model.h).
inline constexpr const char* kResources = "gi_resources";
inline constexpr const char* kResourceStatus = "resource_status";
inline constexpr const char* kProtections = "gi_protections";
inline constexpr const char* kStandards = "gi_standards";
inline constexpr const char* kMarkUsers = "mark_users";
inline constexpr const char* kTargets = "programme_targets";
inline constexpr const char* kScores = "candidate_scores";
// Schema 4: production areas, lots and yields (workspace/area_model.h).
inline constexpr const char* kProductionAreas = "production_areas";
inline constexpr const char* kLots = "lots";
inline constexpr const char* kGiYields = "gi_yields";
}  // namespace table

// Every table of schema version kSchemaVersion, in creation order.
const std::vector<TableDef>& workspace_tables();
// The table named `name` (nullptr when the schema has none).
const TableDef* workspace_table(const char* name);

}  // namespace giatlas
