// Progress reporting and cancellation for long work (imports, checks, exports).
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace giatlas {

// Passed by reference into long operations. `report` may be called from worker threads;
// `cancelled()` is polled between units of work. A cancelled operation throws Cancelled after
// undoing its partial effects (transactions are rolled back, output files are not created).
class Progress {
 public:
  using Callback = std::function<void(const std::string& stage, double fraction)>;
  Progress() = default;
  explicit Progress(Callback cb) : cb_(std::move(cb)) {}

  void report(const std::string& stage, double fraction) const {
    if (cb_) cb_(stage, fraction);
  }
  void cancel() { cancel_.store(true); }
  // Also cancelled whenever `*flag` is true (a front end's interrupt flag, set from a signal
  // handler). REQUIRES: *flag outlives this Progress.
  void link_cancel(const std::atomic<bool>* flag) { linked_ = flag; }
  bool cancelled() const { return cancel_.load() || (linked_ && linked_->load()); }
  // Throws Cancelled when cancel() was called.
  void check_cancelled() const;

 private:
  Callback cb_;
  std::atomic<bool> cancel_{false};
  const std::atomic<bool>* linked_ = nullptr;
};

class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("cancelled by the user") {}
};

inline void Progress::check_cancelled() const {
  if (cancelled()) throw Cancelled();
}

}  // namespace giatlas
