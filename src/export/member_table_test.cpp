#include "export/member_table.h"

#include <gtest/gtest.h>

#include "common/civil_time.h"
#include "export/csv_writer.h"

namespace imagross {
namespace {

Member sample_member() {
  Member member;
  member.id = 42;
  member.first_name = "Niccolò";
  member.last_name = "D'Angelo";
  member.email = "n.dangelo@example.it";
  member.birth_date = "1980-02-29";
  member.signup_date = "2024-05-01";
  member.home_store = "PV07";
  member.marketing.granted = true;
  Card replaced;
  replaced.id = 1;
  replaced.number = "2991000000016";
  replaced.status = CardStatus::replaced;
  Card active;
  active.id = 2;
  active.number = "2991000000023";
  active.status = CardStatus::active;
  member.cards = {replaced, active};
  return member;
}

TEST(MemberTable, ColumnsFollowApiNames) {
  const Table table = members_table();
  ASSERT_EQ(table.columns.size(), 13u);
  EXPECT_EQ(table.name, "members");
  EXPECT_EQ(table.columns[0].name, "id");
  EXPECT_EQ(table.columns[1].name, "card_number");
  EXPECT_EQ(table.columns[12].name, "profiling_consent");
  EXPECT_TRUE(table.rows.empty());
}

TEST(MemberTable, RowHasCurrentCardAndTypedCells) {
  Table table = members_table();
  const std::vector<Member> members{sample_member()};
  append_member_rows(table, members);
  ASSERT_EQ(table.rows.size(), 1u);
  const auto& row = table.rows[0];
  ASSERT_EQ(row.size(), table.columns.size());
  EXPECT_EQ(row[0].type, CellType::integer);
  EXPECT_EQ(row[0].number, 42);
  EXPECT_EQ(row[1].text, "2991000000023");
  EXPECT_EQ(row[2].text, "active");
  EXPECT_EQ(row[6].type, CellType::empty);  // no phone
  EXPECT_EQ(row[7].type, CellType::date);
  EXPECT_EQ(row[7].number, days_from_civil({1980, 2, 29}));
  EXPECT_EQ(row[9].text, "PV07");
  EXPECT_EQ(row[10].text, "active");
  EXPECT_EQ(row[11].text, "true");
  EXPECT_EQ(row[12].text, "false");
}

TEST(MemberTable, MemberWithoutCardsHasEmptyCardCells) {
  Table table = members_table();
  Member member = sample_member();
  member.cards.clear();
  append_member_rows(table, std::vector<Member>{member});
  EXPECT_EQ(table.rows[0][1].type, CellType::empty);
  EXPECT_EQ(table.rows[0][2].type, CellType::empty);
}

TEST(MemberTable, CsvKeepsAccentsAndQuotes) {
  Table table = members_table();
  append_member_rows(table, std::vector<Member>{sample_member()});
  const std::string csv = write_csv(table);
  EXPECT_NE(csv.find("42,2991000000023,active,Niccolò,D'Angelo,n.dangelo@example.it,,1980-02-29,"
                     "2024-05-01,PV07,active,true,false"),
            std::string::npos)
      << csv;
}

}  // namespace
}  // namespace imagross
