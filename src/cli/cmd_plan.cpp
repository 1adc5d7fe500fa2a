// Placeholder until the plan subcommand lands (owned by its issue).
#include <iostream>

#include "cli/commands.h"

namespace giatlas::cli {
int cmd_plan(int, char**) {
  std::cerr << "giatlas-cli plan: not built yet\n";
  return 3;
}
}  // namespace giatlas::cli
