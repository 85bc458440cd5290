#pragma once

// Members, their cards and the card registry. Implemented by every storage backend next to the
// sales storage; reached through Database::members().

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/member.h"

namespace imagross {

// A member as an import file gives it, already validated and normalised, with its card.
struct MemberImportRow {
  Member member;  // id, cards, created_at and updated_at are ignored
  std::string card_number;
};

enum class MemberWriteOutcome : uint8_t {
  inserted,
  updated,    // the card's member existed and `update` was requested
  unchanged,  // the card's member existed with the same values, or `update` was not requested
  rejected,   // see the message: e-mail or phone of another member, card blocked or replaced
};

struct MemberBatchResult {
  std::vector<MemberWriteOutcome> outcomes;  // one per row, in order
  std::vector<std::string> messages;         // one per row: why it was rejected, else empty
};

enum class MemberSort : uint8_t { last_name, first_name, signup_date, card_number, email };

struct MemberQuery {
  // Matched, ignoring case and accents, as a substring of the first and last name, the e-mail,
  // the phone (in any common form) and the card numbers; empty: every member.
  std::string search;
  std::vector<std::string> home_stores;  // store codes; empty: all
  std::string signup_from;               // YYYY-MM-DD, included; empty: no bound
  std::string signup_to;                 // YYYY-MM-DD, included; empty: no bound
  std::optional<MemberStatus> status;
  MemberSort sort = MemberSort::last_name;
  bool descending = false;  // ties go by member id ascending
  int64_t offset = 0;
  int limit = 50;
};

struct MemberPage {
  int64_t total = 0;         // members matching, before paging
  std::vector<Member> rows;  // with their cards
};

// Thread-safe. Methods throw StorageError when the database itself fails.
class MemberStore {
 public:
  virtual ~MemberStore() = default;

  // Writes a batch of imported members in one transaction. A row whose card is linked to a
  // member already updates that member when `update` is true and is left unchanged otherwise. A
  // card absent from the registry is registered as active for the member.
  virtual MemberBatchResult write_members(int64_t import_id, std::span<const MemberImportRow> rows,
                                          bool update) = 0;

  // Members with their cards.
  virtual std::optional<Member> find_member(int64_t id) = 0;
  virtual std::optional<Member> find_member_by_card(std::string_view card_number) = 0;
  virtual std::optional<Member> find_member_by_email(std::string_view email) = 0;
  virtual std::optional<Member> find_member_by_phone(std::string_view e164) = 0;
  virtual MemberPage search_members(const MemberQuery& query) = 0;

  // Creates a member for a card of the registry that has none, and activates the card.
  // Error codes: "card_not_issued", "card_taken", "card_blocked", "email_taken", "phone_taken".
  virtual Result<Member> create_member(const Member& member, std::string_view card_number) = 0;
  // Replaces the editable fields (names, contacts, birth date, home store, status, consents).
  // Error codes: "member_not_found", "email_taken", "phone_taken".
  virtual Result<Member> update_member(const Member& member) = 0;

  // The card registry.
  virtual std::optional<Card> find_card(std::string_view number) = 0;
  // Registers numbers as issued; numbers already registered are left as they are. Returns the
  // count added.
  virtual int64_t issue_cards(std::span<const std::string> numbers) = 0;
  // Blocks an active or issued card. Error codes: "card_not_found", "card_not_blockable".
  virtual Result<Card> block_card(std::string_view number) = 0;
  // Replaces a member's card by `new_number`, which must be issued and unlinked: the new card
  // becomes active for the member and the old one `replaced`, so the member's history and
  // points follow. Error codes: "card_not_found", "card_not_replaceable", "card_not_issued".
  virtual Result<Card> replace_card(std::string_view old_number, std::string_view new_number) = 0;
  // The next issued, unlinked card number, in number order; none when the registry has none.
  virtual std::optional<std::string> next_free_card() = 0;

  // The ids, in the sales dictionary, of every card a member has held; the analytics engine
  // reads a member's purchases through them.
  virtual std::vector<int32_t> sales_card_ids_of_member(int64_t member_id) = 0;

  virtual int64_t count_members() = 0;
};

}  // namespace imagross
