// write_lines through the public interface, checked with independent SQL on the same file.

#include "storage/sqlite/line_writer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "storage/sqlite/sqlite_database.h"
#include "storage/sqlite/test_support.h"

namespace imagross::sqlite {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::make_line;
using testing::RawDatabase;
using testing::TempDirectory;

class LineWriterTest : public ::testing::Test {
 protected:
  LineWriterTest() : path_(directory_.file("imagross.db")), database_(path_) {
    ImportRecord record;
    record.source_name = "scontrini.csv";
    record.format = "csv";
    import_id_ = database_.create_import(record);
  }

  BatchResult write(const std::vector<ReceiptLine>& lines) {
    return database_.write_lines(import_id_, lines);
  }

  std::vector<StoredLine> scan() {
    std::vector<StoredLine> lines;
    database_.scan_lines([&lines](std::span<const StoredLine> chunk) {
      lines.insert(lines.end(), chunk.begin(), chunk.end());
    });
    return lines;
  }

  TempDirectory directory_;
  std::string path_;
  SqliteDatabase database_;
  int64_t import_id_ = 0;
};

template <typename Entry>
const Entry& entry_with_id(const std::vector<Entry>& entries, int32_t id) {
  auto found = std::find_if(entries.begin(), entries.end(),
                            [id](const Entry& entry) { return entry.id == id; });
  EXPECT_NE(found, entries.end()) << "no entry with id " << id;
  return *found;
}

TEST_F(LineWriterTest, RoundTripKeepsEveryField) {
  ReceiptLine line = make_line("PV07-20251201-0042", 3);
  line.is_return = true;
  line.quantity = -1'250;
  line.amount = -28'880;
  BatchResult result = write({line});

  ASSERT_THAT(result.outcomes, ElementsAre(LineOutcome::inserted));
  ASSERT_EQ(result.inserted.size(), 1u);
  std::vector<StoredLine> stored = scan();
  ASSERT_EQ(stored.size(), 1u);
  const StoredLine& row = stored[0];
  EXPECT_EQ(row.line_number, 3);
  EXPECT_EQ(row.timestamp, line.timestamp);
  EXPECT_EQ(row.quantity, -1'250);
  EXPECT_EQ(row.unit_price, 23'900);
  EXPECT_EQ(row.discount, 1'000);
  EXPECT_EQ(row.amount, -28'880);
  EXPECT_TRUE(row.is_return);

  Dictionaries dictionaries = database_.load_dictionaries();
  EXPECT_EQ(entry_with_id(dictionaries.stores, row.store_id).code, "PV07");
  EXPECT_EQ(entry_with_id(dictionaries.stores, row.store_id).name, "PV07");
  EXPECT_EQ(entry_with_id(dictionaries.cards, row.card_id).number, "2000000000015");
  EXPECT_EQ(entry_with_id(dictionaries.products, row.product_id).code, "8001234567890");
  EXPECT_EQ(entry_with_id(dictionaries.products, row.product_id).name,
            "Parmigiano Reggiano 24 mesi");
  EXPECT_EQ(entry_with_id(dictionaries.departments, row.department_id).name,
            "Salumeria e Formaggi");
  EXPECT_EQ(entry_with_id(dictionaries.promotions, row.promotion_id).code, "PROMO-FORMAGGI");

  // The same values through independent SQL, joined back to their text.
  RawDatabase raw(path_);
  auto rows = raw.rows(R"sql(
    SELECT r.code, l.line_number, l.timestamp, s.code, c.number, p.code, n.name, d.name,
           l.quantity, l.unit_price, l.discount, l.amount, m.code, l.is_return, l.import_id,
           typeof(l.amount)
    FROM receipt_lines l
    JOIN receipts r ON r.id = l.receipt_id
    JOIN stores s ON s.id = l.store_id
    JOIN cards c ON c.id = l.card_id
    JOIN products p ON p.id = l.product_id
    JOIN product_names n ON n.id = l.product_name_id
    JOIN departments d ON d.id = l.department_id
    JOIN promotions m ON m.id = l.promotion_id)sql");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_THAT(rows[0],
              ElementsAre("PV07-20251201-0042", "3", std::to_string(line.timestamp), "PV07",
                          "2000000000015", "8001234567890", "Parmigiano Reggiano 24 mesi",
                          "Salumeria e Formaggi", "-1250", "23900", "1000", "-28880",
                          "PROMO-FORMAGGI", "1", std::to_string(import_id_), "integer"));
}

TEST_F(LineWriterTest, InsertedLinesMatchScan) {
  std::vector<ReceiptLine> lines = {make_line("A", 1), make_line("A", 2), make_line("B", 1)};
  lines[2].store_code = "PV01";
  BatchResult result = write(lines);
  std::vector<StoredLine> stored = scan();
  ASSERT_EQ(result.inserted.size(), stored.size());
  for (std::size_t i = 0; i < stored.size(); ++i) {
    EXPECT_EQ(result.inserted[i].receipt_id, stored[i].receipt_id) << i;
    EXPECT_EQ(result.inserted[i].line_number, stored[i].line_number) << i;
    EXPECT_EQ(result.inserted[i].store_id, stored[i].store_id) << i;
    EXPECT_EQ(result.inserted[i].product_id, stored[i].product_id) << i;
  }
}

TEST_F(LineWriterTest, AbsentOptionalValuesAreNull) {
  ReceiptLine line = make_line("PV07-1", 1);
  line.card_number.clear();
  line.department.clear();
  line.promo_code.clear();
  line.discount = 0;
  write({line});

  StoredLine stored = scan().at(0);
  EXPECT_EQ(stored.card_id, 0);
  EXPECT_EQ(stored.department_id, 0);
  EXPECT_EQ(stored.promotion_id, 0);
  RawDatabase raw(path_);
  EXPECT_EQ(raw.rows("SELECT card_id, department_id, promotion_id FROM receipt_lines")[0],
            (std::vector<std::string>{"NULL", "NULL", "NULL"}));
  EXPECT_EQ(raw.integer("SELECT count(*) FROM cards"), 0);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM departments"), 0);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM promotions"), 0);
}

TEST_F(LineWriterTest, SameBatchTwiceAddsNothing) {
  std::vector<ReceiptLine> lines = {make_line("A", 1), make_line("A", 2), make_line("B", 1)};
  write(lines);

  BatchResult again = write(lines);
  EXPECT_THAT(again.outcomes,
              ElementsAre(LineOutcome::duplicate, LineOutcome::duplicate, LineOutcome::duplicate));
  EXPECT_TRUE(again.inserted.empty());
  EXPECT_TRUE(again.conflict_import_ids.empty());
  EXPECT_EQ(database_.count_lines(), 3);
  RawDatabase raw(path_);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM receipts"), 2);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM products"), 1);
}

