// The producer row streamer: a workspace's producers read in id order without holding them all.
// For a GeoPackage the table is read with SQLite's C API on the dataset's own connection (one
// prepared statement; the point decoded from its blob by workspace/gpkg_point.h), which is many
// times faster than OGR's feature-by-feature read on a million rows and gives the same values
// field for field (tested against Workspace::for_each_producer_ogr on the sample). A PostGIS
// workspace's producers come from one query on the server (the point as two numbers, the date as
// text, ordered by id) read through the driver's cursor a page at a time, with each column's
// place known once instead of looked up by name on every row.
#pragma once
#include <functional>

#include "workspace/model.h"

struct sqlite3;
class GDALDataset;

namespace giatlas {

// Calls `fn` for each row of the producers table of the GeoPackage open on `db`, ordered by
// fid. Field values follow OGR's reading of the same columns: NULL text is "", a NULL flag is
// false, a date is "YYYY-MM-DD" ("" when NULL or not a date), a NULL, empty or non-point
// geometry gives no location. REQUIRES: `db` holds the workspace schema's producers table
// (workspace/schema.h). Throws Error naming the table and the fid for a corrupt geometry blob,
// and for a missing table or column.
void scan_gpkg_producers(sqlite3* db, const std::function<void(Producer&&)>& fn);

// The same for the producers table of the PostGIS workspace `ds` is connected to (its schema
// active), with the same values. Throws Error with the server's reason.
void scan_pg_producers(GDALDataset& ds, const std::function<void(Producer&&)>& fn);

}  // namespace giatlas
