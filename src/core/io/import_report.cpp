// Import report output: CSV for spreadsheets, text for the terminal.
#include "io/import_report.h"

#include <cstdio>
#include <sstream>

#include "error.h"
#include "io/atomic_file.h"
#include "io/csv_cell.h"

namespace giatlas {

const char* import_problem_label_zh(const std::string& code) {
  static const std::pair<const char*, const char*> labels[] = {
      {"repaired_geometry", "几何已修复"},
      {"bad_credit_code", "统一社会信用代码有误"},
      {"gi_not_in_register", "地理标志不在名录中"},
      {"invalid_location", "位置无法识别（保留记录）"},
      {"bad_value", "字段值无法识别（留空）"},
      {"assumed_crs", "坐标系为推断"},
      {"updates_existing", "更新已有生产者"},
      {"no_geometry", "无可用几何"},
      {"invalid_geometry", "几何无效"},
      {"out_of_range", "坐标超出范围"},
      {"duplicate_code", "代码重复"},
      {"duplicate_credit_code", "统一社会信用代码重复"},
      {"missing_name", "缺少名称"},
      {"missing_gi", "缺少地理标志"},
      {"already_in_workspace", "工作空间中已有"},
      {"unmatched_producer", "未匹配到生产者（保留记录）"},
      {"open_track", "轨迹未闭合"},
      {"track_closed", "轨迹已闭合为面"},
      {"missing_code", "缺少编号"},
      {"bad_date", "日期无法识别"},
      {"bad_quantity", "数量无效"},
      {"unknown_area", "地块不在工作空间中"},
      {"no_areas", "未列出生产地块"},
  };
  for (const auto& [c, zh] : labels)
    if (code == c) return zh;
  return code.c_str();
}

void write_report_csv(const ImportReport& r, const std::string& path) {
  AtomicFile file(path, "import report");
  file.open();
  file.write("\xEF\xBB\xBF" "where,row,status,code,message,code_zh\n");
  std::string line;
  for (const ImportProblem& p : r.problems) {
    line = csv_text(p.where) + ',' + std::to_string(p.row) + ',' + (p.rejected ? "rejected" : "warning") + ',' +
           csv_text(p.code) + ',' + csv_text(p.message) + ',' + csv_text(import_problem_label_zh(p.code)) + '\n';
    file.write(line);
  }
  file.commit();
}

std::string format_report(const ImportReport& r, std::size_t max_problems) {
  std::ostringstream os;
  os << "import " << r.source;
  if (!r.layer.empty()) os << " (layer " << r.layer << ")";
  os << " as " << r.kind << (r.dry_run ? " — dry run, nothing written" : "") << "\n";
  if (!r.encoding.empty()) os << "  encoding: " << r.encoding << "\n";
  if (!r.crs.empty()) os << "  coordinate system: " << r.crs << "\n";
  if (!r.columns.empty()) os << "  columns: " << r.columns << "\n";
  for (const std::string& n : r.notes) os << "  note: " << n << "\n";
  os << "  rows read: " << r.read << "\n";
  os << "  accepted: " << r.accepted << " (" << r.warned << " with warnings";
  if (r.updated > 0) os << ", " << r.updated << " updating producers already in the workspace";
  os << ")\n";
  os << "  rejected: " << r.rejected << "\n";
  std::size_t shown = 0;
  for (const ImportProblem& p : r.problems) {
    if (shown == max_problems) break;
    os << "  " << (p.rejected ? "rejected " : "warning  ") << p.where << ": " << p.message << " [" << p.code
       << "]\n";
    ++shown;
  }
  if (r.problems.size() > shown) os << "  … and " << r.problems.size() - shown << " more (write them all with --report)\n";
  return os.str();
}

}  // namespace giatlas