TEST_F(LineWriterTest, ChangedValueIsConflict) {
  write({make_line("A", 1)});
  ReceiptLine changed = make_line("A", 1);
  changed.amount += 10;
  int64_t second_import = database_.create_import(ImportRecord{});

  BatchResult result = database_.write_lines(second_import, std::vector{changed});
  EXPECT_THAT(result.outcomes, ElementsAre(LineOutcome::conflict));
  EXPECT_THAT(result.conflict_import_ids, ElementsAre(import_id_));
  EXPECT_TRUE(result.inserted.empty());
  RawDatabase raw(path_);
  EXPECT_EQ(raw.integer("SELECT amount FROM receipt_lines"), 28'880);
}

TEST_F(LineWriterTest, EachFieldTakesPartInComparison) {
  write({make_line("A", 1)});
  std::vector<ReceiptLine> changed(12, make_line("A", 1));
  changed[0].timestamp += 1;
  changed[1].store_code = "PV08";
  changed[2].card_number = "2000000000022";
  changed[3].card_number.clear();
  changed[4].product_code = "8009999999999";
  changed[5].product_name = "Parmigiano Reggiano 36 mesi";
  changed[6].department = "Latticini";
  changed[7].quantity += 1;
  changed[8].unit_price += 1;
  changed[9].discount += 1;
  changed[10].promo_code.clear();
  changed[11].is_return = true;

  for (std::size_t i = 0; i < changed.size(); ++i) {
    BatchResult result = write({changed[i]});
    EXPECT_THAT(result.outcomes, ElementsAre(LineOutcome::conflict)) << "field case " << i;
  }
  // A conflicting line creates no dictionary entry for its new values.
  RawDatabase raw(path_);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM stores"), 1);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM cards"), 1);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM products"), 1);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM product_names"), 1);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM departments"), 1);
  EXPECT_EQ(database_.count_lines(), 1);
}

