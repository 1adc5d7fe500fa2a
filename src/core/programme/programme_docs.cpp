// The catalogue, candidate ranking and yearly report as documents.
#include "programme/programme_docs.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "census/census_editor.h"
#include "check/origin_check.h"
#include "programme/calendar.h"
#include "programme/candidates.h"
#include "programme/catalogue.h"
#include "programme/programme_store.h"
#include "programme/register_book.h"
#include "programme/targets.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {

std::string num(double v, int decimals = 0) {
  char b[48];
  std::snprintf(b, sizeof b, "%.*f", decimals, v);
  return b;
}

std::string percent(double v) { return num(v * 100, 1) + "%"; }

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

std::string target_goal_text(const ProgrammeTarget& t) {
  if (t.metric == "standards_overdue") return "≤" + num(t.threshold);
  return "≥" + target_value_text(t, t.threshold);
}

DocTable targets_table(const std::vector<TargetResult>& results) {
  DocTable t{"目标完成情况", {"指标", "目标", "当前值", "按进度应达", "状态", "期间"}, {}, {}};
  for (const TargetResult& r : results)
    t.rows.push_back(
        {r.target.title, target_goal_text(r.target), target_value_text(r.target, r.value),
         r.target.metric == "standards_overdue" ? "—" : target_value_text(r.target, r.expected_now),
         target_status_zh(r.status), r.target.period_from + "至" + r.target.period_to});
  return t;
}

std::string result_zh(const std::string& code) {
  if (auto r = result_from_code(code)) return result_label_zh(*r);
  return code;
}

}  // namespace

std::string report_as_of(int year) { return std::min(year_end(year), today_iso()); }

ReportDoc catalogue_doc(const Workspace& ws) {
  ReportDoc d;
  d.title = ws.metadata().district_name + "地理标志产品资源分类保护目录";
  d.subtitle = "状态：资源 → 列入保护目录 → 培育对象 → 申报中 → 已注册；生成日期 " + today_iso();
  DocTable t{"保护目录",
             {"类别", "名称", "状态", "状态日期", "产地乡镇", "面积（亩）", "年产量（吨）", "农户", "企业",
              "生产历史（始于）", "普查点", "地理标志", "调查人", "调查日期", "知名度", "资料来源", "照片"},
             {},
             {false, false, false, false, false, true, true, true, true, true, true, false, false, false,
              false, false, false}};
  for (const CatalogueRow& row : catalogue(ws)) {
    const GiResource& r = row.resource;
    t.rows.push_back({r.category, r.name, catalogue_status_zh(row.status), row.status_date,
                      join(r.townships, "、"), num(r.area_mu), num(r.annual_output_t),
                      std::to_string(r.households), std::to_string(r.firms),
                      r.since_year ? std::to_string(r.since_year) : "", std::to_string(row.census_points),
                      r.gi, r.surveyor, r.survey_date, r.reputation, r.sources, join(r.photos, "; ")});
  }
  d.add(std::move(t));
  return d;
}

ReportDoc candidates_doc(const Workspace& ws) {
  ReportDoc d;
  d.title = ws.metadata().district_name + "地理标志申报培育对象评分排序";
  const CriterionWeights w = candidate_weights(ws);
  std::string weights;
  for (int i = 0; i < kCriteria; ++i)
    weights += std::string(i ? "，" : "") + candidate_criteria_zh()[static_cast<std::size_t>(i)] + " " +
               num(w[static_cast<std::size_t>(i)], 2);
  d.subtitle = "权重：" + weights +
               "。总分 = Σ权重×得分 ÷ "
               "Σ权重。同分时，最低单项得分高者在前，再按名称排序。规模与辐射能力未经评审打分时按工作区数据计"
               "分（标注“数据”）。";
  DocTable t{"评分排序", {"名次", "名称", "类别", "状态"}, {}, {true, false, false, false}};
  for (int i = 0; i < kCriteria; ++i) {
    t.header.push_back(candidate_criteria_zh()[static_cast<std::size_t>(i)]);
    t.numeric.push_back(true);
  }
  for (const char* h : {"总分", "完整", "说明"}) t.header.push_back(h);
  t.numeric.insert(t.numeric.end(), {true, false, false});
  for (const CandidateSheet& s : candidate_ranking(ws)) {
    std::vector<std::string> row = {std::to_string(s.rank), s.name, s.category,
                                    catalogue_status_zh(s.status)};
    std::string notes;
    for (std::size_t i = 0; i < kCriteria; ++i) {
      row.push_back(s.scores[i].score ? std::to_string(s.scores[i].score) : "");
      if (!s.scores[i].note.empty() || s.scores[i].source == "data")
        notes += std::string(notes.empty() ? "" : "；") + candidate_criteria_zh()[i] +
                 (s.scores[i].source == "data" ? "（数据）" : "") + "：" + s.scores[i].note;
    }
    row.push_back(num(s.total, 2));
    row.push_back(s.complete ? "是" : "否（缺项）");
    row.push_back(notes);
    t.rows.push_back(std::move(row));
  }
  d.add(std::move(t));
  return d;
}

