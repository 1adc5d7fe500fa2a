// The sample's programme history (see the header for the facts it guarantees).
#include "sample/programme_history.h"

#include <map>

#include "programme/candidates.h"
#include "programme/catalogue.h"
#include "programme/programme_import.h"
#include "programme/register_book.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {

struct Step {
  const char* status;
  const char* date;
  const char* note;
};

struct SampleResource {
  const char* name;
  const char* category;
  std::vector<std::string> townships;
  double area_mu, output_t;
  int households, firms, since;
  const char* reputation;
  const char* survey_date;
  bool registered_before;  // a GI of the register registered before the library existed
  std::vector<Step> steps;
};

std::vector<SampleResource> sample_resources() {
  const char* cat = "2021-12-20";
  return {
      {"武隆高山萝卜",
       "特色农产品",
       {"仙女山街道", "双河镇", "白马镇"},
       52000,
       180000,
       3200,
       14,
       1985,
       "全国名特优新农产品",
       "2021-03-18",
       true,
       {}},
      {"武隆高山白菜",
       "特色农产品",
       {"仙女山街道", "双河镇", "白云乡"},
       31000,
       95000,
       2100,
       9,
       1990,
       "重庆市名牌农产品",
       "2021-03-22",
       true,
       {}},
      {"武隆猪腰枣",
       "特色农产品",
       {"江口镇", "鸭江镇", "土坎镇"},
       6800,
       4100,
       860,
       5,
       1950,
       "地方名果",
       "2021-04-02",
       true,
       {}},
      {"武隆高山甘蓝",
       "特色农产品",
       {"后坪苗族土家族乡", "沧沟乡"},
       18000,
       60000,
       1300,
       6,
       1995,
       "市级区域公用品牌",
       "2021-04-12",
       false,
       {{"catalogued", cat, ""},
        {"candidate", "2022-03-01", "评审第一"},
        {"applying", "2022-05-16", "提交农业农村部"},
        {"registered", "2023-06-08", ""}}},
      {"武隆老鹰茶",
       "特色农产品",
       {"桐梓镇", "和顺镇", "火炉镇"},
       4200,
       380,
       640,
       11,
       1900,
       "百年老茶",
       "2021-05-08",
       false,
       {{"catalogued", cat, ""},
        {"candidate", "2022-03-01", ""},
        {"applying", "2023-09-01", "提交国家知识产权局"},
        {"registered", "2025-02-20", ""}}},
      {"武隆高山辣椒",
       "特色农产品",
       {"白马镇", "长坝镇"},
       3600,
       7200,
       520,
       3,
       2000,
       "",
       "2021-05-20",
       false,
       {{"catalogued", cat, ""}, {"candidate", "2023-03-01", ""}}},
      {"武隆土蜂蜜",
       "特色农产品",
       {"火炉镇", "平桥镇"},
       0,
       120,
       410,
       2,
       1960,
       "",
       "2021-06-03",
       false,
       {{"catalogued", cat, ""}}},
      {"羊角豆干",
       "传统手工业品",
       {"羊角街道"},
       0,
       2600,
       60,
       18,
       1890,
       "重庆市非物质文化遗产",
       "2021-06-15",
       false,
       {{"catalogued", cat, ""},
        {"candidate", "2022-03-01", ""},
        {"applying", "2022-10-10", ""},
        {"registered", "2024-04-18", ""}}},
      {"武隆碗碗羊肉",
       "传统手工业品",
       {"羊角街道", "凤山街道"},
       0,
       900,
       45,
       26,
       1920,
       "中华老字号申报中",
       "2021-07-01",
       false,
       {{"catalogued", cat, ""},
        {"candidate", "2023-03-01", ""},
        {"applying", "2024-06-01", ""},
        {"registered", "2026-05-18", ""}}},
      {"苗族刺绣",
       "传统手工业品",
       {"后坪苗族土家族乡", "文复苗族土家族乡"},
       0,
       0,
       120,
       2,
       1700,
       "",
       "2021-07-09",
       false,
       {{"catalogued", "2022-12-15", ""}}},
      {"竹编", "传统手工业品", {"浩口苗族仡佬族乡"}, 0, 0, 80, 1, 1930, "", "2021-07-20", false, {}},
      {"武隆黄精",
       "道地药材",
       {"后坪苗族土家族乡", "石桥苗族土家族乡", "大洞河乡"},
       2800,
       1400,
       390,
       4,
       1980,
       "",
       "2021-08-05",
       false,
       {{"catalogued", cat, ""}, {"candidate", "2023-03-01", ""}}},
      {"武隆天麻",
       "道地药材",
       {"庙垭乡", "赵家乡"},
       900,
       210,
       150,
       2,
       1985,
       "",
       "2021-08-18",
       false,
       {{"catalogued", cat, ""},
        {"candidate", "2022-03-01", ""},
        {"catalogued", "2023-03-01", "产量不足，暂缓"},
        {"candidate", "2024-03-01", "扩种后重新列入"}}},
      {"武隆玄参",
       "道地药材",
       {"黄莺乡"},
       1200,
       600,
       110,
       1,
       1990,
       "",
       "2021-09-02",
       false,
       {{"catalogued", cat, ""}}},
      {"武隆厚朴", "道地药材", {"接龙乡"}, 700, 90, 70, 0, 1970, "", "2021-09-14", false, {}},
      {"后坪山歌",
       "非物质文化遗产",
       {"后坪苗族土家族乡"},
       0,
       0,
       0,
       0,
       1800,
       "重庆市级非遗",
       "2021-10-08",
       false,
       {{"catalogued", cat, ""}}},
      {"仡佬族踩山会", "非物质文化遗产", {"浩口苗族仡佬族乡"}, 0, 0, 0, 0, 1850, "", "2021-10-15", false, {}},
      {"羊角老醋",
       "非物质文化遗产",
       {"羊角街道"},
       0,
       1500,
       30,
       4,
       1880,
       "区级非遗",
       "2021-10-22",
       false,
       {{"catalogued", cat, ""}, {"candidate", "2024-03-01", ""}}},
  };
}

