// Datasets inside archives and virtual paths (see archive_source.h).
#include "io/archive_source.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "error.h"
#include "geo/gdal.h"
#include "io/value_text.h"
#include "io/vsi_file.h"

namespace giatlas {

namespace {

namespace fs = std::filesystem;

bool is_dataset_file(const std::string& rel) {
  if (rel.rfind("__MACOSX/", 0) == 0 || rel.find("/__MACOSX/") != std::string::npos) return false;
  const std::string name = fs::path(rel).filename().string();
  if (name.rfind("._", 0) == 0) return false;  // macOS resource forks beside every file
  static const char* const kExt[] = {".shp", ".gpkg", ".geojson", ".json", ".kml", ".gml", ".csv",
                                     ".tsv", ".xlsx", ".xls",     ".ods",  ".tab", ".mif", ".fgb"};
  const std::string ext = ascii_lower(fs::path(name).extension().string());
  return std::any_of(std::begin(kExt), std::end(kExt), [&](const char* e) { return ext == e; });
}

// A .dbf without a .shp of the same name beside it: an attribute table sent on its own (a list of
// producers with coordinate columns, say), read as a table.
bool is_lone_dbf(const std::string& rel, const std::vector<std::string>& files) {
  fs::path p(rel);
  if (ascii_lower(p.extension().string()) != ".dbf" || !is_dataset_file(p.replace_extension(".shp").string()))
    return false;
  const std::string stem = ascii_lower((fs::path(rel).parent_path() / fs::path(rel).stem()).string());
  return std::none_of(files.begin(), files.end(), [&](const std::string& f) {
    const fs::path q(f);
    return ascii_lower(q.extension().string()) == ".shp" && ascii_lower((q.parent_path() / q.stem()).string()) == stem;
  });
}

// Why an archive that lists no file at all is not simply empty: "" when it is an empty archive,
// else what is wrong (by its first bytes: a zip starts with a local file header "PK\3\4", an
// empty one is only its end record "PK\5\6"; an empty tar is zero blocks).
std::string archive_damage(const std::string& source) {
  std::string head;
  try {
    head = vsi_read(source, 4096);
  } catch (const Error&) {
    return "cannot read the archive";
  }
  if (head.empty()) return "the file is empty (0 bytes), not an archive";
  const std::string ext = ascii_lower(fs::path(source).extension().string());
  if (ext == ".zip") {
    if (head.rfind("PK\x05\x06", 0) == 0) return "";
    if (head.rfind("PK\x03\x04", 0) == 0) return "a damaged zip archive (its list of files cannot be read)";
    return "not a zip archive (its first bytes are not those of a zip file)";
  }
  if (std::all_of(head.begin(), head.end(), [](char c) { return c == 0; })) return "";
  return "a damaged or unknown archive (no file in it can be listed)";
}

std::string join(const std::vector<std::string>& v, std::size_t max_items) {
  std::string s;
  for (std::size_t i = 0; i < v.size() && i < max_items; ++i) s += (i ? ", " : "") + v[i];
  if (v.size() > max_items) s += ", … (" + std::to_string(v.size()) + " in all)";
  return s;
}

bool is_tar(const std::string& source) {
  const std::string name = ascii_lower(fs::path(source).filename().string());
  auto ends = [&](const std::string& tail) {
    return name.size() >= tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
  };
  return ends(".tar") || ends(".tar.gz") || ends(".tgz");
}

// The GDAL path of an archive given by its file name, by its extension.
std::string archive_root(const std::string& source) {
  const std::string abs = fs::absolute(source).string();
  const std::string ext = ascii_lower(fs::path(source).extension().string());
  if (ext == ".zip") return "/vsizip/" + abs;
  if (is_tar(source)) return "/vsitar/" + abs;
  return "/vsigzip/" + abs;  // .gz
}

}  // namespace

bool is_archive_source(const std::string& source) {
  if (is_vsi_path(source)) return true;
  const std::string ext = ascii_lower(fs::path(source).extension().string());
  return ext == ".zip" || ext == ".gz" || is_tar(source);
}

ArchivePick pick_archive_dataset(const std::string& source, const std::string& layer) {
  ensure_gdal();
  QuietGdalErrors quiet;
  ArchivePick pick;
  pick.layer = layer;
  const bool vsi = is_vsi_path(source);
  if (vsi ? !vsi_exists(source) : !fs::exists(source)) throw Error("import " + source + ": file not found");
  const std::string root = vsi ? source : archive_root(source);
  const std::string shown_root = fs::path(vsi ? source : source).filename().string();
  // GDAL presents an archive holding one file as that file, not a folder: list archives regardless.
  const bool archive_file =
      !vsi && (ascii_lower(fs::path(source).extension().string()) == ".zip" || is_tar(source));
  if (!archive_file &&
      !vsi_is_dir(root)) {  // one compressed file (/vsigzip/x.csv.gz) or a file inside an archive
    pick.open_path = root;
    pick.shown = shown_root;
    return pick;
  }
  std::vector<std::string> files = vsi_list_files(root);
  for (const auto& f : files)
    if (is_dataset_file(f) || is_lone_dbf(f, files)) pick.found.push_back(f);
  if (files.empty() && archive_file) {
    const std::string damage = archive_damage(source);
    if (!damage.empty()) throw Error("import " + source + ": " + damage);
  }
  if (pick.found.empty())
    throw Error("import " + source + ": no dataset in it (" +
                (files.empty() ? std::string("the archive is empty") : "files: " + join(files, 8)) +
                "); GI Atlas reads .shp, .gpkg, .geojson, .kml, .csv, .xlsx … inside archives");
  std::size_t chosen = 0;
  bool by_layer = false;
  if (!layer.empty()) {
    for (std::size_t i = 0; i < pick.found.size() && !by_layer; ++i) {
      const fs::path p(pick.found[i]);
      if (pick.found[i] == layer || p.filename().string() == layer || p.stem().string() == layer) {
        chosen = i;
        by_layer = true;
      }
    }
  }
  if (by_layer) pick.layer.clear();
  pick.open_path = root + "/" + pick.found[chosen];
  pick.shown = shown_root + "/" + pick.found[chosen];
  if (pick.found.size() > 1)
    pick.note = std::to_string(pick.found.size()) + " datasets in " + shown_root + ": " +
                join(pick.found, 12) + "; read " + pick.found[chosen] +
                (by_layer ? " (named with --layer)" : " (name another with --layer)");
  else if (!vsi)
    pick.note = "read " + pick.found[chosen] + " from " + shown_root;
  return pick;
}

}  // namespace giatlas
