// Writing in two steps, prepare_lines and write_prepared, through the public interface: batches
// prepared ahead of the writes, written out of order, abandoned, or overtaken by another writer.
// Checked with independent SQL on the same file.

#include "storage/sqlite/batch_chain.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <deque>
#include <string>
#include <vector>

#include "storage/sqlite/sqlite_database.h"
#include "storage/sqlite/test_support.h"

namespace imagross::sqlite {
namespace {

using ::testing::ElementsAre;
using testing::make_line;
using testing::RawDatabase;
using testing::TempDirectory;

using Rows = std::vector<std::vector<std::string>>;

class BatchChainTest : public ::testing::Test {
 protected:
  BatchChainTest() : path_(directory_.file("imagross.db")), database_(path_) {
    import_id_ = database_.create_import(ImportRecord{});
  }

  // Prepares a copy of `lines` that lives as long as the test, as a prepared batch's lines must.
  std::unique_ptr<PreparedLines> prepare(std::vector<ReceiptLine> lines) {
    return database_.prepare_lines(import_id_, kept_lines_.emplace_back(std::move(lines)));
  }

  // Every stored line as (receipt code, line number, product code), in that order.
  Rows stored_lines() {
    RawDatabase raw(path_);
    return raw.rows(
        "SELECT r.code, l.line_number, p.code FROM receipt_lines l "
        "JOIN receipts r ON r.id = l.receipt_id JOIN products p ON p.id = l.product_id "
        "ORDER BY r.code, l.line_number");
  }

  void expect_consistent() {
    RawDatabase raw(path_);
    EXPECT_TRUE(raw.rows("PRAGMA foreign_key_check").empty());
    EXPECT_EQ(raw.integer("SELECT count(*) FROM receipts"),
              raw.integer("SELECT count(DISTINCT receipt_id) FROM receipt_lines"));
  }

  static ReceiptLine line_of(const std::string& receipt, int32_t number,
                             const std::string& product) {
    ReceiptLine line = make_line(receipt, number);
    line.product_code = product;
    return line;
  }

