// Name lists for the synthetic sample.
#include "sample/names.h"

#include "workspace/credit_code.h"

namespace giatlas {

const std::vector<TownshipName>& wulong_townships() {
  static const std::vector<TownshipName> names = {
      {"凤山街道", "街道", "500156001"},      {"芙蓉街道", "街道", "500156002"},
      {"仙女山街道", "街道", "500156003"},    {"羊角街道", "街道", "500156004"},
      {"白马镇", "镇", "500156100"},          {"江口镇", "镇", "500156101"},
      {"火炉镇", "镇", "500156102"},          {"鸭江镇", "镇", "500156103"},
      {"长坝镇", "镇", "500156104"},          {"平桥镇", "镇", "500156105"},
      {"桐梓镇", "镇", "500156106"},          {"土坎镇", "镇", "500156107"},
      {"和顺镇", "镇", "500156108"},          {"双河镇", "镇", "500156109"},
      {"黄莺乡", "乡", "500156200"},          {"沧沟乡", "乡", "500156201"},
      {"文复苗族土家族乡", "乡", "500156202"}, {"浩口苗族仡佬族乡", "乡", "500156203"},
      {"接龙乡", "乡", "500156204"},          {"赵家乡", "乡", "500156205"},
      {"大洞河乡", "乡", "500156206"},        {"石桥苗族土家族乡", "乡", "500156207"},
      {"后坪苗族土家族乡", "乡", "500156208"}, {"庙垭乡", "乡", "500156209"},
      {"白云乡", "乡", "500156210"},
  };
  return names;
}

namespace {

template <class T>
const T& pick(SampleRng& rng, const std::vector<T>& v) {
  return v[static_cast<std::size_t>(rng.below(v.size()))];
}

const std::vector<std::string>& village_stems() {
  static const std::vector<std::string> v = {
      "石桥", "大坪", "黄柏", "金竹", "桂花", "青杠", "核桃", "梨园", "双龙", "白果", "新华", "红岩", "长坪",
      "杨柳", "沙坝", "龙洞", "鹿角", "凉水", "铁佛", "高峰", "木根", "田坝", "水井", "茶园", "松林", "向阳",
      "堰塘", "楠木", "柏杨", "银杏", "兴隆", "太平", "永安", "万峰", "天池", "黑山", "土地", "落塘", "火石",
      "三汇", "团结", "光明", "庙坝", "岩峰", "碑垭", "清水", "官田", "桃园", "石院", "荆竹"};
  return v;
}

}  // namespace

std::string village_name(SampleRng& rng, std::vector<std::string>& taken) {
  for (int attempt = 0;; ++attempt) {
    std::string name = pick(rng, village_stems()) + (rng.chance(0.15) ? "社区" : "村");
    if (attempt > 40) name = pick(rng, village_stems()) + pick(rng, village_stems()) + "村";
    bool used = false;
    for (const auto& t : taken) used = used || t == name;
    if (!used) {
      taken.push_back(name);
      return name;
    }
  }
}

std::string person_name(SampleRng& rng) {
  static const std::vector<std::string> surnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴",
                                                    "徐", "孙", "冉", "何", "罗", "蒋", "谭", "彭", "田", "向"};
  static const std::vector<std::string> given = {"明", "华", "强", "芳", "军", "丽", "勇", "艳", "杰", "娟",
                                                 "涛", "敏", "静", "斌", "霞", "超", "平", "刚", "云", "林"};
  std::string n = pick(rng, surnames) + pick(rng, given);
  if (rng.chance(0.6)) n += pick(rng, given);
  return n;
}

std::string producer_name(SampleRng& rng, const std::string& township, const std::string& product) {
  static const std::vector<std::string> kinds = {"种植专业合作社", "家庭农场", "农业开发有限公司", "生态农业有限公司",
                                                 "食品有限公司", "种养殖专业合作社"};
  std::string place = township.substr(0, township.size() >= 6 ? 6 : township.size());  // first two characters
  std::string who = person_name(rng);
  int style = static_cast<int>(rng.below(3));
  if (style == 0) return "武隆区" + place + who.substr(0, 3) + "记" + product + pick(rng, kinds);
  if (style == 1) return "重庆市武隆区" + who + "家庭农场";
  return "武隆区" + place + pick(rng, village_stems()) + product + pick(rng, kinds);
}

std::string make_credit_code(SampleRng& rng, bool cooperative) {
  static const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  std::string code = cooperative ? "93" : "92";
  code += "500156";
  for (int i = 0; i < 9; ++i) code += alphabet[static_cast<std::size_t>(rng.below(i < 8 ? 10 : alphabet.size()))];
  code += credit_code_check_char(code);
  return code;
}

}  // namespace giatlas
