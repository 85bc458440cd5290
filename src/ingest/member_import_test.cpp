// The members import end to end: the files of tests/fixtures/members read by the real readers
// and written to a real SQLite file, checked with SQLite's own SQL and the reject reports.

#include "ingest/member_import.h"

#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/utc_time.h"
#include "ingest/import_test_database.h"
#include "ingest/import_test_support.h"
#include "ingest/report/reject_report.h"
#include "ingest/sales_import.h"

namespace imagross::ingest {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::read_text;
using testing::SqlReader;

std::string fixture(const std::string& name) {
  return testing::fixture_file("members", name);
}

// A reported problem: line, column, value and a part of the reason.
struct ExpectedRejection {
  std::string line;
  std::string column;
  std::string value;
  std::string reason_part;
};

class MemberImportTest : public ::testing::Test {
 protected:
  MemberImportTest() : scratch_("imagross-member-import-test") {
    database_ = open_database(database_path());
    options_.reject_directory = scratch_.file("rejects");
    options_.batch_size = 4;  // several batches even in small files
  }

  std::string database_path() const { return scratch_.file("members.db"); }

  ImportSummary import(const std::string& name) {
    return import_members(fixture(name), options_, *database_);
  }

  // The stored members, ordered by card, as "card|first|last|email|phone|birth|signup|store".
  std::vector<std::string> stored_members() const {
    const SqlReader reader(database_path());
    std::vector<std::string> members;
    for (const auto& row : reader.query(
             "SELECT coalesce(c.number, ''), m.first_name, m.last_name, coalesce(m.email, ''), "
             "coalesce(m.phone, ''), coalesce(m.birth_date, ''), m.signup_date, "
             "coalesce(m.home_store, '') FROM members m LEFT JOIN cards c ON c.member_id = m.id "
             "AND c.status = 'active' ORDER BY c.number")) {
      std::string text;
      for (const std::string& value : row) {
        text += (text.empty() ? "" : "|") + value;
      }
      members.push_back(text);
    }
    return members;
  }

  std::string query_text(const std::string& sql) const {
    return SqlReader(database_path()).query(sql).at(0).at(0);
  }

  static void expect_balanced(const ImportSummary& summary) {
    EXPECT_EQ(summary.lines_read,
              summary.imported + summary.updated + summary.duplicates + summary.rejected);
  }

  static void expect_rejections(const std::string& report_path,
                                const std::vector<ExpectedRejection>& expected) {
    const auto rows = testing::parse_csv(read_text(report_path));
    ASSERT_EQ(rows.size(), expected.size() + 1) << read_text(report_path);
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const auto& row = rows[i + 1];
      ASSERT_EQ(row.size(), 4u);
      EXPECT_EQ(row[0], expected[i].line) << "report row " << i + 1;
      EXPECT_EQ(row[1], expected[i].column) << "line " << row[0];
      EXPECT_EQ(row[2], expected[i].value) << "line " << row[0];
      EXPECT_THAT(row[3], HasSubstr(expected[i].reason_part)) << "line " << row[0];
    }
  }

  testing::ScratchDirectory scratch_;
  std::unique_ptr<Database> database_;
  MemberImportOptions options_;
};

