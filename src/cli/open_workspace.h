// Opening a workspace from the command line: Workspace::open, plus the one line a user reads
// when an interrupted change was rolled back on the way.
#pragma once
#include <string>

#include "workspace/workspace.h"

namespace giatlas::cli {

// How the CLI waits for a workspace another process holds locked: GIATLAS_LOCK_WAIT seconds
// (DEFAULT 10), one "giatlas-cli: waiting for …" line on stderr.
LockWait cli_lock_wait();

// Workspace::open(path, read_only, cli_lock_wait()); prints "note: <path>: an interrupted change was rolled back
// …" to stderr when it rolled back a hot journal. Errors as Workspace::open.
Workspace open_workspace(const std::string& path, bool read_only = false);

}  // namespace giatlas::cli
