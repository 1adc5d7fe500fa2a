// Test fixtures for the importer: temp directories and small vector files written with GDAL.
#pragma once
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "geo/gdal.h"
#include "io/source_open.h"
#include "workspace/workspace.h"

namespace giatlas::test {

// One feature to write: attribute texts (in field order) and a WKT geometry ("" = none).
struct FixtureRow {
  std::vector<std::string> values;
  std::string wkt;
};

struct FixtureLayer {
  std::string name = "data";
  OGRwkbGeometryType geom = wkbNone;
  int epsg = 0;  // 0 = no CRS
  std::vector<std::string> fields;
  std::vector<FixtureRow> rows;
  std::vector<std::string> creation_options;  // layer creation options, e.g. "ENCODING=GBK"
};

// Writes `layer` into a new dataset at `path` with `driver` ("ESRI Shapefile", "GPKG", …).
// Geometry WKT is given in the layer's CRS. REQUIRE-fails the test on any GDAL failure.
void write_vector(const std::string& path, const std::string& driver, const FixtureLayer& layer);

// Writes raw bytes.
void write_bytes(const std::string& path, const std::string& bytes);
std::string read_bytes(const std::string& path);

// A fresh workspace in `dir`.
Workspace new_workspace(const std::string& dir, const std::string& name = "ws.gpkg");

// Converts text from UTF-8 to `encoding` (e.g. "GB18030").
std::string recode_from_utf8(const std::string& text, const std::string& encoding);

}  // namespace giatlas::test
