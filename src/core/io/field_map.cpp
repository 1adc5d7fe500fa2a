// Field aliases per import kind, and the matching of a source's columns to them.
#include "io/field_map.h"

#include <algorithm>
#include <cctype>

#include "error.h"
#include "io/coordinate_text.h"
#include "io/import.h"

namespace giatlas {
namespace {

struct Alias {
  const char* target;
  std::vector<const char*> names;  // normalised forms
};

const std::vector<Alias>& aliases(ImportKind kind) {
  static const Alias kLon{"lon", {"经度", "东经", "lon", "lng", "long", "longitude", "x", "x坐标", "横坐标", "east", "easting", "e"}};
  static const Alias kLat{"lat", {"纬度", "北纬", "lat", "latitude", "y", "y坐标", "纵坐标", "north", "northing", "n"}};
  static const Alias kCrs{"crs", {"坐标系", "坐标系统", "crs", "srs", "epsg", "coordinatesystem"}};
  static const Alias kTownship{"township", {"乡镇", "乡镇名称", "乡镇街道", "所属乡镇", "township", "town"}};
  static const Alias kNote{"note", {"备注", "说明", "note", "notes", "remark", "comment"}};
  static const std::vector<Alias> townships = {
      {"name", {"名称", "乡镇", "乡镇名称", "乡镇街道", "name", "township", "xzqmc", "mc"}},
      {"code", {"代码", "编码", "乡镇代码", "区划代码", "行政区划代码", "code", "xzqdm", "dm", "adcode"}},
      {"kind", {"类型", "类别", "kind", "type"}},
      {"vintage", {"年份", "年度", "vintage", "year"}},
  };
  static const std::vector<Alias> villages = {
      {"name", {"名称", "村名", "村", "村名称", "name", "village", "cmc", "mc"}},
      {"code", {"代码", "编码", "村代码", "区划代码", "code", "cdm", "dm"}},
      {"township_code", {"乡镇代码", "所属乡镇代码", "townshipcode", "xzqdm"}},
  };
  static const std::vector<Alias> zones = {
      {"gi", {"产品", "产品名称", "地理标志", "地理标志产品", "gi", "giname", "product"}},
      {"effective_from", {"生效日期", "起始日期", "effectivefrom", "date", "since"}},
      {"note", {"备注", "说明", "note", "remark"}},
  };
  static const std::vector<Alias> census = {
      {"product", {"产品", "产品名称", "资源名称", "名称", "product", "gi", "name"}},
      {"category", {"类别", "类型", "category", "type"}},
      kTownship,
      {"survey_date", {"调查日期", "日期", "surveydate", "date"}},
      {"surveyor", {"调查人", "调查人员", "surveyor"}},
      {"annual_output_t", {"年产量", "产量", "年产量吨", "annualoutput", "annualoutputt", "output"}},
      {"area_mu", {"面积", "面积亩", "种植面积", "亩", "area", "areamu"}},
      {"households", {"户数", "农户数", "households"}},
      kNote, kLon, kLat,
  };
  static const std::vector<Alias> producers = {
      {"name", {"名称", "企业名称", "单位名称", "生产者", "生产者名称", "经营主体", "主体名称", "name", "producer"}},
      {"credit_code", {"统一社会信用代码", "信用代码", "社会信用代码", "creditcode", "uscc", "uscc18"}},
      {"gi", {"产品", "地理标志", "地理标志产品", "产品名称", "gi", "product"}},
      {"authorised", {"授权", "是否授权", "授权状态", "authorised", "authorized"}},
      {"authorised_since", {"授权日期", "授权时间", "since", "authorisedsince", "authorizedsince"}},
      kTownship, kNote, kLon, kLat, kCrs,
  };
  static const std::vector<Alias> inspectors = {
      {"name", {"姓名", "名称", "name"}},
      {"unit", {"单位", "执法单位", "所在单位", "unit"}},
      {"badge", {"执法证号", "证号", "执法证", "badge"}},
      {"active", {"在职", "状态", "是否在职", "active"}},
  };
  static const Alias kProducerName{
      "producer_name", {"生产者", "生产者名称", "企业名称", "经营主体", "主体名称", "单位名称", "producer", "producername", "owner"}};
  static const Alias kCredit{"credit_code", {"统一社会信用代码", "信用代码", "社会信用代码", "creditcode", "uscc", "uscc18"}};
  static const Alias kGi{"gi", {"产品", "地理标志", "地理标志产品", "产品名称", "gi", "product"}};
  static const std::vector<Alias> areas = {
      {"code", {"地块编号", "基地编号", "编号", "地块代码", "code", "areacode", "plotid", "areaid", "id", "dkbm"}},
      {"name", {"名称", "基地名称", "地块名称", "基地", "name"}},
      kProducerName, kCredit, kGi,
      {"crop", {"作物", "品种", "作物名称", "crop"}},
      {"declared_mu", {"面积", "面积亩", "种植面积", "亩", "areamu", "declaredmu", "area"}},
      {"survey_date", {"调查日期", "测量日期", "测绘日期", "日期", "surveydate", "date"}},
      {"note", {"备注", "说明", "描述", "note", "remark", "description"}},
  };
  static const std::vector<Alias> lots = {
      {"code", {"批次号", "批次", "批次编号", "批号", "lot", "lotcode", "code"}},
      kProducerName, kCredit, kGi,
      {"harvest_date", {"采收日期", "收获日期", "生产日期", "日期", "harvestdate", "productiondate", "date"}},
      {"quantity_kg", {"数量", "数量kg", "重量", "重量kg", "数量公斤", "quantity", "quantitykg", "kg"}},
      {"area_codes", {"地块", "地块编号", "来源地块", "基地编号", "areas", "areacodes", "areaids"}},
      kNote,
  };
  switch (kind) {
    case ImportKind::Areas: return areas;
    case ImportKind::Lots: return lots;
    case ImportKind::Townships: return townships;
    case ImportKind::Villages: return villages;
    case ImportKind::Zones: return zones;
    case ImportKind::Census: return census;
    case ImportKind::Producers: return producers;
    case ImportKind::Inspectors: return inspectors;
  }
  return producers;
}

}  // namespace

std::vector<std::string> import_targets(ImportKind kind) {
  std::vector<std::string> out;
  for (const Alias& a : aliases(kind)) out.push_back(a.target);
  return out;
}

std::string normalise_field_name(const std::string& name) {
  std::string s = fold_fullwidth(name);
  for (const char* open : {"(", "[", "{"}) {
    const auto i = s.find(open);
    if (i != std::string::npos && i > 0) s.erase(i);
  }
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isspace(u) || c == '_' || c == '-' || c == '.') continue;
    out += static_cast<char>(std::tolower(u));
  }
  return out;
}

