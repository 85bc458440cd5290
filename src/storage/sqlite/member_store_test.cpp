// The member store on a real SQLite file: the card registry, imported members, search, and the
// replacement of a card. What it wrote is read back through a separate plain connection.

#include "storage/sqlite/member_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

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
using ::testing::UnorderedElementsAre;

// A valid chain card number: "2" then `serial` on 11 digits, then the GS1 check digit, computed
// here independently of the domain code.
std::string card(int64_t serial) {
  std::string digits = std::to_string(serial);
  digits = "2" + std::string(11 - digits.size(), '0') + digits;
  int sum = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
  }
  return digits + std::to_string((10 - sum % 10) % 10);
}

Member person(std::string first, std::string last, std::string email = {}, std::string phone = {}) {
  Member member;
  member.first_name = std::move(first);
  member.last_name = std::move(last);
  member.email = std::move(email);
  member.phone = std::move(phone);
  member.signup_date = "2024-03-01";
  member.home_store = "PV01";
  return member;
}

MemberImportRow row(Member member, std::string card_number) {
  return MemberImportRow{std::move(member), std::move(card_number)};
}

class MemberStoreTest : public ::testing::Test {
 protected:
  TempDirectory directory;
  std::string path = directory.file("imagross.db");
  SqliteDatabase database{path};
  MemberStore& members = database.members();
};

TEST(CardNumberHelper, MatchesKnownNumber) {
  // 200000000001 weighs 2*1 + 1*3 = 5, so the check digit is 5.
  EXPECT_EQ(card(1), "2000000000015");
}

TEST_F(MemberStoreTest, IssueCardsTwiceAddsNothing) {
  const std::vector<std::string> numbers{card(1), card(2), card(3)};
  EXPECT_EQ(members.issue_cards(numbers), 3);
  EXPECT_EQ(members.issue_cards(numbers), 0);
  ASSERT_TRUE(members.find_card(card(2)));
  EXPECT_EQ(members.find_card(card(2))->status, CardStatus::issued);
  EXPECT_FALSE(members.find_card(card(9)));
  EXPECT_EQ(members.next_free_card(), card(1));
}

TEST_F(MemberStoreTest, ImportSkipsOrUpdatesByCard) {
  std::vector<MemberImportRow> rows{row(person("Maria", "Rossi", "maria@example.it"), card(1)),
                                    row(person("Luca", "Bianchi"), card(2))};
  MemberBatchResult first = members.write_members(0, rows, false);
  EXPECT_THAT(first.outcomes,
              ElementsAre(MemberWriteOutcome::inserted, MemberWriteOutcome::inserted));

  rows[0].member.phone = "+393471234567";
  MemberBatchResult skipped = members.write_members(0, rows, false);
  EXPECT_THAT(skipped.outcomes,
              ElementsAre(MemberWriteOutcome::unchanged, MemberWriteOutcome::unchanged));
  RawDatabase raw(path);
  EXPECT_EQ(raw.rows("SELECT phone FROM members WHERE last_name = 'Rossi'")[0][0], "NULL");

  MemberBatchResult updated = members.write_members(0, rows, true);
  EXPECT_THAT(updated.outcomes,
              ElementsAre(MemberWriteOutcome::updated, MemberWriteOutcome::unchanged));
  EXPECT_EQ(raw.rows("SELECT phone FROM members WHERE last_name = 'Rossi'")[0][0], "+393471234567");
  EXPECT_EQ(raw.integer("SELECT count(*) FROM members"), 2);
  EXPECT_EQ(members.count_members(), 2);
  EXPECT_EQ(members.find_card(card(1))->status, CardStatus::active);
}

TEST_F(MemberStoreTest, ImportRejectsTakenContact) {
  std::vector<MemberImportRow> rows{row(person("Maria", "Rossi", "shared@example.it"), card(1)),
                                    row(person("Anna", "Verdi", "shared@example.it"), card(2))};
  MemberBatchResult result = members.write_members(0, rows, false);
  EXPECT_THAT(result.outcomes,
              ElementsAre(MemberWriteOutcome::inserted, MemberWriteOutcome::rejected));
  EXPECT_THAT(result.messages[1], ::testing::HasSubstr("shared@example.it"));
  EXPECT_EQ(RawDatabase(path).integer("SELECT count(*) FROM members"), 1);
}

