// Scope statement formats.
#include "scope/scope_format.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "error.h"

namespace giatlas {

namespace {

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string percent(double share) { return fixed(share * 100.0, 1) + "%"; }

// A workspace whose only unit is the district outline itself (its one "township" carries the
// district's name): the statement names the district once and counts no townships.
bool whole_district(const ScopeStatement& s) {
  return s.townships.size() == 1 && !s.district.empty() && s.townships.front().name == s.district;
}

// "武隆区全境" or "武隆区境内海拔1200米以上区域".
std::string district_phrase(const ScopeStatement& s) {
  return s.district + (s.band_text.empty() ? "全境" : "境内" + s.band_text + "区域");
}

// 武隆区仙女山街道、双河镇（部分，约占45.2%）… A band zone's units are named plainly: the
// band phrase after the count says which part of them.
std::string unit_list(const ScopeStatement& s) {
  if (whole_district(s)) return district_phrase(s);
  std::string out = s.district;
  for (std::size_t i = 0; i < s.townships.size(); ++i) {
    const auto& u = s.townships[i];
    if (i) out += "、";
    out += u.name;
    if (u.partial && s.band_text.empty()) out += "（部分，约占" + percent(u.share) + "）";
  }
  return out;
}

// "9个乡镇" or, for a band zone, "9个乡镇境内海拔1200米以上区域".
std::string count_phrase(const ScopeStatement& s) {
  std::string out = std::to_string(s.township_count) + "个乡镇";
  if (s.village_count >= 0 && s.band_text.empty()) out += std::to_string(s.village_count) + "个行政村";
  if (!s.band_text.empty()) out += "境内" + s.band_text + "区域";
  return out;
}

// "，共9个乡镇" after the unit list; nothing for the whole district (no "共1个乡镇").
std::string count_clause(const ScopeStatement& s) { return whole_district(s) ? "" : "，共" + count_phrase(s); }

// "仙女山街道12.34平方公里（占该乡镇45.2%）、…" — each unit's part of a band zone.
std::string band_shares(const ScopeStatement& s) {
  std::string out;
  for (std::size_t i = 0; i < s.townships.size(); ++i) {
    const auto& u = s.townships[i];
    if (i) out += "、";
    out += u.name + fixed(u.area_km2, 2) + "平方公里（占该乡镇" + percent(u.share) + "）";
  }
  return out;
}

std::string area_phrase(const ScopeStatement& s) {
  return fixed(s.area_km2, 2) + "平方公里（" + fixed(s.area_ha, 2) + "公顷，" +
         fixed(std::round(s.area_mu), 0) + "亩）";
}

std::string vintage_text(const ScopeStatement& s) {
  return s.boundary_vintage > 0 ? std::to_string(s.boundary_vintage) + "年行政区划" : "行政区划年份未知";
}

}  // namespace

std::string scope_text(const ScopeStatement& s) {
  std::string out = "地域范围：" + unit_list(s) + count_clause(s) + "，地理坐标为" + s.extent_text +
                    "，总面积" + area_phrase(s) + "。\n";
  if (!s.band_text.empty() && !whole_district(s)) out += "其中" + s.band_text + "区域面积：" + band_shares(s) + "。\n";
  out += "中心点：" + s.centroid_text + "。\n";
  out += "依据：" + s.gi + "保护范围第" + std::to_string(s.version) + "版（自" + s.effective_from + "起施行" +
         (s.effective_to.empty() ? "" : "，至" + s.effective_to + "止") + "），边界采用" + vintage_text(s) +
         "；面积按CGCS2000椭球计算" +
         (s.band_text.empty() ? std::string() : "；海拔界线按数字高程模型（" + s.dem + "）等高线提取") + "。\n";
  if (s.synthetic) out += "注：本工作区为合成示例数据（synthetic data），不代表实际保护范围。\n";
  return out;
}

std::string scope_markdown(const ScopeStatement& s) {
  std::string out = "# " + s.gi + " 地域范围\n\n";
  out += "- 保护范围版本：第" + std::to_string(s.version) + "版，自" + s.effective_from + "起" +
         (s.effective_to.empty() ? "施行" : "至" + s.effective_to) + "\n";
  out += "- 覆盖：" + (whole_district(s) ? district_phrase(s) : s.district + "共" + count_phrase(s)) + "\n";
  if (!s.band_text.empty()) out += "- 海拔范围：" + s.band_text + "（高程数据：" + s.dem + "）\n";
  out += "- 地理坐标：" + s.extent_text + "\n";
  out += "- 总面积：" + area_phrase(s) + "\n";
  out += "- 中心点：" + s.centroid_text + "\n";
  out += "- 边界：" + vintage_text(s) + "；面积按CGCS2000椭球计算\n\n";
  out += "| 乡镇 | 代码 | 类型 | 覆盖 | 面积（平方公里） | 行政村 |\n| --- | --- | --- | --- | --- | --- |\n";
  for (const auto& u : s.townships) {
    out += "| " + u.name + " | " + u.code + " | " + u.kind + " | " +
           (!s.band_text.empty() ? s.band_text + " " + percent(u.share) : u.partial ? "部分 " + percent(u.share) : "全境") +
           " | " + fixed(u.area_km2, 2) + " | " +
           (u.villages_total ? std::to_string(u.villages_covered) + "/" + std::to_string(u.villages_total)
                             : "—") +
           " |\n";
  }
  out += "\n**地域范围**：" + unit_list(s) + count_clause(s) + "，地理坐标为" + s.extent_text +
         "，总面积" + area_phrase(s) + "。\n";
  if (s.synthetic) out += "\n> 注：本工作区为合成示例数据（synthetic data）。\n";
  return out;
}

std::string scope_json(const ScopeStatement& s) {
  nlohmann::ordered_json j;
  j["gi"] = s.gi;
  j["district"] = s.district;
  j["synthetic"] = s.synthetic;
  j["version"] = s.version;
  j["effective_from"] = s.effective_from;
  j["effective_to"] =
      s.effective_to.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.effective_to);
  j["source"] = s.source;
  j["townships"] = nlohmann::ordered_json::array();
  for (const auto& u : s.townships) {
    nlohmann::ordered_json t;
    t["code"] = u.code;
    t["name"] = u.name;
    t["kind"] = u.kind;
    t["share"] = u.share;
    t["partial"] = u.partial;
    t["area_km2"] = u.area_km2;
    t["villages_covered"] = u.villages_covered;
    t["villages_total"] = u.villages_total;
    t["villages"] = u.village_names;
    j["townships"].push_back(std::move(t));
  }
  if (s.band.any())
    j["altitude_band"] = {{"min_m", s.band.min_m ? nlohmann::ordered_json(*s.band.min_m) : nlohmann::ordered_json()},
                          {"max_m", s.band.max_m ? nlohmann::ordered_json(*s.band.max_m) : nlohmann::ordered_json()},
                          {"text", s.band_text},
                          {"dem", s.dem}};
  j["township_count"] = s.township_count;
  j["partial_count"] = s.partial_count;
  j["village_count"] =
      s.village_count >= 0 ? nlohmann::ordered_json(s.village_count) : nlohmann::ordered_json();
  j["extent"] = {{"min_lon", s.extent.minx},
                 {"max_lon", s.extent.maxx},
                 {"min_lat", s.extent.miny},
                 {"max_lat", s.extent.maxy},
                 {"text", s.extent_text}};
  j["area"] = {{"m2", s.area_m2}, {"km2", s.area_km2}, {"ha", s.area_ha}, {"mu", s.area_mu}};
  j["centroid"] = {{"lon", s.centroid.x}, {"lat", s.centroid.y}, {"text", s.centroid_text}};
  j["boundary_vintage"] = s.boundary_vintage;
  j["statement"] = scope_text(s);
  return j.dump(2) + "\n";
}

std::string format_scope(const ScopeStatement& s, const std::string& format) {
  if (format == "text" || format == "txt") return scope_text(s);
  if (format == "md" || format == "markdown") return scope_markdown(s);
  if (format == "json") return scope_json(s);
  throw Error("scope: unknown format '" + format + "' (use text, md or json)");
}

}  // namespace giatlas