TEST_F(LineWriterTest, DuplicatesInsideOneBatch) {
  ReceiptLine different = make_line("A", 1);
  different.quantity = 2'000;
  BatchResult result = write({make_line("A", 1), make_line("A", 1), different, make_line("A", 2)});

  EXPECT_THAT(result.outcomes, ElementsAre(LineOutcome::inserted, LineOutcome::duplicate,
                                           LineOutcome::conflict, LineOutcome::inserted));
  EXPECT_THAT(result.conflict_import_ids, ElementsAre(import_id_));
  EXPECT_EQ(result.inserted.size(), 2u);
  EXPECT_EQ(database_.count_lines(), 2);
}

TEST_F(LineWriterTest, IdenticalItemsOnTwoLinesAreBothKept) {
  ReceiptLine first = make_line("A", 1);
  ReceiptLine second = make_line("A", 2);
  second.timestamp = first.timestamp;
  BatchResult result = write({first, second});
  EXPECT_THAT(result.outcomes, ElementsAre(LineOutcome::inserted, LineOutcome::inserted));
  EXPECT_EQ(database_.count_lines(), 2);
}

TEST_F(LineWriterTest, ReceiptSplitAcrossBatches) {
  write({make_line("A", 1), make_line("B", 1)});
  BatchResult result = write({make_line("B", 2), make_line("A", 1), make_line("A", 2)});

  EXPECT_THAT(result.outcomes,
              ElementsAre(LineOutcome::inserted, LineOutcome::duplicate, LineOutcome::inserted));
  RawDatabase raw(path_);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM receipts"), 2);
  auto rows = raw.rows(
      "SELECT r.code, l.line_number FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id "
      "ORDER BY r.code, l.line_number");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"A", "2"}));
  EXPECT_EQ(rows[3], (std::vector<std::string>{"B", "2"}));
}

TEST_F(LineWriterTest, InterleavedReceiptsShareIds) {
  BatchResult result = write({make_line("A", 1), make_line("B", 1), make_line("A", 2)});
  ASSERT_EQ(result.inserted.size(), 3u);
  EXPECT_EQ(result.inserted[0].receipt_id, result.inserted[2].receipt_id);
  EXPECT_NE(result.inserted[0].receipt_id, result.inserted[1].receipt_id);
}

TEST_F(LineWriterTest, ProductNameLatestAndPerLine) {
  ReceiptLine old_name = make_line("A", 1);
  old_name.product_name = "Latte intero 1 l";
  old_name.department = "Latticini";
  ReceiptLine new_name = make_line("B", 1);
  new_name.product_name = "Latte intero Alta Qualità 1 l";
  new_name.department = "Latticini";
  ReceiptLine no_name = make_line("C", 1);
  no_name.product_name.clear();
  no_name.department.clear();
  write({old_name, new_name});
  write({no_name});

  Dictionaries dictionaries = database_.load_dictionaries();
  ASSERT_EQ(dictionaries.products.size(), 1u);
  EXPECT_EQ(dictionaries.products[0].name, "Latte intero Alta Qualità 1 l");
  EXPECT_EQ(entry_with_id(dictionaries.departments, dictionaries.products[0].department_id).name,
            "Latticini");

  RawDatabase raw(path_);
  auto names = raw.rows(
      "SELECT r.code, n.name FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id "
      "JOIN product_names n ON n.id = l.product_name_id ORDER BY r.code");
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names[0][1], "Latte intero 1 l");
  EXPECT_EQ(names[1][1], "Latte intero Alta Qualità 1 l");
  EXPECT_EQ(names[2][1], "");
  EXPECT_EQ(raw.rows("SELECT name FROM products")[0][0], "Latte intero Alta Qualità 1 l");
}

TEST_F(LineWriterTest, ProductWithoutNameIsNamedByCode) {
  ReceiptLine line = make_line("A", 1);
  line.product_name.clear();
  write({line});
  EXPECT_EQ(database_.load_dictionaries().products.at(0).name, "8001234567890");
}

TEST_F(LineWriterTest, LeadingZerosAndUnicodeKept) {
  ReceiptLine line = make_line("000123", 1);
  line.card_number = "0200000000017";
  line.product_code = "00012345";
  line.product_name = "Caffè «Moka» 250 g";
  line.store_code = "007";
  write({line});

  Dictionaries dictionaries = database_.load_dictionaries();
  EXPECT_EQ(dictionaries.cards.at(0).number, "0200000000017");
  EXPECT_EQ(dictionaries.products.at(0).code, "00012345");
  EXPECT_EQ(dictionaries.products.at(0).name, "Caffè «Moka» 250 g");
  EXPECT_EQ(dictionaries.stores.at(0).code, "007");
  RawDatabase raw(path_);
  EXPECT_EQ(raw.rows("SELECT code FROM receipts")[0][0], "000123");
}

