#include "storage/sqlite/account_records.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "storage/sqlite/account_statements.h"
#include "storage/sqlite/member_records.h"
#include "storage/sqlite/member_rows.h"

namespace imagross::sqlite {
namespace {

namespace sql = account_statements;

Error invalid_account(std::string_view reason) {
  return Error{"invalid_account", std::string(reason)};
}

Account read_account(const Statement& statement) {
  Account account;
  account.id = statement.column_int64(0);
  account.role = parse_role(statement.column_view(1)).value_or(Role::customer);
  if (!statement.column_is_null(2)) {
    account.member_id = statement.column_int64(2);
  }
  account.email = statement.column_text(3);
  account.password_hash = statement.column_text(4);
  account.disabled = statement.column_int64(5) != 0;
  account.created_at = statement.column_text(6);
  account.last_sign_in_at = statement.column_text(7);
  return account;
}

std::optional<Error> customer_problem(Connection& connection, const Account& account) {
  if (!account.member_id) {
    return invalid_account("a customer account needs a member");
  }
  std::optional<Member> member = load_member(connection, *account.member_id);
  if (!member) {
    return Error{"member_not_found", fmt::format("no member has id {}", *account.member_id)};
  }
  if (member_has_account(connection, member->id)) {
    return Error{"member_has_account",
                 fmt::format("member {} has an online account already", member->id)};
  }
  return admin_email_conflict(connection, member->email);
}

std::optional<Error> administrator_problem(Connection& connection, const Account& account) {
  if (account.member_id) {
    return invalid_account("an administrator account has no member");
  }
  if (!is_normalised_email(account.email)) {
    return invalid_account(fmt::format(
        "an administrator signs in with a lower-case e-mail, and '{}' is none", account.email));
  }
  if (account.role == Role::store_admin && account.stores.empty()) {
    return invalid_account("a store administrator needs at least one store");
  }
  if (std::find(account.stores.begin(), account.stores.end(), "") != account.stores.end()) {
    return invalid_account("a store code is empty");
  }
  if (account.role == Role::super_admin && !account.stores.empty()) {
    return invalid_account("a super administrator sees every store and is given none");
  }
  if (account_id_by_email(connection, account.email)) {
    return Error{"email_taken",
                 fmt::format("the e-mail {} belongs to another account", account.email)};
  }
  // A member without an online account may sign up later with their e-mail, and a sign-in by
  // e-mail must find one account only, so an administrator cannot take a member's e-mail.
  if (const auto member_id = member_id_by_email(connection, account.email)) {
    return Error{"email_taken",
                 fmt::format("the e-mail {} belongs to member {}, who may sign up with it; "
                             "give the administrator another e-mail",
                             account.email, *member_id)};
  }
  return std::nullopt;
}

}  // namespace

std::optional<Account> load_account(Connection& connection, int64_t id) {
  Statement select(connection, sql::kSelectAccount);
  select.bind(1, id);
  if (!select.step()) {
    return std::nullopt;
  }
  Account account = read_account(select);
  Statement stores(connection, sql::kSelectAccountStores);
  stores.bind(1, id);
  while (stores.step()) {
    account.stores.push_back(stores.column_text(0));
  }
  return account;
}

std::optional<int64_t> account_id_by_email(Connection& connection, std::string_view email) {
  Statement select(connection, sql::kSelectAccountIdByEmail);
  select.bind(1, email);
  return select.step() ? std::optional(select.column_int64(0)) : std::nullopt;
}

std::optional<int64_t> account_id_by_member(Connection& connection, int64_t member_id) {
  Statement select(connection, sql::kSelectAccountIdByMember);
  select.bind(1, member_id);
  return select.step() ? std::optional(select.column_int64(0)) : std::nullopt;
}

Result<int64_t> insert_account(Connection& connection, const Account& account,
                               std::string_view now) {
  if (account.password_hash.empty()) {
    return invalid_account("an account needs a password hash");
  }
  const bool customer = account.role == Role::customer;
  std::optional<Error> problem =
      customer ? customer_problem(connection, account) : administrator_problem(connection, account);
  if (problem) {
    return *problem;
  }

  Statement insert(connection, sql::kInsertAccount);
  insert.bind(1, std::string_view(role_name(account.role)));
  if (customer) {
    insert.bind(2, *account.member_id).bind_null(3);
  } else {
    insert.bind_null(2).bind(3, account.email);
  }
  insert.bind(4, account.password_hash).bind(5, int64_t{account.disabled ? 1 : 0}).bind(6, now);
  insert.step();
  const int64_t id = insert.column_int64(0);
  insert.reset();

  Statement add_store(connection, sql::kInsertAccountStore);
  for (const std::string& store : account.stores) {
    add_store.bind(1, id).bind(2, store).execute();
  }
  return id;
}

}  // namespace imagross::sqlite
