#include "ingest/batch_queue.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace imagross::ingest {
namespace {

TEST(BatchQueue, NumbersBatchesInOrder) {
  BatchQueue queue(3);
  LineBatch* first = queue.acquire();
  LineBatch* second = queue.acquire();
  EXPECT_EQ(first->number, 1u);
  EXPECT_EQ(second->number, 2u);
  EXPECT_TRUE(first->prepare_pending);
}

// The producer prepares a batch only after every earlier one, and only while the consumer is
// busy; otherwise the consumer prepares it.
TEST(BatchQueue, ProducerPreparesInOrder) {
  BatchQueue queue(3);
  LineBatch* first = queue.acquire();
  EXPECT_TRUE(queue.producer_prepares(*first));
  queue.push(first);  // pushed unprepared, for the consumer to prepare

  LineBatch* second = queue.acquire();
  EXPECT_FALSE(queue.producer_prepares(*second));
  queue.end_preparing(*first);
  EXPECT_FALSE(first->prepare_pending);
  EXPECT_TRUE(queue.producer_prepares(*second));
}

TEST(BatchQueue, WaitingConsumerPreparesItself) {
  BatchQueue queue(2);
  LineBatch* first = queue.acquire();
  LineBatch* popped = nullptr;
  std::thread consumer([&] { popped = queue.pop(); });
  // The consumer waits in pop() until a batch comes; wait for it, bounded to 10 s.
  for (int attempt = 0; attempt < 1000 && queue.producer_prepares(*first); ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_FALSE(queue.producer_prepares(*first));
  queue.push(first);
  consumer.join();
  EXPECT_EQ(popped, first);

  // The consumer has the first batch and has not prepared it yet.
  LineBatch* second = queue.acquire();
  EXPECT_FALSE(queue.producer_prepares(*second));
}

}  // namespace
}  // namespace imagross::ingest
