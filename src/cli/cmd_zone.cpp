// Placeholder until the zone subcommand lands (owned by its issue).
#include <iostream>

#include "cli/commands.h"

namespace giatlas::cli {
int cmd_zone(int, char**) {
  std::cerr << "giatlas-cli zone: not built yet\n";
  return 3;
}
}  // namespace giatlas::cli
