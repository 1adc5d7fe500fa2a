// A whole workspace copied between stores (GeoPackage ⇄ PostGIS, or file to file): every table,
// every row with its id, every attribute and geometry, the metadata and settings as they are.
#pragma once
#include <string>
#include <vector>

#include "progress.h"

namespace giatlas {

struct CopyReport {
  std::string source;       // shown: passwords masked
  std::string destination;  // shown
  struct Table {
    std::string name;
    long long rows = 0;
  };
  std::vector<Table> tables;
  std::vector<std::string> notes;  // what was not copied and why (the DEM file into PostGIS)
};

// Copies `source` into the new workspace `destination` (a file that must not exist yet, or a
// PostGIS connection naming a schema that must not hold a workspace). Rows keep their ids, so
// inspections still point at their producers. All or nothing: a failure leaves no destination.
// A GeoPackage's DEM file (<name>.dem.tif) is copied beside a GeoPackage destination.
CopyReport copy_workspace(const std::string& source, const std::string& destination, const Progress& progress);

}  // namespace giatlas
