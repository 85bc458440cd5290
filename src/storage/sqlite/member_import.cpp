#include "storage/sqlite/member_import.h"

#include <fmt/format.h>

#include <optional>

#include "storage/sqlite/member_records.h"
#include "storage/sqlite/member_rows.h"

namespace imagross::sqlite {
namespace {

MemberRowOutcome rejected(std::string_view card_number, std::string_view reason) {
  return {MemberWriteOutcome::rejected, fmt::format("card {}: {}", card_number, reason)};
}

void keep_when_empty(std::string& value, const std::string& stored) {
  if (value.empty()) {
    value = stored;
  }
}

// The consent to keep: the imported one when it was given later than the stored one. Times are
// ISO 8601 UTC in one form, so they compare as text.
Consent newer_consent(const Consent& imported, const Consent& stored) {
  if (imported.at.empty() || (!stored.at.empty() && imported.at <= stored.at)) {
    return stored;
  }
  return imported;
}

// The stored member with the row's values applied as MemberImporter describes.
Member merge(const Member& stored, const Member& imported) {
  Member merged = imported;
  merged.id = stored.id;
  merged.status = stored.status;
  keep_when_empty(merged.first_name, stored.first_name);
  keep_when_empty(merged.email, stored.email);
  keep_when_empty(merged.phone, stored.phone);
  keep_when_empty(merged.birth_date, stored.birth_date);
  keep_when_empty(merged.signup_date, stored.signup_date);
  keep_when_empty(merged.home_store, stored.home_store);
  merged.privacy = newer_consent(imported.privacy, stored.privacy);
  merged.marketing = newer_consent(imported.marketing, stored.marketing);
  merged.profiling = newer_consent(imported.profiling, stored.profiling);
  return merged;
}

bool same_consent(const Consent& first, const Consent& second) {
  return first.granted == second.granted && first.at == second.at &&
         first.notice_version == second.notice_version;
}

bool same_fields(const Member& first, const Member& second) {
  return first.first_name == second.first_name && first.last_name == second.last_name &&
         first.email == second.email && first.phone == second.phone &&
         first.birth_date == second.birth_date && first.signup_date == second.signup_date &&
         first.home_store == second.home_store && first.status == second.status &&
         same_consent(first.privacy, second.privacy) &&
         same_consent(first.marketing, second.marketing) &&
         same_consent(first.profiling, second.profiling);
}

std::string conflict_reason(const Error& error) {
  return fmt::format("{}; correct the row, or change that member first", error.message);
}

}  // namespace

MemberRowOutcome MemberImporter::write(const MemberImportRow& row) {
  const std::string& number = row.card_number;
  const CardLookup card = lookup_card(connection_, number);
  if (card.registered() && card.card.status == CardStatus::active && card.card.member_id) {
    return update_existing(row, *card.card.member_id);
  }
  if (std::optional<Error> error = card_unavailable(card, number, false)) {
    return rejected(number, error->message);
  }

  Member member = row.member;
  if (member.signup_date.empty()) {
    member.signup_date = now_.substr(0, 10);
  }
  if (std::optional<std::string> problem = member_problem(member)) {
    return rejected(number, *problem);
  }
  if (std::optional<Error> conflict = contact_conflict(connection_, member, 0)) {
    return rejected(number, conflict_reason(*conflict));
  }
  insert_member_with_card(connection_, member, card, number, import_id_, now_);
  return {MemberWriteOutcome::inserted, {}};
}

MemberRowOutcome MemberImporter::update_existing(const MemberImportRow& row, int64_t member_id) {
  if (!update_) {
    return {MemberWriteOutcome::unchanged, {}};
  }
  std::optional<Member> stored = load_member(connection_, member_id);
  const Member merged = merge(*stored, row.member);
  if (same_fields(merged, *stored)) {
    return {MemberWriteOutcome::unchanged, {}};
  }
  if (std::optional<std::string> problem = member_problem(merged)) {
    return rejected(row.card_number, *problem);
  }
  if (std::optional<Error> conflict = contact_conflict(connection_, merged, member_id)) {
    return rejected(row.card_number, conflict_reason(*conflict));
  }
  if (member_has_account(connection_, member_id)) {
    if (std::optional<Error> conflict = admin_email_conflict(connection_, merged.email)) {
      return rejected(row.card_number, conflict_reason(*conflict));
    }
  }
  update_member_row(connection_, merged, import_id_, now_);
  return {MemberWriteOutcome::updated, {}};
}

}  // namespace imagross::sqlite
