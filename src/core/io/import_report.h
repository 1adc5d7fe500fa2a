// What an import did, row by row: the accounting (read = accepted + rejected), per-row
// warnings and rejections with stable codes, and the decisions taken (encoding, CRS, columns).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace giatlas {

// One finding about one source row. Stable codes:
//   warnings (row kept):  repaired_geometry, bad_credit_code, gi_not_in_register, invalid_location, assumed_crs,
//                         bad_value (a field that could not be read and was left empty),
//                         updates_existing (the row replaces a producer already in the workspace),
//                         unmatched_producer, track_closed, unknown_area, no_areas (areas and lots)
//   rejections:           no_geometry, invalid_geometry, out_of_range, duplicate_code,
//                         duplicate_credit_code, missing_name, missing_gi,
//                         already_in_workspace (a producer the workspace has, not updated),
//                         open_track, missing_code, bad_date, bad_quantity (areas and lots)
struct ImportProblem {
  std::string where;    // "producers.xlsx sheet 授权用户 row 14", "townships.shp feature 3"
  std::int64_t row = 0; // the row / feature number used in `where`
  std::string code;
  std::string message;
  bool rejected = false;
};

struct ImportReport {
  std::string source;       // the file or connection as given
  std::string layer;
  std::string kind;         // townships | villages | zones | census | producers | inspectors
  std::string encoding;     // decision and its rule, "" when the format defines it (GPKG, GeoJSON…)
  std::string crs;          // the source CRS and where it came from
  std::string columns;      // how coordinates / fields were found
  std::vector<std::string> notes;  // decisions worth reading: swapped columns, layer chosen, GI created
  std::int64_t read = 0;
  std::int64_t accepted = 0;  // written (or, in a dry run, would be written), warnings included
  std::int64_t rejected = 0;
  std::int64_t warned = 0;    // accepted rows with at least one warning
  std::int64_t updated = 0;   // accepted rows that updated a producer already in the workspace
  std::vector<ImportProblem> problems;  // in source order
  std::vector<std::string> created_gis;  // GIs added to the register as candidates
  bool dry_run = false;
  bool balanced() const { return accepted + rejected == read; }
};

// The Chinese name of a problem code (缺少名称 for missing_name …); the code itself when unknown.
const char* import_problem_label_zh(const std::string& code);

// Writes every problem as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese text):
// where,row,status,code,message,code_zh. Text cells follow io/csv_cell.h (formulas neutralised);
// row is a number. Written atomically (io/atomic_file.h). Throws Error.
void write_report_csv(const ImportReport& r, const std::string& path);

// Summary lines, then the first `max_problems` problems, then "… and N more".
std::string format_report(const ImportReport& r, std::size_t max_problems = 20);

}  // namespace giatlas
