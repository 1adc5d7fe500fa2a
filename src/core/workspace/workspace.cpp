// Workspace lifecycle: create, open and validate, metadata, settings, transactions.
#include "workspace/workspace.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <thread>

#include "error.h"
#include "io/atomic_file.h"
#include "workspace/feature_io.h"
#include "workspace/pg_roles.h"
#include "workspace/postgis_store.h"
#include "workspace/schema.h"
#include "workspace/sqlite_file.h"

namespace giatlas {

namespace fs = std::filesystem;

std::string today_iso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string now_iso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {

void put_key_value(OGRLayer& layer, const std::string& key, const std::string& value) {
  FieldIndex idx(layer);
  layer.SetAttributeFilter(("key = '" + key + "'").c_str());
  layer.ResetReading();
  OgrFeature existing(layer.GetNextFeature());
  layer.SetAttributeFilter(nullptr);
  if (existing) {
    set_text(*existing, idx["value"], value);
    if (layer.SetFeature(existing.get()) != OGRERR_NONE) throw Error("cannot update '" + key + "'");
    return;
  }
  OgrFeature f(OGRFeature::CreateFeature(layer.GetLayerDefn()));
  set_text(*f, idx["key"], key);
  set_text(*f, idx["value"], value);
  if (layer.CreateFeature(f.get()) != OGRERR_NONE) throw Error("cannot write '" + key + "'");
}

std::map<std::string, std::string> read_key_values(OGRLayer& layer) {
  std::map<std::string, std::string> out;
  FieldIndex idx(layer);
  layer.ResetReading();
  while (OgrFeature f{layer.GetNextFeature()}) out[get_text(*f, idx["key"])] = get_text(*f, idx["value"]);
  return out;
}

// Writes the metadata of a new workspace.
void write_new_metadata(OGRLayer& meta, const std::string& district_name, const std::string& district_code,
                        bool synthetic) {
  const std::string now = now_iso();
  put_key_value(meta, "schema_version", std::to_string(kSchemaVersion));
  put_key_value(meta, "district_name", district_name);
  put_key_value(meta, "district_code", district_code);
  put_key_value(meta, "created", now);
  put_key_value(meta, "modified", now);
  put_key_value(meta, "synthetic", synthetic ? "true" : "false");
  put_key_value(meta, "application", "GI Atlas");
}

void create_table(GDALDataset& ds, const TableDef& t) {
  OGRSpatialReference srs = srs_cgcs2000();
  char** options = nullptr;
  options = CSLSetNameValue(options, "FID", "fid");
  if (t.geometry != wkbNone) options = CSLSetNameValue(options, "GEOMETRY_NAME", "geom");
  OGRLayer* layer = ds.CreateLayer(t.name, t.geometry == wkbNone ? nullptr : &srs, t.geometry, options);
  CSLDestroy(options);
  if (!layer) throw Error(std::string("cannot create table ") + t.name + ": " + CPLGetLastErrorMsg());
  for (const FieldDef& fd : t.fields) {
    OGRFieldDefn field(fd.name, fd.type);
    field.SetSubType(fd.subtype);
    if (layer->CreateField(&field) != OGRERR_NONE)
      throw Error(std::string("cannot create field ") + t.name + "." + fd.name);
  }
}

void create_tables(GDALDataset& ds) {
  for (const TableDef& t : workspace_tables()) create_table(ds, t);
}

// Adds the tables and fields a later schema version introduced (read-only opens read without
// them) and records the new version; one transaction.
void upgrade_schema(GDALDataset& ds, const std::string& path) {
  if (ds.StartTransaction() != OGRERR_NONE) throw Error(path + ": cannot upgrade the workspace (is it read-only?)");
  try {
    for (const TableDef& t : workspace_tables()) {
      OGRLayer* layer = ds.GetLayerByName(t.name);
      if (!layer) {
        create_table(ds, t);
        continue;
      }
      for (const FieldDef& fd : t.fields) {
        if (layer->GetLayerDefn()->GetFieldIndex(fd.name) >= 0) continue;
        OGRFieldDefn field(fd.name, fd.type);
        field.SetSubType(fd.subtype);
        if (layer->CreateField(&field) != OGRERR_NONE)
          throw Error(path + ": cannot upgrade the workspace: adding " + t.name + "." + fd.name + " failed");
      }
    }
    put_key_value(*ds.GetLayerByName(table::kMetadata), "schema_version", std::to_string(kSchemaVersion));
    if (ds.CommitTransaction() != OGRERR_NONE) throw Error(path + ": upgrading the workspace failed: " + CPLGetLastErrorMsg());
  } catch (...) {
    ds.RollbackTransaction();
    throw;
  }
}

// GDAL's SQLite connections opened by this thread while this lives wait `ms` for another
// process's lock (SQLite's busy timeout, kept by the connection for all its statements).
class BusyTimeout {
 public:
  explicit BusyTimeout(std::chrono::milliseconds ms) {
    if (const char* old = CPLGetThreadLocalConfigOption("SQLITE_BUSY_TIMEOUT", nullptr)) old_ = old;
    CPLSetThreadLocalConfigOption("SQLITE_BUSY_TIMEOUT", std::to_string(ms.count()).c_str());
  }
  ~BusyTimeout() { CPLSetThreadLocalConfigOption("SQLITE_BUSY_TIMEOUT", old_ ? old_->c_str() : nullptr); }
  BusyTimeout(const BusyTimeout&) = delete;
  BusyTimeout& operator=(const BusyTimeout&) = delete;

 private:
  std::optional<std::string> old_;
};

// A hot journal beside the file (an interrupted write) makes read-only opens fail, since only
// a connection that can write may roll it back. When the file and its folder can be written,
// open it for writing once so that SQLite rolls the change back; true when it did. Otherwise
// the journal is left for open_failure to explain.
bool roll_back_interrupted_change(const std::string& path, const char* const* drivers) {
  if (!has_hot_journal(path)) return false;
  const FileAccess a = file_access(path);
  if (!a.file_writable || !a.folder_writable) return false;
  {
    const BusyTimeout no_wait(std::chrono::milliseconds(0));  // a live writer's journal is not abandoned
    QuietGdalErrors quiet;
    GdalDataset rw(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr));
    if (rw) rw->GetLayerCount();
  }
  // Still hot: another process holds the change open (SQLite rolls back only abandoned ones).
  return !has_hot_journal(path);
}

// SQLite's busy timeout of the workspace's connection.
void set_busy_timeout(GDALDataset& ds, std::chrono::milliseconds ms) {
  if (OGRLayer* r = ds.ExecuteSQL(("PRAGMA busy_timeout = " + std::to_string(ms.count())).c_str(), nullptr, nullptr))
    ds.ReleaseResultSet(r);
}

std::string seconds_text(std::chrono::milliseconds ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", static_cast<double>(ms.count()) / 1000.0);
  return buf;
}

std::string holder_text(const std::optional<LockHolder>& h) { return h ? " (" + h->describe() + ")" : ""; }

// Before a step that may wait for another process's lock: says whom it waits for, when one
// holds it (`committing_only`: only a commit in progress is in a reader's way).
void tell_waiting(const std::string& path, const LockWait& wait, bool committing_only) {
  if (!wait.waiting || wait.limit.count() == 0) return;
  if (const auto h = sqlite_write_lock_holder(path, committing_only))
    wait.waiting("waiting for " + path + ": locked by another process" + holder_text(h) + ", up to " +
                 seconds_text(wait.limit) + " s");
}

Error gave_up(const char* what, const std::string& shown, const std::string& holder, const LockWait& wait) {
  return Error(std::string(what) + " " + shown + ": locked by another process" + holder + "; gave up after " +
               seconds_text(wait.limit) + " s");
}


// Checks that `ds` holds a GI Atlas workspace this build can read, and brings an older schema up
// to date when it may write. `shown`: the workspace for messages.
void check_workspace(GDALDataset& ds, const std::string& shown, bool read_only) {
  OGRLayer* meta = ds.GetLayerByName(table::kMetadata);
  if (!meta) throw Error(shown + " is not a GI Atlas workspace (it has no " + table::kMetadata + " table)");
  auto kv = read_key_values(*meta);
  int version = 0;
  try {
    version = std::stoi(kv["schema_version"]);
  } catch (const std::exception&) {
    throw Error(shown + " is not a GI Atlas workspace (no readable schema version)");
  }
  if (version > kSchemaVersion)
    throw Error(shown + " was written by a newer GI Atlas (schema version " + std::to_string(version) +
                "; this build reads up to " + std::to_string(kSchemaVersion) + "): update GI Atlas to open it");
  if (version < 1) throw Error(shown + " has an invalid schema version " + std::to_string(version));
  for (const TableDef& t : workspace_tables())
    if (t.since <= version && !ds.GetLayerByName(t.name))
      throw Error(shown + " is a damaged workspace: table '" + t.name + "' is missing");
  if (version < kSchemaVersion && !read_only) upgrade_schema(ds, shown);
}

}  // namespace

