#include "storage/sqlite/member_rows.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/civil_time.h"
#include "domain/contact.h"

namespace imagross::sqlite {
namespace {

// Separates the fields of the search text. Search terms never contain it, so no term matches
// across two fields.
constexpr char kFieldSeparator = '\n';
// Between the two names of a sort key: below every printable character, so "Rossi" sorts before
// "Rossini" whatever the first names.
constexpr char kSortSeparator = '\x1f';
// FTS5's trigram tokenizer finds substrings of at least 3 characters.
constexpr std::size_t kMinTrigramCharacters = 3;

Consent read_consent(const Statement& statement, int first_column) {
  Consent consent;
  consent.granted = statement.column_int64(first_column) != 0;
  consent.at = statement.column_text(first_column + 1);
  consent.notice_version = statement.column_text(first_column + 2);
  return consent;
}

void bind_consent(Statement& statement, int first_index, const Consent& consent) {
  statement.bind(first_index, int64_t{consent.granted ? 1 : 0});
  statement.bind_text_or_null(first_index + 1, consent.at);
  statement.bind_text_or_null(first_index + 2, consent.notice_version);
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

bool is_e164(std::string_view phone) {
  if (phone.size() < 5 || phone.size() > 16 || phone[0] != '+' || phone[1] == '0') {
    return false;
  }
  return std::all_of(phone.begin() + 1, phone.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Folds text and collapses every run of spaces, tabs and line breaks into one space.
std::string fold_words(std::string_view text) {
  std::string folded = fold_for_search(text);
  std::string words;
  words.reserve(folded.size());
  for (char c : folded) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space) {
      words.push_back(c);
    } else if (!words.empty() && words.back() != ' ') {
      words.push_back(' ');
    }
  }
  if (!words.empty() && words.back() == ' ') {
    words.pop_back();
  }
  return words;
}

std::size_t character_count(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool is_number_search(std::string_view search) {
  bool has_digit = false;
  for (char c : search) {
    if (c >= '0' && c <= '9') {
      has_digit = true;
    } else if (std::string_view(" +.-()/").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return has_digit;
}

std::string number_term(std::string_view search) {
  std::string digits;
  for (char c : search) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    }
  }
  // "0039 347..." dials Italy from abroad; E.164 keeps only the "39".
  if (digits.starts_with("00")) {
    digits.erase(0, 2);
  }
  return digits;
}

std::string quote_match_term(std::string_view term) {
  std::string quoted = "\"";
  for (char c : term) {
    quoted.push_back(c);
    if (c == '"') {
      quoted.push_back('"');
    }
  }
  quoted.push_back('"');
  return quoted;
}

std::string like_pattern(std::string_view term) {
  std::string pattern = "%";
  for (char c : term) {
    if (c == '%' || c == '_' || c == '\\') {
      pattern.push_back('\\');
    }
    pattern.push_back(c);
  }
  pattern.push_back('%');
  return pattern;
}

std::vector<std::string> split_words(const std::string& words) {
  std::vector<std::string> terms;
  std::size_t start = 0;
  while (start < words.size()) {
    std::size_t end = words.find(' ', start);
    if (end == std::string::npos) {
      end = words.size();
    }
    terms.push_back(words.substr(start, end - start));
    start = end + 1;
  }
  return terms;
}

}  // namespace

Member read_member(const Statement& statement) {
  Member member;
  member.id = statement.column_int64(0);
  member.first_name = statement.column_text(1);
  member.last_name = statement.column_text(2);
  member.email = statement.column_text(3);
  member.phone = statement.column_text(4);
  member.birth_date = statement.column_text(5);
  member.signup_date = statement.column_text(6);
  member.home_store = statement.column_text(7);
  member.status = parse_member_status(statement.column_view(8)).value_or(MemberStatus::active);
  member.privacy = read_consent(statement, 9);
  member.marketing = read_consent(statement, 12);
  member.profiling = read_consent(statement, 15);
  member.created_at = statement.column_text(18);
  member.updated_at = statement.column_text(19);
  return member;
}

Card read_card(const Statement& statement) {
  Card card;
  card.id = static_cast<int32_t>(statement.column_int64(0));
  card.number = statement.column_text(1);
  card.status = parse_card_status(statement.column_view(2)).value_or(CardStatus::issued);
  if (!statement.column_is_null(3)) {
    card.member_id = statement.column_int64(3);
  }
  card.issued_at = statement.column_text(4);
  card.status_changed_at = statement.column_text(5);
  if (!statement.column_is_null(6)) {
    card.replaced_by = static_cast<int32_t>(statement.column_int64(6));
  }
  return card;
}

void bind_member_fields(Statement& statement, const Member& member) {
  statement.bind(1, member.first_name).bind(2, member.last_name);
  statement.bind_text_or_null(3, member.email);
  statement.bind_text_or_null(4, member.phone);
  statement.bind_text_or_null(5, member.birth_date);
  statement.bind(6, member.signup_date);
  statement.bind_text_or_null(7, member.home_store);
  statement.bind(8, std::string_view(member_status_name(member.status)));
  bind_consent(statement, 9, member.privacy);
  bind_consent(statement, 12, member.marketing);
  bind_consent(statement, 15, member.profiling);
}

bool is_normalised_email(std::string_view email) {
  const std::size_t at = email.find('@');
  const bool has_upper =
      std::any_of(email.begin(), email.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  return at != std::string_view::npos && at > 0 && at + 1 < email.size() && !has_upper;
}

std::optional<std::string> member_problem(const Member& member) {
  if (is_blank(member.last_name)) {
    return "the last name is blank; every member needs one";
  }
  if (!member.email.empty() && !is_normalised_email(member.email)) {
    return fmt::format("the e-mail '{}' is not a lower-case address with an '@'", member.email);
  }
  if (!member.phone.empty() && !is_e164(member.phone)) {
    return fmt::format("the phone '{}' is not in E.164 form, such as +393471234567", member.phone);
  }
  if (!member.birth_date.empty() && !parse_iso_date(member.birth_date).ok()) {
    return fmt::format("the birth date '{}' is not a date in the form YYYY-MM-DD",
                       member.birth_date);
  }
  if (!parse_iso_date(member.signup_date).ok()) {
    return fmt::format("the sign-up date '{}' is not a date in the form YYYY-MM-DD",
                       member.signup_date);
  }
  return std::nullopt;
}

DerivedColumns derive_columns(const Member& member, std::span<const Card> cards) {
  DerivedColumns derived;
  if (const Card* card = current_card(cards)) {
    derived.card_number = card->number;
  }
  const std::string first = fold_words(member.first_name);
  const std::string last = fold_words(member.last_name);
  derived.sort_last = last + kSortSeparator + first;
  derived.sort_first = first + kSortSeparator + last;

  std::string& text = derived.search_text;
  text = first + ' ' + last + kFieldSeparator + fold_for_search(member.email) + kFieldSeparator;
  if (member.phone.size() > 1) {
    text.append(member.phone.substr(1));
  }
  for (const Card& card : cards) {
    text += kFieldSeparator + card.number;
  }
  return derived;
}

bool same_last_name(std::string_view first, std::string_view second) {
  return fold_words(first) == fold_words(second);
}

std::optional<SearchTerms> parse_search(std::string_view search) {
  std::vector<std::string> terms;
  if (is_number_search(search)) {
    terms.push_back(number_term(search));
  } else {
    terms = split_words(fold_words(search));
  }
  terms.erase(std::remove(terms.begin(), terms.end(), std::string()), terms.end());
  if (terms.empty()) {
    return std::nullopt;
  }

  SearchTerms parsed;
  for (const std::string& term : terms) {
    if (character_count(term) < kMinTrigramCharacters) {
      parsed.like_patterns.push_back(like_pattern(term));
      continue;
    }
    if (!parsed.match.empty()) {
      parsed.match += " AND ";
    }
    parsed.match += quote_match_term(term);
  }
  return parsed;
}

}  // namespace imagross::sqlite
