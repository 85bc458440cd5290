#pragma once

// Members and cards as rows of the SQLite tables members and cards: reading, binding, the checks
// that keep a bad value from failing a whole transaction, and the columns derived for sorting and
// searching.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/member.h"
#include "storage/sqlite/connection.h"

namespace imagross::sqlite {

// Reads the columns of member_statements::kSelectMember.
Member read_member(const Statement& statement);
// Reads the columns of member_statements::kSelectCard.
Card read_card(const Statement& statement);

// Binds the 17 editable fields of `member` to ?1 to ?17, empty text as NULL.
void bind_member_fields(Statement& statement, const Member& member);

// Why `member` cannot be stored as it is, or nullopt when it can: the checks of the members
// table (a last name that is not blank, a lower-case e-mail with an "@", an E.164 phone, real
// dates), made before writing so that one bad row is rejected alone.
std::optional<std::string> member_problem(const Member& member);

// Whether `email` is as the members and accounts tables keep e-mails: lower case, with text on
// both sides of an "@".
bool is_normalised_email(std::string_view email);

// The columns of members that follow from the member and its cards, for sorting and searching.
struct DerivedColumns {
  std::optional<std::string> card_number;  // the current card: the active one, else the newest
  std::string sort_last;                   // folded last name, then folded first name
  std::string sort_first;                  // folded first name, then folded last name
  // Folded names, e-mail, the phone's digits without "+" and every card number, one field a line.
  std::string search_text;
};

DerivedColumns derive_columns(const Member& member, std::span<const Card> cards);

// Whether two last names are the same, ignoring case, accents and the spaces around and between
// words: "D'Amico" and " d'amìco " are.
bool same_last_name(std::string_view first, std::string_view second);

// A member search as the FTS5 table members_search and LIKE patterns run it.
struct SearchTerms {
  // A MATCH expression of the terms of 3 characters or more, each a quoted substring, joined by
  // AND; empty when there is none.
  std::string match;
  // A LIKE pattern (escape character '\') for each shorter term, which the trigram index cannot
  // find.
  std::vector<std::string> like_patterns;
};

// Splits a search into terms matched as substrings of the search text, all of which must match.
// Text is folded like the search text and split at spaces. A search of digits and the characters
// of a written phone number ("+39 347 123.4567", "0039 347...") is one term of its digits, with a
// leading "00" dropped, so it finds phones in E.164 and card numbers. nullopt for a search with no
// term.
std::optional<SearchTerms> parse_search(std::string_view search);

}  // namespace imagross::sqlite
