// The account store and the audit log on a real SQLite file: sign-up over imported and new
// members, administrators, refresh tokens, reset tokens, the outbox, and an audit log that no
// statement can change.

#include "storage/sqlite/account_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/sqlite/sqlite_database.h"
#include "storage/sqlite/test_support.h"

namespace imagross::sqlite {
namespace {

using ::testing::HasSubstr;
using testing::RawDatabase;
using testing::TempDirectory;

constexpr const char* kCardOne = "2000000000015";
constexpr const char* kCardTwo = "2000000000022";
constexpr const char* kCardThree = "2000000000039";
constexpr const char* kHash = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$c29tZWhhc2g";

SignUpRequest request(std::string last_name, std::string card_number, std::string email = {}) {
  SignUpRequest sign_up;
  sign_up.member.first_name = "Maria";
  sign_up.member.last_name = std::move(last_name);
  sign_up.member.email = std::move(email);
  sign_up.member.privacy = Consent{true, "", "2026-01"};
  sign_up.card_number = std::move(card_number);
  sign_up.password_hash = kHash;
  return sign_up;
}

Account administrator(std::string email, Role role, std::vector<std::string> stores = {}) {
  Account account;
  account.role = role;
  account.email = std::move(email);
  account.stores = std::move(stores);
  account.password_hash = kHash;
  return account;
}

class AccountStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database.members().issue_cards(std::vector<std::string>{kCardOne, kCardTwo, kCardThree});
    Member imported;
    imported.first_name = "Nicolò";
    imported.last_name = "Dell'Àcqua";
    imported.signup_date = "2020-05-04";
    database.members().write_members(
        0, std::vector<MemberImportRow>{MemberImportRow{imported, kCardTwo}}, false);
  }

  TempDirectory directory;
  std::string path = directory.file("imagross.db");
  SqliteDatabase database{path};
  AccountStore& accounts = database.accounts();
};

TEST_F(AccountStoreTest, SignUpOnFreeCardCreatesMember) {
  Result<SignUpResult> result = accounts.sign_up(request("Rossi", kCardOne, "maria@example.it"));
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_FALSE(result->took_over);
  EXPECT_EQ(result->account.role, Role::customer);
  EXPECT_EQ(result->account.email, "maria@example.it");
  EXPECT_EQ(result->member.cards.at(0).status, CardStatus::active);
  EXPECT_FALSE(result->member.privacy.at.empty());
  EXPECT_EQ(accounts.find_account_by_email("maria@example.it")->id, result->account.id);
  EXPECT_EQ(accounts.find_account_by_member(result->member.id)->id, result->account.id);

  EXPECT_EQ(accounts.sign_up(request("Rossi", kCardOne)).error().code, "card_taken");
  EXPECT_EQ(accounts.sign_up(request("Rossi", "2000000000046")).error().code, "card_not_issued");
  EXPECT_EQ(accounts.sign_up(request("Bianchi", kCardThree, "maria@example.it")).error().code,
            "email_taken");
}

TEST_F(AccountStoreTest, SignUpTakesOverImportedMember) {
  EXPECT_EQ(accounts.sign_up(request("Rossi", kCardTwo)).error().code, "last_name_mismatch");
  Result<SignUpResult> result = accounts.sign_up(request("DELL'ACQUA", kCardTwo, "n@example.it"));
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_TRUE(result->took_over);
  EXPECT_EQ(result->member.last_name, "Dell'Àcqua");  // the name on file stays
  EXPECT_EQ(result->member.signup_date, "2020-05-04");
  EXPECT_EQ(result->member.email, "n@example.it");
  EXPECT_EQ(RawDatabase(path).integer("SELECT count(*) FROM members"), 1);
  EXPECT_EQ(accounts.sign_up(request("Dell'Acqua", kCardTwo)).error().code, "card_taken");
}

TEST_F(AccountStoreTest, FailedSignUpLeavesNoTrace) {
  ASSERT_TRUE(accounts.sign_up(request("Rossi", kCardOne, "taken@example.it")));
  EXPECT_EQ(accounts.sign_up(request("Verdi", kCardThree, "taken@example.it")).error().code,
            "email_taken");
  RawDatabase raw(path);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM accounts"), 1);
  EXPECT_EQ(
      raw.rows("SELECT status FROM cards WHERE number = '" + std::string(kCardThree) + "'")[0][0],
      "issued");
}

TEST_F(AccountStoreTest, AdministratorNeedsUniqueEmail) {
  Result<Account> admin =
      accounts.create_account(administrator("boss@imagross.it", Role::super_admin));
  ASSERT_TRUE(admin) << admin.error().message;
  EXPECT_EQ(accounts.create_account(administrator("boss@imagross.it", Role::store_admin, {"PV01"}))
                .error()
                .code,
            "email_taken");
  EXPECT_EQ(
      accounts.create_account(administrator("shop@imagross.it", Role::store_admin)).error().code,
      "invalid_account");
  Result<Account> store_admin = accounts.create_account(
      administrator("shop@imagross.it", Role::store_admin, {"PV02", "PV01"}));
  ASSERT_TRUE(store_admin);
  EXPECT_THAT(accounts.find_account(store_admin->id)->stores,
              ::testing::ElementsAre("PV01", "PV02"));
  // A customer cannot take the e-mail of an administrator.
  EXPECT_EQ(accounts.sign_up(request("Rossi", kCardOne, "boss@imagross.it")).error().code,
            "email_taken");
}