// The registration recorded with each resource's "registered" step.
GiProtection registration_of(const std::string& gi) {
  static const std::map<std::string, GiProtection> r = {
      {"武隆高山甘蓝", {0, "", "农产品地理标志", "样例AGI-0004", "", "农业农村部", "武隆区高山蔬菜产业协会"}},
      {"武隆老鹰茶", {0, "", "地理标志证明商标", "样例TM-0006", "", "国家知识产权局", "武隆区茶叶协会"}},
      {"羊角豆干",
       {0, "", "地理标志保护产品", "样例PGI-0005", "", "国家知识产权局", "武隆区羊角豆干行业协会"}},
      {"武隆碗碗羊肉",
       {0, "", "地理标志证明商标", "样例TM-0008", "", "国家知识产权局", "武隆区餐饮行业协会"}},
  };
  return r.at(gi);
}

void add_library(Workspace& ws) {
  for (const SampleResource& s : sample_resources()) {
    GiResource r;
    r.name = s.name, r.category = s.category, r.townships = s.townships, r.area_mu = s.area_mu;
    r.annual_output_t = s.output_t, r.households = s.households, r.firms = s.firms, r.since_year = s.since;
    r.reputation = s.reputation, r.survey_date = s.survey_date, r.surveyor = "武隆区地理标志资源普查组";
    r.sources = "2021年武隆区地理标志资源普查（样例）";
    r.photos = {std::string("photos/") + s.name + "-1.jpg"};
    if (s.registered_before) r.gi = s.name;
    add_resource(ws, r, "", s.registered_before ? "registered" : "resource");
    for (const Step& st : s.steps) {
      std::optional<GiProtection> p;
      if (std::string(st.status) == "registered") p = registration_of(s.name);
      change_catalogue_status(ws, s.name, st.status, st.date, "武隆区市场监督管理局", st.note, p);
    }
    link_census_points(ws, s.name, {});
  }
}

