// Field work offline: a GeoPackage for a laptop in the field, cut from a (PostGIS or GeoPackage)
// workspace for some townships, and merged back later.
//
// The export holds those townships and their villages, every GI and zone version, the census
// points, producers and inspections there, all with their source ids; each exported census
// point, producer and inspection as it was (field_base), and in its settings the export's id,
// source and date. The merge brings back what the field adds: new census points, new
// inspections, census points corrected in the field, and producers' corrected locations. A row
// changed in the field and on the server since the export is a conflict: reported, never
// overwritten. (Producers are registered at the office: one new in the field stays there.) Each row taken is recorded
// in the destination's field_merges, so merging the same file again adds nothing twice.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "progress.h"

namespace giatlas {

struct FieldExportReport {
  std::string source;       // shown: no password
  std::string destination;
  std::string export_id;    // "field-<district code>-<UTC time>-<random>"
  std::vector<std::string> townships;  // names, in the order given
  struct Table {
    std::string name;
    long long rows = 0;
  };
  std::vector<Table> tables;
};

// Writes the field GeoPackage `out` (must not exist; all or nothing) for `townships` (names or
// codes; Error naming any the source lacks, or none given).
FieldExportReport export_field(const std::string& source, const std::vector<std::string>& townships,
                               const std::string& out, const Progress& progress);

struct FieldConflict {
  std::string table;  // producers, census_points
  std::int64_t row_id = 0;
  std::string name;
  std::string field;         // what the field changed: "location", "product, note"
  std::string base_value;    // at the export
  std::string field_value;   // in the field file
  std::string server_value;  // in the destination now
  std::string server_changed;  // the destination's fields changed since the export ("note, location")
  std::string who, when;       // the destination's last change, when its audit trail knows
};

struct FieldMergeReport {
  std::string field, destination, export_id;
  long long census_added = 0, inspections_added = 0, locations_updated = 0;
  long long census_updated = 0;  // census points corrected in the field
  long long already_merged = 0;  // rows a former merge of the same file took
  std::vector<FieldConflict> conflicts;
};

// Merges the field export `field` into `destination`, one change (all or nothing). Error when
// `field` is not a field export or the two are different districts; the database's refusals
// (a surveyor's census points outside its township) as one sentence.
FieldMergeReport merge_field(const std::string& field, const std::string& destination, const Progress& progress);

// The conflicts as CSV (UTF-8, a header line), for the report file.
std::string field_conflicts_csv(const std::vector<FieldConflict>& conflicts);

}  // namespace giatlas