  TempDirectory directory_;
  std::string path_;
  std::deque<std::vector<ReceiptLine>> kept_lines_;  // declared before database_, destroyed after
  SqliteDatabase database_;
  int64_t import_id_ = 0;
};

// The second batch is prepared before the first is written and continues its receipt. A line of
// the first batch is a duplicate and a changed one a conflict. A new product of the first batch
// is reused, not created twice.
TEST_F(BatchChainTest, NextBatchPreparedBeforeWrite) {
  std::vector<ReceiptLine> first = {line_of("A", 1, "P1"), line_of("A", 2, "P-NEW")};
  std::vector<ReceiptLine> second = {line_of("A", 2, "P-NEW"), line_of("A", 3, "P-NEW"),
                                     line_of("A", 1, "P2")};
  auto prepared_first = prepare(first);
  auto prepared_second = prepare(second);

  BatchResult written_first = database_.write_prepared(*prepared_first);
  BatchResult written_second = database_.write_prepared(*prepared_second);

  EXPECT_THAT(written_first.outcomes, ElementsAre(LineOutcome::inserted, LineOutcome::inserted));
  EXPECT_THAT(written_second.outcomes,
              ElementsAre(LineOutcome::duplicate, LineOutcome::inserted, LineOutcome::conflict));
  EXPECT_THAT(written_second.conflict_import_ids, ElementsAre(import_id_));
  EXPECT_THAT(stored_lines(),
              ElementsAre(ElementsAre("A", "1", "P1"), ElementsAre("A", "2", "P-NEW"),
                          ElementsAre("A", "3", "P-NEW")));
  RawDatabase raw(path_);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM products"), 2);
  expect_consistent();
}

// Written in the wrong order, each batch is prepared again and nothing is lost or doubled.
TEST_F(BatchChainTest, BatchesWrittenOutOfOrder) {
  std::vector<ReceiptLine> first = {line_of("A", 1, "P1"), line_of("B", 1, "P-FIRST")};
  std::vector<ReceiptLine> second = {line_of("B", 2, "P-SECOND"), line_of("B", 1, "P-FIRST")};
  auto prepared_first = prepare(first);
  auto prepared_second = prepare(second);

  BatchResult written_second = database_.write_prepared(*prepared_second);
  BatchResult written_first = database_.write_prepared(*prepared_first);

  EXPECT_THAT(written_second.outcomes, ElementsAre(LineOutcome::inserted, LineOutcome::inserted));
  EXPECT_THAT(written_first.outcomes, ElementsAre(LineOutcome::inserted, LineOutcome::duplicate));
  EXPECT_THAT(stored_lines(),
              ElementsAre(ElementsAre("A", "1", "P1"), ElementsAre("B", "1", "P-FIRST"),
                          ElementsAre("B", "2", "P-SECOND")));
  expect_consistent();
}

// A batch destroyed without being written leaves no trace: the entries it would have created
// are created by the next batch that needs them, with ids that exist.
TEST_F(BatchChainTest, AbandonedBatchLeavesNothing) {
  auto prepared_first = prepare({line_of("A", 1, "P1")});
  auto abandoned = prepare({line_of("B", 1, "P-ABANDONED"), line_of("A", 2, "P1")});
  database_.write_prepared(*prepared_first);
  abandoned.reset();

  auto prepared_next = prepare({line_of("C", 1, "P-ABANDONED"), line_of("A", 2, "P1")});
  BatchResult written = database_.write_prepared(*prepared_next);

  EXPECT_THAT(written.outcomes, ElementsAre(LineOutcome::inserted, LineOutcome::inserted));
  EXPECT_THAT(stored_lines(), ElementsAre(ElementsAre("A", "1", "P1"), ElementsAre("A", "2", "P1"),
                                          ElementsAre("C", "1", "P-ABANDONED")));
  RawDatabase raw(path_);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM receipts WHERE code = 'B'"), 0);
  Dictionaries dictionaries = database_.load_dictionaries();
  ASSERT_EQ(dictionaries.products.size(), 2u);
  EXPECT_EQ(dictionaries.products[1].code, "P-ABANDONED");
  EXPECT_EQ(dictionaries.products[1].id, written.inserted[0].product_id);
  expect_consistent();
}

// Another process writes between prepare and write, taking the ids the prepared batch chose: the
// batch is prepared again on what the other process wrote.
TEST_F(BatchChainTest, OtherWriterBetweenPrepareAndWrite) {
  database_.write_lines(import_id_, std::vector{line_of("A", 1, "P1")});
  auto prepared = prepare({line_of("B", 1, "P-MINE"), line_of("C", 1, "P-SHARED")});
  {
    SqliteDatabase other(path_);
    other.write_lines(import_id_,
                      std::vector{line_of("C", 1, "P-SHARED"), line_of("D", 1, "P-OTHER")});
  }

  BatchResult written = database_.write_prepared(*prepared);

  EXPECT_THAT(written.outcomes, ElementsAre(LineOutcome::inserted, LineOutcome::duplicate));
  EXPECT_THAT(stored_lines(),
              ElementsAre(ElementsAre("A", "1", "P1"), ElementsAre("B", "1", "P-MINE"),
                          ElementsAre("C", "1", "P-SHARED"), ElementsAre("D", "1", "P-OTHER")));
  Dictionaries dictionaries = database_.load_dictionaries();
  ASSERT_EQ(dictionaries.products.size(), 4u);
  EXPECT_EQ(dictionaries.products[3].code, "P-MINE");
  EXPECT_EQ(dictionaries.products[3].id, written.inserted[0].product_id);
  expect_consistent();
}

// What a prepared batch creates is not a committed dictionary entry until the batch is written.
TEST_F(BatchChainTest, DictionariesShowOnlyWrittenEntries) {
  database_.write_lines(import_id_, std::vector{line_of("A", 1, "P1")});
  ASSERT_EQ(database_.load_dictionaries().products.size(), 1u);
  ReceiptLine renamed = line_of("B", 1, "P1");
  renamed.product_name = "Nuovo nome";
  auto prepared = prepare({renamed, line_of("B", 2, "P-NEW")});

  Dictionaries before = database_.load_dictionaries();
  ASSERT_EQ(before.products.size(), 1u);
  EXPECT_EQ(before.products[0].name, "Parmigiano Reggiano 24 mesi");

  database_.write_prepared(*prepared);
  Dictionaries after = database_.load_dictionaries();
  ASSERT_EQ(after.products.size(), 2u);
  EXPECT_EQ(after.products[0].name, "Nuovo nome");
  EXPECT_EQ(after.products[1].code, "P-NEW");
}

// A batch written and destroyed before the next one is prepared: the next one reads the
// receipt it continues from the database.
TEST_F(BatchChainTest, ReceiptContinuedAfterItsBatchIsGone) {
  auto prepared = prepare({line_of("A", 1, "P1"), line_of("A", 2, "P1")});
  database_.write_prepared(*prepared);
  prepared.reset();

  auto next = prepare({line_of("A", 2, "P1"), line_of("A", 3, "P1")});
  BatchResult written = database_.write_prepared(*next);

  EXPECT_THAT(written.outcomes, ElementsAre(LineOutcome::duplicate, LineOutcome::inserted));
  EXPECT_EQ(written.inserted.at(0).receipt_id,
            database_.write_lines(import_id_, std::vector{line_of("A", 4, "P1")})
                .inserted.at(0)
                .receipt_id);
  expect_consistent();
}

// A receipt with more lines than a chain walk serves, in any order, with repeated and changed
// lines among them, in one batch and again in the next.
TEST_F(BatchChainTest, LongReceiptInAnyOrder) {
  std::vector<ReceiptLine> lines;
  for (int32_t number = 40; number >= 1; --number) {
    lines.push_back(line_of("LONG", number, "P1"));
  }
  lines.push_back(line_of("LONG", 7, "P1"));
  lines.push_back(line_of("LONG", 30, "P-CHANGED"));
  auto prepared = prepare(lines);
  auto again = prepare(lines);

  BatchResult written = database_.write_prepared(*prepared);
  BatchResult written_again = database_.write_prepared(*again);

  EXPECT_EQ(written.inserted.size(), 40u);
  EXPECT_EQ(written.outcomes[40], LineOutcome::duplicate);
  EXPECT_EQ(written.outcomes[41], LineOutcome::conflict);
  EXPECT_TRUE(written_again.inserted.empty());
  EXPECT_EQ(written_again.conflict_import_ids.size(), 1u);
  EXPECT_EQ(database_.count_lines(), 40);
  expect_consistent();
}

// A batch that fails inside its transaction leaves the next prepared batch to be prepared again,
// on the dictionaries that the rollback left.
TEST(BatchChainFailureTest, FailedWriteBeforePreparedBatch) {
  TempDirectory directory;
  std::string path = directory.file("imagross.db");
  testing::create_failing_database(path);
  SqliteDatabase database(path);
  int64_t import_id = database.create_import(ImportRecord{});
  std::vector<ReceiptLine> failing = {make_line("A", 1)};
  failing[0].product_code = "P-ROLLED-BACK";
  failing[0].amount = testing::kFailingAmount;
  std::vector<ReceiptLine> next = {make_line("B", 1), make_line("A", 1)};
  next[0].product_code = "P-ROLLED-BACK";
  auto prepared_failing = database.prepare_lines(import_id, failing);
  auto prepared_next = database.prepare_lines(import_id, next);

  EXPECT_THROW(database.write_prepared(*prepared_failing), StorageError);
  BatchResult written = database.write_prepared(*prepared_next);

  EXPECT_THAT(written.outcomes, ElementsAre(LineOutcome::inserted, LineOutcome::inserted));
  RawDatabase raw(path);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM receipt_lines"), 2);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM products WHERE code = 'P-ROLLED-BACK'"), 1);
  EXPECT_TRUE(raw.rows("PRAGMA foreign_key_check").empty());
}

}  // namespace
}  // namespace imagross::sqlite
