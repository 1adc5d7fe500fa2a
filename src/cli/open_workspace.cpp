// Opening a workspace from the command line (see open_workspace.h).
#include "cli/open_workspace.h"

#include <iostream>

namespace giatlas::cli {

Workspace open_workspace(const std::string& path, bool read_only) {
  Workspace ws = Workspace::open(path, read_only);
  if (ws.rolled_back_interrupted_change())
    std::cerr << "note: " << path
              << ": an interrupted change was rolled back (the workspace is as it was before that change)\n";
  return ws;
}

}  // namespace giatlas::cli
