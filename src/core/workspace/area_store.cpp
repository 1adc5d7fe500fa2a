// The schema-4 tables: production areas, lots, GI yields (see area_store.h).
#include "workspace/area_store.h"

#include <cstdio>

#include "error.h"
#include "workspace/feature_io.h"
#include "workspace/schema.h"
#include "workspace/table_rows.h"
#include "workspace/workspace.h"

namespace giatlas {
namespace {

void write_area(OGRFeature& f, const FieldIndex& i, const ProductionArea& a) {
  set_text(f, i["code"], a.code);
  set_text(f, i["name"], a.name);
  set_int(f, i["producer_id"], a.producer_id);
  set_text(f, i["producer_name"], a.producer_name);
  set_text(f, i["credit_code"], a.credit_code);
  set_text(f, i["gi"], a.gi);
  set_text(f, i["crop"], a.crop);
  set_real(f, i["declared_mu"], a.declared_mu);
  set_date(f, i["survey_date"], a.survey_date);
  set_text(f, i["source"], a.source);
  set_text(f, i["note"], a.note);
  if (a.geom.empty()) f.SetGeometry(nullptr);
  else f.SetGeometryDirectly(to_ogr(a.geom).release());
}

ProductionArea read_area(const OGRFeature& f, const FieldIndex& i) {
  ProductionArea a;
  a.code = get_text(f, i["code"]);
  a.name = get_text(f, i["name"]);
  a.producer_id = get_int(f, i["producer_id"]);
  a.producer_name = get_text(f, i["producer_name"]);
  a.credit_code = get_text(f, i["credit_code"]);
  a.gi = get_text(f, i["gi"]);
  a.crop = get_text(f, i["crop"]);
  a.declared_mu = get_real(f, i["declared_mu"]);
  a.survey_date = get_date(f, i["survey_date"]);
  a.source = get_text(f, i["source"]);
  a.note = get_text(f, i["note"]);
  if (const OGRGeometry* g = f.GetGeometryRef()) a.geom = to_multipolygon(*g);
  return a;
}

void write_lot(OGRFeature& f, const FieldIndex& i, const Lot& l) {
  set_text(f, i["code"], l.code);
  set_int(f, i["producer_id"], l.producer_id);
  set_text(f, i["producer_name"], l.producer_name);
  set_text(f, i["credit_code"], l.credit_code);
  set_text(f, i["gi"], l.gi);
  set_date(f, i["harvest_date"], l.harvest_date);
  set_real(f, i["quantity_kg"], l.quantity_kg);
  set_text(f, i["area_codes"], join_field_list(l.area_codes));
  set_text(f, i["note"], l.note);
}

Lot read_lot(const OGRFeature& f, const FieldIndex& i) {
  Lot l;
  l.code = get_text(f, i["code"]);
  l.producer_id = get_int(f, i["producer_id"]);
  l.producer_name = get_text(f, i["producer_name"]);
  l.credit_code = get_text(f, i["credit_code"]);
  l.gi = get_text(f, i["gi"]);
  l.harvest_date = get_date(f, i["harvest_date"]);
  l.quantity_kg = get_real(f, i["quantity_kg"]);
  l.area_codes = split_field_list(get_text(f, i["area_codes"]));
  l.note = get_text(f, i["note"]);
  return l;
}

void write_yield(OGRFeature& f, const FieldIndex& i, const GiYield& y) {
  set_text(f, i["gi"], y.gi);
  set_real(f, i["kg_per_mu"], y.kg_per_mu);
  set_real(f, i["tolerance"], y.tolerance);
  set_text(f, i["basis"], y.basis);
}

GiYield read_yield(const OGRFeature& f, const FieldIndex& i) {
  GiYield y;
  y.gi = get_text(f, i["gi"]);
  y.kg_per_mu = get_real(f, i["kg_per_mu"]);
  y.tolerance = get_real(f, i["tolerance"]);
  y.basis = get_text(f, i["basis"]);
  return y;
}

std::string yield_text(const GiYield& y) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%g kg/亩 ±%g%%", y.kg_per_mu, y.tolerance * 100);
  return buf;
}

}  // namespace

std::vector<ProductionArea> read_production_areas(const Workspace& ws) {
  return read_rows<ProductionArea>(ws, table::kProductionAreas, read_area);
}

std::vector<Lot> read_lots(const Workspace& ws) { return read_rows<Lot>(ws, table::kLots, read_lot); }

std::optional<Lot> find_lot(const Workspace& ws, const std::string& code) {
  for (Lot& l : read_lots(ws))
    if (l.code == code) return std::move(l);
  return std::nullopt;
}

std::vector<GiYield> read_gi_yields(const Workspace& ws) {
  return read_rows<GiYield>(ws, table::kGiYields, read_yield);
}

std::optional<GiYield> find_gi_yield(const Workspace& ws, const std::string& gi) {
  std::optional<GiYield> out;  // the latest row of the GI wins (a replacement is a new row)
  for (GiYield& y : read_gi_yields(ws))
    if (y.gi == gi) out = std::move(y);
  return out;
}

void insert_production_areas(Workspace& ws, std::vector<ProductionArea>& rows) {
  insert_rows<ProductionArea>(ws, table::kProductionAreas, rows, write_area);
}

void insert_lots(Workspace& ws, std::vector<Lot>& rows) { insert_rows<Lot>(ws, table::kLots, rows, write_lot); }

GiYield set_gi_yield(Workspace& ws, GiYield y, bool replace) {
  if (y.gi.empty()) throw Error("yield: no GI named");
  if (!(y.kg_per_mu > 0)) throw Error("yield of " + y.gi + ": kg per 亩 must be above 0");
  if (!(y.tolerance >= 0)) throw Error("yield of " + y.gi + ": the tolerance must be 0 or more");
  if (auto old = find_gi_yield(ws, y.gi)) {
    if (!replace)
      throw Error("yield of " + y.gi + " is already set (" + yield_text(*old) + "); give --replace to record a new one");
    y.basis += std::string(y.basis.empty() ? "" : "; ") + "replaces " + yield_text(*old);
  }
  std::vector<GiYield> rows{y};
  insert_rows<GiYield>(ws, table::kGiYields, rows, write_yield);
  return rows.front();
}

}  // namespace giatlas