std::string FieldMap::describe(const std::vector<std::string>& source_fields) const {
  std::string s;
  for (const auto& [target, i] : index) {
    if (!s.empty()) s += ", ";
    s += target + "=" + source_fields[static_cast<std::size_t>(i)];
  }
  return s.empty() ? "no attribute fields matched" : s;
}

FieldMap map_fields(ImportKind kind, const std::vector<std::string>& source_fields,
                    const std::map<std::string, std::string>& overrides, const std::string& lon_column,
                    const std::string& lat_column, const std::string& where) {
  std::vector<std::string> norm;
  for (const auto& f : source_fields) norm.push_back(normalise_field_name(f));
  auto columns = [&] {
    std::string s;
    for (const auto& f : source_fields) s += (s.empty() ? "" : ", ") + f;
    return s;
  };
  auto find_column = [&](const std::string& col) -> int {
    for (std::size_t i = 0; i < source_fields.size(); ++i)
      if (source_fields[i] == col) return static_cast<int>(i);
    const std::string n = normalise_field_name(col);
    for (std::size_t i = 0; i < norm.size(); ++i)
      if (norm[i] == n) return static_cast<int>(i);
    return -1;
  };

  std::map<std::string, std::string> wanted = overrides;
  if (!lon_column.empty()) wanted["lon"] = lon_column;
  if (!lat_column.empty()) wanted["lat"] = lat_column;

  FieldMap m;
  const auto& table = aliases(kind);
  std::vector<bool> used(source_fields.size(), false);
  for (const auto& [target, col] : wanted) {
    const std::string& name = target;  // clang 14 cannot capture a structured binding yet
    const bool known = std::any_of(table.begin(), table.end(), [&](const Alias& a) { return name == a.target; });
    if (!known) {
      std::string targets;
      for (const Alias& a : table) targets += (targets.empty() ? "" : ", ") + std::string(a.target);
      throw Error(where + ": no field '" + target + "' to map for " + import_kind_name(kind) + "; fields: " + targets);
    }
    const int i = find_column(col);
    if (i < 0) throw Error(where + ": no column '" + col + "'; columns: " + columns());
    m.index[target] = i;
    used[static_cast<std::size_t>(i)] = true;
  }
  // Aliases in table order; an alias earlier in a target's list wins, and a column serves one
  // target only (so 乡镇 names a township, not also the name of a producer).
  for (const Alias& a : table) {
    if (m.index.count(a.target)) continue;
    for (const char* alias : a.names) {
      const std::string n = normalise_field_name(alias);
      int hit = -1;
      for (std::size_t i = 0; i < norm.size() && hit < 0; ++i)
        if (!used[i] && norm[i] == n) hit = static_cast<int>(i);
      if (hit >= 0) {
        m.index[a.target] = hit;
        used[static_cast<std::size_t>(hit)] = true;
        break;
      }
    }
  }
  return m;
}

}  // namespace giatlas
