#pragma once

// The steps that the member store and the sign-up combine: reading and writing members and the
// card registry on one connection. Functions that write expect the caller's transaction to be
// open, so that a failed step leaves nothing behind.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/member.h"
#include "storage/sqlite/connection.h"

namespace imagross::sqlite {

// A member with its cards; nullopt when no member has `id`.
std::optional<Member> load_member(Connection& connection, int64_t id);
std::vector<Card> load_cards_of_member(Connection& connection, int64_t member_id);
std::optional<int64_t> member_id_by_email(Connection& connection, std::string_view email);
std::optional<int64_t> member_id_by_phone(Connection& connection, std::string_view e164);

// A number as the cards table has it: absent, carried only by receipts (a row of the sales
// dictionary with no status), or in the registry.
struct CardLookup {
  enum class State : uint8_t { absent, on_receipts_only, registered };
  State state = State::absent;
  Card card;  // when registered

  bool registered() const { return state == State::registered; }
};

CardLookup lookup_card(Connection& connection, std::string_view number);

// Why the card of `lookup` cannot be given to a new member, with the error codes of
// MemberStore::create_member, or nullopt when it is issued and free. `registry_only` false also
// accepts a number that the registry lacks, as an import does.
std::optional<Error> card_unavailable(const CardLookup& lookup, std::string_view number,
                                      bool registry_only);

// "email_taken" or "phone_taken" when a member other than `member_id` (0 for a new member) has
// the e-mail or the phone of `member`.
std::optional<Error> contact_conflict(Connection& connection, const Member& member,
                                      int64_t member_id);
// "email_taken" when an administrator's account has `email`, which would then identify two
// accounts.
std::optional<Error> admin_email_conflict(Connection& connection, std::string_view email);
bool member_has_account(Connection& connection, int64_t member_id);

// Inserts `member` as new, with the card `number` as its active card; the card must pass
// card_unavailable. `import_id` 0 records no import. Returns the member's id.
int64_t insert_member_with_card(Connection& connection, const Member& member,
                                const CardLookup& lookup, std::string_view number,
                                int64_t import_id, std::string_view now);

// Writes the editable fields of `member`, whose id must exist, then the derived columns.
// `import_id` 0 keeps the import recorded before.
void update_member_row(Connection& connection, const Member& member, int64_t import_id,
                       std::string_view now);

// Recomputes the sorting and searching columns of a member from its fields and cards.
void refresh_derived_columns(Connection& connection, int64_t member_id);

// Today's date, UTC, as YYYY-MM-DD: the sign-up date of a member that has none.
std::string utc_today();

}  // namespace imagross::sqlite
