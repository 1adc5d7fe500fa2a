// A progress line on a terminal ("import: reading 42%"), redrawn in place on stderr when it
// is a terminal, silent otherwise (logs and pipes get only the final results). Its Progress is
// also cancelled by Ctrl-C / SIGTERM (cli/interrupt.h).
#pragma once
#include <unistd.h>

#include <cstdio>
#include <mutex>
#include <string>

#include "cli/interrupt.h"
#include "progress.h"

namespace giatlas::cli {

class TerminalProgress {
 public:
  explicit TerminalProgress(std::string label)
      : label_(std::move(label)), tty_(isatty(STDERR_FILENO) == 1), progress_([this](const std::string& stage, double f) {
          draw(stage, f);
        }) {
    progress_.link_cancel(&interrupt_flag());  // Ctrl-C / SIGTERM stop the work at its next safe point
  }
  const Progress& progress() const { return progress_; }
  // DEFAULT: a bar is drawn when stderr is a terminal; quiet() turns it off (interruption still works).
  void quiet() { tty_ = false; }
  void finish() {
    if (tty_ && drawn_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  void draw(const std::string& stage, double f) {
    if (!tty_) return;
    std::lock_guard<std::mutex> lock(mutex_);
    int pct = static_cast<int>(f * 100);
    if (pct == last_pct_ && stage == last_stage_) return;
    last_pct_ = pct;
    last_stage_ = stage;
    std::fprintf(stderr, "\r\033[K%s: %s %3d%%", label_.c_str(), stage.c_str(), pct);
    std::fflush(stderr);
    drawn_ = true;
  }
  std::string label_;
  bool tty_;
  Progress progress_;
  std::mutex mutex_;
  int last_pct_ = -1;
  std::string last_stage_;
  bool drawn_ = false;
};

}  // namespace giatlas::cli