TEST_F(MemberImportTest, RejectsEachBadRowWithItsReason) {
  const ImportSummary summary = import("bad-rows.csv");

  EXPECT_TRUE(summary.fatal_error.empty()) << summary.fatal_error;
  EXPECT_EQ(summary.lines_read, 15);
  EXPECT_EQ(summary.imported, 3);
  EXPECT_EQ(summary.duplicates, 0);
  EXPECT_EQ(summary.rejected, 12);
  expect_balanced(summary);
  expect_rejections(
      summary.reject_report,
      {
          {"4", "card_number", "299100000001", "has 12 digits, but a card number has 13"},
          {"5", "card_number", "2991A00000016", "contains 'A'"},
          {"6", "card_number", "2991000000031", "the check digit, should be 0"},
          {"7", "card_number", "2001234567893", "not an ImaGross card"},
          {"8", "card_number", "2991000000016", "is on line 2 of this file already"},
          {"9", "email", "mario.bianchi@", "invalid e-mail address 'mario.bianchi@'"},
          {"10", "phone", "12", "invalid phone number '12'"},
          {"11", "last_name", "", "the last name is blank"},
          {"12", "marketing_consent", "forse", "'forse' is not a consent"},
          {"13", "birth_date", "1975-02-30", "1975-02-30"},
          {"14", "card_number", "2,99100E+12", "scientific notation"},
          {"16", "card_number", "2991000000108",
           "the e-mail maria.rossi@example.it belongs to another member"},
      });
}

TEST_F(MemberImportTest, StoresNormalisedValues) {
  import("bad-rows.csv");
  const std::string today = utc_now_iso8601().substr(0, 10);

  EXPECT_EQ(stored_members(),
            (std::vector<std::string>{
                "2991000000016|Maria|Rossi|maria.rossi@example.it|+393471234567|1980-05-02|"
                "2024-01-15|PV01",
                "2991000000023|Nicol\u00f2|D\u2019\u00c0ngelo|niccolo.dangelo@libero.it|"
                "+393337654321|1975-11-30|2023-06-01|PV02",
                "2991000000092|Franco|Bruno|||" + std::string() + "|" + today + "|PV04",
            }));
  EXPECT_EQ(query_text("SELECT marketing_granted || ',' || marketing_at || ',' || "
                       "profiling_granted || ',' || profiling_at FROM members "
                       "WHERE last_name = 'Rossi'"),
            "1,2024-01-15T00:00:00Z,0,2024-01-15T00:00:00Z");
  EXPECT_EQ(query_text("SELECT count(*) FROM members WHERE marketing_at IS NULL "
                       "AND last_name = 'Bruno'"),
            "1");
}

TEST_F(MemberImportTest, RecordsAMembersImport) {
  const ImportSummary summary = import("bad-rows.csv");

  const auto record = database_->find_import(summary.import_id);
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->kind, "members");
  EXPECT_EQ(record->status, ImportStatus::completed);
  EXPECT_EQ(record->format, "csv");
  EXPECT_EQ(record->lines_read, 15);
  EXPECT_EQ(record->imported, 3);
  EXPECT_EQ(record->rejected, 12);
  EXPECT_EQ(record->reject_report, summary.reject_report);
  EXPECT_THAT(record->options, HasSubstr(R"("update":false)"));
  EXPECT_THAT(record->options, HasSubstr(R"("card_prefix":"2991")"));
  EXPECT_EQ(query_text("SELECT count(*) FROM members WHERE import_id = " +
                       std::to_string(summary.import_id)),
            "3");
}

TEST_F(MemberImportTest, SkipsStoredMembersWithoutUpdate) {
  import("bad-rows.csv");
  const ImportSummary summary = import("update.csv");

  EXPECT_EQ(summary.imported, 1);  // the card of line 5 was rejected in bad-rows.csv
  EXPECT_EQ(summary.updated, 0);
  EXPECT_EQ(summary.duplicates, 3);
  EXPECT_EQ(summary.rejected, 0);
  expect_balanced(summary);
  EXPECT_EQ(query_text("SELECT home_store FROM members WHERE last_name = 'Rossi'"), "PV01");
}

