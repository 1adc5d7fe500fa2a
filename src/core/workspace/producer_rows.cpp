// The producers table straight through SQLite (see producer_rows.h).
#include "workspace/producer_rows.h"

#include <cstdio>
#include <string>

#include "error.h"
#include "geo/gdal.h"
#include "workspace/gpkg_point.h"
#include "workspace/schema.h"
#include "workspace/sqlite_statement.h"

namespace giatlas {

namespace {

std::string quoted(const std::string& name) {
  std::string q = "\"";
  for (char c : name) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + '"';
}

std::string column_text(sqlite3_stmt* s, int col) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, col));
  if (!text) return {};
  return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(s, col)));
}

// OGR reads a GeoPackage DATE as three numbers "%d-%d-%d" and gives them back as %04d-%02d-%02d:
// a plain YYYY-MM-DD comes back as it is (the common case, without sscanf).
std::string column_date(sqlite3_stmt* s, int col) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, col));
  if (text && sqlite3_column_bytes(s, col) == 10) {
    auto digits = [&](int from, int to) {
      for (int i = from; i < to; ++i)
        if (text[i] < '0' || text[i] > '9') return false;
      return true;
    };
    if (digits(0, 4) && text[4] == '-' && digits(5, 7) && text[7] == '-' && digits(8, 10)) return std::string(text, 10);
  }
  int y = 0, m = 0, d = 0;
  if (!text || std::sscanf(text, "%d-%d-%d", &y, &m, &d) != 3) return {};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// The table's integer primary key (OGR's fid column), "rowid" when it has none.
std::string fid_column(sqlite3* db, const std::string& table) {
  SqliteStatement q(db, "SELECT name FROM pragma_table_info(" + quoted(table) + ") WHERE pk = 1",
                    "workspace table " + table);
  return q.step() ? column_text(q.get(), 0) : std::string("rowid");
}

std::string geometry_column(sqlite3* db, const std::string& table) {
  SqliteStatement q(db, "SELECT column_name FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)",
                    "workspace table " + table);
  sqlite3_bind_text(q.get(), 1, table.c_str(), -1, SQLITE_TRANSIENT);
  if (!q.step()) throw Error("workspace table " + table + " has no geometry column");
  return column_text(q.get(), 0);
}

}  // namespace

void scan_gpkg_producers(sqlite3* db, const std::function<void(Producer&&)>& fn) {
  const std::string table = table::kProducers;
  const std::string fid = fid_column(db, table);
  // Columns in the order they are read below.
  static const char* const kFields[] = {"name",    "credit_code",    "gi",       "authorised", "authorised_since",
                                        "raw_x",   "raw_y",          "raw_crs",  "location_issue",
                                        "township", "note"};
  std::string sql = "SELECT " + quoted(fid);
  for (const char* f : kFields) sql += ", " + quoted(f);
  sql += ", " + quoted(geometry_column(db, table)) + " FROM " + quoted(table) + " ORDER BY " + quoted(fid);
  SqliteStatement q(db, sql, "reading workspace table " + table);
  sqlite3_stmt* s = q.get();
  while (q.step()) {
    Producer p;
    p.id = sqlite3_column_int64(s, 0);
    p.name = column_text(s, 1);
    p.credit_code = column_text(s, 2);
    p.gi = column_text(s, 3);
    p.authorised = sqlite3_column_int(s, 4) != 0;  // OGR reads an Integer field as 32 bits
    p.authorised_since = column_date(s, 5);
    p.raw_x = column_text(s, 6);
    p.raw_y = column_text(s, 7);
    p.raw_crs = column_text(s, 8);
    p.location_issue = column_text(s, 9);
    p.township = column_text(s, 10);
    p.note = column_text(s, 11);
    const int g = 12;
    const int type = sqlite3_column_type(s, g);
    if (type != SQLITE_NULL) {
      if (type != SQLITE_BLOB)
        throw Error("workspace table " + table + ", fid " + std::to_string(p.id) + ": the geometry is not a blob");
      const auto* blob = static_cast<const unsigned char*>(sqlite3_column_blob(s, g));
      GpkgPoint pt = read_gpkg_point(blob, static_cast<std::size_t>(sqlite3_column_bytes(s, g)));
      if (!pt.problem.empty())
        throw Error("workspace table " + table + ", fid " + std::to_string(p.id) + ": corrupt geometry (" +
                    pt.problem + ")");
      p.location = pt.point;
    }
    fn(std::move(p));
  }
}

void scan_pg_producers(GDALDataset& ds, const std::function<void(Producer&&)>& fn) {
  // Every column aliased: GDAL would take a column named fid as the rows' ids and merge names.
  const std::string sql =
      "SELECT fid AS p_id, name AS p_name, credit_code AS p_code, gi AS p_gi, authorised::int AS p_auth, "
      "to_char(authorised_since, 'YYYY-MM-DD') AS p_since, raw_x AS p_rx, raw_y AS p_ry, raw_crs AS p_rcrs, "
      "location_issue AS p_issue, township AS p_town, note AS p_note, "
      "ST_X(geom)::float8 AS p_x, ST_Y(geom)::float8 AS p_y FROM " + std::string(table::kProducers) + " ORDER BY fid";
  struct Release {
    GDALDataset& ds;
    OGRLayer* l;
    ~Release() {
      if (l) ds.ReleaseResultSet(l);
    }
  };
  std::string err;
  OGRLayer* l = nullptr;
  {
    QuietGdalErrors quiet;
    CPLErrorReset();
    l = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    err = CPLGetLastErrorMsg();
  }
  Release release{ds, l};
  if (!l) throw Error("reading workspace table " + std::string(table::kProducers) + ": " + (err.empty() ? "no result" : err));
  if (l->GetLayerDefn()->GetFieldCount() != 14)
    throw Error("reading workspace table " + std::string(table::kProducers) + ": unexpected columns");
  auto text = [](const OGRFeature& f, int i) {
    return f.IsFieldSetAndNotNull(i) ? std::string(f.GetFieldAsString(i)) : std::string();
  };
  for (;;) {
    OgrFeature f;
    {
      QuietGdalErrors quiet;
      CPLErrorReset();
      f.reset(l->GetNextFeature());
      if (!f && CPLGetLastErrorType() == CE_Failure)
        throw Error("reading workspace table " + std::string(table::kProducers) + ": " + CPLGetLastErrorMsg());
    }
    if (!f) break;
    Producer p;
    p.id = f->GetFieldAsInteger64(0);
    p.name = text(*f, 1);
    p.credit_code = text(*f, 2);
    p.gi = text(*f, 3);
    p.authorised = f->IsFieldSetAndNotNull(4) && f->GetFieldAsInteger(4) != 0;
    p.authorised_since = text(*f, 5);
    p.raw_x = text(*f, 6);
    p.raw_y = text(*f, 7);
    p.raw_crs = text(*f, 8);
    p.location_issue = text(*f, 9);
    p.township = text(*f, 10);
    p.note = text(*f, 11);
    if (f->IsFieldSetAndNotNull(12) && f->IsFieldSetAndNotNull(13))
      p.location = Point{f->GetFieldAsDouble(12), f->GetFieldAsDouble(13)};
    fn(std::move(p));
  }
}

}  // namespace giatlas
