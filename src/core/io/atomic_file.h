// Files that appear whole or not at all: written under a temporary name in the target's own
// folder, synced, then renamed over the target. The one home of write-then-rename: every file
// GI Atlas writes (reports, maps, plans, workspaces, statements) goes through it.
#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace giatlas {

// A temporary path in `target`'s folder that keeps its extension, so that writers choosing a
// format by extension (GDAL, cairo) still do: "<dir>/.<stem>.tmp<pid>-<random><.ext>".
// Hidden (leading dot) and unique per call; the same folder keeps the rename atomic.
std::string temp_path_beside(const std::string& target);

// One atomic write. Either the caller writes through write() (buffered, errors carry the
// system's cause), or a library writes the file at temp_path() itself (GDAL, cairo, stb).
// commit() then syncs and renames; anything else (an exception, an early return) removes the
// temporary file and any SQLite sidecar of it, leaving `target` exactly as it was.
// Every Error is one line: "<what> <target>: <cause>", the cause in the system's words
// ("no space left on device", "permission denied", "no such file or directory").
class AtomicFile {
 public:
  // REQUIRES: `target` names a file (its folder must exist: Error at open()/probe()).
  // `what` names the operation in messages ("check report", "render", "create workspace").
  AtomicFile(std::string target, std::string what);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::string& target() const { return target_; }
  const std::string& temp_path() const { return tmp_; }

  // Creates the temporary file and removes it again, so that a folder that cannot be written
  // is reported ("permission denied") before a library spends its time. Error on failure.
  void probe();
  // Creates (truncates) the temporary file for write(). Error on failure.
  void open();
  // Appends bytes (buffered). REQUIRES: open(). Error with the cause; the file stays uncommitted.
  void write(std::string_view bytes);
  // Flushes, fsyncs and renames the temporary file onto the target. REQUIRES: open() was called,
  // or a library created temp_path(). Error with the cause; the temporary file is removed.
  void commit();
  // True when the target folder's file system has (almost, < 1 MiB) no room left: libraries
  // rarely say so (cairo: "error while writing to output stream"; SQLite's later statements:
  // "no such table"). Call it before discard(), which frees the room the temporary file took.
  bool folder_full() const;
  // The cause to report when a library failed while writing temp_path(): "no space left on
  // device" when folder_full(), else the first line of `library_text`.
  std::string failure_cause(const std::string& library_text) const;
  // Removes the temporary file now (also done by the destructor unless committed). Never throws.
  void discard() noexcept;

  // Discards the temporary file and throws Error("<what> <target>: <cause>").
  [[noreturn]] void fail(const std::string& cause);

 private:
  void flush_buffer();

  std::string target_, what_, tmp_;
  std::string buffer_;
  int fd_ = -1;
  bool committed_ = false;
};

// Runs `write_to(temp_path)`, which creates the whole file at temp_path with whatever library
// it likes and returns normally, then commits. An exception from `write_to` propagates unchanged
// after the temporary file is removed, except on a full file system, where it becomes
// "<what> <target>: no space left on device".
void atomic_write(const std::string& target, const std::string& what,
                  const std::function<void(const std::string& temp_path)>& write_to);

// Writes `bytes` as the whole content of `target`, atomically.
void atomic_write_text(const std::string& target, const std::string& what, std::string_view bytes);

// The system's message for `errnum`, starting lower-case ("no space left on device").
std::string system_cause(int errnum);

}  // namespace giatlas