TEST_F(AccountStoreTest, AdministratorCannotTakeMemberEmail) {
  Member imported;
  imported.first_name = "Luca";
  imported.last_name = "Bianchi";
  imported.email = "luca@example.it";
  imported.signup_date = "2021-03-01";
  database.members().write_members(
      0, std::vector<MemberImportRow>{MemberImportRow{imported, kCardThree}}, false);

  Result<Account> admin =
      accounts.create_account(administrator("luca@example.it", Role::super_admin));
  ASSERT_FALSE(admin);
  EXPECT_EQ(admin.error().code, "email_taken");
  EXPECT_THAT(admin.error().message, HasSubstr("belongs to member"));
  EXPECT_EQ(RawDatabase(path).integer("SELECT count(*) FROM accounts"), 0);

  // The member's own sign-up with that e-mail still succeeds.
  Result<SignUpResult> signed_up =
      accounts.sign_up(request("Bianchi", kCardThree, "luca@example.it"));
  ASSERT_TRUE(signed_up) << signed_up.error().message;
  EXPECT_TRUE(signed_up->took_over);
}

TEST_F(AccountStoreTest, RefreshTokenUsedOnce) {
  const int64_t account = accounts.sign_up(request("Rossi", kCardOne))->account.id;
  RefreshTokenRecord token{0, account, "family-1", "hash-1", "", "2099-01-01T00:00:00Z", "", ""};
  accounts.insert_refresh_token(token);
  std::optional<RefreshTokenRecord> stored = accounts.find_refresh_token("hash-1");
  ASSERT_TRUE(stored);
  EXPECT_TRUE(stored->used_at.empty());
  EXPECT_TRUE(accounts.mark_refresh_token_used(stored->id));
  EXPECT_FALSE(accounts.mark_refresh_token_used(stored->id));

  token.token_hash = "hash-2";
  accounts.insert_refresh_token(token);
  accounts.revoke_refresh_family("family-1");
  EXPECT_FALSE(accounts.find_refresh_token("hash-2")->revoked_at.empty());
  EXPECT_FALSE(accounts.mark_refresh_token_used(accounts.find_refresh_token("hash-2")->id));
  EXPECT_FALSE(accounts.find_refresh_token("unknown"));
}

TEST_F(AccountStoreTest, ResetTokenUsedOnceBeforeExpiry) {
  const int64_t account = accounts.sign_up(request("Rossi", kCardOne))->account.id;
  accounts.insert_password_reset("live", account, "2099-01-01T00:00:00Z");
  accounts.insert_password_reset("stale", account, "2001-01-01T00:00:00Z");
  EXPECT_FALSE(accounts.consume_password_reset("stale"));
  EXPECT_EQ(accounts.consume_password_reset("live"), account);
  EXPECT_FALSE(accounts.consume_password_reset("live"));

  accounts.insert_password_reset("pending", account, "2099-01-01T00:00:00Z");
  accounts.update_password(account, "$argon2id$new");
  EXPECT_FALSE(accounts.consume_password_reset("pending"));
  EXPECT_EQ(accounts.find_account(account)->password_hash, "$argon2id$new");
}

TEST_F(AccountStoreTest, SignInFailuresCountPerKey) {
  EXPECT_EQ(accounts.record_sign_in_failure("id:maria").count, 1);
  EXPECT_EQ(accounts.record_sign_in_failure("id:maria").count, 2);
  EXPECT_EQ(accounts.sign_in_failures("id:maria").count, 2);
  EXPECT_EQ(accounts.sign_in_failures("ip:127.0.0.1").count, 0);
  accounts.clear_sign_in_failures("id:maria");
  EXPECT_EQ(accounts.sign_in_failures("id:maria").count, 0);
}

TEST_F(AccountStoreTest, OutboxListsNewestFirst) {
  accounts.enqueue_message({0, "email", "a@example.it", "Reset", "first", "", ""});
  accounts.enqueue_message({0, "sms", "+393471234567", "", "second", "", ""});
  std::vector<OutboxMessage> messages = accounts.list_messages(10);
  ASSERT_EQ(messages.size(), 2U);
  EXPECT_EQ(messages[0].body, "second");
  EXPECT_EQ(messages[1].recipient, "a@example.it");
  EXPECT_EQ(accounts.list_messages(1).size(), 1U);
}

TEST_F(AccountStoreTest, AuditLogIsAppendOnly) {
  AuditLog& audit = database.audit();
  audit.append({0, "", std::nullopt, "anonymous", "sign_in_failed", "", "", "", "10.0.0.1", "r1"});
  audit.append({0, "", std::nullopt, "system", "member.update", "member", "7",
                R"({"email":["a","b"]})", "", "r2"});
  audit.append(
      {0, "", std::nullopt, "system", "card.block", "card", "2000000000015", "not json", "", "r3"});
  EXPECT_EQ(audit.list({}).size(), 3U);
  EXPECT_EQ(audit.list({}).front().request_id, "r3");
  AuditQuery about_member;
  about_member.target_type = "member";
  about_member.target_id = "7";
  std::vector<AuditEntry> member = audit.list(about_member);
  ASSERT_EQ(member.size(), 1U);
  EXPECT_EQ(member[0].details, R"({"email":["a","b"]})");
  AuditQuery about_cards;
  about_cards.target_type = "card";
  EXPECT_EQ(audit.list(about_cards)[0].details, R"({"text":"not json"})");
  AuditQuery second;
  second.offset = 1;
  second.limit = 1;
  EXPECT_EQ(audit.list(second)[0].request_id, "r2");

  RawDatabase raw(path);
  char* error = nullptr;
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &handle), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(handle, "DELETE FROM audit_log", nullptr, nullptr, &error), SQLITE_OK);
  EXPECT_THAT(std::string(error), HasSubstr("append-only"));
  sqlite3_free(error);
  sqlite3_close(handle);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM audit_log"), 3);
}

}  // namespace
}  // namespace imagross::sqlite
