#pragma once

// Reading and writing accounts on one connection, for the account store and the sign-up. Writes
// expect the caller's transaction to be open.

#include <cstdint>
#include <optional>
#include <string_view>

#include "common/result.h"
#include "domain/member.h"
#include "storage/sqlite/connection.h"

namespace imagross::sqlite {

// An account with its stores; a customer's e-mail is its member's.
std::optional<Account> load_account(Connection& connection, int64_t id);
std::optional<int64_t> account_id_by_email(Connection& connection, std::string_view email);
std::optional<int64_t> account_id_by_member(Connection& connection, int64_t member_id);

// Inserts `account` with its stores after the checks of AccountStore::create_account, which it
// makes. Returns the new account's id.
Result<int64_t> insert_account(Connection& connection, const Account& account,
                               std::string_view now);

}  // namespace imagross::sqlite
