// What is wrong with a workspace file on disk, in one line: its SQLite header and GeoPackage
// application id, an interrupted change (hot journal) beside it, read-only files and folders,
// and SQLite's error text reduced to its cause.
#pragma once
#include <optional>
#include <string>

namespace giatlas {

// What the first 100 bytes of a file say. `sqlite` when they start with SQLite's magic string;
// `geopackage` when, in addition, the application id is 'GPKG' (or the older 'GP10'/'GP11').
struct SqliteHeader {
  bool readable = false;  // the file could be opened and read
  bool sqlite = false;
  bool geopackage = false;
};
SqliteHeader read_sqlite_header(const std::string& path);

// True when "<path>-journal" exists and its first byte is not zero (SQLite's test): a rollback journal
// left by a change that was interrupted (a killed process, a power cut). SQLite rolls it back at
// the next open that can write the database and its folder.
bool has_hot_journal(const std::string& path);

// The state of the workspace file and its folder for a writer.
struct FileAccess {
  bool file_writable = false;    // access(W_OK) on the file
  bool folder_writable = false;  // access(W_OK) on its folder (SQLite creates and deletes the journal there)
};
FileAccess file_access(const std::string& path);

// Why `path` (which exists) could not be opened as a workspace, in one line and without calling
// a real GeoPackage "not a GeoPackage". `text`: "cannot read the file (permission denied)",
// "read-only file" / "read-only folder" (a writer asked), "locked by another process",
// "interrupted change needs write access to roll back", "an SQLite database, not a GeoPackage",
// "not a GeoPackage", or "a GeoPackage that cannot be opened: <SQLite's cause>".
// `gdal_message` is GDAL's last error text after the failed open.
struct OpenFailure {
  bool not_a_workspace = false;  // the file is no GeoPackage at all (the header says so)
  std::string text;
};
OpenFailure open_failure(const std::string& path, bool for_writing, const std::string& gdal_message);

// What a GDAL/SQLite error text (which can hold a whole CREATE TABLE statement) says, for code to
// decide on, with one short cause for people: "no space left on device", "locked by another
// process", "read-only file", or the text after "failed: ", first line only, at most 200 characters.
enum class SqliteFailure { other, no_space, locked, read_only };
struct SqliteCause {
  SqliteFailure kind = SqliteFailure::other;
  std::string text;
};
SqliteCause sqlite_failure(const std::string& gdal_message);
inline std::string sqlite_failure_cause(const std::string& gdal_message) {
  return sqlite_failure(gdal_message).text;
}

// The process holding a write lock on the SQLite file `path` (RESERVED: it is writing a
// change; PENDING/EXCLUSIVE: it is committing one), read from the kernel's list of file locks
// (/proc/locks) so that no descriptor of the file is opened and closed (closing one would drop
// this process's own SQLite locks). nullopt when no other process holds one, or the system does
// not say. `describe()`: "pid 4242, user ana: giatlas-cli import users.xlsx --into w.gpkg".
struct LockHolder {
  long pid = 0;
  std::string user;     // "" when unknown
  std::string command;  // its command line, at most 120 characters; "" when unknown
  std::string describe() const;
};
// `committing_only`: only PENDING/EXCLUSIVE count (what is in a reader's way).
std::optional<LockHolder> sqlite_write_lock_holder(const std::string& path, bool committing_only = false);

// The same from the text of a /proc/locks listing, for the file with device `dev_major`:`dev_minor`
// and inode `inode`, skipping locks of `self_pid` (the parsing, testable without a second process).
std::optional<long> write_lock_pid(const std::string& proc_locks, unsigned dev_major, unsigned dev_minor,
                                   unsigned long inode, long self_pid, bool committing_only = false);

}  // namespace giatlas