void add_register_records(Workspace& ws) {
  // Second protections: trademarks for two agricultural-product GIs.
  for (GiProtection p : {GiProtection{0, "武隆高山萝卜", "地理标志证明商标", "样例TM-0101", "2022-03-20",
                                      "国家知识产权局", ""},
                         GiProtection{0, "武隆高山白菜", "地理标志证明商标", "样例TM-0102", "2022-11-10",
                                      "国家知识产权局", ""}})
    add_protection(ws, p);
  for (GiStandard s : {GiStandard{0, "武隆高山萝卜", "样例DB50/T 0001-2023",
                                  "地理标志产品 武隆高山萝卜（修订）", "地方标准", "2023-05-01"},
                       GiStandard{0, "武隆高山甘蓝", "样例DB50/T 1523-2025", "地理标志产品 武隆高山甘蓝",
                                  "地方标准", "2025-09-01"},
                       GiStandard{0, "武隆碗碗羊肉", "样例T/WLSP 001-2026", "地理标志产品 武隆碗碗羊肉",
                                  "团体标准", "2026-08-20"}})
    add_standard(ws, s);
}

// Authorised users: (GI, approved, expiry, status); each linked to an authorised producer of
// the GI that was planted inside its zone, when the sample has one. One user's mark use is
// suspended after an inspection in September 2023 and restored in March 2024 (dated records): it
// does not count at the end of 2023, and does again at the end of 2024.
void add_users(Workspace& ws, const std::vector<SampleTruth>& truth) {
  struct U {
    const char *gi, *approved, *expiry, *status;
  };
  const U users[] = {
      {"武隆高山萝卜", "2019-05-10", "2022-05-09", "active"},
      {"武隆高山萝卜", "2021-04-01", "2026-03-31", "active"},
      {"武隆高山萝卜", "2022-07-15", "", "active"},
      {"武隆高山萝卜", "2024-03-01", "2027-02-28", "active"},
      {"武隆高山白菜", "2023-02-10", "2026-02-09", "active"},
      {"武隆高山白菜", "2025-06-01", "", "suspended"},
      {"武隆猪腰枣", "2020-10-01", "2025-09-30", "active"},
      {"武隆猪腰枣", "2021-11-20", "", "active"},
      {"武隆高山甘蓝", "2024-08-08", "2027-08-07", "active"},
      {"武隆老鹰茶", "2026-06-01", "", "active"},
  };
  std::map<std::int64_t, std::string> expected;
  for (const SampleTruth& t : truth) expected[t.producer_id] = t.expected;
  std::map<std::string, std::vector<Producer>> inside;  // GI -> producers planted inside, by id
  ws.for_each_producer([&](Producer&& p) {
    if (expected[p.id] == "inside" && inside[p.gi].size() < 8) inside[p.gi].push_back(std::move(p));
  });
  std::map<std::string, std::size_t> used;
  int n = 0;
  for (const U& u : users) {
    MarkUser m;
    m.gi = u.gi, m.approved = u.approved, m.expiry = u.expiry, m.status = u.status;
    auto& pool = inside[u.gi];
    std::size_t& k = used[u.gi];
    if (k < pool.size()) {
      const Producer& p = pool[k++];
      m.producer_id = p.id, m.name = p.name, m.credit_code = p.credit_code;
    } else {
      m.name = std::string(u.gi) + "样例使用主体" + std::to_string(++n);
      // not linked: a sample this small has no producer of this GI inside its zone
    }
    const MarkUser added = add_mark_user(ws, m);
    if (std::string(u.gi) == "武隆猪腰枣" && std::string(u.approved) == "2021-11-20") {
      set_mark_user_status(ws, added.id, "suspended", "", "2023-09-01", "武隆区市场监督管理局",
                           "抽查发现专用标志使用不规范，暂停使用");
      set_mark_user_status(ws, added.id, "active", "", "2024-03-15", "武隆区市场监督管理局", "整改完成，恢复使用");
    }
  }
}

