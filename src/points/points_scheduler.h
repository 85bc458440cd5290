#pragma once

// The server's points housekeeping on a thread of its own: awarding pending receipts once at
// start, then expiry and tier review at start and every interval. Each step is idempotent, so
// a restart that runs them again changes nothing.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "points/points_service.h"

namespace imagross::points {

class PointsScheduler {
 public:
  explicit PointsScheduler(PointsService& service,
                           std::chrono::seconds interval = std::chrono::hours(1));
  ~PointsScheduler();
  PointsScheduler(const PointsScheduler&) = delete;
  PointsScheduler& operator=(const PointsScheduler&) = delete;

  // Starts the thread. Errors of a step are logged and the next interval tries again.
  void start();
  // Asks the thread to stop after its current chunk or step, and waits for it.
  void stop();

 private:
  void run();
  void housekeep();
  bool stopping();

  PointsService& service_;
  std::chrono::seconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace imagross::points
