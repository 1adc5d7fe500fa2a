// Imports of authorised users and resources; census point links.
#include "programme/programme_import.h"

#include <algorithm>
#include <cstdlib>
#include <initializer_list>

#include "error.h"
#include "io/source_open.h"
#include "programme/catalogue.h"
#include "programme/register_book.h"
#include "workspace/workspace.h"

namespace giatlas {

namespace {

// The field index of the first header among `names` (exact, then case-insensitive), -1 if none.
int column(OGRFeatureDefn* defn, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    const int i = defn->GetFieldIndex(n);
    if (i >= 0) return i;
  }
  return -1;
}

std::string cell(OGRFeature& f, int i) {
  if (i < 0 || !f.IsFieldSetAndNotNull(i)) return "";
  std::string s = f.GetFieldAsString(i);
  const auto a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

// "2023/05/01", "2023-05-01 00:00:00" → "2023-05-01"; anything else is left for the check.
std::string date_cell(OGRFeature& f, int i) {
  std::string s = cell(f, i);
  std::replace(s.begin(), s.end(), '/', '-');
  if (s.size() > 10 && (s[10] == ' ' || s[10] == 'T')) s = s.substr(0, 10);
  return s;
}

double number_cell(OGRFeature& f, int i, const char* what) {
  const std::string s = cell(f, i);
  if (s.empty()) return 0;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (*end != '\0') throw Error(std::string(what) + " '" + s + "' is not a number");
  return v;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == ',' || s[i] == ';' || s[i] == ' ') {
      flush(), ++i;
    } else if (s.compare(i, 3, "、") == 0 || s.compare(i, 3, "，") == 0 || s.compare(i, 3, "；") == 0) {
      flush(), i += 3;
    } else {
      cur += s[i++];
    }
  }
  flush();
  return out;
}

std::string status_code(const std::string& s) {
  if (s == "使用中" || s == "有效") return "active";
  if (s == "暂停使用" || s == "暂停") return "suspended";
  if (s == "已撤销" || s == "撤销") return "revoked";
  return s;
}

template <class Row>
ProgrammeImportResult import_rows(Workspace& ws, const std::string& source, const std::string& layer,
                                  Row row) {
  OpenedSource src = open_source(source, layer, "");
  ProgrammeImportResult res;
  res.file = src.file;
  Workspace::Transaction t(ws);
  OGRFeatureDefn* defn = src.layer->GetLayerDefn();
  src.layer->ResetReading();
  std::int64_t seq = 0;
  while (OgrFeature f{src.layer->GetNextFeature()}) {
    ++res.read;
    try {
      row(*f, defn);
      ++res.accepted;
    } catch (const Error& e) {
      res.rejected.push_back(src.where(*f, seq, nullptr) + ": " + e.what());
    }
    ++seq;
  }
  t.commit();
  return res;
}

}  // namespace

ProgrammeImportResult import_mark_users(Workspace& ws, const std::string& source, const std::string& gi,
                                        const std::string& layer) {
  return import_rows(ws, source, layer, [&](OGRFeature& f, OGRFeatureDefn* d) {
    MarkUser u;
    u.gi = cell(f, column(d, {"gi", "地理标志", "地理标志名称", "GI"}));
    if (u.gi.empty()) u.gi = gi;
    if (u.gi.empty()) throw Error("no GI (a 地理标志 column or --gi)");
    u.name = cell(f, column(d, {"name", "名称", "使用主体", "企业名称", "单位名称"}));
    u.credit_code = cell(f, column(d, {"credit_code", "统一社会信用代码", "信用代码"}));
    u.approved = date_cell(f, column(d, {"approved", "批准日期", "核准日期", "授权日期"}));
    u.expiry = date_cell(f, column(d, {"expiry", "有效期至", "到期日期"}));
    u.status = status_code(cell(f, column(d, {"status", "状态"})));
    u.note = cell(f, column(d, {"note", "备注"}));
    add_mark_user(ws, u);
  });
}

ProgrammeImportResult import_resources(Workspace& ws, const std::string& source, const std::string& layer) {
  return import_rows(ws, source, layer, [&](OGRFeature& f, OGRFeatureDefn* d) {
    GiResource r;
    r.name = cell(f, column(d, {"name", "名称", "产品名称"}));
    r.category = cell(f, column(d, {"category", "类别"}));
    r.townships = split_list(cell(f, column(d, {"townships", "产地乡镇", "乡镇"})));
    r.area_mu = number_cell(f, column(d, {"area_mu", "面积", "面积（亩）"}), "area");
    r.annual_output_t = number_cell(f, column(d, {"annual_output_t", "年产量", "年产量（吨）"}), "output");
    r.households = static_cast<int>(number_cell(f, column(d, {"households", "农户"}), "households"));
    r.firms = static_cast<int>(number_cell(f, column(d, {"firms", "企业"}), "firms"));
    r.since_year =
        static_cast<int>(number_cell(f, column(d, {"since_year", "始于", "生产历史（始于）"}), "since"));
    r.history = cell(f, column(d, {"history", "历史", "历史渊源"}));
    r.reputation = cell(f, column(d, {"reputation", "知名度"}));
    r.sources = cell(f, column(d, {"sources", "资料来源"}));
    r.photos = split_list(cell(f, column(d, {"photos", "照片"})));
    r.surveyor = cell(f, column(d, {"surveyor", "调查人"}));
    r.survey_date = date_cell(f, column(d, {"survey_date", "调查日期"}));
    add_resource(ws, r);
  });
}

int link_census_points(Workspace& ws, const std::string& name, const std::vector<long long>& ids) {
  const GiResource r = find_resource(ws, name);
  const std::string district = ws.metadata().district_name;
  std::string bare = r.name;
  for (const std::string& prefix :
       {district, district.size() > 3 ? district.substr(0, district.size() - 3) : ""})
    if (!prefix.empty() && bare.rfind(prefix, 0) == 0) bare = bare.substr(prefix.size());
  Workspace::Transaction t(ws);
  int n = 0;
  if (!ids.empty()) {
    for (long long id : ids) {
      auto c = ws.census_point(id);
      if (!c) throw Error("census point #" + std::to_string(id) + " does not exist");
      c->resource_id = r.id;
      ws.update_census_point(*c);
      ++n;
    }
  } else {
    for (CensusPoint c : ws.census_points())
      if (c.product == r.name || c.product == bare) {
        c.resource_id = r.id;
        ws.update_census_point(c);
        ++n;
      }
  }
  t.commit();
  return n;
}

}  // namespace giatlas
