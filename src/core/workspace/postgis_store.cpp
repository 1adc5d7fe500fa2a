// PostgreSQL/PostGIS workspaces (see postgis_store.h).
#include "workspace/postgis_store.h"

#include "error.h"
#include "workspace/schema.h"

namespace giatlas {

namespace {

// The server's reason in one line, without the connection string GDAL sometimes repeats.
std::string pg_cause(const std::string& gdal_message, const StoreAddress& a) {
  std::string m = gdal_message;
  // "PQconnectdb failed.\nconnection to server … failed: FATAL:  password authentication failed …"
  for (const char* head : {"PQconnectdb failed.", "PQconnectdb failed"})
    if (m.rfind(head, 0) == 0) m.erase(0, std::string(head).size());
  while (!m.empty() && (m.front() == '\n' || m.front() == ' ')) m.erase(0, 1);
  if (const auto nl = m.find('\n'); nl != std::string::npos) m.resize(nl);
  if (const auto p = m.find("FATAL:"); p != std::string::npos) m = m.substr(p + 6);
  while (!m.empty() && m.front() == ' ') m.erase(0, 1);
  // Never a password, whatever the server or GDAL echoed.
  if (a.path != a.shown)
    for (std::size_t p; (p = m.find(a.path)) != std::string::npos;) m.replace(p, a.path.size(), a.shown);
  if (m.size() > 200) m = m.substr(0, 197) + "...";
  return m.empty() ? "unknown error" : m;
}

}  // namespace

std::string fill_sql(std::string sql, const std::vector<std::pair<std::string, std::string>>& with) {
  for (const auto& [from, to] : with)
    for (std::size_t p = 0; (p = sql.find(from, p)) != std::string::npos; p += to.size()) sql.replace(p, from.size(), to);
  return sql;
}

std::string sql_literal(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

GdalDataset pg_connect(const StoreAddress& a, const std::string& schema, bool update, const char* what) {
  ensure_gdal();
  std::string conn = schema.empty() ? a.path : with_schema(a.path, schema);
  // Tables of other schemas stay out of the layer list: listing them all is slow on big servers.
  if (!schema.empty()) conn += " schemas=" + schema;
  const char* drivers[] = {"PostgreSQL", nullptr};
  GdalDataset ds;
  std::string message;
  {
    QuietGdalErrors quiet;
    CPLErrorReset();
    ds.reset(GDALDataset::Open(conn.c_str(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY), drivers,
                               nullptr, nullptr));
    if (!ds) message = CPLGetLastErrorMsg();
  }
  if (!ds) throw Error(std::string(what) + " " + a.shown + ": cannot connect: " + pg_cause(message, a));
  return ds;
}

std::optional<std::string> pg_scalar(GDALDataset& ds, const std::string& sql) {
  GdalErrorLog log;  // quiet; the first failure is the cause (a COPY the statement ended, say)
  CPLErrorReset();
  OGRLayer* r = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
  const std::string err = log.failures().empty() ? CPLGetLastErrorMsg() : log.first();
  std::optional<std::string> out;
  if (r) {
    if (OgrFeature f{r->GetNextFeature()}; f && f->GetFieldCount() > 0 && f->IsFieldSetAndNotNull(0))
      out = f->GetFieldAsString(0);
    ds.ReleaseResultSet(r);
  }
  if (!err.empty()) throw Error(err);
  return out;
}

std::vector<std::vector<std::string>> pg_rows(GDALDataset& ds, const std::string& sql) {
  GdalErrorLog log;  // quiet; the first failure is the cause
  CPLErrorReset();
  OGRLayer* r = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
  std::string err = log.failures().empty() ? CPLGetLastErrorMsg() : log.first();
  std::vector<std::vector<std::string>> out;
  if (r) {
    while (OgrFeature f{r->GetNextFeature()}) {
      std::vector<std::string> row;
      for (int i = 0; i < f->GetFieldCount(); ++i)
        row.push_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
      out.push_back(std::move(row));
    }
    if (err.empty()) err = CPLGetLastErrorMsg();
    ds.ReleaseResultSet(r);
  }
  if (!err.empty()) throw Error(err);
  return out;
}

std::vector<PgWorkspace> pg_list_workspaces(const StoreAddress& a) {
  GdalDataset ds = pg_connect(a, "", false, "list workspaces in");
  std::vector<std::string> schemas;
  {
    QuietGdalErrors quiet;
    OGRLayer* r = ds->ExecuteSQL(
        "SELECT table_schema FROM information_schema.tables WHERE table_name = 'giatlas_metadata' ORDER BY 1",
        nullptr, nullptr);
    if (r) {
      while (OgrFeature f{r->GetNextFeature()}) schemas.push_back(f->GetFieldAsString(0));
      ds->ReleaseResultSet(r);
    }
  }
  std::vector<PgWorkspace> out;
  for (const std::string& s : schemas) {
    if (!plain_sql_identifier(s)) continue;  // not one GI Atlas made
    PgWorkspace w;
    w.schema = s;
    auto value = [&](const char* key) {
      return pg_scalar(*ds, "SELECT value FROM " + s + ".giatlas_metadata WHERE key = " + sql_literal(key))
          .value_or("");
    };
    try {
      w.district_name = value("district_name");
      w.district_code = value("district_code");
      w.schema_version = std::atoi(value("schema_version").c_str());
    } catch (const Error&) {
      continue;  // a table this user may not read
    }
    out.push_back(std::move(w));
  }
  return out;
}

void pg_create_schema(const StoreAddress& a, const std::string& schema) {
  GdalDataset ds = pg_connect(a, "", true, "create workspace");
  const std::string where = "create workspace " + a.shown;
  if (!pg_scalar(*ds, "SELECT extversion FROM pg_extension WHERE extname = 'postgis'")) {
    try {
      pg_scalar(*ds, "CREATE EXTENSION IF NOT EXISTS postgis");
    } catch (const Error& e) {
      throw Error(where + ": PostGIS is not installed in this database and this user cannot install it (" +
                  std::string(e.what()).substr(0, 160) + "); ask its owner to run CREATE EXTENSION postgis");
    }
  }
  if (pg_scalar(*ds, "SELECT 1 FROM information_schema.tables WHERE table_schema = " + sql_literal(schema) +
                         " AND table_name = 'giatlas_metadata'"))
    throw Error(where + ": schema " + schema + " already holds a workspace");
  if (pg_scalar(*ds, "SELECT 1 FROM information_schema.schemata WHERE schema_name = " + sql_literal(schema)))
    throw Error(where + ": schema " + schema + " already exists (with other tables): name another with active_schema=");
  try {
    pg_scalar(*ds, "CREATE SCHEMA " + schema);
  } catch (const Error& e) {
    throw Error(where + ": cannot create schema " + schema + ": " + std::string(e.what()).substr(0, 200));
  }
}

void pg_drop_schema(const StoreAddress& a, const std::string& schema) {
  GdalDataset ds = pg_connect(a, "", true, "clean up workspace");
  pg_scalar(*ds, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
}

std::optional<std::string> pg_lock_holder(GDALDataset& ds) {
  try {
    QuietGdalErrors quiet;
    OGRLayer* r = ds.ExecuteSQL(
        "SELECT a.pid, a.usename, a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.relation = 'giatlas_metadata'::regclass AND l.mode = 'RowExclusiveLock' "
        "AND l.pid <> pg_backend_pid() LIMIT 1",
        nullptr, nullptr);
    if (!r) return std::nullopt;
    std::optional<std::string> out;
    if (OgrFeature f{r->GetNextFeature()}) {
      std::string s = std::string("server pid ") + f->GetFieldAsString(0) + ", user " + f->GetFieldAsString(1);
      const std::string app = f->GetFieldAsString(2);
      if (!app.empty()) s += ", " + app;
      out = s;
    }
    ds.ReleaseResultSet(r);
    return out;
  } catch (const Error&) {
    return std::nullopt;
  }
}

namespace {

constexpr const char* kFiles = "giatlas_files";

OGRLayer& files_table(GDALDataset& ds) {
  if (OGRLayer* l = ds.GetLayerByName(kFiles)) return *l;
  char** opts = CSLSetNameValue(nullptr, "FID", "fid");
  OGRLayer* l = ds.CreateLayer(kFiles, nullptr, wkbNone, opts);
  CSLDestroy(opts);
  if (!l) throw Error(std::string("cannot create the table ") + kFiles + ": " + CPLGetLastErrorMsg());
  OGRFieldDefn name("name", OFTString), bytes("bytes", OFTBinary);
  if (l->CreateField(&name) != OGRERR_NONE || l->CreateField(&bytes) != OGRERR_NONE)
    throw Error(std::string("cannot create the table ") + kFiles + ": " + CPLGetLastErrorMsg());
  return *l;
}

}  // namespace

void pg_put_file(GDALDataset& ds, const std::string& name, const std::string& bytes) {
  OGRLayer& l = files_table(ds);
  const int name_i = l.GetLayerDefn()->GetFieldIndex("name");
  const int bytes_i = l.GetLayerDefn()->GetFieldIndex("bytes");
  std::vector<GIntBig> old;
  l.SetAttributeFilter(("name = " + sql_literal(name)).c_str());
  l.ResetReading();
  while (OgrFeature f{l.GetNextFeature()}) old.push_back(f->GetFID());
  l.SetAttributeFilter(nullptr);
  for (GIntBig id : old)
    if (l.DeleteFeature(id) != OGRERR_NONE) throw Error("cannot replace " + name + ": " + CPLGetLastErrorMsg());
  OgrFeature f(OGRFeature::CreateFeature(l.GetLayerDefn()));
  f->SetField(name_i, name.c_str());
  f->SetField(bytes_i, static_cast<int>(bytes.size()), reinterpret_cast<const GByte*>(bytes.data()));
  if (bytes.size() > 0x7fffffffULL || l.CreateFeature(f.get()) != OGRERR_NONE)
    throw Error("cannot store " + name + ": " + CPLGetLastErrorMsg());
}

std::optional<std::string> pg_get_file(GDALDataset& ds, const std::string& name) {
  OGRLayer* l = ds.GetLayerByName(kFiles);
  if (!l) return std::nullopt;
  const int bytes_i = l->GetLayerDefn()->GetFieldIndex("bytes");
  l->SetAttributeFilter(("name = " + sql_literal(name)).c_str());
  l->ResetReading();
  OgrFeature f(l->GetNextFeature());
  l->SetAttributeFilter(nullptr);
  if (!f || bytes_i < 0) return std::nullopt;
  int n = 0;
  const GByte* data = f->GetFieldAsBinary(bytes_i, &n);
  return std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(n));
}

}  // namespace giatlas
