#include "auth/testing/auth_fixture.h"

#include <stdlib.h>

#include <fmt/format.h>

#include "auth/passwords.h"
#include "common/ean13.h"

namespace imagross::auth::testing {

AuthFixture::AuthFixture() {
  std::string pattern = (std::filesystem::temp_directory_path() / "imagross-auth-XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed for " + pattern);
  }
  directory_ = pattern;
  database_ = open_database((directory_ / "auth.db").string());
}

AuthFixture::~AuthFixture() {
  database_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

void AuthFixture::reopen() {
  database_.reset();
  database_ = open_database((directory_ / "auth.db").string());
}

void AuthFixture::issue_cards(const std::vector<std::string>& numbers) {
  members().issue_cards(numbers);
}

int64_t AuthFixture::import_member(const std::string& card_number, const std::string& first_name,
                                   const std::string& last_name, const std::string& email,
                                   const std::string& phone, const std::string& home_store) {
  MemberImportRow row;
  row.card_number = card_number;
  row.member.first_name = first_name;
  row.member.last_name = last_name;
  row.member.email = email;
  row.member.phone = phone;
  row.member.home_store = home_store;
  row.member.signup_date = "2024-03-01";
  const auto result = members().write_members(0, std::span(&row, 1), false);
  EXPECT_EQ(result.outcomes.at(0), MemberWriteOutcome::inserted) << result.messages.at(0);
  const auto member = members().find_member_by_card(card_number);
  EXPECT_TRUE(member.has_value());
  return member ? member->id : 0;
}

int64_t AuthFixture::create_admin(const std::string& email, const std::string& password, Role role,
                                  std::vector<std::string> stores) {
  Account account;
  account.role = role;
  account.email = email;
  account.stores = std::move(stores);
  account.password_hash = hash_password(password);
  const auto created = accounts().create_account(account);
  EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
  return created.ok() ? created->id : 0;
}

std::string card_number(int serial) {
  return complete_ean13(fmt::format("2991{:08}", serial));
}

}  // namespace imagross::auth::testing
