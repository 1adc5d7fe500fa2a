// Long work (opening a big workspace, the origin check, an import) on a worker thread with a
// Progress the UI shows as a bar and a Cancel button. The work returns a completion that runs
// on the main thread, where it may touch the App.
#pragma once
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "progress.h"

namespace giatlas::gui {

class App;

class BackgroundTask {
 public:
  using Completion = std::function<void(App&)>;
  using Work = std::function<Completion(const Progress&)>;

  // REQUIRES: !running(). `wake` is called from the worker when something changed (to end the
  // main loop's idle wait).
  void start(const std::string& title, Work work, std::function<void()> wake);
  bool running() const;
  void cancel();
  // Main thread: when the work has finished, runs its completion (or reports its error into
  // `error`) and returns true.
  bool poll(App& app, std::string& error);
  // Blocks until the work has finished (screenshots and benchmarks).
  void wait();

  std::string title() const;
  std::string stage() const;
  double fraction() const;

 private:
  struct Shared {
    mutable std::mutex m;
    std::string title, stage;
    double fraction = 0;
    bool finished = false;
    Completion completion;
    std::string error;
  };
  std::shared_ptr<Shared> shared_;
  std::unique_ptr<Progress> progress_;
  std::jthread thread_;
};

}  // namespace giatlas::gui
