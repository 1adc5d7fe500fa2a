// Importing any OGR source (Shapefile, GeoPackage, GeoJSON, KML/KMZ, GPX, OpenFileGDB, CSV,
// XLSX/XLS/ODS, a PG: connection) into a workspace, reprojected to EPSG:4490, with a report that
// accounts for every row. One code path for every format.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "io/import_report.h"
#include "progress.h"
#include "workspace/model.h"

namespace giatlas {

class Workspace;

// Areas: production areas (polygons, or GPX tracks that close); Lots: a table of lots.
enum class ImportKind { Townships, Villages, Zones, Census, Producers, Inspectors, Areas, Lots };
const char* import_kind_name(ImportKind k);
// "townships" … "inspectors", "areas", "lots" (singular forms accepted). Throws Error for anything else.
ImportKind import_kind_from_name(const std::string& name);

struct ImportOptions {
  ImportKind kind = ImportKind::Producers;
  // DEFAULT "": the only layer, else the first layer with features (reported as a note).
  std::string layer;
  // DEFAULT "": the CRS the source declares; a source without one is an Error unless this names
  // one. When both exist, this one wins (it assigns, it does not reproject twice) and the report
  // says so. Accepts EPSG codes, WKT, PROJ strings, "GCJ-02", "BD-09".
  std::string crs;
  // DEFAULT "": decided per file (user option > .cpg > DBF language driver > detection).
  std::string encoding;
  // DEFAULT "": found by name (经度/东经/lon/lng/longitude/x …, 纬度/北纬/lat/latitude/y …).
  std::string lon_column;
  std::string lat_column;
  // Zones: the GI whose zone this is. DEFAULT "": taken from a GI-name field of each feature.
  std::string gi;
  // Zones: the new version's effective date. DEFAULT "": today.
  std::string effective_from;
  bool dry_run = false;      // DEFAULT false: read, check and report, write nothing
  bool allow_repair = true;  // DEFAULT true: invalid polygons are repaired with MakeValid
  // Producers already in the workspace: the same credit code and GI, or (for a row without a
  // credit code) the same name and GI. DEFAULT false: such a row is rejected
  // (already_in_workspace), so importing a list twice adds nothing; true: the producer's record
  // is updated in place from the row (its id, and so its inspection history, is kept).
  bool update_existing = false;
  // Field mapping overrides: target field ("name", "credit_code", "gi", …) -> source column.
  std::map<std::string, std::string> fields;
};

// Imports `source` into `ws` as opt.kind. All writes happen in one workspace transaction: a
// failed or cancelled import leaves the workspace exactly as it was. The source is opened
// read-only and never written. Throws Error naming the file for a missing, truncated, corrupt or
// unsupported source, a missing CRS, or an unknown layer/column; bad rows are not errors but
// report entries.
ImportReport import_into(Workspace& ws, const std::string& source, const ImportOptions& opt,
                         const Progress& progress);

// Reads producers from `source` without a workspace (for `check --producers FILE`). The GI
// register is unknown here, so no gi_not_in_register warnings. opt.kind is ignored.
ImportReport read_producers(const std::string& source, const ImportOptions& opt, std::vector<Producer>& out,
                            const Progress& progress);

}  // namespace giatlas
