#pragma once

// A gtest fixture over a real SQLite database in a temporary directory, with helpers that put
// cards, members and administrators in it.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "storage/database.h"

namespace imagross::auth::testing {

class AuthFixture : public ::testing::Test {
 protected:
  AuthFixture();
  ~AuthFixture() override;

  Database& database() { return *database_; }
  AccountStore& accounts() { return database_->accounts(); }
  MemberStore& members() { return database_->members(); }
  AuditLog& audit() { return database_->audit(); }

  // Closes and opens the database file again, as a restarted server would.
  void reopen();

  // Registers card numbers as issued.
  void issue_cards(const std::vector<std::string>& numbers);

  // Imports a member with `card_number` (which becomes active for it) and returns its id.
  int64_t import_member(const std::string& card_number, const std::string& first_name,
                        const std::string& last_name, const std::string& email = {},
                        const std::string& phone = {}, const std::string& home_store = "PV01");

  // Creates an administrator with an Argon2id hash of `password` and returns its id.
  int64_t create_admin(const std::string& email, const std::string& password,
                       Role role = Role::super_admin, std::vector<std::string> stores = {});

 private:
  std::filesystem::path directory_;
  std::unique_ptr<Database> database_;
};

// Valid card numbers of the default chain prefix 2991: "2991" + 8 digits + the check digit.
std::string card_number(int serial);

}  // namespace imagross::auth::testing