void add_scores(Workspace& ws) {
  struct S {
    const char *name, *criterion;
    int score;
    const char *note, *reason;
  };
  const S scores[] = {
      {"武隆高山辣椒", "distinct", 4, "高海拔冷凉气候", ""},
      {"武隆高山辣椒", "prospects", 4, "", ""},
      {"武隆高山辣椒", "benefit", 3, "", ""},
      {"武隆高山辣椒", "reputation", 3, "", ""},
      {"武隆黄精", "distinct", 5, "道地产区", ""},
      {"武隆黄精", "prospects", 5, "康养产业需求", ""},
      {"武隆黄精", "benefit", 4, "", ""},
      {"武隆黄精", "reputation", 3, "", ""},
      {"武隆黄精", "reach", 4, "", "市外药材市场收购，辐射川渝黔"},
      {"武隆天麻", "distinct", 4, "", ""},
      {"武隆天麻", "prospects", 3, "", ""},
      {"武隆天麻", "benefit", 4, "", ""},
      {"武隆天麻", "reputation", 2, "", ""},
      {"羊角老醋", "distinct", 5, "传统固态发酵", ""},
      {"羊角老醋", "prospects", 3, "", ""},
      {"羊角老醋", "benefit", 3, "", ""},
      {"羊角老醋", "reputation", 4, "区级非遗", ""},
      {"武隆土蜂蜜", "distinct", 3, "", ""},
      {"武隆土蜂蜜", "prospects", 4, "", ""},
  };
  for (const S& s : scores) {
    CandidateScore c;
    c.criterion = s.criterion, c.score = s.score, c.note = s.note, c.override_reason = s.reason;
    c.assessor = "地理标志培育评审组", c.date = "2024-03-15";
    record_score(ws, s.name, c);
  }
}

// Yearly "double random" inspections: every k-th producer with a location, result as planted.
void add_inspections(Workspace& ws, const std::vector<SampleTruth>& truth) {
  const auto inspectors = ws.inspectors();
  std::map<std::int64_t, std::string> expected;
  for (const SampleTruth& t : truth) expected[t.producer_id] = t.expected;
  std::vector<Producer> pool;
  ws.for_each_producer([&](Producer&& p) {
    if (p.location && expected.count(p.id)) pool.push_back(std::move(p));
  });
  std::vector<Inspection> rows;
  for (const auto& [year, count, month] : {std::tuple{2025, 30, "06"}, std::tuple{2026, 36, "05"}}) {
    for (int i = 0; i < count && !pool.empty(); ++i) {
      const Producer& p =
          pool[(static_cast<std::size_t>(i) * 37 + static_cast<std::size_t>(year)) % pool.size()];
      Inspection in;
      in.producer_id = p.id, in.producer_name = p.name, in.gi = p.gi, in.result = expected[p.id];
      char date[16];
      std::snprintf(date, sizeof date, "%d-%s-%02d", year, month, 3 + i % 25);
      in.date = date;
      if (const auto z = ws.zone_in_force(p.gi, in.date)) in.zone_version = z->version;
      if (inspectors.size() >= 2)
        in.inspector = inspectors[static_cast<std::size_t>(i) % inspectors.size()].name + "、" +
                       inspectors[static_cast<std::size_t>(i + 1) % inspectors.size()].name;
      in.note = "双随机抽查（样例）";
      rows.push_back(std::move(in));
    }
  }
  ws.add_inspections(rows);
}

}  // namespace

void add_programme_history(Workspace& ws, const std::vector<SampleTruth>& truth) {
  add_library(ws);
  add_register_records(ws);
  add_users(ws, truth);
  add_scores(ws);
  add_inspections(ws, truth);
}

}  // namespace giatlas
