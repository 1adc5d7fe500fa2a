// Field exports and their merge back (see field_work.h).
#include "workspace/field_work.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "error.h"
#include "geo/gdal.h"
#include "io/atomic_file.h"
#include "io/csv_cell.h"
#include "workspace/edit_conflict.h"
#include "workspace/feature_io.h"
#include "workspace/record_edits.h"
#include "workspace/schema.h"
#include "workspace/store_address.h"
#include "workspace/workspace.h"

namespace giatlas {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using RowKey = std::pair<std::string, std::int64_t>;

json location_json(const std::optional<Point>& p) { return p ? json::array({p->x, p->y}) : json(nullptr); }

std::optional<Point> location_from(const json& j) {
  if (!j.is_array() || j.size() != 2) return std::nullopt;
  return Point{j[0].get<double>(), j[1].get<double>()};
}

std::string location_text(const std::optional<Point>& p) {
  if (!p) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f %.6f", p->x, p->y);
  return buf;
}

// A producer as its base record (every field: a change of any counts on the server's side).
json producer_json(const Producer& p) {
  return {{"name", p.name},         {"credit_code", p.credit_code}, {"gi", p.gi},
          {"authorised", p.authorised}, {"authorised_since", p.authorised_since}, {"raw_x", p.raw_x},
          {"raw_y", p.raw_y},       {"raw_crs", p.raw_crs},         {"location", location_json(p.location)},
          {"location_issue", p.location_issue}, {"township", p.township}, {"note", p.note}};
}

Producer producer_from(const json& j, std::int64_t id) {
  Producer p;
  p.id = id;
  p.name = j.value("name", "");
  p.credit_code = j.value("credit_code", "");
  p.gi = j.value("gi", "");
  p.authorised = j.value("authorised", false);
  p.authorised_since = j.value("authorised_since", "");
  p.raw_x = j.value("raw_x", "");
  p.raw_y = j.value("raw_y", "");
  p.raw_crs = j.value("raw_crs", "");
  p.location = location_from(j.value("location", json(nullptr)));
  p.location_issue = j.value("location_issue", "");
  p.township = j.value("township", "");
  p.note = j.value("note", "");
  return p;
}

// A census point as its base record (every field the field may edit).
json census_json(const CensusPoint& c) {
  return {{"product", c.product},   {"category", c.category}, {"township", c.township},
          {"survey_date", c.survey_date}, {"surveyor", c.surveyor}, {"annual_output_t", c.annual_output_t},
          {"area_mu", c.area_mu},   {"households", c.households}, {"note", c.note},
          {"location", location_json(c.location)}, {"resource_id", c.resource_id}};
}

CensusPoint census_from(const json& j, std::int64_t id) {
  CensusPoint c;
  c.id = id;
  c.product = j.value("product", "");
  c.category = j.value("category", "");
  c.township = j.value("township", "");
  c.survey_date = j.value("survey_date", "");
  c.surveyor = j.value("surveyor", "");
  c.annual_output_t = j.value("annual_output_t", 0.0);
  c.area_mu = j.value("area_mu", 0.0);
  c.households = j.value("households", 0);
  c.note = j.value("note", "");
  c.location = location_from(j.value("location", json(nullptr))).value_or(Point{});
  c.resource_id = j.value("resource_id", std::int64_t{0});
  return c;
}

// The fields of two census points that differ, by name, with `a`'s and `b`'s values as
// "field=value; …" (a location as "lon lat").
struct CensusDiff {
  std::string fields, a_values, b_values;
};
CensusDiff census_diff(const CensusPoint& a, const CensusPoint& b) {
  const json ja = census_json(a), jb = census_json(b);
  CensusDiff d;
  for (const auto& [key, va] : ja.items()) {
    const json& vb = jb.at(key);
    if (va == vb) continue;
    auto text = [&](const json& v, const CensusPoint& c) {
      return key == "location" ? location_text(c.location) : v.is_string() ? v.get<std::string>() : v.dump();
    };
    d.fields += (d.fields.empty() ? "" : ", ") + key;
    d.a_values += (d.a_values.empty() ? "" : "; ") + key + "=" + text(va, a);
    d.b_values += (d.b_values.empty() ? "" : "; ") + key + "=" + text(vb, b);
  }
  return d;
}

std::string new_export_id(const std::string& code) {
  std::random_device rd;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08x", rd());
  std::string t = now_iso();
  std::erase_if(t, [](char c) { return c == '-' || c == ':'; });
  return "field-" + (code.empty() ? std::string("ws") : code) + "-" + t + "-" + buf;
}

// Every feature of `from` that `keep` accepts into `to`, with its id. Returns the ids copied.
std::set<std::int64_t> copy_where(OGRLayer& from, OGRLayer& to, const std::function<bool(OGRFeature&)>& keep,
                                  const Progress& progress) {
  OGRFeatureDefn* out_defn = to.GetLayerDefn();
  OGRFeatureDefn* in_defn = from.GetLayerDefn();
  std::vector<int> map(static_cast<std::size_t>(in_defn->GetFieldCount()), -1);
  for (int i = 0; i < in_defn->GetFieldCount(); ++i)
    map[static_cast<std::size_t>(i)] = out_defn->GetFieldIndex(in_defn->GetFieldDefn(i)->GetNameRef());
  std::set<std::int64_t> ids;
  from.SetAttributeFilter(nullptr);
  from.ResetReading();
  while (OgrFeature f{from.GetNextFeature()}) {
    if (!keep(*f)) continue;
    OgrFeature g(OGRFeature::CreateFeature(out_defn));
    g->SetFID(f->GetFID());
    for (int i = 0; i < in_defn->GetFieldCount(); ++i)
      if (map[static_cast<std::size_t>(i)] >= 0 && f->IsFieldSetAndNotNull(i))
        g->SetField(map[static_cast<std::size_t>(i)], f->GetRawFieldRef(i));
    if (const OGRGeometry* geom = f->GetGeometryRef()) g->SetGeometry(geom);
    if (to.CreateFeature(g.get()) != OGRERR_NONE)
      throw Error(std::string(from.GetName()) + " row " + std::to_string(f->GetFID()) + ": " + CPLGetLastErrorMsg());
    ids.insert(f->GetFID());
    if (ids.size() % 20000 == 0) progress.check_cancelled();
  }
  return ids;
}

std::string text_field(const OGRFeature& f, const char* name) {
  const int i = f.GetFieldIndex(name);
  return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

void add_row(OGRLayer& layer, const std::vector<std::pair<const char*, std::string>>& text,
             const std::vector<std::pair<const char*, std::int64_t>>& ints) {
  OgrFeature f(OGRFeature::CreateFeature(layer.GetLayerDefn()));
  for (const auto& [k, v] : text) f->SetField(k, v.c_str());
  for (const auto& [k, v] : ints) f->SetField(k, static_cast<GIntBig>(v));
  if (layer.CreateFeature(f.get()) != OGRERR_NONE)
    throw Error(std::string("writing ") + layer.GetName() + " failed: " + CPLGetLastErrorMsg());
}

}  // namespace

FieldExportReport export_field(const std::string& source, const std::vector<std::string>& townships,
                               const std::string& out, const Progress& progress) {
  FieldExportReport r;
  if (townships.empty()) throw Error("export-field: name the townships with --townships");
  if (is_postgis_address(out)) throw Error("export-field: the field copy is a GeoPackage file, not a database");
  if (fs::exists(out)) throw Error("export-field: " + out + " already exists");
  const Workspace src = Workspace::open(source, true);
  r.source = src.shown();
  r.destination = out;
  // The townships, by name or code; the area their points must lie in.
  std::set<std::int64_t> town_ids;
  std::set<std::string> names, codes;
  MultiPolygon area;
  std::string unknown;
  const std::vector<Township> towns = src.townships();
  for (const std::string& key : townships) {
    const auto t = std::find_if(towns.begin(), towns.end(), [&](const Township& x) { return x.name == key || x.code == key; });
    if (t == towns.end()) {
      unknown += (unknown.empty() ? "" : ", ") + key;
      continue;
    }
    if (!town_ids.insert(t->id).second) continue;
    names.insert(t->name);
    codes.insert(t->code);
    r.townships.push_back(t->name);
    area.polygons.insert(area.polygons.end(), t->geom.polygons.begin(), t->geom.polygons.end());
  }
  if (!unknown.empty()) throw Error("export-field: " + src.shown() + " has no township " + unknown);
  const OgrGeometry area_ogr = to_ogr(area);
  OGREnvelope box;
  area_ogr->getEnvelope(&box);
  // A point of the area (edges included); a row without one belongs by its township's name.
  auto in_area = [&](OGRFeature& f) {
    const OGRGeometry* g = f.GetGeometryRef();
    if (!g || g->IsEmpty()) return names.count(text_field(f, "township")) > 0;
    OGREnvelope e;
    g->getEnvelope(&e);
    if (!box.Intersects(e)) return false;
    return CPL_TO_BOOL(area_ogr->Intersects(g));
  };

  const Metadata m = src.metadata();
  r.export_id = new_export_id(m.district_code);
  AtomicFile file(out, "export-field");
  file.probe();
  {
    Workspace dest = Workspace::create(file.temp_path(), m.district_name, m.district_code, m.synthetic);
    GDALDataset& ds = dest.dataset();
    QuietGdalErrors quiet;
    if (ds.StartTransaction() != OGRERR_NONE) throw Error("export-field " + out + ": " + CPLGetLastErrorMsg());
    try {
      std::set<std::int64_t> producer_ids;
      const auto& tables = workspace_tables();
      for (std::size_t k = 0; k < tables.size(); ++k) {
        const std::string name = tables[k].name;
        progress.report("exporting " + name, static_cast<double>(k) / static_cast<double>(tables.size()));
        if (name == table::kMetadata || name == table::kFieldBase || name == table::kFieldMerges) continue;
        OGRLayer* from = src.dataset().GetLayerByName(name.c_str());
        OGRLayer* to = ds.GetLayerByName(name.c_str());
        if (!from || !to) continue;  // a table the source's older schema lacks
        std::function<bool(OGRFeature&)> keep = [](OGRFeature&) { return true; };
        if (name == table::kTownships) keep = [&](OGRFeature& f) { return town_ids.count(f.GetFID()) > 0; };
        if (name == table::kVillages) keep = [&](OGRFeature& f) { return codes.count(text_field(f, "township_code")) > 0; };
        if (name == table::kCensus || name == table::kProducers) keep = in_area;
        if (name == table::kInspections)
          keep = [&](OGRFeature& f) { return producer_ids.count(f.GetFieldAsInteger64("producer_id")) > 0; };
        const std::set<std::int64_t> ids = copy_where(*from, *to, keep, progress);
        if (name == table::kProducers) producer_ids = ids;
        r.tables.push_back({name, static_cast<long long>(ids.size())});
      }
      // The base state: each census point, producer and inspection as exported.
      OGRLayer& base = *ds.GetLayerByName(table::kFieldBase);
      for (const Producer& p : dest.producers())
        add_row(base, {{"table_name", table::kProducers}, {"base", producer_json(p).dump()}}, {{"row_id", p.id}});
      for (const CensusPoint& c : dest.census_points())
        add_row(base, {{"table_name", table::kCensus}, {"base", census_json(c).dump()}}, {{"row_id", c.id}});
      for (const Inspection& i : dest.inspections())
        add_row(base, {{"table_name", table::kInspections}, {"base", "{}"}}, {{"row_id", i.id}});
      ds.FlushCache();
      if (ds.CommitTransaction() != OGRERR_NONE) throw Error(CPLGetLastErrorMsg());
    } catch (...) {
      ds.RollbackTransaction();
      throw;
    }
    std::string list;
    for (const auto& n : r.townships) list += (list.empty() ? "" : ",") + n;
    Workspace::Transaction tx(dest);
    dest.set_setting("field.export_id", r.export_id);
    dest.set_setting("field.source", r.source);
    dest.set_setting("field.exported_at", now_iso());
    dest.set_setting("field.townships", list);
    tx.commit();
  }
  file.commit();
  progress.report("exported", 1.0);
  return r;
}

FieldMergeReport merge_field(const std::string& field_path, const std::string& destination, const Progress& progress) {
  FieldMergeReport r;
  const Workspace field = Workspace::open(field_path, true);
  r.field = field.shown();
  r.export_id = field.setting("field.export_id");
  if (r.export_id.empty())
    throw Error("merge: " + field.shown() + " is not a field export (giatlas-cli export-field makes one)");
  Workspace dest = Workspace::open(destination);
  r.destination = dest.shown();
  if (field.metadata().district_code != dest.metadata().district_code)
    throw Error("merge: " + field.shown() + " is of district " + field.metadata().district_code + ", " + dest.shown() +
                " of " + dest.metadata().district_code);
  std::map<RowKey, std::string> base;
  {
    OGRLayer* l = field.dataset().GetLayerByName(table::kFieldBase);
    if (!l) throw Error("merge: " + field.shown() + " has no base state (field_base)");
    l->ResetReading();
    while (OgrFeature f{l->GetNextFeature()})
      base[{text_field(*f, "table_name"), f->GetFieldAsInteger64("row_id")}] = text_field(*f, "base");
  }
  std::set<RowKey> merged;
  {
    OGRLayer& l = *dest.dataset().GetLayerByName(table::kFieldMerges);
    l.ResetReading();
    while (OgrFeature f{l.GetNextFeature()})
      if (text_field(*f, "export_id") == r.export_id)
        merged.insert({text_field(*f, "table_name"), f->GetFieldAsInteger64("field_row_id")});
  }
  const std::string who = saving_user(dest), at = now_iso();
  std::vector<std::tuple<std::string, std::int64_t, std::int64_t>> taken;  // table, field id, row id

  Workspace::Transaction tx(dest);
  progress.report("merging census points", 0.0);
  {
    std::vector<CensusPoint> fresh;
    std::vector<std::int64_t> from_ids;
    for (CensusPoint c : field.census_points()) {
      if (base.count({table::kCensus, c.id})) continue;  // exported, not new
      if (merged.count({table::kCensus, c.id})) {
        ++r.already_merged;
        continue;
      }
      from_ids.push_back(c.id);
      c.id = 0;
      fresh.push_back(std::move(c));
    }
    dest.add_census_points(fresh);
    for (std::size_t i = 0; i < fresh.size(); ++i) taken.emplace_back(table::kCensus, from_ids[i], fresh[i].id);
    r.census_added = static_cast<long long>(fresh.size());
  }
  progress.report("merging census point edits", 0.2);
  {
    // A census point corrected in the field comes back when the office left it as exported; one
    // changed on both sides is a conflict. An export made before bases were kept ("{}") brings
    // back only new points.
    std::vector<CensusPoint> updates;
    for (const CensusPoint& c : field.census_points()) {
      const auto b = base.find({table::kCensus, c.id});
      if (b == base.end() || b->second == "{}") continue;
      CensusPoint was;
      try {
        was = census_from(json::parse(b->second), c.id);
      } catch (const json::exception&) {
        throw Error("merge: " + field.shown() + ": the base state of census point #" + std::to_string(c.id) +
                    " is damaged");
      }
      if (c == was) continue;  // not edited in the field
      const std::optional<CensusPoint> now = dest.census_point(c.id);
      if (now && *now == c) {
        ++r.already_merged;
        continue;
      }
      if (now && *now == was) {
        updates.push_back(c);
        taken.emplace_back(table::kCensus, c.id, c.id);
        continue;
      }
      const CensusDiff in_field = census_diff(was, c);
      FieldConflict k;
      k.table = table::kCensus;
      k.row_id = c.id;
      k.name = c.product;
      k.field = in_field.fields;
      k.base_value = in_field.a_values;
      k.field_value = in_field.b_values;
      if (now) {
        k.server_value = census_diff(was, *now).b_values;
        k.server_changed = census_diff(was, *now).fields;
      } else {
        k.server_changed = "deleted";
      }
      if (const auto change = last_row_change(dest, table::kCensus, c.id)) k.who = change->who, k.when = change->when;
      r.conflicts.push_back(std::move(k));
    }
    for (const CensusPoint& c : updates) dest.update_census_point(c);
    r.census_updated = static_cast<long long>(updates.size());
  }
  progress.report("merging inspections", 0.33);
  {
    std::vector<Inspection> fresh;
    std::vector<std::int64_t> from_ids;
    for (Inspection i : field.inspections()) {
      if (base.count({table::kInspections, i.id})) continue;
      if (merged.count({table::kInspections, i.id})) {
        ++r.already_merged;
        continue;
      }
      from_ids.push_back(i.id);
      i.id = 0;
      fresh.push_back(std::move(i));
    }
    dest.add_inspections(fresh);
    for (std::size_t i = 0; i < fresh.size(); ++i) taken.emplace_back(table::kInspections, from_ids[i], fresh[i].id);
    r.inspections_added = static_cast<long long>(fresh.size());
  }
  progress.report("merging producers' locations", 0.66);
  {
    std::vector<Producer> updates;
    for (const Producer& p : field.producers()) {
      const auto b = base.find({table::kProducers, p.id});
      if (b == base.end()) continue;  // a producer new in the field: registered at the office, not here
      Producer was;
      try {
        was = producer_from(json::parse(b->second), p.id);
      } catch (const json::exception&) {
        throw Error("merge: " + field.shown() + ": the base state of producer #" + std::to_string(p.id) + " is damaged");
      }
      if (p.location == was.location) continue;  // not corrected in the field
      const std::optional<Producer> now = dest.producer(p.id);
      if (now && now->location == p.location && now->location_issue == p.location_issue) {
        ++r.already_merged;
        continue;
      }
      if (now && *now == was) {
        Producer u = *now;
        u.location = p.location;
        u.location_issue = p.location_issue;
        updates.push_back(u);
        taken.emplace_back(table::kProducers, p.id, p.id);
        continue;
      }
      FieldConflict c;
      c.table = table::kProducers;
      c.row_id = p.id;
      c.name = p.name;
      c.field = "location";
      c.base_value = location_text(was.location);
      c.field_value = location_text(p.location);
      if (now) {
        c.server_value = location_text(now->location);
        for (const auto& f : changed_fields(was, *now)) c.server_changed += (c.server_changed.empty() ? "" : ", ") + f;
      } else {
        c.server_changed = "deleted";
      }
      if (const auto change = last_row_change(dest, table::kProducers, p.id)) c.who = change->who, c.when = change->when;
      r.conflicts.push_back(std::move(c));
    }
    dest.update_producers(updates);
    r.locations_updated = static_cast<long long>(updates.size());
  }
  OGRLayer& log = *dest.dataset().GetLayerByName(table::kFieldMerges);
  for (const auto& [t, from, to] : taken)
    add_row(log, {{"export_id", r.export_id}, {"table_name", t}, {"merged_at", at}, {"merged_by", who}},
            {{"field_row_id", from}, {"row_id", to}});
  tx.commit();
  progress.report("merged", 1.0);
  return r;
}

std::string field_conflicts_csv(const std::vector<FieldConflict>& conflicts) {
  std::string out = "table,row_id,name,field,base,field_value,server_value,server_changed,changed_by,changed_at\n";
  for (const FieldConflict& c : conflicts) {
    out += csv_text(c.table) + "," + std::to_string(c.row_id) + "," + csv_text(c.name) + "," + csv_text(c.field) + "," +
           csv_text(c.base_value) + "," + csv_text(c.field_value) + "," + csv_text(c.server_value) + "," +
           csv_text(c.server_changed) + "," + csv_text(c.who) + "," + csv_text(c.when) + "\n";
  }
  return out;
}

}  // namespace giatlas
