// Placeholder until the check subcommand lands (owned by its issue).
#include <iostream>

#include "cli/commands.h"

namespace giatlas::cli {
int cmd_check(int, char**) {
  std::cerr << "giatlas-cli check: not built yet\n";
  return 3;
}
}  // namespace giatlas::cli
