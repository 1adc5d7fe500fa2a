// Placeholder until the scope subcommand lands (owned by its issue).
#include <iostream>

#include "cli/commands.h"

namespace giatlas::cli {
int cmd_scope(int, char**) {
  std::cerr << "giatlas-cli scope: not built yet\n";
  return 3;
}
}  // namespace giatlas::cli