TEST_F(MemberImportTest, UpdatesStoredMembersWithUpdate) {
  import("bad-rows.csv");
  import("update.csv");
  ASSERT_TRUE(database_->members().block_card("2991000000092").ok());
  options_.update = true;
  const ImportSummary summary = import("update.csv");

  EXPECT_EQ(summary.imported, 0);
  EXPECT_EQ(summary.updated, 1);     // Maria Rossi: home store and profiling consent
  EXPECT_EQ(summary.duplicates, 2);  // the same values as stored
  EXPECT_EQ(summary.rejected, 1);    // the blocked card
  expect_balanced(summary);
  expect_rejections(summary.reject_report, {{"4", "card_number", "2991000000092",
                                             "is blocked and can no longer be used"}});
  EXPECT_EQ(query_text("SELECT home_store FROM members WHERE last_name = 'Rossi'"), "PV07");
  // A changed consent with the stored time is dated at the import; an unchanged one keeps its time.
  EXPECT_EQ(query_text("SELECT profiling_granted FROM members WHERE last_name = 'Rossi'"), "1");
  EXPECT_NE(query_text("SELECT profiling_at FROM members WHERE last_name = 'Rossi'"),
            "2024-01-15T00:00:00Z");
  EXPECT_EQ(query_text("SELECT marketing_at FROM members WHERE last_name = 'Rossi'"),
            "2024-01-15T00:00:00Z");
}

TEST_F(MemberImportTest, SecondUpdateChangesNothing) {
  options_.update = true;
  import("bad-rows.csv");
  const ImportSummary first = import("update.csv");
  const ImportSummary second = import("update.csv");

  EXPECT_EQ(first.updated, 1);
  EXPECT_EQ(second.imported, 0);
  EXPECT_EQ(second.updated, 0);
  EXPECT_EQ(second.duplicates, 4);
  EXPECT_EQ(second.rejected, 0);
}

TEST_F(MemberImportTest, DryRunWritesNothing) {
  const std::string database = scratch_.file("never-created.db");
  const ImportSummary summary = check_members_file(fixture("bad-rows.csv"), options_);

  EXPECT_EQ(summary.import_id, 0);
  EXPECT_EQ(summary.lines_read, 15);
  EXPECT_EQ(summary.imported, 4);  // a dry run cannot see the e-mail stored for line 2
  EXPECT_EQ(summary.rejected, 11);
  EXPECT_EQ(fs::path(summary.reject_report).filename(), "dry-run-bad-rows-rejects.csv");
  EXPECT_FALSE(fs::exists(database));
  EXPECT_EQ(database_->members().count_members(), 0);
  EXPECT_TRUE(database_->list_imports(10, 0).empty());
}

TEST_F(MemberImportTest, ReadsJsonWithItalianKeys) {
  const ImportSummary summary = import("members.json");

  EXPECT_TRUE(summary.fatal_error.empty()) << summary.fatal_error;
  EXPECT_EQ(summary.imported, 2);
  EXPECT_EQ(summary.rejected, 1);
  expect_rejections(summary.reject_report,
                    {{"4", "E-mail", "anna.verdi@gmail", "invalid e-mail address"},
                     {"4", "Data di nascita", "13/13/1990", "13/13/1990"}});
  EXPECT_EQ(stored_members(),
            (std::vector<std::string>{
                "2991000000016|Maria|Rossi|maria.rossi@example.it|+393471234567|1980-05-02|"
                "2024-01-15|PV01",
                "2991000000023|Niccol\u00f2|D'Angelo||+393337654321|1975-11-30|2023-06-01|PV02",
            }));
  EXPECT_EQ(query_text("SELECT marketing_granted FROM members WHERE last_name = 'Rossi'"), "1");
}

TEST_F(MemberImportTest, ReadsXlsxWithDateCells) {
  const ImportSummary summary = import("members.xlsx");

  EXPECT_TRUE(summary.fatal_error.empty()) << summary.fatal_error;
  EXPECT_EQ(summary.imported, 3);
  EXPECT_EQ(summary.rejected, 0);
  EXPECT_EQ(stored_members(),
            (std::vector<std::string>{
                "2991000000016|Maria|Rossi|maria.rossi@example.it|+393471234567|1980-05-02|"
                "2024-01-15|PV01",
                "2991000000023|Niccol\u00f2|D'Angelo||+393337654321|1975-11-30|2023-06-01|PV02",
                "2991000000030|Anna|Verdi||||2024-02-01|PV01",
            }));
  EXPECT_EQ(query_text("SELECT marketing_granted || profiling_granted FROM members "
                       "WHERE last_name = 'D''Angelo'"),
            "01");
}

