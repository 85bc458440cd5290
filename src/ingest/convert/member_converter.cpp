#include "ingest/convert/member_converter.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <tuple>

#include <fmt/format.h>

#include "common/civil_time.h"
#include "domain/contact.h"
#include "ingest/convert/values.h"

namespace imagross::ingest {
namespace {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view date_description(MemberField field) {
  return field == MemberField::birth_date ? "birth date" : "sign-up date";
}

}  // namespace

std::optional<bool> parse_consent(std::string_view text) {
  static constexpr std::array<std::string_view, 7> kYes = {"true", "yes", "y", "si",
                                                           "sì",   "s",   "1"};
  static constexpr std::array<std::string_view, 4> kNo = {"false", "no", "n", "0"};
  // lower_ascii() leaves the accented capital of "SÌ" as it is, so that spelling is matched here.
  std::string folded = lower_ascii(text);
  if (folded == "s\xc3\x8c") {
    folded = "sì";
  }
  if (std::find(kYes.begin(), kYes.end(), folded) != kYes.end()) {
    return true;
  }
  if (std::find(kNo.begin(), kNo.end(), folded) != kNo.end()) {
    return false;
  }
  return std::nullopt;
}

MemberConverter::MemberConverter(ColumnMapping mapping, FileFormats formats, CardPolicy policy,
                                 std::string now, bool check_width, char delimiter)
    : row_(std::move(mapping), std::move(formats), check_width, delimiter),
      policy_(std::move(policy)),
      now_(std::move(now)) {
  const auto today = parse_iso_date(std::string_view(now_).substr(0, 10));
  today_ = today.ok() ? *today : 0;
}

bool MemberConverter::convert(const Record& record, MemberImportRow& row,
                              std::vector<Rejection>& rejections) {
  row = MemberImportRow{};
  if (!row_.begin(record, rejections)) {
    return false;
  }
  convert_card(record, row);
  convert_names(record, row.member);
  convert_contacts(record, row.member);
  row.member.birth_date = convert_date(record, MemberField::birth_date);
  row.member.signup_date = convert_date(record, MemberField::signup_date);
  if (!row.member.birth_date.empty() && !row.member.signup_date.empty() &&
      row.member.birth_date > row.member.signup_date) {
    row_.reject(MemberField::birth_date, row_.value(record, MemberField::birth_date),
                fmt::format("the birth date {} is after the sign-up date {}; correct one of them",
                            row.member.birth_date, row.member.signup_date));
  }
  row.member.home_store.assign(row_.value(record, MemberField::home_store));
  convert_consents(record, row.member);
  if (row_.row_ok()) {
    check_repeated_card(row);
  }
  return row_.row_ok();
}

void MemberConverter::convert_card(const Record& record, MemberImportRow& row) {
  const std::string_view text = row_.value(record, MemberField::card_number);
  if (is_scientific_notation(text)) {
    row_.reject(MemberField::card_number, text, scientific_notation_reason(text));
    return;
  }
  auto number = validate_card_number(text, policy_);
  if (!number.ok()) {
    row_.reject(MemberField::card_number, text, number.error().message);
    return;
  }
  row.card_number = std::move(number).value();
}

void MemberConverter::convert_names(const Record& record, Member& member) {
  const std::pair<MemberField, std::string*> names[] = {
      {MemberField::first_name, &member.first_name}, {MemberField::last_name, &member.last_name}};
  for (const auto& [field, target] : names) {
    const std::string_view text = row_.value(record, field);
    auto name = normalize_name(text);
    if (!name.ok()) {
      row_.reject(field, text, name.error().message);
      continue;
    }
    *target = std::move(name).value();
    if (field == MemberField::last_name && target->empty()) {
      row_.reject(field, text, "the last name is blank; every member needs one");
    }
  }
}

void MemberConverter::convert_contacts(const Record& record, Member& member) {
  using Normalizer = Result<std::string> (*)(std::string_view);
  const Normalizer email = [](std::string_view text) { return normalize_email(text); };
  const Normalizer phone = [](std::string_view text) { return normalize_phone(text); };
  const std::tuple<MemberField, Normalizer, std::string*> contacts[] = {
      {MemberField::email, email, &member.email}, {MemberField::phone, phone, &member.phone}};
  for (const auto& [field, normalize, target] : contacts) {
    const std::string_view text = row_.value(record, field);
    if (text.empty()) {
      continue;
    }
    auto normalised = normalize(text);
    if (normalised.ok()) {
      *target = std::move(normalised).value();
    } else {
      row_.reject(field, text, normalised.error().message);
    }
  }
}

// Returns the date as YYYY-MM-DD, or empty when the value is empty or rejected.
std::string MemberConverter::convert_date(const Record& record, MemberField field) {
  const std::string_view text = row_.value(record, field);
  if (text.empty()) {
    return {};
  }
  const std::optional<DateTimeValue> parsed = row_.parse_date(record, field, text);
  if (!parsed) {
    return {};
  }
  const LocalDateTime& local = parsed->local;
  if (parsed->has_time && local.second_of_day != 0) {
    row_.reject(
        field, text,
        fmt::format("the {} has a time of day; write the date alone", date_description(field)));
    return {};
  }
  if (today_ != 0 && local.day > today_) {
    row_.reject(field, text,
                fmt::format("the {} {} is in the future; correct it", date_description(field),
                            format_iso_date(local.day)));
    return {};
  }
  return format_iso_date(local.day);
}

// A consent given in the file is dated at the member's sign-up, when the member gave it, or at
// the import when the sign-up date is unknown.
void MemberConverter::convert_consents(const Record& record, Member& member) {
  const std::string at = member.signup_date.empty() ? now_ : member.signup_date + "T00:00:00Z";
  const std::pair<MemberField, Consent*> consents[] = {
      {MemberField::marketing_consent, &member.marketing},
      {MemberField::profiling_consent, &member.profiling}};
  for (const auto& [field, target] : consents) {
    const std::string_view text = row_.value(record, field);
    if (text.empty()) {
      continue;
    }
    const std::optional<bool> granted = parse_consent(text);
    if (!granted) {
      row_.reject(field, text,
                  fmt::format("'{}' is not a consent: write true or false (also yes/no, sì/no or "
                              "1/0), or leave the cell empty when the consent is unknown",
                              text));
      continue;
    }
    *target = Consent{*granted, at, {}};
  }
}

void MemberConverter::check_repeated_card(const MemberImportRow& row) {
  const auto [first, inserted] = card_lines_.emplace(row.card_number, row_.line());
  if (inserted) {
    return;
  }
  row_.reject(MemberField::card_number, row.card_number,
              fmt::format("card {} is on line {} of this file already, and a card belongs to one "
                          "member; keep one row per card",
                          row.card_number, first->second));
}

}  // namespace imagross::ingest
