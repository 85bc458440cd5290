#pragma once

// Members (card holders), their loyalty cards, and the online accounts that sign in.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace imagross {

enum class CardStatus : uint8_t {
  issued,    // printed and handed out, not yet linked to a member
  active,    // linked to a member; earns points and signs in
  blocked,   // lost or stolen: neither earns nor signs in
  replaced,  // superseded by a new card; the member's history follows the new one
};

struct Card {
  int32_t id = 0;
  std::string number;  // 13 digits
  CardStatus status = CardStatus::issued;
  std::optional<int64_t> member_id;
  std::string issued_at;               // ISO 8601 UTC
  std::string status_changed_at;       // ISO 8601 UTC
  std::optional<int32_t> replaced_by;  // the card that replaced this one
};

enum class MemberStatus : uint8_t { active, suspended, closed };

// A consent as given: whether, when, and under which version of the notice.
struct Consent {
  bool granted = false;
  std::string at;              // ISO 8601 UTC; empty when never recorded
  std::string notice_version;  // e.g. "2026-01"
};

struct Member {
  int64_t id = 0;
  std::string first_name;   // trimmed, Unicode NFC
  std::string last_name;    // trimmed, Unicode NFC, never blank
  std::string email;        // trimmed, lower case; empty when unknown
  std::string phone;        // E.164 such as "+393471234567"; empty when unknown
  std::string birth_date;   // YYYY-MM-DD; empty when unknown
  std::string signup_date;  // YYYY-MM-DD
  std::string home_store;   // store code; empty when unknown
  MemberStatus status = MemberStatus::active;
  Consent privacy;
  Consent marketing;
  Consent profiling;
  std::string created_at;
  std::string updated_at;
  std::vector<Card> cards;  // filled by the calls documented to fill it
};

// Returns the card a member shows: the active card of `cards` (a member's cards in registration
// order). Without one, it is the last card that was not replaced, such as a blocked card, or else
// the last card. Null when there are no cards.
const Card* current_card(std::span<const Card> cards);
inline const Card* current_card(const Member& member) {
  return current_card(std::span<const Card>(member.cards));
}

enum class Role : uint8_t { super_admin, store_admin, customer };

// An online account: an administrator, or a customer signed up with a card.
struct Account {
  int64_t id = 0;
  Role role = Role::customer;
  std::optional<int64_t> member_id;  // customers only
  std::string email;                 // administrators sign in with it; lower case
  std::vector<std::string> stores;   // store admins: the store codes they may see
  std::string password_hash;         // Argon2id string (libsodium); never leaves the server
  bool disabled = false;
  std::string created_at;
  std::string last_sign_in_at;
};

// The names that the database, the API and the command line use: "issued", "active", "suspended",
// "super_admin" and so on, as the enumerators are spelled.
const char* card_status_name(CardStatus status);
const char* member_status_name(MemberStatus status);
const char* role_name(Role role);

// Parses the names above; nullopt for any other text.
std::optional<CardStatus> parse_card_status(std::string_view name);
std::optional<MemberStatus> parse_member_status(std::string_view name);
std::optional<Role> parse_role(std::string_view name);

}  // namespace imagross
