// Who saved what, for refusing a save over someone else's change (see edit_conflict.h).
#include "workspace/edit_conflict.h"

#include <pwd.h>
#include <unistd.h>

#include "workspace/postgis_store.h"
#include "workspace/workspace.h"

namespace giatlas {

std::string saving_user(const Workspace& ws) {
  if (ws.postgis()) {
    try {
      return pg_scalar(ws.dataset(), "SELECT session_user::text").value_or("");
    } catch (const Error&) {
      return "";
    }
  }
  passwd pw{};
  passwd* found = nullptr;
  char buf[1024];
  if (::getpwuid_r(::geteuid(), &pw, buf, sizeof buf, &found) == 0 && found) return found->pw_name;
  return "";
}

std::optional<RowChange> last_row_change(const Workspace& ws, const std::string& table, std::int64_t row_id) {
  if (!ws.postgis()) return std::nullopt;
  const std::string s = parse_store_address(ws.path()).schema;
  if (!plain_sql_identifier(s)) return std::nullopt;
  try {
    GDALDataset& ds = ws.dataset();
    if (!pg_scalar(ds, "SELECT to_regclass(" + sql_literal(s + ".audit_log") + ")::text")) return std::nullopt;
    const auto rows = pg_rows(ds, "SELECT who AS c_who, to_char(at, 'YYYY-MM-DD HH24:MI:SSOF') AS c_at FROM " + s +
                                      ".audit_log WHERE tbl = " + sql_literal(table) +
                                      " AND row_id = " + std::to_string(row_id) + " ORDER BY id DESC LIMIT 1");
    if (rows.empty()) return std::nullopt;
    return RowChange{rows[0].at(0), rows[0].at(1)};
  } catch (const Error&) {
    return std::nullopt;  // a reader without the trail's table: the refusal says less, nothing fails
  }
}

std::string by_whom_text(const std::string& who, const std::string& when) {
  std::string s;
  if (!who.empty()) s += " by " + who;
  if (!when.empty()) s += " at " + when;
  return s;
}

}  // namespace giatlas
