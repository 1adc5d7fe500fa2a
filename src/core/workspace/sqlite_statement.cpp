// SqliteStatement (see sqlite_statement.h).
#include "workspace/sqlite_statement.h"

#include "error.h"

namespace giatlas {

SqliteStatement::SqliteStatement(sqlite3* db, const std::string& sql, const std::string& what)
    : db_(db), what_(what) {
  if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
    std::string msg = sqlite3_errmsg(db);
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    throw Error(what_ + ": " + msg);
  }
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

bool SqliteStatement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw Error(what_ + ": " + sqlite3_errmsg(db_));
}

}  // namespace giatlas
