// Field labels of the scene tables in Chinese.
#include "map/field_labels.h"

#include <map>

#include "check/origin_check.h"

namespace giatlas {

namespace {

const std::map<std::string, std::string>& labels_zh() {
  static const std::map<std::string, std::string> m = {
      {"id", "编号"},
      {"name", "名称"},
      {"code", "代码"},
      {"kind", "类型"},
      {"vintage", "区划年份"},
      {"township_code", "所属乡镇代码"},
      {"gi", "地理标志"},
      {"version", "版本"},
      {"effective_from", "生效日期"},
      {"effective_to", "失效日期"},
      {"units", "组成单元"},
      {"source", "来源"},
      {"author", "编制人"},
      {"note", "备注"},
      {"product", "产品"},
      {"category", "类别"},
      {"township", "乡镇"},
      {"survey_date", "调查日期"},
      {"surveyor", "调查人"},
      {"annual_output_t", "年产量（吨）"},
      {"area_mu", "面积（亩）"},
      {"households", "农户数"},
      {"resource_id", "资源编号"},
      {"credit_code", "统一社会信用代码"},
      {"authorised", "已授权"},
      {"authorised_since", "授权日期"},
      {"raw_x", "原始横坐标"},
      {"raw_y", "原始纵坐标"},
      {"raw_crs", "原始坐标系"},
      {"location_issue", "坐标问题"},
      {"lon", "经度"},
      {"lat", "纬度"},
      {"min_altitude", "最低海拔（米）"},
      {"max_altitude", "最高海拔（米）"},
      {"dem", "高程数据"},
      {"catalogue status", "目录状态"},
      {"townships", "产地乡镇"},
      {"firms", "企业数"},
      {"since_year", "始产年份"},
      {"census points", "普查点数"},
      {"placed by", "定位依据"},
      {"check result", "核查结果"},
      {"check reason", "核查原因"},
      {"check cause", "疑似原因"},
      {"altitude (m)", "海拔（米）"},
  };
  return m;
}

}  // namespace

std::string field_label(const std::string& field, bool chinese) {
  if (!chinese) return field;
  const auto it = labels_zh().find(field);
  return it == labels_zh().end() ? field : it->second;
}

std::string field_value_label(const std::string& field, const std::string& value, bool chinese) {
  if (chinese && field == "check result")
    if (const auto r = result_from_code(value)) return result_label_zh(*r);
  if (chinese && field == "authorised") return value == "yes" ? "是" : value == "no" ? "否" : value;
  if (chinese && field == "placed by")
    return value == "census_points" ? "关联普查点" : value == "townships" ? "产地乡镇中心" : value;
  return value;
}

std::string field_value_search_text(const std::string& field, const std::string& value) {
  std::string text = field_value_label(field, value, true);
  if (field == "check result" && value.find("near_boundary") != std::string::npos) text += " 边界附近";
  return text;
}

std::vector<std::string> field_labels_zh() {
  std::vector<std::string> out;
  for (const auto& [k, v] : labels_zh()) out.push_back(v);
  return out;
}

}  // namespace giatlas
