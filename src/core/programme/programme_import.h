// Importing the programme's lists as they come (CSV, XLSX, ODS… through io/source_open.h):
// authorised users of the special mark and resource records. Columns are found by their
// English or Chinese header; every row is accepted or rejected with its place and reason, in one
// transaction (read = accepted + rejected).
#pragma once
#include <string>
#include <vector>

namespace giatlas {

class Workspace;

struct ProgrammeImportResult {
  std::string file;
  int read = 0, accepted = 0;
  std::vector<std::string> rejected;  // "users.xlsx sheet 授权用户 row 7: approval date is missing"
};

// Columns: 地理标志/gi (DEFAULT `gi` for every row when the file has none), 名称/使用主体/name,
// 统一社会信用代码/credit_code, 批准日期/approved, 有效期至/expiry, 状态/status (使用中, 暂停使用,
// 已撤销 or the codes). Each row goes through add_mark_user (register_book.h).
ProgrammeImportResult import_mark_users(Workspace& ws, const std::string& source, const std::string& gi = "",
                                        const std::string& layer = "");

// Columns: 名称/name, 类别/category, 产地乡镇/townships (separated by 、 , ; or ，), 面积/area_mu,
// 年产量/annual_output_t, 农户/households, 企业/firms, 始于/since_year, 历史/history,
// 知名度/reputation, 资料来源/sources, 照片/photos, 调查人/surveyor, 调查日期/survey_date.
// Each row goes through add_resource (catalogue.h).
ProgrammeImportResult import_resources(Workspace& ws, const std::string& source,
                                       const std::string& layer = "");

// Links census points to resource `name`: the points `ids`, or with no ids every point whose
// product is the resource's name or its name without the district prefix (e.g. 武隆 + 高山萝卜).
// Returns how many were linked. Error for an unknown resource or census point id.
int link_census_points(Workspace& ws, const std::string& name, const std::vector<long long>& ids);

}  // namespace giatlas