TEST_F(LineWriterTest, DictionariesSortedById) {
  std::vector<ReceiptLine> lines;
  for (int i = 0; i < 30; ++i) {
    ReceiptLine line = make_line("R" + std::to_string(i), 1);
    line.product_code = "P" + std::to_string(29 - i);
    line.card_number = "C" + std::to_string(i % 7);
    line.store_code = "PV" + std::to_string(i % 3);
    lines.push_back(line);
  }
  write(lines);
  Dictionaries dictionaries = database_.load_dictionaries();
  auto sorted = [](const auto& entries) {
    return std::is_sorted(entries.begin(), entries.end(),
                          [](const auto& a, const auto& b) { return a.id < b.id; });
  };
  EXPECT_EQ(dictionaries.products.size(), 30u);
  EXPECT_EQ(dictionaries.cards.size(), 7u);
  EXPECT_EQ(dictionaries.stores.size(), 3u);
  EXPECT_TRUE(sorted(dictionaries.products));
  EXPECT_TRUE(sorted(dictionaries.cards));
  EXPECT_TRUE(sorted(dictionaries.stores));

  RawDatabase raw(path_);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM products"), 30);
  EXPECT_EQ(raw.integer("SELECT max(id) FROM products"), 30);
}

TEST_F(LineWriterTest, ScanOrdersByReceiptAndLine) {
  write({make_line("A", 3), make_line("B", 2), make_line("A", 1), make_line("B", 1),
         make_line("A", 2)});
  std::vector<StoredLine> stored = scan();
  ASSERT_EQ(stored.size(), 5u);
  for (std::size_t i = 1; i < stored.size(); ++i) {
    auto key = [](const StoredLine& line) { return std::pair(line.receipt_id, line.line_number); };
    EXPECT_LT(key(stored[i - 1]), key(stored[i])) << i;
  }
}

TEST_F(LineWriterTest, ScanDeliversChunks) {
  std::vector<ReceiptLine> lines;
  std::size_t total = kScanChunkLines + 100;
  for (std::size_t i = 0; i < total; ++i) {
    lines.push_back(make_line("R" + std::to_string(i / 5), static_cast<int32_t>(1 + i % 5)));
  }
  write(lines);
  std::vector<std::size_t> sizes;
  database_.scan_lines(
      [&sizes](std::span<const StoredLine> chunk) { sizes.push_back(chunk.size()); });
  EXPECT_THAT(sizes, ElementsAre(kScanChunkLines, 100u));
  EXPECT_EQ(database_.count_lines(), static_cast<int64_t>(total));
}

TEST_F(LineWriterTest, ForeignKeysHoldAfterWrites) {
  std::vector<ReceiptLine> lines;
  for (int i = 0; i < 200; ++i) {
    ReceiptLine line = make_line("R" + std::to_string(i / 4), 1 + i % 4);
    line.product_code = "P" + std::to_string(i % 17);
    line.department = i % 5 == 0 ? "" : "D" + std::to_string(i % 3);
    line.promo_code = i % 6 == 0 ? "PROMO" : "";
    lines.push_back(line);
  }
  write(lines);
  RawDatabase raw(path_);
  EXPECT_TRUE(raw.rows("PRAGMA foreign_key_check").empty());
  EXPECT_EQ(raw.integer("SELECT count(*) FROM receipt_lines"), 200);
}

TEST_F(LineWriterTest, UnknownImportIsRejected) {
  EXPECT_THROW(database_.write_lines(import_id_ + 100, std::vector{make_line("A", 1)}),
               std::invalid_argument);
  EXPECT_EQ(database_.count_lines(), 0);
}

