// Write-to-temporary-then-rename (see atomic_file.h), on POSIX file descriptors so that every
// failure carries errno's cause.
#include "io/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include "error.h"

namespace giatlas {

namespace {

constexpr std::size_t kBufferBytes = 1 << 16;

void remove_quietly(const std::string& path) noexcept { ::unlink(path.c_str()); }

// fsync on a descriptor opened read-only also flushes the file's data on Linux.
int sync_path(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return errno;
  int err = ::fsync(fd) == 0 ? 0 : errno;
  if (err == EINVAL || err == EROFS) err = 0;  // special files and some file systems cannot sync
  ::close(fd);
  return err;
}

}  // namespace

std::string system_cause(int errnum) {
  std::string s = std::strerror(errnum);
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && !(s.size() > 1 && s[1] >= 'A' && s[1] <= 'Z'))
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

std::string temp_path_beside(const std::string& target) {
  const std::filesystem::path p(target);
  std::random_device rd;
  char tag[16];
  std::snprintf(tag, sizeof tag, "%06x", static_cast<unsigned>(rd() & 0xffffffu));
  std::string name(1, '.');  // appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "." + s
  name += p.stem().string();
  name += ".tmp";
  name += std::to_string(static_cast<long long>(::getpid()));
  name += '-';
  name += tag;
  name += p.extension().string();
  return (p.parent_path() / name).string();
}

AtomicFile::AtomicFile(std::string target, std::string what)
    : target_(std::move(target)), what_(std::move(what)), tmp_(temp_path_beside(target_)) {}

AtomicFile::~AtomicFile() {
  if (!committed_) discard();
}

void AtomicFile::discard() noexcept {
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  buffer_.clear();
  remove_quietly(tmp_);
  for (const char* sidecar : {"-journal", "-wal", "-shm"}) remove_quietly(tmp_ + sidecar);
}

bool AtomicFile::folder_full() const {
  const std::filesystem::path dir = std::filesystem::path(target_).parent_path();
  struct statvfs fs {};
  return ::statvfs(dir.empty() ? "." : dir.c_str(), &fs) == 0 &&
         static_cast<double>(fs.f_bavail) * static_cast<double>(fs.f_frsize) < 1024.0 * 1024.0;
}

std::string AtomicFile::failure_cause(const std::string& library_text) const {
  if (folder_full()) return system_cause(ENOSPC);
  std::string cause = library_text.substr(0, library_text.find_first_of("\r\n"));
  return cause.empty() ? "the writer failed" : cause;
}

void AtomicFile::fail(const std::string& cause) {
  discard();
  throw Error(what_ + " " + target_ + ": " + cause);
}

void AtomicFile::probe() {
  const int fd = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) fail(system_cause(errno));
  ::close(fd);
  remove_quietly(tmp_);
}

void AtomicFile::open() {
  if (fd_ >= 0) return;
  fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd_ < 0) fail(system_cause(errno));
  buffer_.reserve(kBufferBytes);
}

void AtomicFile::flush_buffer() {
  const char* p = buffer_.data();
  std::size_t left = buffer_.size();
  while (left > 0) {
    const ssize_t n = ::write(fd_, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(system_cause(errno));
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  buffer_.clear();
}

void AtomicFile::write(std::string_view bytes) {
  if (fd_ < 0) fail("write before open (programming error)");
  if (buffer_.size() + bytes.size() > kBufferBytes) {
    flush_buffer();
    if (bytes.size() >= kBufferBytes) {  // large pieces go straight through
      buffer_.assign(bytes);
      flush_buffer();
      return;
    }
  }
  buffer_.append(bytes);
}

void AtomicFile::commit() {
  if (committed_) return;
  if (fd_ >= 0) {
    flush_buffer();
    if (::fsync(fd_) != 0 && errno != EINVAL && errno != EROFS) fail(system_cause(errno));
    const int rc = ::close(fd_);
    fd_ = -1;
    if (rc != 0) fail(system_cause(errno));
  } else {
    struct stat st {};
    if (::stat(tmp_.c_str(), &st) != 0) fail("the file was not written (" + system_cause(errno) + ")");
    if (const int err = sync_path(tmp_, O_RDONLY)) fail(system_cause(err));
  }
  if (::rename(tmp_.c_str(), target_.c_str()) != 0) fail(system_cause(errno));
  committed_ = true;
  // Make the rename itself durable; a folder that cannot be synced loses nothing already written.
  const std::filesystem::path dir = std::filesystem::path(target_).parent_path();
  sync_path(dir.empty() ? std::string(".") : dir.string(), O_RDONLY | O_DIRECTORY);
}

void atomic_write(const std::string& target, const std::string& what,
                  const std::function<void(const std::string& temp_path)>& write_to) {
  AtomicFile file(target, what);
  file.probe();
  try {
    write_to(file.temp_path());
  } catch (const std::exception& e) {
    if (file.folder_full()) file.fail(system_cause(ENOSPC));
    throw;
  }
  file.commit();
}

void atomic_write_text(const std::string& target, const std::string& what, std::string_view bytes) {
  AtomicFile file(target, what);
  file.open();
  file.write(bytes);
  file.commit();
}

}  // namespace giatlas
