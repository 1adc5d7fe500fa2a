// Refusals of the database, in one sentence (see pg_refusal.h).
#include "workspace/pg_refusal.h"

#include <array>
#include <cctype>

namespace giatlas {

namespace {

struct Area {
  const char* table;
  const char* en;
  const char* zh;
};
constexpr std::array<Area, 12> kAreas{{
    {"gi_zones", "zones", "保护范围"},
    {"census_points", "census points", "普查点"},
    {"producers", "producers", "生产者"},
    {"inspections", "inspections", "检查记录"},
    {"inspectors", "inspectors", "检查人员"},
    {"townships", "townships", "乡镇街道"},
    {"villages", "villages", "村（社区）"},
    {"gi_products", "the GI register", "地理标志登记"},
    {"giatlas_settings", "workspace settings", "工作区设置"},
    {"giatlas_users", "user roles", "用户角色"},
    {"audit_log", "the audit trail", "审计记录"},
    {"giatlas_metadata", "this workspace", "工作区"},
}};

const Area* find_area(const std::string& table) {
  for (const Area& a : kAreas)
    if (table == a.table) return &a;
  return nullptr;
}

// The table name after `marker` in `text`: a quoted "name" or a bare word, without its schema.
std::string table_after(const std::string& text, std::size_t at) {
  while (at < text.size() && text[at] == ' ') ++at;
  const bool quoted = at < text.size() && text[at] == '"';
  if (quoted) ++at;
  std::string name;
  for (; at < text.size(); ++at) {
    const char c = text[at];
    if (quoted ? c == '"' : !(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.')) break;
    name += c;
  }
  if (const auto dot = name.rfind('.'); dot != std::string::npos) name.erase(0, dot + 1);
  return name;
}

}  // namespace

PgRefusal classify_pg_refusal(const std::string& text) {
  if (text.find(kZoneAppendOnlyMessage) != std::string::npos) return {RefusalKind::append_only, "gi_zones"};
  for (const char* marker : {"row-level security policy for table", "row level security policy for table"})
    if (const auto p = text.find(marker); p != std::string::npos)
      return {RefusalKind::row_policy, table_after(text, p + std::string(marker).size())};
  for (const char* marker :
       {"permission denied for table", "permission denied for relation", "permission denied for sequence"})
    if (const auto p = text.find(marker); p != std::string::npos)
      return {RefusalKind::privilege, table_after(text, p + std::string(marker).size())};
  if (text.find("permission denied for schema") != std::string::npos) return {RefusalKind::privilege, ""};
  return {};
}

std::string row_policy_refusal_text(const std::string& table, const std::string& what) {
  return "the row-level security policy for table \"" + table + "\" keeps " + what + " from this change";
}

std::string table_area_en(const std::string& table) {
  const Area* a = find_area(table);
  return a ? a->en : table.empty() ? "this workspace" : table;
}

std::string table_area_zh(const std::string& table) {
  const Area* a = find_area(table);
  return a ? a->zh : table.empty() ? "工作区" : table;
}

std::string role_name_zh(const std::string& role) {
  if (role == "admin") return "管理员";
  if (role == "surveyor") return "调查员";
  if (role == "inspector") return "检查员";
  if (role == "viewer") return "查看者";
  return role;
}

std::string refusal_sentence(const WorkspaceRole& who, const PgRefusal& r,
                             const std::string& fallback_table) {
  // The metadata row every change touches first says nothing about what was being changed.
  std::string table =
      r.table.empty() || r.table == "giatlas_metadata" || r.table.find("_seq") != std::string::npos
          ? fallback_table
          : r.table;
  if (table.empty()) table = r.table;
  const std::string en = table_area_en(table), zh = table_area_zh(table);
  const bool has_role = !who.role.empty();
  const std::string your_en =
      has_role ? "your role (" + who.role + ")" : "you have no role in this workspace and";
  const std::string your_zh =
      has_role ? "你的角色（" + role_name_zh(who.role) + "）" : "你在此工作区没有角色，";
  switch (r.kind) {
    case RefusalKind::append_only:
      return your_en + " cannot rewrite or delete zone versions: they are append-only, only an admin may (" +
             your_zh + "不能改写或删除保护范围的已有版本)";
    case RefusalKind::row_policy:
      if (has_role && !who.township.empty())
        return "your role (" + who.role + " of " + who.township + ") can change " + en + " of " +
               who.township + " only (你的角色（" + who.township + "的" + role_name_zh(who.role) +
               "）只能修改" + who.township + "的" + zh + ")";
      return your_en + " cannot change these " + en + " (" + your_zh + "不能修改这些" + zh + ")";
    case RefusalKind::privilege:
      return your_en + " cannot change " + en + " (" + your_zh + "不能修改" + zh + ")";
    case RefusalKind::none:
      break;
  }
  return "";
}

}  // namespace giatlas
