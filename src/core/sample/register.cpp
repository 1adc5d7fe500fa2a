// The sample's GI register, zone plan and census categories.
#include "sample/register.h"

#include <algorithm>

namespace giatlas {

std::vector<GiProduct> sample_register(int zones) {
  auto gi = [](const char* name, const char* cat, const char* type, const char* status, const char* no,
               const char* date, const char* holder, const char* std_no, const char* std_date) {
    GiProduct g;
    g.name = name, g.category = cat, g.protection_type = type, g.status = status, g.registration_no = no;
    g.registration_date = date, g.holder = holder, g.standard_no = std_no, g.standard_date = std_date;
    return g;
  };
  std::vector<GiProduct> out = {
      gi("武隆高山萝卜", "特色农产品", "农产品地理标志", "registered", "样例AGI-0001", "2013-12-01",
         "武隆区高山蔬菜产业协会", "样例DB50/T 0001-2014", "2014-06-01"),
      gi("武隆高山白菜", "特色农产品", "农产品地理标志", "registered", "样例AGI-0002", "2015-06-01",
         "武隆区高山蔬菜产业协会", "样例DB50/T 0002-2015", "2015-10-01"),
      gi("武隆猪腰枣", "特色农产品", "地理标志证明商标", "registered", "样例TM-0003", "2016-09-01",
         "武隆区果品协会", "样例Q/WL 0003-2016", "2016-12-01"),
      gi("武隆高山甘蓝", "特色农产品", "农产品地理标志", "applying", "", "", "武隆区高山蔬菜产业协会", "", ""),
      gi("武隆老鹰茶", "特色农产品", "地理标志证明商标", "candidate", "", "", "武隆区茶叶协会", "", ""),
      gi("羊角豆干", "传统手工业品", "地理标志保护产品", "candidate", "", "", "武隆区羊角豆干行业协会", "", ""),
  };
  const std::vector<GiProduct> extra = {
      gi("武隆高山辣椒", "特色农产品", "农产品地理标志", "applying", "", "", "武隆区高山蔬菜产业协会", "", ""),
      gi("武隆土蜂蜜", "特色农产品", "地理标志证明商标", "candidate", "", "", "武隆区蜂业协会", "", ""),
      gi("武隆黄精", "道地药材", "地理标志保护产品", "candidate", "", "", "武隆区中药材协会", "", ""),
  };
  for (int i = 0; i < std::clamp(zones - 5, 0, 3); ++i) out.push_back(extra[static_cast<std::size_t>(i)]);
  return out;
}

std::vector<SampleZonePlan> sample_zone_plan(int zones) {
  const std::vector<std::string> radish_v1 = {"仙女山街道", "双河镇", "白马镇", "沧沟乡",
                                              "后坪苗族土家族乡", "文复苗族土家族乡", "石桥苗族土家族乡"};
  std::vector<std::string> radish_v2 = radish_v1;
  radish_v2.insert(radish_v2.end(), {"庙垭乡", "赵家乡"});
  const std::vector<std::string> cabbage = {"仙女山街道", "双河镇", "白云乡", "接龙乡", "庙垭乡", "大洞河乡"};
  std::vector<SampleZonePlan> out = {
      {"武隆高山萝卜", "2013-12-01", radish_v1, {}},
      {"武隆高山萝卜", "2021-03-15", radish_v2, {}},
      // The published scope as the law writes it: the same units, 海拔1200米以上.
      {"武隆高山萝卜", "2024-06-01", radish_v2, {1200.0, std::nullopt}},
      {"武隆高山白菜", "2015-06-01", cabbage, {}},
      {"武隆高山白菜", "2024-06-01", cabbage, {1000.0, 1600.0}},
      {"武隆猪腰枣", "2016-09-01", {"江口镇", "鸭江镇", "土坎镇", "羊角街道", "凤山街道", "芙蓉街道"}, {}},
      {"武隆高山甘蓝", "2024-01-01", {"后坪苗族土家族乡", "文复苗族土家族乡", "沧沟乡", "浩口苗族仡佬族乡", "黄莺乡"}, {}},
      {"武隆老鹰茶", "2025-05-01", {"桐梓镇", "和顺镇", "火炉镇", "长坝镇"}, {}},
  };
  // Each extra zone overlaps two or more of the others.
  const std::vector<SampleZonePlan> extra = {
      {"武隆高山辣椒", "2019-04-01", {"白马镇", "长坝镇", "鸭江镇", "土坎镇", "平桥镇", "双河镇"}, {}},
      {"武隆土蜂蜜", "2020-08-01", {"火炉镇", "平桥镇", "黄莺乡", "浩口苗族仡佬族乡", "接龙乡", "赵家乡", "白云乡"}, {}},
      {"武隆黄精", "2022-10-01", {"后坪苗族土家族乡", "石桥苗族土家族乡", "大洞河乡", "庙垭乡", "和顺镇", "江口镇"}, {}},
  };
  for (int i = 0; i < std::clamp(zones - 5, 0, 3); ++i) out.push_back(extra[static_cast<std::size_t>(i)]);
  return out;
}

std::vector<std::pair<std::string, double>> sample_gi_weights(int zones) {
  if (zones <= 5)
    return {{"武隆高山萝卜", 0.4}, {"武隆高山白菜", 0.2}, {"武隆猪腰枣", 0.2}, {"武隆高山甘蓝", 0.1}, {"武隆老鹰茶", 0.1}};
  std::vector<std::pair<std::string, double>> out = {
      {"武隆高山萝卜", 0.25}, {"武隆高山白菜", 0.15}, {"武隆猪腰枣", 0.15}, {"武隆高山甘蓝", 0.1}, {"武隆老鹰茶", 0.1}};
  const char* extra[] = {"武隆高山辣椒", "武隆土蜂蜜", "武隆黄精"};
  const int n = std::clamp(zones - 5, 0, 3);
  for (int i = 0; i < n; ++i) out.emplace_back(extra[i], 0.25 / n);
  return out;
}

std::vector<CensusCategory> sample_census_categories() {
  return {
      {"特色农产品", {"高山萝卜", "高山白菜", "猪腰枣", "高山甘蓝", "老鹰茶", "高山辣椒", "土蜂蜜"}},
      {"传统手工业品", {"羊角豆干", "碗碗羊肉", "苗族刺绣", "竹编"}},
      {"道地药材", {"黄精", "天麻", "玄参", "厚朴"}},
      {"非物质文化遗产", {"后坪山歌", "仡佬族踩山会", "羊角老醋"}},
  };
}

}  // namespace giatlas