TEST_F(MemberStoreTest, SearchIgnoresCaseAndAccents) {
  std::vector<MemberImportRow> rows{
      row(person("Nicolò", "Dell'Acqua", "nicolo@example.it", "+393471234567"), card(1)),
      row(person("Chiara", "Rossi", "chiara@example.it"), card(2)),
      row(person("Mario", "Rossini"), card(3)), row(person("Élodie", "Ferrari"), card(4))};
  rows[3].member.home_store = "PV02";
  members.write_members(0, rows, false);

  auto last_names = [&](std::string search, std::vector<std::string> stores = {}) {
    MemberQuery query;
    query.search = std::move(search);
    query.home_stores = std::move(stores);
    std::vector<std::string> names;
    for (const Member& member : members.search_members(query).rows) {
      names.push_back(member.last_name);
    }
    return names;
  };
  EXPECT_THAT(last_names("NICOLO"), ElementsAre("Dell'Acqua"));
  EXPECT_THAT(last_names("elod"), ElementsAre("Ferrari"));
  EXPECT_THAT(last_names("rossi"), ElementsAre("Rossi", "Rossini"));
  EXPECT_THAT(last_names("347 123"), ElementsAre("Dell'Acqua"));
  EXPECT_THAT(last_names(card(3).substr(0, 12)), ElementsAre("Rossini"));
  EXPECT_THAT(last_names("", {"PV02"}), ElementsAre("Ferrari"));

  MemberQuery second_page;
  second_page.offset = 1;
  second_page.limit = 2;
  MemberPage page = members.search_members(second_page);
  EXPECT_EQ(page.total, 4);
  ASSERT_EQ(page.rows.size(), 2U);
  EXPECT_EQ(page.rows[0].last_name, "Ferrari");
  EXPECT_EQ(page.rows[1].last_name, "Rossi");
  ASSERT_EQ(page.rows[1].cards.size(), 1U);
  EXPECT_EQ(page.rows[1].cards[0].number, card(2));
}

TEST_F(MemberStoreTest, ReplaceCardKeepsHistory) {
  // The sale comes first, on a card the registry does not know yet.
  ReceiptLine sale = make_line("R1", 1);
  sale.card_number = card(1);
  const int64_t import_id = database.create_import(ImportRecord{});
  database.write_lines(import_id, std::vector<ReceiptLine>{sale});

  members.write_members(0, std::vector<MemberImportRow>{row(person("Maria", "Rossi"), card(1))},
                        false);
  members.issue_cards(std::vector<std::string>{card(2)});
  const int64_t member_id = members.find_member_by_card(card(1))->id;

  Result<Card> replacement = members.replace_card(card(1), card(2));
  ASSERT_TRUE(replacement) << replacement.error().message;
  EXPECT_EQ(replacement->status, CardStatus::active);
  EXPECT_EQ(members.find_card(card(1))->status, CardStatus::replaced);
  EXPECT_EQ(members.find_member_by_card(card(2))->id, member_id);

  RawDatabase raw(path);
  const auto ids = raw.rows("SELECT id FROM cards WHERE number IN ('" + card(1) + "', '" + card(2) +
                            "') ORDER BY id");
  ASSERT_EQ(ids.size(), 2U);
  std::vector<std::string> held;
  for (int32_t id : members.sales_card_ids_of_member(member_id)) {
    held.push_back(std::to_string(id));
  }
  EXPECT_THAT(held, UnorderedElementsAre(ids[0][0], ids[1][0]));

  EXPECT_EQ(members.block_card(card(1)).error().code, "card_not_blockable");
  EXPECT_EQ(members.replace_card(card(1), card(3)).error().code, "card_not_replaceable");
  ASSERT_TRUE(members.block_card(card(2)));
  EXPECT_EQ(members.find_card(card(2))->status, CardStatus::blocked);
}

TEST_F(MemberStoreTest, CreateMemberNeedsIssuedCard) {
  EXPECT_EQ(members.create_member(person("Anna", "Verdi"), card(5)).error().code,
            "card_not_issued");
  members.issue_cards(std::vector<std::string>{card(5)});
  Result<Member> created = members.create_member(person("Anna", "Verdi"), card(5));
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->cards.at(0).status, CardStatus::active);
  EXPECT_EQ(members.create_member(person("Bruno", "Neri"), card(5)).error().code, "card_taken");

  Member blank = person("Anna", "  ");
  blank.id = created->id;
  EXPECT_EQ(members.update_member(blank).error().code, "invalid_member");
}

}  // namespace
}  // namespace imagross::sqlite
