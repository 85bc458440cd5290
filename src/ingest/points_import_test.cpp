// The points history import end to end: tests/fixtures/points/history.csv read by the real
// CSV reader and written to a real SQLite file, checked with SQLite's own SQL and the reject
// report.

#include "ingest/points_import.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/import_test_database.h"
#include "ingest/import_test_support.h"

namespace imagross::ingest {
namespace {

using ::testing::HasSubstr;
using testing::read_text;
using testing::SqlReader;

std::string fixture(const std::string& name) {
  return testing::fixture_file("points", name);
}

class PointsImportTest : public ::testing::Test {
 protected:
  PointsImportTest() : scratch_("imagross-points-import-test") {
    database_ = open_database(database_path());
    options_.reject_directory = scratch_.file("rejects");
    options_.batch_size = 4;  // several batches even in a small file
    // Two members (the second found by e-mail too) and a card issued to nobody.
    MemberStore& members = database_->members();
    members.issue_cards(
        std::vector<std::string>{"2991000000016", "2991000000023", "2991000000030"});
    Member anna;
    anna.first_name = "Anna";
    anna.last_name = "Bianchi";
    anna.signup_date = "2024-01-10";
    first_member_ = members.create_member(anna, "2991000000016").value().id;
    Member maria;
    maria.first_name = "Maria";
    maria.last_name = "Rossi";
    maria.email = "maria.rossi@example.it";
    maria.signup_date = "2024-02-10";
    second_member_ = members.create_member(maria, "2991000000023").value().id;
  }

  std::string database_path() const { return scratch_.file("points.db"); }

  int64_t sql(const std::string& query) const {
    return SqlReader(database_path()).query_int(query);
  }

  int64_t balance(int64_t member) const {
    return sql("SELECT coalesce(sum(points), 0) FROM points_ledger WHERE member_id = " +
               std::to_string(member));
  }

  testing::ScratchDirectory scratch_;
  std::unique_ptr<Database> database_;
  PointsImportOptions options_;
  int64_t first_member_ = 0;
  int64_t second_member_ = 0;
};

TEST_F(PointsImportTest, BadRowsRejectedGoodRowsLedgered) {
  const ImportSummary summary = import_points(fixture("history.csv"), options_, *database_);
  EXPECT_EQ(summary.fatal_error, "");
  EXPECT_EQ(summary.lines_read, 13);
  EXPECT_EQ(summary.imported, 4);
  EXPECT_EQ(summary.duplicates, 0);
  EXPECT_EQ(summary.rejected, 9);

  // 150 - 20 for Anna; 80 (by e-mail) + 40 for Maria.
  EXPECT_EQ(sql("SELECT sum(points) FROM points_ledger"), 250);
  EXPECT_EQ(balance(first_member_), 130);
  EXPECT_EQ(balance(second_member_), 120);
  EXPECT_EQ(sql("SELECT count(*) FROM points_ledger WHERE kind = 'opening'"), 4);
  EXPECT_EQ(sql("SELECT count(*) FROM points_openings"), 4);
  // The credit dated with an offset is stored in UTC; a date alone is midnight in Rome.
  const SqlReader reader(database_path());
  EXPECT_EQ(reader.query("SELECT at FROM points_ledger WHERE points = 40")[0][0],
            "2025-06-01T07:00:00Z");
  EXPECT_EQ(reader.query("SELECT at, expires_on FROM points_ledger WHERE points = 150")[0],
            (std::vector<std::string>{"2025-02-28T23:00:00Z", "2026-01-31"}));

  const auto rows = testing::parse_csv(read_text(summary.reject_report));
  ASSERT_EQ(rows.size(), 10U);  // the header and 9 rows
  struct Expected {
    std::string line;
    std::string column;
    std::string reason_part;
  };
  const std::vector<Expected> expected = {
      {"5", "card", "is unknown"},
      {"6", "card", "belongs to no member"},
      {"7", "points", "is not whole points"},
      {"8", "points", "points is 0"},
      {"9", "date", "2025-13-45"},
      {"10", "expires_on", "is before the entry's date 2025-06-01"},
      {"11", "expires_on", "cannot expire"},
      {"12", "external_id", "is on line 2 of this file already"},
      {"14", "email", "no member has the e-mail nessuno@example.it"},
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE("reject report row " + std::to_string(i + 1));
    EXPECT_EQ(rows[i + 1][0], expected[i].line);
    EXPECT_EQ(rows[i + 1][1], expected[i].column);
    EXPECT_THAT(rows[i + 1][3], HasSubstr(expected[i].reason_part));
  }
}

TEST_F(PointsImportTest, ReimportAddsNothing) {
  ASSERT_EQ(import_points(fixture("history.csv"), options_, *database_).imported, 4);
  const ImportSummary again = import_points(fixture("history.csv"), options_, *database_);
  EXPECT_EQ(again.imported, 0);
  EXPECT_EQ(again.duplicates, 4);
  EXPECT_EQ(again.rejected, 9);
  EXPECT_EQ(sql("SELECT sum(points) FROM points_ledger"), 250);
  EXPECT_EQ(sql("SELECT count(*) FROM points_ledger"), 4);
  EXPECT_EQ(sql("SELECT count(*) FROM imports WHERE kind = 'points' AND status = 'completed'"), 2);
}

TEST_F(PointsImportTest, DryRunChecksFileOnly) {
  const ImportSummary summary = check_points_file(fixture("history.csv"), options_);
  // Cards and e-mails are not looked up, so the rows naming no member pass: 4 + 3.
  EXPECT_EQ(summary.imported, 7);
  EXPECT_EQ(summary.rejected, 6);
  EXPECT_EQ(summary.import_id, 0);
  EXPECT_EQ(sql("SELECT count(*) FROM points_ledger"), 0);
}

}  // namespace
}  // namespace imagross::ingest
