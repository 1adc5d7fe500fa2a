// GDAL virtual file access (see vsi_file.h).
#include "io/vsi_file.h"

#include <cpl_string.h>
#include <cpl_vsi.h>

#include <algorithm>
#include <memory>

#include "error.h"

namespace giatlas {

namespace {

struct VsiClose {
  void operator()(VSILFILE* f) const { VSIFCloseL(f); }
};

}  // namespace

bool is_vsi_path(const std::string& path) {
  return path.rfind("/vsi", 0) == 0 && path.find('/', 4) != std::string::npos;
}

bool vsi_exists(const std::string& path) {
  VSIStatBufL st;
  return VSIStatExL(path.c_str(), &st, VSI_STAT_EXISTS_FLAG) == 0;
}

bool vsi_is_dir(const std::string& path) {
  VSIStatBufL st;
  return VSIStatExL(path.c_str(), &st, VSI_STAT_NATURE_FLAG) == 0 && VSI_ISDIR(st.st_mode);
}

std::string vsi_read(const std::string& path, std::size_t max_bytes) {
  std::unique_ptr<VSILFILE, VsiClose> f(VSIFOpenL(path.c_str(), "rb"));
  if (!f) throw Error("cannot read " + path);
  std::string data;
  while (data.size() < max_bytes) {  // in pieces: max_bytes may be far larger than the file
    const std::size_t want = std::min<std::size_t>(max_bytes - data.size(), std::size_t{1} << 20);
    const std::size_t at = data.size();
    data.resize(at + want);
    const std::size_t got = VSIFReadL(data.data() + at, 1, want, f.get());
    data.resize(at + got);
    if (got < want) break;
  }
  return data;
}

std::vector<std::string> vsi_list_files(const std::string& dir) {
  std::vector<std::string> out;
  const CPLStringList names(VSIReadDirRecursive(dir.c_str()));
  for (int i = 0; i < names.size(); ++i) {
    std::string rel = names[i];
    std::replace(rel.begin(), rel.end(), '\\', '/');
    if (!rel.empty() && rel.back() == '/') continue;  // a folder entry
    if (vsi_is_dir(dir + "/" + rel)) continue;
    out.push_back(rel);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace giatlas
