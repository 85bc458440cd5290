#include "ingest/convert/receipt_line_counter.h"

#include <gtest/gtest.h>

#include <string>

namespace imagross::ingest {
namespace {

TEST(ReceiptLineCounter, NumbersRowsOfEachReceipt) {
  ReceiptLineCounter counter;
  EXPECT_EQ(counter.next("R1"), 1);
  EXPECT_EQ(counter.next("R1"), 2);
  EXPECT_EQ(counter.next("R2"), 1);
  EXPECT_EQ(counter.next("R1"), 3);
  EXPECT_EQ(counter.next("R2"), 2);
}

TEST(ReceiptLineCounter, CodesDifferingOnlyInLengthOrCase) {
  ReceiptLineCounter counter;
  EXPECT_EQ(counter.next("A"), 1);
  EXPECT_EQ(counter.next("AA"), 1);
  EXPECT_EQ(counter.next("a"), 1);
  EXPECT_EQ(counter.next(""), 1);
  EXPECT_EQ(counter.next("A"), 2);
  EXPECT_EQ(counter.next("AA"), 2);
  EXPECT_EQ(counter.next(""), 2);
}

// Many receipts make the table grow several times; every count must survive each move.
TEST(ReceiptLineCounter, KeepsCountsWhileGrowing) {
  ReceiptLineCounter counter;
  constexpr int kReceipts = 100'000;
  for (int i = 0; i < kReceipts; ++i) {
    ASSERT_EQ(counter.next("PV01-" + std::to_string(i)), 1) << "receipt " << i;
  }
  for (int i = 0; i < kReceipts; i += 7) {
    ASSERT_EQ(counter.next("PV01-" + std::to_string(i)), 2) << "receipt " << i;
  }
  EXPECT_EQ(counter.next("PV01-0"), 3);
  EXPECT_EQ(counter.next("PV01-1"), 2);
}

}  // namespace
}  // namespace imagross::ingest
