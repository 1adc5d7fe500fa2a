// Opening an import source read-only: format by content (GDAL), text encoding decided and
// applied (shapefile ENCODING open option; CSV recoded into a temporary UTF-8 copy, the source
// untouched), the layer chosen, and feature locations named the way the user sees them.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "geo/gdal.h"

namespace giatlas {

// A private temporary directory, removed with everything in it on destruction. Its name carries
// the process id ("<prefix>-<pid>-XXXXXX") so that one left by a killed process can be found.
class TempDir {
 public:
  TempDir() = default;
  // Creates one under the system temporary folder, first removing those of `prefix` whose
  // process is gone (remove_abandoned). Error when none can be created.
  static TempDir make(const std::string& prefix);
  // Removes "<prefix>-<pid>-…" folders whose process no longer exists (kill -9, a power cut);
  // returns how many. Folders of live processes, and names without a pid, are left alone.
  static std::size_t remove_abandoned(const std::string& prefix);
  TempDir(TempDir&& o) noexcept : path_(std::move(o.path_)) { o.path_.clear(); }
  TempDir& operator=(TempDir&& o) noexcept;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct OpenedSource {
  TempDir tmp;        // declared first: destroyed after the dataset that may live in it
  GdalDataset ds;
  OGRLayer* layer = nullptr;
  std::string file;   // the name the user knows (file name, or the connection string)
  std::string driver; // GDAL driver short name
  std::string layer_name;
  std::string encoding;  // describe(EncodingDecision), "" when the format fixes it
  std::vector<std::string> notes;
  bool spreadsheet = false;  // XLSX/XLS/ODS: FID is the sheet row
  bool csv = false;          // CSV: FID is the data row, header = row 1

  // Where a feature is, for messages: "producers.xlsx sheet 授权用户 row 14",
  // "producers.csv row 14", "zones.shp feature 3". `seq` is the 0-based read order.
  std::string where(const OGRFeature& f, std::int64_t seq, std::int64_t* row_out = nullptr) const;
};

// Opens `source`. DEFAULT layer "": the only layer, else the first with features (noted).
// Throws Error naming the file: not found, not a vector source GDAL can read (unsupported,
// truncated, corrupt), no layers, unknown layer (listing the layers there are).
OpenedSource open_source(const std::string& source, const std::string& layer, const std::string& encoding);

}  // namespace giatlas
