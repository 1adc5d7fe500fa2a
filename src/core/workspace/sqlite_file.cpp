// SQLite file diagnosis (see sqlite_file.h). The layout facts come from SQLite's file format
// document: the 16-byte magic string, the big-endian application id at offset 68, and a rollback
// journal that is "hot" while its header (first 28 bytes, starting with a magic number) is not zero.
#include "workspace/sqlite_file.h"

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace giatlas {

namespace {

bool contains(const std::string& s, const char* what) {
  std::string a = s, b = what;
  for (auto* t : {&a, &b})
    std::transform(t->begin(), t->end(), t->begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return a.find(b) != std::string::npos;
}

}  // namespace

SqliteHeader read_sqlite_header(const std::string& path) {
  SqliteHeader h;
  std::ifstream in(path, std::ios::binary);
  if (!in) return h;
  unsigned char buf[100] = {};
  in.read(reinterpret_cast<char*>(buf), sizeof buf);
  h.readable = true;
  if (in.gcount() < static_cast<std::streamsize>(sizeof buf)) return h;
  h.sqlite = std::memcmp(buf, "SQLite format 3\0", 16) == 0;
  const unsigned id =
      (unsigned{buf[68]} << 24) | (unsigned{buf[69]} << 16) | (unsigned{buf[70]} << 8) | buf[71];
  h.geopackage = h.sqlite && (id == 0x47504B47u /* GPKG */ || id == 0x47503130u /* GP10 */ ||
                              id == 0x47503131u /* GP11 */);
  return h;
}

bool has_hot_journal(const std::string& path) {
  std::ifstream in(path + "-journal", std::ios::binary);
  if (!in) return false;
  char buf[28] = {};
  in.read(buf, sizeof buf);
  if (in.gcount() == 0) return false;
  return std::any_of(buf, buf + in.gcount(), [](char c) { return c != 0; });
}

FileAccess file_access(const std::string& path) {
  FileAccess a;
  a.file_writable = ::access(path.c_str(), W_OK) == 0;
  std::filesystem::path dir = std::filesystem::path(path).parent_path();
  if (dir.empty()) dir = ".";
  a.folder_writable = ::access(dir.c_str(), W_OK) == 0;
  return a;
}

OpenFailure open_failure(const std::string& path, bool for_writing, const std::string& gdal_message) {
  if (::access(path.c_str(), R_OK) != 0) return {false, "cannot read the file (permission denied)"};
  const SqliteHeader h = read_sqlite_header(path);
  if (!h.sqlite) return {true, "not a GeoPackage"};
  const FileAccess a = file_access(path);
  if (has_hot_journal(path) && !(a.file_writable && a.folder_writable))
    return {false, "interrupted change needs write access to roll back"};
  if (for_writing && !a.file_writable) return {false, "read-only file"};
  if (for_writing && !a.folder_writable) return {false, "read-only folder"};
  const SqliteCause cause = sqlite_failure(gdal_message);
  if (cause.kind != SqliteFailure::other) return {false, cause.text};
  if (!h.geopackage) return {true, "an SQLite database, not a GeoPackage"};
  return {false, "a GeoPackage that cannot be opened: " + cause.text};
}

SqliteCause sqlite_failure(const std::string& gdal_message) {
  const std::string& m = gdal_message;
  if (contains(m, "disk is full") || contains(m, "no space left"))
    return {SqliteFailure::no_space, "no space left on device"};
  if (contains(m, "readonly") || contains(m, "read-only"))
    return {SqliteFailure::read_only, "read-only file"};
  if (contains(m, "database is locked") || contains(m, "database table is locked"))
    return {SqliteFailure::locked, "locked by another process"};
  std::string cause = m;
  if (const auto p = cause.find("failed: "); p != std::string::npos) cause = cause.substr(p + 8);
  if (const auto nl = cause.find_first_of("\r\n"); nl != std::string::npos) cause.resize(nl);
  if (cause.size() > 200) cause = cause.substr(0, 197) + "...";
  return {SqliteFailure::other, cause.empty() ? "unknown SQLite error" : cause};
}

}  // namespace giatlas
