// The resource library, its catalogue status records and the transition rule.
#include "programme/catalogue.h"

#include <algorithm>
#include <map>
#include <set>

#include "error.h"
#include "programme/programme_store.h"
#include "programme/register_book.h"
#include "workspace/gi_register.h"
#include "workspace/iso_date.h"
#include "workspace/workspace.h"

namespace giatlas {

const std::vector<std::string>& resource_categories() {
  static const std::vector<std::string> v = {"特色农产品", "传统手工业品", "道地药材", "非物质文化遗产"};
  return v;
}

const std::vector<std::string>& catalogue_statuses() {
  static const std::vector<std::string> v = {"resource", "catalogued", "candidate",
                                             "applying", "registered", "revoked"};
  return v;
}

std::string catalogue_status_zh(const std::string& s) {
  static const std::map<std::string, std::string> zh = {
      {"resource", "资源"},   {"catalogued", "列入保护目录"}, {"candidate", "培育对象"},
      {"applying", "申报中"}, {"registered", "已注册"},       {"revoked", "已撤销"}};
  auto it = zh.find(s);
  return it == zh.end() ? s : it->second;
}

namespace {

int rank_of(const std::string& s) {
  const auto& v = catalogue_statuses();
  auto it = std::find(v.begin(), v.end(), s);
  return it == v.end() ? -1 : static_cast<int>(it - v.begin());
}

std::string list_text(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

}  // namespace

std::string catalogue_transition_problem(const std::string& from, const std::string& to,
                                         bool first_record_any) {
  const int t = rank_of(to);
  if (t < 0) return "status '" + to + "' is not one of: " + list_text(catalogue_statuses());
  if (from.empty()) {
    if (to == "resource" || first_record_any) return "";
    return "a new resource starts as resource, not " + to;
  }
  const int f = rank_of(from);
  if (f < 0) return "the current status '" + from + "' is unknown";
  if (from == to) return "it is already " + to;
  const int registered = rank_of("registered"), revoked = rank_of("revoked");
  if (from == "registered")
    return to == "revoked" ? "" : "a registered GI can only be revoked, not made " + to;
  if (from == "revoked") return to == "applying" ? "" : "a revoked GI can only apply again, not become " + to;
  if (t == revoked) return "only a registered GI can be revoked";
  if (t == f + 1 && t <= registered) return "";
  if (t == f - 1 && f >= 1) return "";
  const std::string next = catalogue_statuses()[static_cast<std::size_t>(f + 1)];
  return "cannot go from " + from + " to " + to + ": one step at a time (next: " + next + ")";
}

std::optional<CatalogueStatusRecord> current_status(const std::vector<CatalogueStatusRecord>& records,
                                                    std::int64_t resource_id) {
  std::optional<CatalogueStatusRecord> best;
  for (const auto& r : records) {
    if (r.resource_id != resource_id) continue;
    if (!best || r.date > best->date || (r.date == best->date && r.id > best->id)) best = r;
  }
  return best;
}

GiResource find_resource(const Workspace& ws, const std::string& name) {
  for (GiResource& r : read_resources(ws))
    if (r.name == name) return r;
  throw Error("resource '" + name + "' is not in the resource library");
}

GiResource add_resource(Workspace& ws, GiResource r, const std::string& recorded_by,
                        const std::string& initial_status) {
  const std::string what = "resource " + r.name;
  if (r.name.empty()) throw Error("resource: a name is missing");
  if (initial_status == "registered") {
    const auto g = r.gi.empty() ? std::nullopt : ws.gi_product(r.gi);
    if (!g || g->status != "registered")
      throw Error(what + ": only a GI the register holds as registered enters the library as registered");
  } else if (initial_status != "resource") {
    throw Error(what + ": a new resource starts as resource (or registered, for a registered GI)");
  }
  if (std::find(resource_categories().begin(), resource_categories().end(), r.category) ==
      resource_categories().end())
    throw Error(what + ": category '" + r.category + "' is not one of: " + list_text(resource_categories()));
  if (!r.survey_date.empty() && !is_iso_date(r.survey_date))
    throw Error(what + ": survey date '" + r.survey_date + "' is not YYYY-MM-DD");
  if (r.area_mu < 0 || r.annual_output_t < 0 || r.households < 0 || r.firms < 0)
    throw Error(what + ": area, output, households and firms must not be negative");
  std::set<std::string> towns;
  for (const Township& t : ws.townships()) towns.insert(t.name);
  for (const std::string& t : r.townships)
    if (!towns.count(t)) throw Error(what + ": township '" + t + "' is not in the workspace");
  for (const GiResource& old : read_resources(ws))
    if (old.name == r.name) throw Error(what + ": already in the resource library");
  Workspace::Transaction t(ws);
  std::vector<GiResource> one{r};
  insert_resources(ws, one);
  CatalogueStatusRecord first;
  first.resource_id = one.front().id;
  first.status = initial_status;
  first.date = r.survey_date.empty() ? today_iso() : r.survey_date;
  first.recorded_by = recorded_by.empty() ? r.surveyor : recorded_by;
  std::vector<CatalogueStatusRecord> rec{first};
  insert_status_records(ws, rec);
  t.commit();
  return one.front();
}

CatalogueStatusRecord change_catalogue_status(Workspace& ws, const std::string& name, const std::string& to,
                                              std::string date, const std::string& recorded_by,
                                              const std::string& note,
                                              std::optional<GiProtection> protection) {
  GiResource r = find_resource(ws, name);
  const std::string what = "catalogue status of " + name;
  if (date.empty()) date = today_iso();
  if (!is_iso_date(date)) throw Error(what + ": date '" + date + "' is not YYYY-MM-DD");
  const auto records = read_status_records(ws);
  const auto now = current_status(records, r.id);
  if (const std::string p = catalogue_transition_problem(now ? now->status : "", to); !p.empty())
    throw Error(what + ": " + p);
  if (now && date < now->date)
    throw Error(what + ": " + date + " is before its latest record (" + now->date + ")");

  Workspace::Transaction t(ws);
  if (rank_of(to) >= rank_of("candidate")) {
    if (r.gi.empty()) {
      r.gi = r.name;
      update_resource(ws, r);
    }
    std::optional<GiProduct> g = ws.gi_product(r.gi);
    if (!g) {
      GiProduct n;
      n.name = r.gi;
      n.category = r.category;
      n.status = to == "registered" ? "applying" : to;  // registered only with its protection, below
      g = add_new_gi(ws, n);
      set_register_status(ws, n.name, n.status, date, recorded_by, "entered from the catalogue");
      g = ws.gi_product(n.name);
    }
    if (to == "registered") {
      if (protection) {
        protection->gi = r.gi;
        if (protection->registration_date.empty()) protection->registration_date = date;
        add_protection(ws, *protection);
      } else if (first_registration(gi_protections(ws), r.gi).empty()) {
        throw Error(what + ": registered needs its registration (type, number, authority)");
      }
      g = ws.gi_product(r.gi);
    }
    if (g->status != to) set_register_status(ws, r.gi, to, date, recorded_by, note);
  }
  CatalogueStatusRecord rec;
  rec.resource_id = r.id;
  rec.status = to;
  rec.date = date;
  rec.recorded_by = recorded_by;
  rec.note = note;
  std::vector<CatalogueStatusRecord> one{rec};
  insert_status_records(ws, one);
  t.commit();
  return one.front();
}

std::vector<CatalogueRow> catalogue(const Workspace& ws, const std::string& as_of) {
  auto records = read_status_records(ws);
  if (!as_of.empty()) std::erase_if(records, [&](const CatalogueStatusRecord& r) { return r.date > as_of; });
  std::map<std::int64_t, int> points;
  for (const CensusPoint& c : ws.census_points())
    if (c.resource_id > 0) ++points[c.resource_id];
  std::vector<CatalogueRow> out;
  for (GiResource& r : read_resources(ws)) {
    CatalogueRow row;
    if (const auto s = current_status(records, r.id))
      row.status = s->status, row.status_date = s->date;
    else if (!as_of.empty())
      continue;  // not yet in the library on that date
    row.census_points = points[r.id];
    row.resource = std::move(r);
    out.push_back(std::move(row));
  }
  auto cat_rank = [](const std::string& c) {
    const auto& v = resource_categories();
    return std::find(v.begin(), v.end(), c) - v.begin();
  };
  std::sort(out.begin(), out.end(), [&](const CatalogueRow& a, const CatalogueRow& b) {
    const auto ca = cat_rank(a.resource.category), cb = cat_rank(b.resource.category);
    return ca != cb ? ca < cb : a.resource.name < b.resource.name;
  });
  return out;
}

}  // namespace giatlas
