// Placeholder until the render subcommand lands (owned by its issue).
#include <iostream>

#include "cli/commands.h"

namespace giatlas::cli {
int cmd_render(int, char**) {
  std::cerr << "giatlas-cli render: not built yet\n";
  return 3;
}
}  // namespace giatlas::cli
