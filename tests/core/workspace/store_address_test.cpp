// Workspace addresses: files and PostgreSQL connections, the schema of a connection, and
// passwords masked in every form libpq accepts.
#include <catch2/catch.hpp>

#include "error.h"
#include "workspace/postgis_store.h"
#include "workspace/store_address.h"

using namespace giatlas;

TEST_CASE("a file is a GeoPackage address, PG: a PostGIS one with its schema") {
  const StoreAddress f = parse_store_address("data/wulong.gpkg");
  CHECK_FALSE(f.postgis());
  CHECK(f.shown == "data/wulong.gpkg");
  const StoreAddress p = parse_store_address("PG:dbname=gi host=db.local active_schema=wulong");
  CHECK(p.postgis());
  CHECK(p.schema == "wulong");
  CHECK(parse_store_address("pg:dbname=gi schemas=fuling").schema == "fuling");
  CHECK(parse_store_address("PG:service=gi").schema.empty());
  CHECK_THROWS_WITH(parse_store_address("PG:dbname=gi active_schema=a,b"), Catch::Contains("name one schema"));
  CHECK_THROWS_WITH(parse_store_address("PG:dbname=gi active_schema='x; DROP'"),
                    Catch::Contains("must be letters, digits and _"));
  CHECK_THROWS_WITH(parse_store_address("PG:dbname=gi active_schema=1abc"), Catch::Contains("schema name '1abc'"));
}

TEST_CASE("passwords are masked, quoted or not, and nothing else changes") {
  CHECK(mask_password("PG:dbname=gi user=ana password=s3cret host=x") ==
        "PG:dbname=gi user=ana password=*** host=x");
  CHECK(mask_password("PG:dbname=gi password='with space and \\' quote' host=x") ==
        "PG:dbname=gi password=*** host=x");
  CHECK(mask_password("PG:password = spaced dbname=gi") == "PG:password=*** dbname=gi");
  CHECK(mask_password("PG:PASSWORD=Upper dbname=gi") == "PG:password=*** dbname=gi");
  CHECK(mask_password("PG:dbname=gi") == "PG:dbname=gi");
  CHECK(mask_password("notes password=x.gpkg") == "notes password=x.gpkg");  // a file name is a file name
  const StoreAddress a = parse_store_address("PG:dbname=gi password=pw123 active_schema=w");
  CHECK(a.shown.find("pw123") == std::string::npos);
  CHECK(a.path.find("pw123") != std::string::npos);  // still there to connect with
}

TEST_CASE("a connection names the workspace's schema once") {
  CHECK(with_schema("PG:dbname=gi", "wulong") == "PG:dbname=gi active_schema=wulong");
  CHECK(with_schema("PG:dbname=gi active_schema=old host=x", "wulong") == "PG:dbname=gi host=x active_schema=wulong");
  CHECK(with_schema("PG:dbname=gi schemas=a host=x", "b") == "PG:dbname=gi host=x active_schema=b");
  CHECK(plain_sql_identifier("giatlas_500156"));
  CHECK_FALSE(plain_sql_identifier(""));
  CHECK_FALSE(plain_sql_identifier("武隆"));
  CHECK_FALSE(plain_sql_identifier(std::string(64, 'a')));
  CHECK(sql_literal("x'); DROP TABLE producers;--") == "'x''); DROP TABLE producers;--'");
}

TEST_CASE("a remembered connection keeps no password, and files go beside a file") {
  CHECK(without_password("PG:dbname=gi password='a b' host=x") == "PG:dbname=gi host=x");
  CHECK(without_password("PG:password=x dbname=gi") == "PG:dbname=gi");
  CHECK(without_password("data/w.gpkg") == "data/w.gpkg");
  CHECK(default_output_folder("data/w.gpkg") == "data");
  CHECK(default_output_folder("w.gpkg") == ".");
  CHECK(default_output_folder("PG:dbname=gi host=/var/run") == ".");
}

TEST_CASE("SQL templates take names and literals in place of their placeholders, longest first") {
  CHECK(fill_sql("GRANT @S_LIT TO @S; SELECT @S.f()", {{"@S_LIT", sql_literal("o'k")}, {"@S", "wulong"}}) ==
        "GRANT 'o''k' TO wulong; SELECT wulong.f()");
  CHECK(fill_sql("@A@A", {{"@A", "@A@A"}}) == "@A@A@A@A");  // a replacement is not searched again
}

TEST_CASE("the libpq connection string of an address drops GDAL's options and quotes each value") {
  CHECK(libpq_conninfo("PG:dbname=gi host=/tmp/s port=5433 active_schema=wulong") ==
        "dbname='gi' host='/tmp/s' port='5433'");
  CHECK(libpq_conninfo("PG:service=gi schemas=wulong tables=producers") == "service='gi'");
  // A quoted value keeps its spaces, quotes and backslashes, escaped as libpq reads them.
  CHECK(libpq_conninfo("PG:dbname=gi password='a b\\'c\\\\d'") == "dbname='gi' password='a b\\'c\\\\d'");
  // Forms only GDAL reads, and files, have none: the caller reads through GDAL then.
  CHECK(libpq_conninfo("PG:gi").empty());
  CHECK(libpq_conninfo("PG:dbname=gi stray").empty());
  CHECK(libpq_conninfo("data/wulong.gpkg").empty());
}
