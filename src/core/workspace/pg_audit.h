// The audit trail of a PostGIS workspace: S.audit_log, filled by a trigger on every table of the
// schema (who = session_user, when, which table and row, and what changed: the row for an insert
// or delete, old and new values of the changed columns for an update). An insert of more than
// 100 rows in one statement (an import, a copy) is one entry with the count and the id ranges,
// {"rows": 100000, "ids": "1-100000"}: the rows are in the table, and every later change to
// them is recorded as an update. Only the trigger writes
// it (SECURITY DEFINER); every workspace role, viewers included, may read it: it shows nothing a
// viewer cannot already read, only its history. A GeoPackage workspace has none.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "geo/gdal.h"
#include "workspace/workspace.h"

namespace giatlas {

// Creates audit_log and the trigger on every table of `schema` but audit_log itself
// (idempotent; tables added later get theirs at the next call). REQUIRES: the tables' owner.
void pg_install_audit(GDALDataset& ds, const std::string& schema);

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;  // "2026-11-30 04:51:07+00"
  std::string who;
  std::string table;
  std::int64_t row_id = 0;
  std::string action;   // insert, update, delete
  std::string changes;  // JSON; geometries shown as "(geometry)" to keep a line readable
};
// The entries of `ws`'s audit trail, oldest first; `since` ("YYYY-MM-DD", "" for all) and
// `table` ("" for all) narrow them. Error for a GeoPackage workspace ("the audit trail exists
// on PostGIS workspaces only") and for a bad date.
std::vector<AuditEntry> read_audit_log(const Workspace& ws, const std::string& since,
                                       const std::string& table);

}  // namespace giatlas
