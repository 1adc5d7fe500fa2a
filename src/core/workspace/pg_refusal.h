// What PostgreSQL's refusal of a change means for the person who asked, in one sentence: the
// server's error text (permission denied, a row-level security policy, the append-only rule of
// zone versions) classified, and the sentence that names the user's role and what it cannot do
// ("your role (viewer) cannot change zones (你的角色（查看者）不能修改保护范围)"). Pure functions.
#pragma once
#include <string>

namespace giatlas {

// The workspace role of a database user (workspace/pg_roles.h): "admin", "surveyor",
// "inspector", "viewer", or "" for none (the schema's owner, a superuser, anyone else).
// `township`: a surveyor's home township, "" for all.
struct WorkspaceRole {
  std::string role;
  std::string township;
};

enum class RefusalKind {
  none,         // not a refusal: some other error
  privilege,    // SQLSTATE 42501: "permission denied for table T"
  row_policy,   // a row-level security policy: the row belongs to another township
  append_only,  // the zone-version trigger: only an admin rewrites or deletes a version
};
struct PgRefusal {
  RefusalKind kind = RefusalKind::none;
  std::string table;  // the table the server named, "" when it named none
};

// The first line of the append-only trigger's error (the trigger raises it with SQLSTATE 42501).
inline constexpr const char* kZoneAppendOnlyMessage =
    "zone versions are append-only: only a workspace admin may rewrite or delete one";

// Classifies a server error text (as GDAL passes it on: "ERROR:  permission denied for table
// gi_zones", "new row violates row-level security policy for table \"census_points\"", or the
// trigger's message). REQUIRES: the server's messages in English (lc_messages C or en): other
// languages classify as `none` and the server's own text is shown instead.
PgRefusal classify_pg_refusal(const std::string& server_text);

// The text a change that a row policy silently filtered (an UPDATE or DELETE of 0 rows on a row
// the user can read) is reported with, so that classify_pg_refusal sees a row_policy refusal.
std::string row_policy_refusal_text(const std::string& table, const std::string& what);

// "your role (viewer) cannot change zones (你的角色（查看者）不能修改保护范围)". `table`: the one
// the refusal names, else the one the change was writing (`fallback_table`, may be "").
std::string refusal_sentence(const WorkspaceRole& who, const PgRefusal& r, const std::string& fallback_table);

// What a table holds, for people: "zones" / "保护范围"; "this workspace" / "工作区" for tables
// with no name of their own.
std::string table_area_en(const std::string& table);
std::string table_area_zh(const std::string& table);
// "查看者" for "viewer", … ; the role itself when unknown.
std::string role_name_zh(const std::string& role);

}  // namespace giatlas