TEST_F(MemberImportTest, RejectsImpossibleDates) {
  const std::string path = scratch_.file("dates.csv");
  std::ofstream(path) << "card_number,last_name,birth_date,signup_date\n"
                         "2991000000016,Rossi,2030-01-01,2024-01-15\n"
                         "2991000000023,Bianchi,1980-05-02 10:30,2024-01-15\n"
                         "2991000000030,Verdi,2025-05-02,2024-01-15\n"
                         "2991000000047,Neri,1980-05-02 00:00,2024-01-15\n";
  const ImportSummary summary = import_members(path, options_, *database_);

  EXPECT_EQ(summary.imported, 1);
  EXPECT_EQ(summary.rejected, 3);
  expect_rejections(
      summary.reject_report,
      {{"2", "birth_date", "2030-01-01", "the birth date 2030-01-01 is in the future"},
       {"3", "birth_date", "1980-05-02 10:30", "has a time of day"},
       {"4", "birth_date", "2025-05-02",
        "the birth date 2025-05-02 is after the sign-up date 2024-01-15"}});
  EXPECT_EQ(query_text("SELECT birth_date FROM members WHERE last_name = 'Neri'"), "1980-05-02");
}

TEST_F(MemberImportTest, MissingCardColumnFailsTheFile) {
  const std::string path = scratch_.file("no-card.csv");
  std::ofstream(path) << "Nome,Cognome\nMaria,Rossi\n";
  const ImportSummary summary = import_members(path, options_, *database_);

  EXPECT_THAT(summary.fatal_error, HasSubstr("card_number (the loyalty card"));
  EXPECT_THAT(summary.fatal_error, HasSubstr("--preset (canonical)"));
  EXPECT_EQ(database_->members().count_members(), 0);
}

// Receipt lines carry card numbers before the member of the card is imported, and after.
TEST_F(MemberImportTest, LinksSalesImportedBeforeTheMember) {
  const std::string sales = scratch_.file("sales.csv");
  std::ofstream(sales)
      << "receipt_id,timestamp,store_id,card_number,product_code,quantity,unit_price\n"
         "R1,2026-03-02 10:00:00,PV01,2991000000016,8001,2,1.10\n"
         "R2,2026-03-03 10:00:00,PV01,2991000000016,8002,1,0.80\n"
         "R3,2026-03-03 11:00:00,PV02,2991000000023,8002,1,0.80\n";
  SalesImportOptions sales_options;
  sales_options.reject_directory = options_.reject_directory;
  ASSERT_EQ(import_sales(sales, sales_options, *database_).imported, 3);

  import("bad-rows.csv");
  const std::string later = scratch_.file("later.csv");
  std::ofstream(later) << "receipt_id,timestamp,store_id,card_number,product_code,quantity,"
                          "unit_price\nR4,2026-03-04 10:00:00,PV01,2991000000016,8001,1,1.10\n";
  ASSERT_EQ(import_sales(later, sales_options, *database_).imported, 1);

  const auto member = database_->members().find_member_by_card("2991000000016");
  ASSERT_TRUE(member.has_value());
  const std::vector<int32_t> card_ids = database_->members().sales_card_ids_of_member(member->id);
  ASSERT_EQ(card_ids.size(), 1u);
  const SqlReader reader(database_path());
  EXPECT_EQ(reader.query_int("SELECT count(*) FROM receipt_lines WHERE card_id = " +
                             std::to_string(card_ids[0])),
            3);
  EXPECT_EQ(reader.query_int("SELECT count(*) FROM cards WHERE number = '2991000000016'"), 1);
}

}  // namespace
}  // namespace imagross::ingest
