// Where a workspace lives: a GeoPackage file (the embedded default), or a schema in a
// PostgreSQL/PostGIS database named by a GDAL/libpq connection string ("PG:dbname=gi host=…
// active_schema=wulong"; service files, PGHOST/PGUSER/… and ~/.pgpass work as in psql).
#pragma once
#include <string>

namespace giatlas {

enum class StoreKind { geopackage, postgis };

struct StoreAddress {
  StoreKind kind = StoreKind::geopackage;
  std::string path;    // the file, or the connection string as given (password included)
  std::string schema;  // PostGIS: the workspace's schema, "" when the string names none
  // For messages, logs and reports: the file, or the connection string with any password
  // replaced by "***". Passwords are never printed.
  std::string shown;
  bool postgis() const { return kind == StoreKind::postgis; }
};

// True when `text` is a PostgreSQL connection ("PG:…", case-insensitive prefix).
bool is_postgis_address(const std::string& text);

// Parses `text`. For PostGIS, the schema comes from its active_schema=NAME (or schemas=NAME,
// one name); a schema name must be a plain SQL identifier (letters, digits, _; not starting
// with a digit; at most 63 bytes) so that it needs no quoting: Error otherwise.
StoreAddress parse_store_address(const std::string& text);

// The connection string with its password=… value (quoted or not) replaced by "***".
std::string mask_password(const std::string& connection);

// The connection string without its password (to remember it: libpq then takes the password
// from ~/.pgpass or asks the service file). Files are returned unchanged.
std::string without_password(const std::string& connection);

// The folder where files made from this workspace go by default: the GeoPackage's own folder,
// or "." for a database.
std::string default_output_folder(const std::string& workspace);

// The same connection string naming `schema` as the active one (replacing any active_schema or
// schemas option it had).
std::string with_schema(const std::string& connection, const std::string& schema);

// True when `name` is a plain SQL identifier as parse_store_address requires.
bool plain_sql_identifier(const std::string& name);

// The libpq connection string of a "PG:" workspace address: its options without GDAL's own
// (active_schema, schemas, tables), each value quoted as libpq reads it. "" when the address has
// a form only GDAL reads (a bare word such as "PG:mydb").
std::string libpq_conninfo(const std::string& connection);

}  // namespace giatlas
