// One RAII type for SQLite's prepared statement (sqlite3_stmt), for the few reads that go
// straight through SQLite's C API instead of OGR (workspace/producer_rows.h). The connection
// itself belongs to GDAL's GeoPackage dataset and is never closed here.
#pragma once
#include <sqlite3.h>

#include <string>

namespace giatlas {

class SqliteStatement {
 public:
  // Prepares `sql` on `db`. Throws Error naming `what` and SQLite's message when it fails.
  SqliteStatement(sqlite3* db, const std::string& sql, const std::string& what);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Steps to the next row: true while there is one, false at the end. Throws Error on failure.
  bool step();
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string what_;
};

}  // namespace giatlas