Workspace::Workspace(std::string path, GdalDataset ds)
    : path_(std::move(path)), shown_(mask_password(path_)), postgis_(is_postgis_address(path_)), ds_(std::move(ds)) {}

Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

Workspace Workspace::create(const std::string& path, const std::string& district_name,
                            const std::string& district_code, bool synthetic) {
  ensure_gdal();
  if (is_postgis_address(path)) return create_postgis(parse_store_address(path), district_name, district_code, synthetic);
  if (fs::exists(path)) throw Error("create workspace " + path + ": the file already exists");
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!driver) throw Error("create workspace: GDAL has no GeoPackage driver");
  // Built under a temporary name and renamed at the end, so a failed create leaves nothing.
  AtomicFile file(path, "create workspace");
  file.probe();
  {
    QuietGdalErrors quiet;
    GdalDataset ds(driver->Create(file.temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw Error("create workspace " + path + ": " + sqlite_failure_cause(CPLGetLastErrorMsg()));
    try {
      ds->StartTransaction();
      create_tables(*ds);
      write_new_metadata(*ds->GetLayerByName(table::kMetadata), district_name, district_code, synthetic);
      if (ds->CommitTransaction() != OGRERR_NONE) throw Error(CPLGetLastErrorMsg());
    } catch (const Error& e) {
      // GDAL's text may hold a whole CREATE TABLE statement: keep the cause, one line.
      throw Error("create workspace " + path + ": " + sqlite_failure_cause(e.what()));
    }
  }
  file.commit();
  return open(path);
}

Workspace Workspace::open(const std::string& path, bool read_only, LockWait wait) {
  ensure_gdal();
  if (is_postgis_address(path)) return open_postgis(parse_store_address(path), read_only, std::move(wait));
  if (!fs::exists(path)) throw Error("open workspace " + path + ": no such file");
  const char* drivers[] = {"GPKG", nullptr};
  const bool recovered = roll_back_interrupted_change(path, drivers);
  unsigned flags = GDAL_OF_VECTOR | (read_only ? GDAL_OF_READONLY : GDAL_OF_UPDATE);
  GdalDataset ds;
  std::string gdal_message;
  tell_waiting(path, wait, true);
  {
    const BusyTimeout busy(wait.limit);  // the connection keeps it: writes and commits wait too
    QuietGdalErrors quiet;
    CPLErrorReset();
    ds.reset(GDALDataset::Open(path.c_str(), flags, drivers, nullptr, nullptr));
    if (!ds) gdal_message = CPLGetLastErrorMsg();
  }
  if (!ds && sqlite_failure(gdal_message).kind == SqliteFailure::locked)
    throw gave_up("open workspace", path, holder_text(sqlite_write_lock_holder(path)), wait);
  if (!ds) {
    const OpenFailure why = open_failure(path, !read_only, gdal_message);
    if (why.not_a_workspace) throw Error(path + " is not a GI Atlas workspace (" + why.text + ")");
    throw Error("open workspace " + path + ": " + why.text);
  }
  check_workspace(*ds, path, read_only);
  Workspace ws(path, std::move(ds));
  ws.rolled_back_ = recovered;
  ws.lock_wait_ = std::move(wait);
  // GDAL sets its own busy timeout again late in opening a GeoPackage: ours replaces it.
  ws.set_lock_timeout(ws.lock_wait_.limit);
  return ws;
}

Workspace Workspace::create_postgis(const StoreAddress& a, const std::string& district_name,
                                    const std::string& district_code, bool synthetic) {
  std::string schema = a.schema;
  if (schema.empty()) schema = district_code.empty() ? "giatlas" : "giatlas_" + district_code;
  if (!plain_sql_identifier(schema))
    throw Error("create workspace " + a.shown + ": '" + schema + "' cannot be a schema name; name one with active_schema=");
  pg_create_schema(a, schema);
  try {  // the tables in one transaction; the schema goes again when anything fails
    GdalDataset ds = pg_connect(a, schema, true, "create workspace");
    QuietGdalErrors quiet;
    if (ds->StartTransaction() != OGRERR_NONE) throw Error(CPLGetLastErrorMsg());
    create_tables(*ds);
    write_new_metadata(*ds->GetLayerByName(table::kMetadata), district_name, district_code, synthetic);
    pg_install_guards(*ds, schema);  // append-only zone versions and the audit trail, from the start
    if (ds->CommitTransaction() != OGRERR_NONE) throw Error(CPLGetLastErrorMsg());
  } catch (const Error& e) {
    try {
      pg_drop_schema(a, schema);
    } catch (const Error&) {
    }
    const std::string why = e.what();
    throw Error(why.rfind("create workspace", 0) == 0 ? why
                                                       : "create workspace " + a.shown + ": " + sqlite_failure_cause(why));
  }
  return open(with_schema(a.path, schema));
}

Workspace Workspace::open_postgis(const StoreAddress& a, bool read_only, LockWait wait) {
  std::string schema = a.schema;
  if (schema.empty()) {  // the database's only workspace, else say which there are
    const std::vector<PgWorkspace> all = pg_list_workspaces(a);
    if (all.empty()) throw Error("open workspace " + a.shown + ": no GI Atlas workspace in this database");
    if (all.size() > 1) {
      std::string names;
      for (const auto& w : all) names += (names.empty() ? "" : ", ") + w.schema + " (" + w.district_name + ")";
      throw Error("open workspace " + a.shown + ": the database holds " + std::to_string(all.size()) +
                  " workspaces, name one with active_schema=: " + names);
    }
    schema = all.front().schema;
  }
  GdalDataset ds = pg_connect(a, schema, !read_only, "open workspace");
  const std::string path = with_schema(a.path, schema);
  if (!ds->GetLayerByName(table::kMetadata)) {
    if (pg_schema_closed(*ds, schema))
      throw Error("open workspace " + mask_password(path) + ": you have no role in workspace " + schema +
                  " (你在此工作区没有角色); its admin gives one with giatlas-cli db grant");
    throw Error("open workspace " + mask_password(path) + ": no GI Atlas workspace in schema " + schema);
  }
  check_workspace(*ds, mask_password(path), read_only);
  Workspace ws(path, std::move(ds));
  ws.role_ = pg_session_role(*ws.ds_, schema);
  ws.lock_wait_ = std::move(wait);
  ws.set_lock_timeout(ws.lock_wait_.limit);
  return ws;
}

void Workspace::set_lock_timeout(std::chrono::milliseconds ms) {
  if (postgis_) {  // 0 is "for ever" there: the shortest wait is 1 ms
    QuietGdalErrors quiet;
    ds_->ExecuteSQL(("SET lock_timeout = " + std::to_string(std::max<long long>(1, ms.count()))).c_str(), nullptr,
                    nullptr);
    return;
  }
  set_busy_timeout(*ds_, ms);
}

std::string Workspace::lock_holder_text() {
  if (postgis_) {
    const auto h = pg_lock_holder(*ds_);
    return h ? " (" + *h + ")" : "";
  }
  return holder_text(sqlite_write_lock_holder(path_));
}

OGRLayer& Workspace::layer(const char* name) const {
  OGRLayer* l = ds_->GetLayerByName(name);
  if (!l) throw Error(shown_ + ": table '" + name + "' is missing");
  return *l;
}

Metadata Workspace::metadata() const {
  auto kv = read_key_values(layer(table::kMetadata));
  Metadata m;
  m.schema_version = std::atoi(kv["schema_version"].c_str());
  m.district_name = kv["district_name"];
  m.district_code = kv["district_code"];
  m.created = kv["created"];
  m.modified = kv["modified"];
  m.synthetic = kv["synthetic"] == "true";
  return m;
}

void Workspace::set_synthetic(bool synthetic) {
  with_write([&] { put_key_value(layer(table::kMetadata), "synthetic", synthetic ? "true" : "false"); });
}

std::vector<TableInfo> Workspace::tables() const {
  std::vector<TableInfo> out;
  for (const TableDef& t : workspace_tables()) {
    OGRLayer* l = ds_->GetLayerByName(t.name);
    if (!l) continue;  // a table of a later schema version, in a file opened read-only
    out.push_back({t.name, l->GetFeatureCount(TRUE), t.geometry != wkbNone});
  }
  return out;
}

std::string Workspace::setting(const std::string& key, const std::string& fallback) const {
  auto kv = read_key_values(layer(table::kSettings));
  auto it = kv.find(key);
  return it == kv.end() ? fallback : it->second;
}

void Workspace::set_setting(const std::string& key, const std::string& value) {
  with_write([&] { put_key_value(layer(table::kSettings), key, value); });
}

void Workspace::put_file(const std::string& name, const std::string& bytes) {
  if (!postgis_) throw Error(shown_ + ": a GeoPackage workspace keeps its files beside it, not inside");
  with_write([&] { pg_put_file(*ds_, name, bytes); });
}

std::optional<std::string> Workspace::stored_file(const std::string& name) const {
  if (!postgis_) throw Error(shown_ + ": a GeoPackage workspace keeps its files beside it, not inside");
  return pg_get_file(*ds_, name);
}

void Workspace::touch_modified() { put_key_value(layer(table::kMetadata), "modified", now_iso()); }

std::string Workspace::refusal(const std::string& error, const char* table) const {
  if (!postgis_) return "";
  const PgRefusal r = classify_pg_refusal(error);
  if (r.kind == RefusalKind::none) return "";
  return refusal_sentence(role_, r, table ? table : "");
}

void Workspace::with_write(const std::function<void()>& fn, const char* table) {
  try {
    Transaction t(*this, table);
    fn();
    t.commit();
  } catch (const Error& e) {
    if (const std::string why = refusal(e.what(), table); !why.empty()) throw Error(why);
    // A full disk, a lock or a read-only file: the cause and the file, not SQLite's statement.
    const SqliteCause cause = sqlite_failure(e.what());
    if (cause.kind != SqliteFailure::other) throw Error("write workspace " + shown_ + ": " + cause.text);
    throw;
  }
}

void Workspace::begin_write(const char* table) {
  // The first try does not wait, so that a wait is said (and whom for) before it begins.
  set_lock_timeout(std::chrono::milliseconds(0));
  struct Restore {
    Workspace& ws;
    ~Restore() { ws.set_lock_timeout(ws.lock_wait_.limit); }
  } restore{*this};
  bool waiting = false;
  const auto deadline = std::chrono::steady_clock::now() + lock_wait_.limit;
  for (;;) {
    CPLErrorReset();
    if (ds_->StartTransaction() != OGRERR_NONE) {
      const SqliteCause cause = sqlite_failure(CPLGetLastErrorMsg());
      if (cause.kind == SqliteFailure::locked) throw gave_up("write workspace", shown_, lock_holder_text(), lock_wait_);
      throw Error(shown_ + ": cannot start a transaction (" +
                  (cause.kind == SqliteFailure::other ? "is the file read-only?" : cause.text) + ")");
    }
    // The first statement writes, so SQLite takes its RESERVED lock at once: the change is this
    // process's from here on. (After a read SQLite would refuse at once instead of waiting, by
    // its deadlock rule; hence plain SQL here, not the layer API.)
    CPLErrorReset();
    ds_->ExecuteSQL(("UPDATE " + std::string(table::kMetadata) + " SET value = '" + now_iso() +
                     "' WHERE key = 'modified'").c_str(),
                    nullptr, nullptr);
    const std::string why = CPLGetLastErrorMsg();
    if (why.empty()) return;
    ds_->RollbackTransaction();
    if (const std::string refused = refusal(why, table); !refused.empty()) throw Error(refused);
    const SqliteCause cause = sqlite_failure(why);
    if (cause.kind != SqliteFailure::locked) throw Error("write workspace " + shown_ + ": " + cause.text);
    if (!waiting) {
      waiting = true;
      if (lock_wait_.waiting && lock_wait_.limit.count() > 0)
        lock_wait_.waiting("waiting for " + shown_ + ": locked by another process" + lock_holder_text() +
                           ", up to " + seconds_text(lock_wait_.limit) + " s");
      set_lock_timeout(lock_wait_.limit);
      continue;
    }
    if (std::chrono::steady_clock::now() >= deadline)
      throw gave_up("write workspace", shown_, lock_holder_text(), lock_wait_);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

Workspace::Transaction::Transaction(Workspace& ws, const char* table) : quiet_(), ws_(ws) {
  if (ws_.open_transactions_++ == 0) {
    try {
      ws_.begin_write(table);
    } catch (...) {
      --ws_.open_transactions_;
      throw;
    }
  }
}

void Workspace::Transaction::commit() {
  if (done_) return;
  done_ = true;
  if (--ws_.open_transactions_ == 0) {
    ws_.touch_modified();
    // GDAL's own bookkeeping of the change (feature counts, spatial index state) in the same
    // transaction, instead of one more commit per table when the workspace closes.
    ws_.ds_->FlushCache();
    if (ws_.ds_->CommitTransaction() != OGRERR_NONE)
      throw Error(ws_.shown_ + ": saving failed: " + sqlite_failure_cause(CPLGetLastErrorMsg()));
  }
}

Workspace::Transaction::~Transaction() {
  if (done_) return;
  if (--ws_.open_transactions_ == 0) ws_.ds_->RollbackTransaction();
}

}  // namespace giatlas
