#pragma once

// AccountStore::sign_up on one connection, inside the caller's write transaction.

#include <string_view>

#include "storage/account_store.h"
#include "storage/sqlite/connection.h"

namespace imagross::sqlite {

// Takes over the card's member or creates one, then creates the customer account. On an error
// the caller rolls back, because a step before the check that failed may have written.
Result<SignUpResult> sign_up(Connection& connection, const SignUpRequest& request,
                             std::string_view now);

}  // namespace imagross::sqlite
