#include "points/points_scheduler.h"

#include <exception>

#include <spdlog/spdlog.h>

namespace imagross::points {

PointsScheduler::PointsScheduler(PointsService& service, std::chrono::seconds interval)
    : service_(service), interval_(interval) {}

PointsScheduler::~PointsScheduler() {
  stop();
}

void PointsScheduler::start() {
  if (!thread_.joinable()) {
    thread_ = std::thread([this] { run(); });
  }
}

void PointsScheduler::stop() {
  {
    const std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
  }
}

bool PointsScheduler::stopping() {
  const std::lock_guard lock(mutex_);
  return stop_;
}

void PointsScheduler::run() {
  try {
    const AwardSummary summary = service_.award_pending([this] { return stopping(); });
    log_award_summary(summary, "serve_start");
  } catch (const std::exception& error) {
    spdlog::error("event=points_award_failed trigger=serve_start error={:?}",
                  std::string_view(error.what()));
  }
  std::unique_lock lock(mutex_);
  while (!stop_) {
    lock.unlock();
    housekeep();
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stop_; });
  }
}

// Expires due points, then reviews tiers, each logged on one line.
void PointsScheduler::housekeep() {
  try {
    const std::string today = service_.today();
    const int64_t expired = service_.expire(today);
    spdlog::info("event=points_expired today={} points={}", today, expired);
    const TierReview review = service_.review_tiers(today);
    spdlog::info("event=tiers_reviewed today={} reviewed={} kept={} upgraded={} downgraded={}",
                 today, review.reviewed, review.kept, review.upgraded, review.downgraded);
  } catch (const std::exception& error) {
    spdlog::error("event=points_housekeeping_failed error={:?}", std::string_view(error.what()));
  }
}

}  // namespace imagross::points
