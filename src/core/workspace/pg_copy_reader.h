// Reading a PostGIS workspace's producers in bulk: one binary COPY of the whole table on a
// connection of its own (libpq), decoded as it streams in. A million producers arrive in about
// the time the server takes to read them, instead of a feature at a time through GDAL's cursor.
// The connection sees what is committed; a reader inside an open write transaction of the
// workspace reads through GDAL instead (Workspace::for_each_producer decides).
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "workspace/model.h"

namespace giatlas {

// Calls `fn` for each producer of `schema`.producers, ordered by id, with the values
// scan_gpkg_producers gives. `conninfo`: libpq_conninfo() of the workspace's address; `shown`
// names it in errors (never a password). Returns false, having called `fn` for no row, when
// this way is not open (no connection, or the server refuses the query before any row): the
// caller then reads another way. Throws Error when the stream breaks after rows were handed over.
// A PostgreSQL date as it travels in a binary COPY (days since 2000-01-01) as "YYYY-MM-DD",
// what to_char(d, 'YYYY-MM-DD') writes; "" outside years 1..9999 (and for ±infinity).
std::string pg_date_text(std::int32_t days_since_2000);

bool pg_copy_producers(const std::string& conninfo, const std::string& schema, const std::string& shown,
                       const std::function<void(Producer&&)>& fn);

}  // namespace giatlas
