// The PostgreSQL/PostGIS side of a workspace: connecting (one line for every failure, never a
// password), the workspaces (schemas) of a database, creating a workspace's schema, and who
// holds a workspace's write lock. The tables themselves are written through GDAL's PostgreSQL
// driver by the same Workspace code as a GeoPackage's.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "geo/gdal.h"
#include "workspace/store_address.h"

namespace giatlas {

// Connects to `a`'s database with `schema` active ("" for none). `what` starts the error:
// "open workspace PG:dbname=gi … password=***: cannot connect: <the server's first line>".
GdalDataset pg_connect(const StoreAddress& a, const std::string& schema, bool update, const char* what);

// One row of a query's first column, nullopt when it returns no row. Error on an SQL error.
std::optional<std::string> pg_scalar(GDALDataset& ds, const std::string& sql);

// Every row of a query, each as its columns' text ("" for NULL). Error on an SQL error.
std::vector<std::vector<std::string>> pg_rows(GDALDataset& ds, const std::string& sql);

// `sql` with each placeholder (`from`, in the order given) replaced by its text, e.g. "@S" by a
// schema name. REQUIRES: every replacement a plain_sql_identifier-checked name or an sql_literal;
// a placeholder that is a prefix of another comes after it.
std::string fill_sql(std::string sql, const std::vector<std::pair<std::string, std::string>>& with);

// A text value as an SQL literal ('…' with quotes doubled).
std::string sql_literal(const std::string& text);

struct PgWorkspace {
  std::string schema;
  std::string district_name;
  std::string district_code;
  int schema_version = 0;
};
// The GI Atlas workspaces of `a`'s database: every schema holding a giatlas_metadata table.
std::vector<PgWorkspace> pg_list_workspaces(const StoreAddress& a);

// Creates the schema `schema` for a new workspace (PostGIS must be installed in the database,
// or installable by this user). Error when a workspace already lives there.
void pg_create_schema(const StoreAddress& a, const std::string& schema);
// Removes `schema` and everything in it (a create that failed half way).
void pg_drop_schema(const StoreAddress& a, const std::string& schema);

// Who else holds the write lock of the workspace `ds` is connected to (the row of its
// metadata that every change updates first): "server pid 4242, user ana, giatlas-cli".
std::optional<std::string> pg_lock_holder(GDALDataset& ds);

// Files a PostGIS workspace keeps inside the database (its DEM), in the table giatlas_files
// (name, bytes), made on first use. A GeoPackage workspace keeps them beside its file instead.
void pg_put_file(GDALDataset& ds, const std::string& name, const std::string& bytes);
std::optional<std::string> pg_get_file(GDALDataset& ds, const std::string& name);

}  // namespace giatlas
