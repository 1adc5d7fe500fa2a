// Import sources inside archives: a .zip (the way offices send shapefiles), .tar / .tar.gz /
// .tgz, any GDAL virtual path (/vsizip/…, /vsigzip/…, /vsitar/…), and .gz files. Finds the datasets inside
// and picks the one to read, saying which were found.
#pragma once
#include <string>
#include <vector>

namespace giatlas {

// What to open for an archive source.
struct ArchivePick {
  std::string open_path;           // the GDAL path of the dataset to read ("/vsizip//abs/x.zip/a/b.shp")
  std::string shown;               // the name for messages ("x.zip/a/b.shp")
  std::string layer;               // the layer to ask for inside it (the caller's, or "" once used to pick)
  std::vector<std::string> found;  // every dataset in the archive, as paths inside it
  std::string note;                // "" when there was one dataset; else which were found and which was read
};

// True when `source` is an archive or virtual path this module resolves: a name ending in .zip,
// .tar, .tar.gz, .tgz or .gz, or a path starting with /vsi.
bool is_archive_source(const std::string& source);

// Resolves `source`. A dataset inside is a file ending in .shp, .gpkg, .geojson, .json, .kml,
// .gml, .csv, .tsv, .xlsx, .xls, .ods, .tab, .mif or .fgb, in any subfolder (__MACOSX
// folders and "._" resource files are skipped). DEFAULT layer "": the only dataset, else the
// first in path order (noted, with the list). A `layer` equal to a dataset's path inside the
// archive or its file name (with or without extension) picks that dataset. A virtual path to a
// file is read as it is; "x.gz" is read through /vsigzip/.
// Throws Error naming the source: not found, or no dataset inside (listing what is there).
ArchivePick pick_archive_dataset(const std::string& source, const std::string& layer);

}  // namespace giatlas
