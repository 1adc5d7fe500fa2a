// Reading and writing the workspace records (townships, register, zones, points, inspections).
#include <algorithm>
#include <exception>
#include <thread>

#include "error.h"
#include "check/bounded_queue.h"
#include "workspace/bulk_insert.h"
#include "workspace/edit_conflict.h"
#include "workspace/feature_io.h"
#include "workspace/gi_register.h"
#include "workspace/pg_copy_reader.h"
#include "workspace/postgis_store.h"
#include "workspace/producer_rows.h"
#include "workspace/schema.h"
#include "workspace/table_rows.h"
#include "workspace/workspace.h"
#include "workspace/zone_in_force.h"

namespace giatlas {

namespace {

template <class T, class Read>
void scan_rows(OGRLayer& layer, Read read, const std::function<void(T&&)>& sink) {
  FieldIndex idx(layer);
  layer.SetAttributeFilter(nullptr);
  layer.ResetReading();
  while (OgrFeature f{layer.GetNextFeature()}) {
    T row = read(*f, idx);
    row.id = f->GetFID();
    sink(std::move(row));
  }
}

template <class T, class Read>
std::vector<T> read_rows(OGRLayer& layer, Read read) {
  std::vector<T> out;
  scan_rows<T>(layer, read, [&](T&& r) { out.push_back(std::move(r)); });
  return out;
}

void set_polygons(OGRFeature& f, const MultiPolygon& m) {
  if (m.empty()) {
    f.SetGeometry(nullptr);
    return;
  }
  OgrGeometry g = to_ogr(m);
  f.SetGeometryDirectly(g.release());
}

MultiPolygon get_polygons(const OGRFeature& f) {
  const OGRGeometry* g = f.GetGeometryRef();
  return g ? to_multipolygon(*g) : MultiPolygon{};
}

void set_point(OGRFeature& f, const std::optional<Point>& p) {
  if (!p) {
    f.SetGeometry(nullptr);
    return;
  }
  OGRPoint pt(p->x, p->y);
  f.SetGeometry(&pt);
}

std::optional<Point> get_point(const OGRFeature& f) {
  const OGRGeometry* g = f.GetGeometryRef();
  if (!g || g->IsEmpty() || wkbFlatten(g->getGeometryType()) != wkbPoint) return std::nullopt;
  const OGRPoint* p = g->toPoint();
  return Point{p->getX(), p->getY()};
}

void write_township(OGRFeature& f, const FieldIndex& i, const Township& t) {
  set_text(f, i["name"], t.name);
  set_text(f, i["code"], t.code);
  set_text(f, i["kind"], t.kind);
  set_int(f, i["vintage"], t.vintage);
  set_polygons(f, t.geom);
}

Township read_township(const OGRFeature& f, const FieldIndex& i) {
  Township t;
  t.name = get_text(f, i["name"]);
  t.code = get_text(f, i["code"]);
  t.kind = get_text(f, i["kind"]);
  t.vintage = static_cast<int>(get_int(f, i["vintage"]));
  t.geom = get_polygons(f);
  return t;
}

void write_village(OGRFeature& f, const FieldIndex& i, const Village& v) {
  set_text(f, i["name"], v.name);
  set_text(f, i["code"], v.code);
  set_text(f, i["township_code"], v.township_code);
  set_polygons(f, v.geom);
}

Village read_village(const OGRFeature& f, const FieldIndex& i) {
  Village v;
  v.name = get_text(f, i["name"]);
  v.code = get_text(f, i["code"]);
  v.township_code = get_text(f, i["township_code"]);
  v.geom = get_polygons(f);
  return v;
}

void write_gi(OGRFeature& f, const FieldIndex& i, const GiProduct& g) {
  set_text(f, i["name"], g.name);
  set_text(f, i["category"], g.category);
  set_text(f, i["protection_type"], g.protection_type);
  set_text(f, i["status"], g.status);
  set_text(f, i["registration_no"], g.registration_no);
  set_date(f, i["registration_date"], g.registration_date);
  set_text(f, i["holder"], g.holder);
  set_text(f, i["standard_no"], g.standard_no);
  set_date(f, i["standard_date"], g.standard_date);
}

GiProduct read_gi(const OGRFeature& f, const FieldIndex& i) {
  GiProduct g;
  g.name = get_text(f, i["name"]);
  g.category = get_text(f, i["category"]);
  g.protection_type = get_text(f, i["protection_type"]);
  g.status = get_text(f, i["status"]);
  g.registration_no = get_text(f, i["registration_no"]);
  g.registration_date = get_date(f, i["registration_date"]);
  g.holder = get_text(f, i["holder"]);
  g.standard_no = get_text(f, i["standard_no"]);
  g.standard_date = get_date(f, i["standard_date"]);
  return g;
}

void write_zone(OGRFeature& f, const FieldIndex& i, const ZoneVersion& z) {
  set_text(f, i["gi"], z.gi);
  set_int(f, i["version"], z.version);
  set_date(f, i["effective_from"], z.effective_from);
  set_date(f, i["effective_to"], z.effective_to);
  set_text(f, i["units"], join_field_list(z.units));
  set_text(f, i["source"], z.source);
  set_text(f, i["author"], z.author);
  set_text(f, i["note"], z.note);
  set_optional_real(f, i["min_altitude"], z.min_altitude_m);
  set_optional_real(f, i["max_altitude"], z.max_altitude_m);
  set_text(f, i["dem"], z.dem);
  set_text(f, i["saved_by"], z.saved_by);
  set_text(f, i["saved_at"], z.saved_at);
  set_polygons(f, z.geom);
}

ZoneVersion read_zone(const OGRFeature& f, const FieldIndex& i) {
  ZoneVersion z;
  z.gi = get_text(f, i["gi"]);
  z.version = static_cast<int>(get_int(f, i["version"]));
  z.effective_from = get_date(f, i["effective_from"]);
  z.effective_to = get_date(f, i["effective_to"]);
  z.units = split_field_list(get_text(f, i["units"]));
  z.source = get_text(f, i["source"]);
  z.author = get_text(f, i["author"]);
  z.note = get_text(f, i["note"]);
  z.min_altitude_m = get_optional_real(f, i.find("min_altitude"));
  z.max_altitude_m = get_optional_real(f, i.find("max_altitude"));
  if (const int d = i.find("dem"); d >= 0) z.dem = get_text(f, d);
  if (const int b = i.find("saved_by"); b >= 0) z.saved_by = get_text(f, b);  // schema 4
  if (const int a = i.find("saved_at"); a >= 0) z.saved_at = get_text(f, a);
  z.geom = get_polygons(f);
  return z;
}

void write_census(OGRFeature& f, const FieldIndex& i, const CensusPoint& c) {
  set_text(f, i["product"], c.product);
  set_text(f, i["category"], c.category);
  set_text(f, i["township"], c.township);
  set_date(f, i["survey_date"], c.survey_date);
  set_text(f, i["surveyor"], c.surveyor);
  set_real(f, i["annual_output_t"], c.annual_output_t);
  set_real(f, i["area_mu"], c.area_mu);
  set_int(f, i["households"], c.households);
  set_text(f, i["note"], c.note);
  if (c.resource_id > 0)
    set_int(f, i["resource_id"], c.resource_id);
  else if (const int r = i.find("resource_id"); r >= 0)
    f.SetFieldNull(r);
  set_point(f, c.location);
}

CensusPoint read_census(const OGRFeature& f, const FieldIndex& i) {
  CensusPoint c;
  c.product = get_text(f, i["product"]);
  c.category = get_text(f, i["category"]);
  c.township = get_text(f, i["township"]);
  c.survey_date = get_date(f, i["survey_date"]);
  c.surveyor = get_text(f, i["surveyor"]);
  c.annual_output_t = get_real(f, i["annual_output_t"]);
  c.area_mu = get_real(f, i["area_mu"]);
  c.households = static_cast<int>(get_int(f, i["households"]));
  c.note = get_text(f, i["note"]);
  if (const int r = i.find("resource_id"); r >= 0) c.resource_id = get_int(f, r);  // schema 3
  c.location = get_point(f).value_or(Point{});
  return c;
}

void write_producer(OGRFeature& f, const FieldIndex& i, const Producer& p) {
  set_text(f, i["name"], p.name);
  set_text(f, i["credit_code"], p.credit_code);
  set_text(f, i["gi"], p.gi);
  set_int(f, i["authorised"], p.authorised ? 1 : 0);
  set_date(f, i["authorised_since"], p.authorised_since);
  set_text(f, i["raw_x"], p.raw_x);
  set_text(f, i["raw_y"], p.raw_y);
  set_text(f, i["raw_crs"], p.raw_crs);
  set_text(f, i["location_issue"], p.location_issue);
  set_text(f, i["township"], p.township);
  set_text(f, i["note"], p.note);
  set_point(f, p.location);
}

Producer read_producer(const OGRFeature& f, const FieldIndex& i) {
  Producer p;
  p.name = get_text(f, i["name"]);
  p.credit_code = get_text(f, i["credit_code"]);
  p.gi = get_text(f, i["gi"]);
  p.authorised = get_int(f, i["authorised"]) != 0;
  p.authorised_since = get_date(f, i["authorised_since"]);
  p.raw_x = get_text(f, i["raw_x"]);
  p.raw_y = get_text(f, i["raw_y"]);
  p.raw_crs = get_text(f, i["raw_crs"]);
  p.location_issue = get_text(f, i["location_issue"]);
  p.township = get_text(f, i["township"]);
  p.note = get_text(f, i["note"]);
  p.location = get_point(f);
  return p;
}

void write_inspector(OGRFeature& f, const FieldIndex& i, const Inspector& r) {
  set_text(f, i["name"], r.name);
  set_text(f, i["unit"], r.unit);
  set_text(f, i["badge"], r.badge);
  set_int(f, i["active"], r.active ? 1 : 0);
  if (int t = i.find("township"); t >= 0) set_text(f, t, r.township);
  if (int t = i.find("relations"); t >= 0) set_text(f, t, join_field_list(r.relations));
}

Inspector read_inspector(const OGRFeature& f, const FieldIndex& i) {
  Inspector r;
  r.name = get_text(f, i["name"]);
  r.unit = get_text(f, i["unit"]);
  r.badge = get_text(f, i["badge"]);
  r.active = get_int(f, i["active"]) != 0;
  if (int t = i.find("township"); t >= 0) r.township = get_text(f, t);
  if (int t = i.find("relations"); t >= 0) r.relations = split_field_list(get_text(f, t));
  return r;
}

void write_inspection(OGRFeature& f, const FieldIndex& i, const Inspection& r) {
  set_int(f, i["producer_id"], r.producer_id);
  set_text(f, i["producer_name"], r.producer_name);
  set_date(f, i["date"], r.date);
  set_text(f, i["inspector"], r.inspector);
  set_text(f, i["gi"], r.gi);
  set_int(f, i["zone_version"], r.zone_version);
  set_text(f, i["result"], r.result);
  set_real(f, i["distance_m"], r.distance_m);
  set_text(f, i["note"], r.note);
}

Inspection read_inspection(const OGRFeature& f, const FieldIndex& i) {
  Inspection r;
  r.producer_id = get_int(f, i["producer_id"]);
  r.producer_name = get_text(f, i["producer_name"]);
  r.date = get_date(f, i["date"]);
  r.inspector = get_text(f, i["inspector"]);
  r.gi = get_text(f, i["gi"]);
  r.zone_version = static_cast<int>(get_int(f, i["zone_version"]));
  r.result = get_text(f, i["result"]);
  r.distance_m = get_real(f, i["distance_m"]);
  r.note = get_text(f, i["note"]);
  return r;
}

}  // namespace

std::vector<Township> Workspace::townships() const {
  return read_rows<Township>(layer(table::kTownships), read_township);
}
std::vector<Village> Workspace::villages() const { return read_rows<Village>(layer(table::kVillages), read_village); }
std::vector<GiProduct> Workspace::gi_products() const { return read_rows<GiProduct>(layer(table::kGiProducts), read_gi); }
std::vector<CensusPoint> Workspace::census_points() const {
  return read_rows<CensusPoint>(layer(table::kCensus), read_census);
}
std::vector<Producer> Workspace::producers() const {
  return read_rows<Producer>(layer(table::kProducers), read_producer);
}
std::vector<Inspector> Workspace::inspectors() const {
  return read_rows<Inspector>(layer(table::kInspectors), read_inspector);
}
std::vector<Inspection> Workspace::inspections() const {
  return read_rows<Inspection>(layer(table::kInspections), read_inspection);
}

void Workspace::for_each_producer(const std::function<void(Producer&&)>& fn) const {
  // GDAL's own SQLite connection: the rows it would read, uncommitted changes of an open
  // Transaction included.
  // A PostGIS workspace reads through GDAL's PostgreSQL driver (a server-side cursor), its own
  // connection's view, uncommitted changes of an open Transaction included, too.
  if (postgis_) {
    // Outside a write, one binary COPY on a connection of its own (committed rows are all
    // there are); inside one, GDAL's connection, which also sees the write's own rows.
    if (open_transactions_ == 0 &&
        pg_copy_producers(libpq_conninfo(path_), parse_store_address(path_).schema, shown_, fn))
      return;
    scan_pg_producers(*ds_, fn);
    return;
  }
  if (auto* db = static_cast<sqlite3*>(ds_->GetInternalHandle("SQLITE_HANDLE"))) {
    scan_gpkg_producers(db, fn);
    return;
  }
  for_each_producer_ogr(fn);
}

void Workspace::for_each_producer_ogr(const std::function<void(Producer&&)>& fn) const {
  scan_rows<Producer>(layer(table::kProducers), read_producer, fn);
}

std::int64_t Workspace::producer_count() const { return layer(table::kProducers).GetFeatureCount(TRUE); }

std::optional<GiProduct> Workspace::gi_product(const std::string& name) const {
  for (auto& g : gi_products())
    if (g.name == name) return g;
  return std::nullopt;
}

std::vector<ZoneVersion> Workspace::zone_versions(const std::string& gi) const {
  auto all = read_rows<ZoneVersion>(layer(table::kZones), read_zone);
  if (!gi.empty()) std::erase_if(all, [&](const ZoneVersion& z) { return z.gi != gi; });
  std::sort(all.begin(), all.end(), [](const ZoneVersion& a, const ZoneVersion& b) {
    return a.gi != b.gi ? a.gi < b.gi : a.version < b.version;
  });
  return all;
}

std::optional<ZoneVersion> Workspace::zone_in_force(const std::string& gi, const std::string& date) const {
  return zone_version_in_force(zone_versions(gi), gi, date);
}

void Workspace::add_townships(std::vector<Township>& rows) {
  with_write([&] { add_rows(pg_dataset(), layer(table::kTownships), rows, write_township); }, table::kTownships);
}
void Workspace::add_villages(std::vector<Village>& rows) {
  with_write([&] { add_rows(pg_dataset(), layer(table::kVillages), rows, write_village); }, table::kVillages);
}
void Workspace::add_census_points(std::vector<CensusPoint>& rows) {
  with_write([&] { add_rows(pg_dataset(), layer(table::kCensus), rows, write_census); }, table::kCensus);
}
void Workspace::update_census_point(const CensusPoint& row) {
  with_write([&] {
    OGRLayer& l = layer(table::kCensus);
    OgrFeature f(l.GetFeature(row.id));
    if (!f) throw Error("census point #" + std::to_string(row.id) + " does not exist");
    write_census(*f, FieldIndex(l), row);
    CPLErrorReset();
    if (l.SetFeature(f.get()) != OGRERR_NONE) {
      const std::string why = CPLGetLastErrorMsg();
      // A row it can read but not change: a row policy filtered the UPDATE (it says nothing itself).
      if (postgis_ && why.empty())
        throw Error(row_policy_refusal_text(table::kCensus, "census point #" + std::to_string(row.id)));
      throw Error("updating census point #" + std::to_string(row.id) + " failed" + (why.empty() ? "" : ": " + why));
    }
  }, table::kCensus);
}

void Workspace::remove_census_point(std::int64_t id) {
  with_write([&] {
    OGRLayer& l = layer(table::kCensus);
    CPLErrorReset();
    if (l.DeleteFeature(id) != OGRERR_NONE) {
      if (postgis_) {  // refused (the server says why), or filtered by a row policy (it says nothing)
        if (const std::string why = CPLGetLastErrorMsg(); !why.empty())
          throw Error("deleting census point #" + std::to_string(id) + " failed: " + why);
        if (OgrFeature(l.GetFeature(id)))
          throw Error(row_policy_refusal_text(table::kCensus, "census point #" + std::to_string(id)));
      }
      throw Error("census point #" + std::to_string(id) + " does not exist");
    }
  }, table::kCensus);
}

std::optional<CensusPoint> Workspace::census_point(std::int64_t id) const {
  OGRLayer& l = layer(table::kCensus);
  OgrFeature f(l.GetFeature(id));
  if (!f) return std::nullopt;
  CensusPoint c = read_census(*f, FieldIndex(l));
  c.id = id;
  return c;
}

std::optional<Producer> Workspace::producer(std::int64_t id) const {
  OGRLayer& l = layer(table::kProducers);
  OgrFeature f(l.GetFeature(id));
  if (!f) return std::nullopt;
  Producer p = read_producer(*f, FieldIndex(l));
  p.id = id;
  return p;
}

std::optional<GiProduct> Workspace::gi_product(std::int64_t id) const {
  OGRLayer& l = layer(table::kGiProducts);
  OgrFeature f(l.GetFeature(id));
  if (!f) return std::nullopt;
  GiProduct g = read_gi(*f, FieldIndex(l));
  g.id = id;
  return g;
}

void Workspace::add_producers(std::vector<Producer>& rows) {
  with_write([&] { add_rows(pg_dataset(), layer(table::kProducers), rows, write_producer); }, table::kProducers);
}
std::size_t Workspace::add_producers_from(std::size_t at_most,
                                          const std::function<void(const ProducerSink&)>& produce) {
  std::size_t n = 0;
  with_write([&] {
    OGRLayer& l = layer(table::kProducers);
    const FieldIndex idx(l);
    auto write = [&](BulkInsert& out, Producer& p) {
      OgrFeature f(OGRFeature::CreateFeature(l.GetLayerDefn()));
      write_producer(*f, idx, p);
      p.id = out.add(*f);
    };
    if (!postgis_) {  // SQLite takes each row at once
      BulkInsert out(nullptr, l, at_most);
      produce([&](Producer& p) {
        write(out, p);
        ++n;
      });
      out.finish();
      return;
    }
    // PostGIS: a writer thread does the whole load (BulkInsert: ids, COPY, the spatial index)
    // while this one goes on checking rows, so a server slowed by its index is kept busy instead
    // of waiting for the checks. Only the writer touches the connection until it is done.
    constexpr std::size_t kChunk = 2000;
    BoundedQueue<std::vector<Producer>> queue(64);
    std::exception_ptr failed;
    std::jthread writer([&] {
      try {
        QuietGdalErrors quiet;
        BulkInsert out(ds_.get(), l, at_most);
        while (auto chunk = queue.pop())
          for (Producer& p : *chunk) write(out, p);
        out.finish();
      } catch (...) {
        failed = std::current_exception();
        queue.cancel();
      }
    });
    struct StopWriter {  // on any way out: the writer is stopped and gone before the rollback
      BoundedQueue<std::vector<Producer>>& q;
      std::jthread& w;
      ~StopWriter() {
        q.cancel();
        if (w.joinable()) w.join();
      }
    } stop{queue, writer};
    struct WriterFailed {};
    std::vector<Producer> chunk;
    chunk.reserve(kChunk);
    try {
      produce([&](Producer& p) {
        ++n;
        chunk.push_back(std::move(p));  // the sink owns the row from here
        if (chunk.size() == kChunk) {
          if (!queue.push(std::move(chunk))) throw WriterFailed{};
          chunk = {};
          chunk.reserve(kChunk);
        }
      });
      if (!chunk.empty() && !queue.push(std::move(chunk))) throw WriterFailed{};
    } catch (const WriterFailed&) {
    }
    queue.close();
    writer.join();
    if (failed) std::rethrow_exception(failed);
  }, table::kProducers);
  return n;
}

void Workspace::update_producers(const std::vector<Producer>& rows) {
  if (rows.empty()) return;
  with_write([&] {
    OGRLayer& l = layer(table::kProducers);
    FieldIndex idx(l);
    for (const Producer& row : rows) {
      OgrFeature f(l.GetFeature(row.id));
      if (!f) throw Error("producer #" + std::to_string(row.id) + " does not exist");
      write_producer(*f, idx, row);
      if (l.SetFeature(f.get()) != OGRERR_NONE)
        throw Error("updating producer #" + std::to_string(row.id) + " failed: " + CPLGetLastErrorMsg());
    }
  }, table::kProducers);
}

void Workspace::add_inspectors(std::vector<Inspector>& rows) {
  with_write([&] { add_rows(pg_dataset(), layer(table::kInspectors), rows, write_inspector); }, table::kInspectors);
}
void Workspace::update_inspector(const Inspector& row) {
  with_write([&] {
    OGRLayer& l = layer(table::kInspectors);
    OgrFeature f(l.GetFeature(row.id));
    if (!f) throw Error("inspector #" + std::to_string(row.id) + " does not exist");
    write_inspector(*f, FieldIndex(l), row);
    if (l.SetFeature(f.get()) != OGRERR_NONE)
      throw Error("updating inspector #" + std::to_string(row.id) + " failed: " + CPLGetLastErrorMsg());
  }, table::kInspectors);
}
void Workspace::add_inspections(std::vector<Inspection>& rows) {
  with_write([&] { add_rows(pg_dataset(), layer(table::kInspections), rows, write_inspection); }, table::kInspections);
}

void Workspace::add_gi_product(GiProduct& row) {
  if (auto problem = gi_product_problem(row); !problem.empty()) throw Error("GI register: " + problem);
  if (gi_product(row.name)) throw Error("GI product '" + row.name + "' is already in the register");
  std::vector<GiProduct> one{row};
  with_write([&] { add_rows(pg_dataset(), layer(table::kGiProducts), one, write_gi); }, table::kGiProducts);
  row.id = one.front().id;
}

void Workspace::update_gi_product(const GiProduct& row) {
  if (auto problem = gi_product_problem(row); !problem.empty()) throw Error("GI register: " + problem);
  with_write([&] {
    OGRLayer& l = layer(table::kGiProducts);
    OgrFeature f(l.GetFeature(row.id));
    if (!f) throw Error("GI product #" + std::to_string(row.id) + " does not exist");
    write_gi(*f, FieldIndex(l), row);
    if (l.SetFeature(f.get()) != OGRERR_NONE)
      throw Error("updating GI product '" + row.name + "' failed: " + CPLGetLastErrorMsg());
  }, table::kGiProducts);
}

namespace {

// The refusal of a zone save edited from `based_on` when `newest` was saved meanwhile: who and
// when from the version's own record, else from the audit trail.
EditConflict zone_conflict(const Workspace& ws, const ZoneVersion& newest, int based_on) {
  std::string who = newest.saved_by, when = newest.saved_at;
  if (who.empty() || when.empty())
    if (const auto c = last_row_change(ws, table::kZones, newest.id)) {
      if (who.empty()) who = c->who;
      if (when.empty()) when = c->when;
    }
  if (who.empty()) who = newest.author;
  const std::string from = based_on == 0 ? "edited when it had no zone" : "edited from version " + std::to_string(based_on);
  return EditConflict("save zone for '" + newest.gi + "': " + from + ", but version " + std::to_string(newest.version) +
                          " was saved meanwhile" + by_whom_text(who, when) + "; nothing saved",
                      table::kZones, newest.id, who, when, newest.version);
}

}  // namespace

ZoneVersion Workspace::save_zone_version(ZoneVersion v, std::optional<int> based_on) {
  if (!gi_product(v.gi)) throw Error("save zone: '" + v.gi + "' is not in the GI register");
  if (v.geom.empty()) throw Error("save zone for '" + v.gi + "': the zone is empty");
  if (v.effective_from.empty()) v.effective_from = today_iso();
  if (!is_iso_date(v.effective_from)) throw Error("save zone: invalid effective date '" + v.effective_from + "'");
  with_write([&] {
    OGRLayer& l = layer(table::kZones);
    FieldIndex idx(l);
    // Read inside the change, which holds the workspace's write lock: no one saves between this
    // read and the insert.
    auto versions = zone_versions(v.gi);
    const int newest = versions.empty() ? 0 : versions.back().version;
    if (based_on && *based_on != newest) {
      if (*based_on > newest) throw Error("save zone for '" + v.gi + "': edited from version " + std::to_string(*based_on) +
                                        ", which no longer exists; nothing saved");
      throw zone_conflict(*this, versions.back(), *based_on);
    }
    v.version = newest + 1;
    if (v.saved_by.empty()) v.saved_by = saving_user(*this);
    if (v.saved_at.empty()) v.saved_at = now_iso();
    v.effective_to.clear();
    for (const auto& old : versions) {
      if (!old.effective_to.empty()) continue;
      if (v.effective_from <= old.effective_from)
        throw Error("save zone for '" + v.gi + "': the new version must take effect after version " +
                    std::to_string(old.version) + " (effective from " + old.effective_from + ")");
      // Only the end date of the version in force changes; its geometry and record stay. In a
      // database that one column is all a surveyor may update (workspace/pg_roles.h), so it is
      // updated alone there, not through a rewrite of the whole feature.
      if (postgis_) {
        CPLErrorReset();
        ds_->ExecuteSQL(("UPDATE " + std::string(table::kZones) + " SET effective_to = " +
                         sql_literal(v.effective_from) + " WHERE fid = " + std::to_string(old.id))
                            .c_str(),
                        nullptr, nullptr);
        if (const std::string why = CPLGetLastErrorMsg(); !why.empty())
          throw Error("save zone: closing version " + std::to_string(old.version) + " failed: " + why);
        continue;
      }
      OgrFeature f(l.GetFeature(old.id));
      set_date(*f, idx["effective_to"], v.effective_from);
      if (l.SetFeature(f.get()) != OGRERR_NONE) throw Error("save zone: closing version failed");
    }
    std::vector<ZoneVersion> one{v};
    add_rows(pg_dataset(), l, one, write_zone);
    v.id = one.front().id;
  }, table::kZones);
  return v;
}

}  // namespace giatlas
