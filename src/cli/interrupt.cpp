// Signal handling for the CLI. The flag and the signal number are the process's only global
// state: a signal handler can reach nothing else, and lock-free atomics are what it may touch.
#include "cli/interrupt.h"

#include <csignal>

namespace giatlas::cli {

namespace {

std::atomic<bool> g_interrupted{false};
std::atomic<int> g_signal{0};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free);

extern "C" void on_interrupt(int sig) {
  g_signal.store(sig);
  g_interrupted.store(true);
}

}  // namespace

void install_interrupt_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;  // a second Ctrl-C gets the default action: the process ends
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

const std::atomic<bool>& interrupt_flag() { return g_interrupted; }

int interrupt_signal() { return g_signal.load(); }

}  // namespace giatlas::cli
