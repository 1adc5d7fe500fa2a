// The worker thread behind long GUI actions (see task.h).
#include "task.h"

#include "error.h"
#include "strings.h"

namespace giatlas::gui {

void BackgroundTask::start(const std::string& title, Work work, std::function<void()> wake) {
  if (thread_.joinable()) thread_.join();
  auto shared = std::make_shared<Shared>();
  shared->title = title;
  shared_ = shared;
  progress_ = std::make_unique<Progress>([shared, wake](const std::string& stage, double f) {
    {
      std::lock_guard lock(shared->m);
      shared->stage = stage;
      shared->fraction = f;
    }
    if (wake) wake();
  });
  const Progress* progress = progress_.get();
  thread_ = std::jthread([shared, work = std::move(work), wake, progress]() {
    Completion done;
    std::string error;
    try {
      done = work(*progress);
    } catch (const Cancelled&) {
      error = tr(Str::cancelled);
    } catch (const std::exception& e) {
      error = e.what();
    }
    {
      std::lock_guard lock(shared->m);
      shared->completion = std::move(done);
      shared->error = std::move(error);
      shared->finished = true;
    }
    if (wake) wake();
  });
}

bool BackgroundTask::running() const {
  if (!shared_) return false;
  std::lock_guard lock(shared_->m);
  return !shared_->finished;
}

void BackgroundTask::cancel() {
  if (progress_) progress_->cancel();
}

bool BackgroundTask::poll(App& app, std::string& error) {
  if (!shared_) return false;
  Completion done;
  {
    std::lock_guard lock(shared_->m);
    if (!shared_->finished) return false;
    done = std::move(shared_->completion);
    error = shared_->error;
  }
  if (thread_.joinable()) thread_.join();
  shared_.reset();
  progress_.reset();
  if (done && error.empty()) {
    try {
      done(app);
    } catch (const std::exception& e) {
      error = e.what();
    }
  }
  return true;
}

void BackgroundTask::wait() {
  if (thread_.joinable()) thread_.join();
}

std::string BackgroundTask::title() const {
  if (!shared_) return "";
  std::lock_guard lock(shared_->m);
  return shared_->title;
}
std::string BackgroundTask::stage() const {
  if (!shared_) return "";
  std::lock_guard lock(shared_->m);
  return shared_->stage;
}
double BackgroundTask::fraction() const {
  if (!shared_) return 0;
  std::lock_guard lock(shared_->m);
  return shared_->fraction;
}

}  // namespace giatlas::gui