ReportDoc programme_report_doc(const Workspace& ws, int year, std::string as_of) {
  if (as_of.empty()) as_of = report_as_of(year);
  const std::string y = std::to_string(year), from = y + "-01-01", to = year_end(year);
  const ProgrammeFacts f = programme_facts(ws);
  const auto targets = programme_targets(ws);
  ReportDoc d;
  const Metadata meta = ws.metadata();
  d.title = meta.district_name + y + "年度地理标志工作报告";
  d.subtitle = "统计截至 " + as_of + "；规划期 " + targets.front().period_from + "至" +
               targets.front().period_to + (meta.synthetic ? "；本报告数据为合成样例数据" : "");

  d.h("一、规划目标完成情况");
  const auto results = evaluate_targets(targets, f, as_of);
  int met = 0, behind = 0;
  for (const auto& r : results)
    met += r.status == TargetStatus::met, behind += r.status == TargetStatus::behind;
  d.p("共" + std::to_string(results.size()) + "项目标：已完成" + std::to_string(met) + "项，滞后" +
      std::to_string(behind) + "项。按进度应达 = 目标 × 规划期已过时间占比。");
  d.add(targets_table(results));
  {  // new GI trademarks per year of the plan, against the plan's yearly share of its target
    DocChart c{"年份", "年", "新增地理标志商标", "件", {}, {}, 0, -1};
    for (int yr = year_of(plan_start(targets)); yr <= year; ++yr) {
      const std::string a = std::to_string(yr) + "-01-01", b = std::min(year_end(yr), as_of);
      c.categories.push_back(std::to_string(yr));
      c.values.push_back(static_cast<double>(
          std::count_if(f.protections.begin(), f.protections.end(), [&](const GiProtection& p) {
            return p.registration_date >= a && p.registration_date <= b &&
                   (p.protection_type == "地理标志证明商标" || p.protection_type == "地理标志集体商标");
          })));
    }
    d.chart("图1 历年新增地理标志商标（件）", std::move(c));
  }

  d.h("二、本年度新增注册");
  DocTable reg{
      "本年度新增注册", {"地理标志", "保护类型", "注册号", "注册日期", "注册机关", "持有人"}, {}, {}};
  for (const GiProtection& p : f.protections)
    if (p.registration_date >= from && p.registration_date <= std::min(to, as_of))
      reg.rows.push_back(
          {p.gi, p.protection_type, p.registration_no, p.registration_date, p.authority, p.holder});
  std::sort(reg.rows.begin(), reg.rows.end(), [](const auto& a, const auto& b) { return a[3] < b[3]; });
  d.p("本年度新增注册" + std::to_string(reg.rows.size()) + "件。");
  d.add(std::move(reg));

  d.h("三、地理标志标准制定");
  const auto due = standards_due(f.protections, f.standards, plan_start(targets), as_of);
  DocTable pub{"本年度发布标准", {"地理标志", "标准号", "标准名称", "级别", "发布日期"}, {}, {}};
  for (const GiStandard& s : f.standards)
    if (s.published >= from && s.published <= std::min(to, as_of))
      pub.rows.push_back({s.gi, s.number, s.title, s.level, s.published});
  d.add(std::move(pub));
  std::vector<std::string> overdue, soon;
  DocTable dt{"标准到期情况",
              {"地理标志", "首次注册", "标准应制定日期", "标准号", "发布日期", "状态", "剩余天数"},
              {},
              {false, false, false, false, false, false, true}};
  for (const StandardDue& s : due) {
    dt.rows.push_back({s.gi, s.registered, s.due, s.standard, s.published, standard_state_zh(s.state),
                       s.published.empty() ? std::to_string(s.days_left) : ""});
    if (s.state == StandardState::overdue) overdue.push_back(s.gi + "（应于" + s.due + "前）");
    if (s.state == StandardState::due_soon) soon.push_back(s.gi + "（" + s.due + "）");
  }
  d.p("已逾期未制定标准：" + (overdue.empty() ? std::string("无") : join(overdue, "、")) + "。90天内到期：" +
      (soon.empty() ? std::string("无") : join(soon, "、")) + "。");
  d.add(std::move(dt));

  d.h("四、专用标志使用");
  const UseRate ur = use_rate(f.reg, f.reg_changes, f.protections, f.users, as_of);
  d.p("已注册地理标志" + std::to_string(ur.registered) + "个，其中有在用授权使用主体的" +
      std::to_string(ur.with_users) + "个，使用率" + percent(ur.rate) + "；在用授权使用主体共" +
      std::to_string(ur.current_users) + "家。");
  DocTable users{"各地理标志授权使用情况",
                 {"地理标志", "首次注册", "在用使用主体", "累计授权", "是否使用"},
                 {},
                 {false, false, true, true, false}};
  for (const GiUse& u : ur.per_gi)
    users.rows.push_back({u.gi, first_registration(f.protections, u.gi), std::to_string(u.current_users),
                          std::to_string(u.all_users), u.current_users > 0 ? "是" : "否"});
  d.add(std::move(users));
  DocTable per_year{"历年使用率",
                    {"年份", "统计日", "已注册", "有使用主体", "使用率", "在用使用主体"},
                    {},
                    {true, false, true, true, false, true}};
  for (int yr = year_of(plan_start(targets)); yr <= year; ++yr) {
    const std::string at = yr == year ? as_of : year_end(yr);
    const UseRate r = use_rate(f.reg, f.reg_changes, f.protections, f.users, at);
    per_year.rows.push_back({std::to_string(yr), at, std::to_string(r.registered),
                             std::to_string(r.with_users), percent(r.rate), std::to_string(r.current_users)});
  }
  d.add(std::move(per_year));
  {  // the same series as charts, with the targets as dashed lines
    double rate_target = -1, users_target = -1;
    for (const ProgrammeTarget& t : targets) {
      if (t.metric == "use_rate") rate_target = t.threshold;
      if (t.metric == "mark_users") users_target = t.threshold;
    }
    DocChart rate{"年份", "年", "专用标志使用率", "%", {}, {}, 1, rate_target};
    DocChart users_c{"年份", "年", "在用授权使用主体", "家", {}, {}, 0, users_target};
    for (int yr = year_of(plan_start(targets)); yr <= year; ++yr) {
      const UseRate r =
          use_rate(f.reg, f.reg_changes, f.protections, f.users, yr == year ? as_of : year_end(yr));
      rate.categories.push_back(std::to_string(yr)), rate.values.push_back(r.rate);
      users_c.categories.push_back(std::to_string(yr)), users_c.values.push_back(r.current_users);
    }
    d.chart("图2 历年专用标志使用率（%，虚线为目标）", std::move(rate));
    d.chart("图3 历年在用授权使用主体（家，虚线为目标）", std::move(users_c));
  }

  d.h("五、资源普查");
  const auto census = ws.census_points();
  std::map<std::string, std::map<std::string, CensusGroup>> by;  // township -> category -> totals
  std::map<std::string, double> per_town;
  for (const CensusPoint& c : census) {
    CensusGroup& g = by[c.township][c.category];
    ++g.points, g.area_mu += c.area_mu, g.annual_output_t += c.annual_output_t, g.households += c.households;
    per_town[c.township] += 1;
  }
  d.p("普查点共" + std::to_string(census.size()) + "个，分布于" + std::to_string(by.size()) +
      "个乡镇（街道）。");
  DocTable ct{"按乡镇和类别汇总",
              {"乡镇（街道）", "类别", "普查点", "面积（亩）", "年产量（吨）", "农户"},
              {},
              {false, false, true, true, true, true}};
  for (const auto& [town, cats] : by)
    for (const auto& [cat, g] : cats)
      ct.rows.push_back({town.empty() ? "（未定）" : town, cat, std::to_string(g.points), num(g.area_mu),
                         num(g.annual_output_t, 1), std::to_string(g.households)});
  std::vector<MapArea> areas;
  for (const Township& t : ws.townships()) areas.push_back({t.name, t.geom, per_town[t.name]});
  d.map("各乡镇（街道）普查点数量", std::move(areas), "个");
  d.add(std::move(ct));

  d.h("六、执法检查");
  std::map<std::string, int> results_count;
  int done = 0;
  for (const Inspection& i : ws.inspections())
    if (i.date >= from && i.date <= std::min(to, as_of)) ++done, ++results_count[i.result];
  d.p("本年度完成检查" + std::to_string(done) + "次。");
  DocTable it{"检查结果", {"结果", "次数"}, {}, {false, true}};
  for (const auto& [code, n] : results_count) it.rows.push_back({result_zh(code), std::to_string(n)});
  d.add(std::move(it));

  d.h("七、资源库与保护目录");
  std::map<std::string, std::map<std::string, int>> cat_status;
  for (const CatalogueRow& r : catalogue(ws, as_of)) ++cat_status[r.resource.category][r.status];
  DocTable cs{"资源库状态汇总", {"类别"}, {}, {false}};
  for (const std::string& s : catalogue_statuses())
    cs.header.push_back(catalogue_status_zh(s)), cs.numeric.push_back(true);
  for (const std::string& cat : resource_categories()) {
    std::vector<std::string> row = {cat};
    for (const std::string& s : catalogue_statuses()) row.push_back(std::to_string(cat_status[cat][s]));
    cs.rows.push_back(std::move(row));
  }
  d.add(std::move(cs));
  return d;
}

}  // namespace giatlas
