// SQLite file diagnosis (see sqlite_file.h). The layout facts come from SQLite's file format
// document: the 16-byte magic string, the big-endian application id at offset 68, and a rollback
// journal that is "hot" while its first byte (that of the header's magic number) is not zero.
#include "workspace/sqlite_file.h"

#include <pwd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

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
  // SQLite's own test (pager.c, hasHotJournal): a journal whose first byte is zero is not hot,
  // whatever follows (a commit that was killed before the journal's header was finished).
  char first = 0;
  in.read(&first, 1);
  return in.gcount() == 1 && first != 0;
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
  if (contains(m, "database is locked") || contains(m, "database table is locked") ||
      contains(m, "due to lock timeout"))  // PostgreSQL's lock_timeout
    return {SqliteFailure::locked, "locked by another process"};
  std::string cause = m;
  if (const auto p = cause.find("failed: "); p != std::string::npos) cause = cause.substr(p + 8);
  if (const auto nl = cause.find_first_of("\r\n"); nl != std::string::npos) cause.resize(nl);
  if (cause.size() > 200) cause = cause.substr(0, 197) + "...";
  return {SqliteFailure::other, cause.empty() ? "unknown SQLite error" : cause};
}

namespace {

// SQLite's lock bytes (its os_unix.c / file format document): a writer holds a write lock on
// RESERVED_BYTE while it prepares a change, PENDING_BYTE and the SHARED range while it commits.
// Readers take read locks on the SHARED range (and briefly on PENDING_BYTE), which do not count.
constexpr unsigned long long kPendingByte = 0x40000000ULL;
constexpr unsigned long long kReservedByte = kPendingByte + 1;
constexpr unsigned long long kSharedFirst = kPendingByte + 2;
constexpr unsigned long long kSharedLast = kSharedFirst + 510 - 1;

std::string read_small_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::optional<long> write_lock_pid(const std::string& proc_locks, unsigned dev_major, unsigned dev_minor,
                                   unsigned long inode, long self_pid, bool committing_only) {
  // Lines: "1: POSIX  ADVISORY  WRITE 11563 fe:00:10952902 1073741825 1073741825" (device numbers
  // in hex; the end may be "EOF"); blocked waiters are listed as "1: -> POSIX ..." and skipped.
  std::optional<long> same_inode_other_device;
  std::istringstream lines(proc_locks);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream f(line);
    std::string id, kind, advisory, type, dev_ino, start_s, end_s;
    long pid = 0;
    if (!(f >> id >> kind)) continue;
    if (kind == "->") continue;
    if (!(f >> advisory >> type >> pid >> dev_ino >> start_s >> end_s)) continue;
    if ((kind != "POSIX" && kind != "OFDLCK") || type != "WRITE" || pid == self_pid) continue;
    unsigned maj = 0, min = 0;
    unsigned long ino = 0;
    if (std::sscanf(dev_ino.c_str(), "%x:%x:%lu", &maj, &min, &ino) != 3 || ino != inode) continue;
    unsigned long long start = 0, end = 0;
    try {
      start = std::stoull(start_s);
      end = end_s == "EOF" ? ~0ULL : std::stoull(end_s);
    } catch (const std::exception&) {
      continue;
    }
    const bool covers = (!committing_only && start <= kReservedByte && end >= kReservedByte) ||
                        (start <= kPendingByte && end >= kPendingByte) ||
                        (start <= kSharedLast && end >= kSharedFirst);
    if (!covers) continue;
    if (maj == dev_major && min == dev_minor) return pid;
    // Layered file systems list the inode of the layer below, under that layer's device.
    if (!same_inode_other_device) same_inode_other_device = pid;
  }
  return same_inode_other_device;
}

std::string LockHolder::describe() const {
  std::string s = "pid " + std::to_string(pid);
  if (!user.empty()) s += ", user " + user;
  if (!command.empty()) s += ": " + command;
  return s;
}

std::optional<LockHolder> sqlite_write_lock_holder(const std::string& path, bool committing_only) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  const std::string locks = read_small_file("/proc/locks");
  if (locks.empty()) return std::nullopt;
  const auto pid = write_lock_pid(locks, major(st.st_dev), minor(st.st_dev), st.st_ino, ::getpid(), committing_only);
  if (!pid || *pid <= 0) return std::nullopt;  // an open-file-description lock names no process
  LockHolder h;
  h.pid = *pid;
  const std::string proc = "/proc/" + std::to_string(*pid);
  std::string cmd = read_small_file(proc + "/cmdline");
  while (!cmd.empty() && cmd.back() == '\0') cmd.pop_back();
  std::replace(cmd.begin(), cmd.end(), '\0', ' ');
  for (char& c : cmd)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  if (cmd.size() > 120) {
    std::size_t cut = 117;
    while (cut > 0 && (static_cast<unsigned char>(cmd[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
    cmd = cmd.substr(0, cut) + "...";
  }
  h.command = cmd;
  struct stat pst{};
  if (::stat(proc.c_str(), &pst) == 0) {
    passwd pw{};
    passwd* found = nullptr;
    char buf[1024];
    if (::getpwuid_r(pst.st_uid, &pw, buf, sizeof buf, &found) == 0 && found) h.user = found->pw_name;
    else h.user = "uid " + std::to_string(pst.st_uid);
  }
  return h;
}

}  // namespace giatlas
