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
// Schema 4: dated status changes of mark users and of register entries (never overwrites).
inline constexpr const char* kMarkUserStatus = "mark_user_status";
inline constexpr const char* kRegisterStatus = "register_status";
// Schema 4: inspections end to end (inspection/inspection_model.h). Named plan_* so that the
// PostGIS inspector role may write them (workspace/pg_roles.cpp grants every plan* table).
inline constexpr const char* kPlanRecords = "plan_records";
inline constexpr const char* kPlanVisits = "plan_visits";
inline constexpr const char* kPlanOutcomes = "plan_outcomes";
// Schema 4: field work offline (workspace/field_work.h). A field export holds each exported
// row as it was (field_base); the workspace merged into records what it took (field_merges).
inline constexpr const char* kFieldBase = "field_base";
inline constexpr const char* kFieldMerges = "field_merges";
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