// Storage does not validate lines, but the schema's CHECK constraints stop one that slipped
// through, and the whole batch with it.
TEST_F(LineWriterTest, ConstraintFailureRollsBackBatch) {
  ReceiptLine invalid = make_line("B", 0);
  invalid.product_code = "P-NEW";
  try {
    write({make_line("A", 1), invalid});
    FAIL() << "line number 0 was accepted";
  } catch (const StorageError& error) {
    EXPECT_THAT(error.what(), HasSubstr("CHECK constraint failed"));
  }
  EXPECT_EQ(database_.count_lines(), 0);
  RawDatabase raw(path_);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM receipts"), 0);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM products"), 0);

  BatchResult retry = write({make_line("A", 1)});
  EXPECT_THAT(retry.outcomes, ElementsAre(LineOutcome::inserted));
  EXPECT_EQ(database_.load_dictionaries().products.size(), 1u);
}

TEST_F(LineWriterTest, EmptyBatchWritesNothing) {
  BatchResult result = write({});
  EXPECT_TRUE(result.outcomes.empty());
  EXPECT_TRUE(result.inserted.empty());
}

// A trigger makes SQLite fail in the middle of a batch that has already created dictionary
// entries and receipts. The batch must leave nothing behind, and the next batch must not reuse
// ids from the in-memory cache that the rollback undid.
TEST(LineWriterRollbackTest, FailedBatchLeavesNothing) {
  TempDirectory directory;
  std::string path = directory.file("imagross.db");
  testing::create_failing_database(path);
  SqliteDatabase database(path);
  int64_t import_id = database.create_import(ImportRecord{});
  database.write_lines(import_id, std::vector{make_line("A", 1)});

  std::vector<ReceiptLine> failing = {make_line("B", 1), make_line("C", 1)};
  failing[0].product_code = "NEW-PRODUCT";
  failing[0].card_number = "NEW-CARD";
  failing[1].amount = testing::kFailingAmount;
  try {
    database.write_lines(import_id, failing);
    FAIL() << "the injected failure did not fail the batch";
  } catch (const StorageError& error) {
    EXPECT_THAT(error.what(), HasSubstr("injected failure"));
  }

  RawDatabase raw(path);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM receipt_lines"), 1);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM receipts"), 1);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM products"), 1);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM cards"), 1);

  failing[1].amount = 28'880;
  BatchResult retry = database.write_lines(import_id, failing);
  EXPECT_THAT(retry.outcomes, ElementsAre(LineOutcome::inserted, LineOutcome::inserted));
  EXPECT_TRUE(raw.rows("PRAGMA foreign_key_check").empty());
  EXPECT_EQ(raw.integer("SELECT count(*) FROM receipts"), 3);
  Dictionaries dictionaries = database.load_dictionaries();
  EXPECT_EQ(entry_with_id(dictionaries.products, retry.inserted[0].product_id).code, "NEW-PRODUCT");
  EXPECT_EQ(entry_with_id(dictionaries.cards, retry.inserted[0].card_id).number, "NEW-CARD");
  EXPECT_EQ(raw.rows("SELECT p.code FROM receipt_lines l JOIN products p ON p.id = l.product_id "
                     "JOIN receipts r ON r.id = l.receipt_id WHERE r.code = 'B'")[0][0],
            "NEW-PRODUCT");
}

// Two SqliteDatabase objects on one file stand for two processes. Each reads what the other
// wrote, and cached dictionaries do not collide with ids the other created.
TEST(LineWriterSharedFileTest, WritersShareOneFile) {
  TempDirectory directory;
  std::string path = directory.file("imagross.db");
  SqliteDatabase server(path);
  SqliteDatabase command_line(path);
  int64_t import_id = server.create_import(ImportRecord{});
  server.write_lines(import_id, std::vector{make_line("A", 1)});
  EXPECT_EQ(command_line.load_dictionaries().products.size(), 1u);

  ReceiptLine other_product = make_line("B", 1);
  other_product.product_code = "P2";
  command_line.write_lines(import_id, std::vector{other_product});

  ReceiptLine again = make_line("C", 1);
  again.product_code = "P2";
  BatchResult result = server.write_lines(import_id, std::vector{again, make_line("B", 1)});
  EXPECT_THAT(result.outcomes, ElementsAre(LineOutcome::inserted, LineOutcome::conflict));
  Dictionaries dictionaries = server.load_dictionaries();
  ASSERT_EQ(dictionaries.products.size(), 2u);
  EXPECT_EQ(entry_with_id(dictionaries.products, result.inserted[0].product_id).code, "P2");
  RawDatabase raw(path);
  EXPECT_TRUE(raw.rows("PRAGMA foreign_key_check").empty());
}

}  // namespace
}  // namespace imagross::sqlite
