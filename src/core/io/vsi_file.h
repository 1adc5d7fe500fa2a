// Files through GDAL's virtual file systems: plain paths and /vsizip/, /vsigzip/, /vsitar/ …
// paths alike, so that import sources inside archives are read the same way as files on disk.
#pragma once
#include <string>
#include <vector>

namespace giatlas {

// True when `path` names a GDAL virtual file system path ("/vsizip/…", "/vsigzip/…").
bool is_vsi_path(const std::string& path);

// VSIStatL: whether something is at `path` (a file or a folder, inside an archive too).
bool vsi_exists(const std::string& path);
bool vsi_is_dir(const std::string& path);

// Up to `max_bytes` from the start of the file. Throws Error("cannot read <path>").
std::string vsi_read(const std::string& path, std::size_t max_bytes);

// Every file below `dir` (recursively), as paths relative to it with '/' separators, sorted.
std::vector<std::string> vsi_list_files(const std::string& dir);

}  // namespace giatlas
