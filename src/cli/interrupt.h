// Ctrl-C and SIGTERM in the CLI: the first one asks the running command to stop at its next
// safe point (imports and checks roll back, temporary files go), the second one ends the
// process at once. The command then exits 130 (SIGINT) or 143 (SIGTERM) with one line.
#pragma once
#include <atomic>

namespace giatlas::cli {

// Installs the handlers (once, at start-up).
void install_interrupt_handlers();
// Set by the first SIGINT/SIGTERM. Link a Progress to it with Progress::link_cancel.
const std::atomic<bool>& interrupt_flag();
// The signal that set the flag, 0 when none.
int interrupt_signal();

}  // namespace giatlas::cli
