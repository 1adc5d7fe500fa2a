// Opening a workspace from the command line (see open_workspace.h).
#include "cli/open_workspace.h"

#include <cstdlib>
#include <iostream>

#include "error.h"

namespace giatlas::cli {

LockWait cli_lock_wait() {
  LockWait w;
  if (const char* env = std::getenv("GIATLAS_LOCK_WAIT"); env && *env) {
    char* end = nullptr;
    const double s = std::strtod(env, &end);
    if (end == env || *end != '\0' || !(s >= 0) || s > 86400)
      throw Error(std::string("GIATLAS_LOCK_WAIT='") + env + "': give the seconds to wait for a locked workspace (0 to 86400)");
    w.limit = std::chrono::milliseconds(static_cast<long long>(s * 1000));
  }
  w.waiting = [](const std::string& line) { std::cerr << "giatlas-cli: " << line << "\n"; };
  return w;
}

Workspace open_workspace(const std::string& path, bool read_only) {
  Workspace ws = Workspace::open(path, read_only, cli_lock_wait());
  if (ws.rolled_back_interrupted_change())
    std::cerr << "note: " << ws.shown()
              << ": an interrupted change was rolled back (the workspace is as it was before that change)\n";
  return ws;
}

}  // namespace giatlas::cli
