// The reading half of an import: the source opened, its fields mapped, its CRS decided, and
// every feature read into plain rows (text cells + geometry) with its user-visible location.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/crs_input.h"
#include "geo/gdal.h"
#include "io/field_map.h"
#include "io/import.h"
#include "io/source_open.h"

namespace giatlas {

struct SourceRow {
  std::int64_t row = 0;    // as in `where`
  std::string where;       // "producers.xlsx sheet 授权用户 row 14"
  std::vector<std::string> cells;  // every field as text, "" for null
  OgrGeometry geom;        // the feature's geometry (source CRS), may be null
};

struct SourceTable {
  OpenedSource src;
  std::vector<std::string> fields;  // source field names
  FieldMap map;
  std::optional<InputCrs> crs;      // the layer CRS in force (user's or the source's)
  bool has_geometry = false;        // the layer has a geometry column
  std::vector<SourceRow> rows;

  // The cell of `target` in `r`, trimmed; "" when the field is not mapped.
  std::string cell(const SourceRow& r, const std::string& target) const;
};

// Opens and reads the whole layer. `report` receives source, layer, encoding, crs, columns and
// notes. Throws Error: unreadable source, a read failure in the middle (truncated/corrupt
// file), a CRS named but unknown, or no CRS where geometry needs one (`needs_crs`).
SourceTable read_source(const std::string& source, const ImportOptions& opt, ImportReport& report,
                        const Progress& progress);

// The layer needs a CRS for its geometry and none is known: the one Error text for it.
[[noreturn]] void throw_no_crs(const SourceTable& t);

}  // namespace giatlas
