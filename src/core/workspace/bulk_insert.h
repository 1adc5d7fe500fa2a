// Adding many rows to one table inside the caller's transaction, each row getting its new id.
//
// A GeoPackage takes them one by one (SQLite inserts are cheap inside a transaction). A PostGIS
// table takes them as one COPY stream when the table allows it, which is what makes importing a
// million producers take seconds instead of minutes: the ids are reserved from the table's
// sequence first (COPY returns none) and written with the rows. A table under row-level
// security (census points per township) cannot be loaded by COPY, so it gets one INSERT per row,
// still with reserved ids; a user who may not advance the table's sequence gets one INSERT per
// row numbered by the server. Errors the server finds in the stream (a constraint, a refusal)
// are raised by finish(), before the caller commits.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/gdal.h"

namespace giatlas {

// Ids taken from a PostGIS table's sequence for new rows (nextval, so no other writer can take
// them). Usually one run (first .. first + n - 1); `list` holds them when another writer's ids
// came in between.
struct IdBlock {
  std::int64_t first = 0;
  std::vector<std::int64_t> list;
  std::int64_t at(std::size_t i) const { return list.empty() ? first + static_cast<std::int64_t>(i) : list[i]; }
};


// The one line for what GDAL's driver reports when the server refused a COPY stream: the
// server's reason and the row of the load ("the server refused the load: new row for relation
// "producers" violates check constraint "c" (row 40001 of the load; nothing of it was saved)").
std::string copy_refusal(const std::string& message);

// While alive, rows written to `layer` through GDAL's PostgreSQL driver on this thread go as a
// COPY stream, when `pg` is set and the table is not under row-level security. Every row written
// must carry its id (COPY returns none). end() closes the stream and raises what the server
// refused in it.
class PgCopyMode {
 public:
  PgCopyMode(GDALDataset* pg, OGRLayer& layer);
  ~PgCopyMode();
  PgCopyMode(const PgCopyMode&) = delete;
  PgCopyMode& operator=(const PgCopyMode&) = delete;
  bool on() const { return on_; }
  void end();

 private:
  GDALDataset* pg_;
  bool on_ = false;
  std::optional<std::string> saved_;  // the thread's option before
};

// For a large load into a PostGIS table, its spatial (GiST) indexes are dropped inside the
// caller's transaction and built again by rebuild() once the rows are in: one build from all the
// points instead of one index insertion per row, which on a million producers is most of the
// server's work. Anyone who may add rows to the table may do it, through the workspace's own
// function (giatlas_defer_spatial_indexes, whose deferred trigger builds the indexes at commit
// even if rebuild() is never called); in a workspace set up before it, only the tables' owner.
// The drop locks the table until the transaction ends, so other users reading it wait for the
// load (a load that fails rolls back with the indexes). Small loads (under kMinRows, or fewer
// rows than the table has) keep the indexes and insert into them.
class PgDeferredIndexes {
 public:
  static constexpr std::size_t kMinRows = 50000;
  PgDeferredIndexes(GDALDataset* pg, OGRLayer& layer, std::size_t rows);
  // Builds the dropped indexes again (REQUIRES: still in the same transaction).
  void rebuild();

 private:
  GDALDataset* pg_;
  std::vector<std::string> definitions_;  // CREATE INDEX statements of the indexes dropped here
  std::string rebuild_at_;  // the workspace's deferred rebuild trigger, when it dropped them
};

class BulkInsert {
 public:
  // `pg`: the PostGIS connection `layer` belongs to, nullptr for a GeoPackage. `rows`: how many
  // add() calls will follow (ids are reserved for that many).
  BulkInsert(GDALDataset* pg, OGRLayer& layer, std::size_t rows);
  BulkInsert(const BulkInsert&) = delete;
  BulkInsert& operator=(const BulkInsert&) = delete;

  // Writes `f` (fields and geometry set, no id) and returns its new id.
  std::int64_t add(OGRFeature& f);
  // Ends the stream (and builds any deferred index); Error with the server's reason when any
  // row was refused.
  void finish();

  // Whether rows go as a COPY stream (PostGIS, no row-level security).
  bool copying() const { return copy_ && copy_->on(); }

 private:
  GDALDataset* pg_;
  OGRLayer& layer_;
  bool explicit_ids_ = false;  // PostGIS and allowed: ids_ are given to the rows
  IdBlock ids_;                // reserved, in the order rows come
  std::size_t next_ = 0, count_ = 0;
  std::optional<PgDeferredIndexes> indexes_;
  std::optional<PgCopyMode> copy_;
};


}  // namespace giatlas
