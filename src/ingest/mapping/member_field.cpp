#include "ingest/mapping/member_field.h"

#include <array>
#include <string_view>

namespace imagross::ingest {
namespace {

constexpr std::array<std::string_view, kMemberFieldCount> kFieldNames = {
    "card_number",
    "first_name",
    "last_name",
    "email",
    "phone",
    "birth_date",
    "signup_date",
    "home_store",
    "marketing_consent",
    "profiling_consent",
};

constexpr std::size_t index(MemberField field) {
  return field_index(field);
}

// Folded header names other than the canonical ones, as fold_header() writes them.
constexpr FieldSynonym kSynonyms[] = {
    {"card", index(MemberField::card_number)},
    {"tessera", index(MemberField::card_number)},
    {"numerotessera", index(MemberField::card_number)},
    {"ntessera", index(MemberField::card_number)},
    {"codicetessera", index(MemberField::card_number)},
    {"carta", index(MemberField::card_number)},
    {"cartafedelta", index(MemberField::card_number)},
    {"numerocarta", index(MemberField::card_number)},
    {"nome", index(MemberField::first_name)},
    {"givenname", index(MemberField::first_name)},
    {"forename", index(MemberField::first_name)},
    {"cognome", index(MemberField::last_name)},
    {"surname", index(MemberField::last_name)},
    {"familyname", index(MemberField::last_name)},
    {"mail", index(MemberField::email)},
    {"emailaddress", index(MemberField::email)},
    {"indirizzoemail", index(MemberField::email)},
    {"postaelettronica", index(MemberField::email)},
    {"telefono", index(MemberField::phone)},
    {"tel", index(MemberField::phone)},
    {"cellulare", index(MemberField::phone)},
    {"cell", index(MemberField::phone)},
    {"mobile", index(MemberField::phone)},
    {"phonenumber", index(MemberField::phone)},
    {"numeroditelefono", index(MemberField::phone)},
    {"numerotelefono", index(MemberField::phone)},
    {"datadinascita", index(MemberField::birth_date)},
    {"datanascita", index(MemberField::birth_date)},
    {"nascita", index(MemberField::birth_date)},
    {"dateofbirth", index(MemberField::birth_date)},
    {"birthday", index(MemberField::birth_date)},
    {"dob", index(MemberField::birth_date)},
    {"dataiscrizione", index(MemberField::signup_date)},
    {"datadiiscrizione", index(MemberField::signup_date)},
    {"iscrizione", index(MemberField::signup_date)},
    {"dataadesione", index(MemberField::signup_date)},
    {"registrationdate", index(MemberField::signup_date)},
    {"memberssince", index(MemberField::signup_date)},
    {"membersince", index(MemberField::signup_date)},
    {"negozio", index(MemberField::home_store)},
    {"negoziodiriferimento", index(MemberField::home_store)},
    {"negozioabituale", index(MemberField::home_store)},
    {"puntovendita", index(MemberField::home_store)},
    {"pv", index(MemberField::home_store)},
    {"store", index(MemberField::home_store)},
    {"storeid", index(MemberField::home_store)},
    {"consensomarketing", index(MemberField::marketing_consent)},
    {"marketing", index(MemberField::marketing_consent)},
    {"consensoprofilazione", index(MemberField::profiling_consent)},
    {"profilazione", index(MemberField::profiling_consent)},
    {"profiling", index(MemberField::profiling_consent)},
};

constexpr RequiredField kRequired[] = {
    {index(MemberField::card_number), kNoField,
     "card_number (the loyalty card, in Italian 'tessera')"},
    {index(MemberField::last_name), kNoField, "last_name (in Italian 'cognome')"},
};

constexpr std::size_t kNeverConstant[] = {index(MemberField::card_number),
                                          index(MemberField::email), index(MemberField::phone)};
constexpr std::size_t kDateFields[] = {index(MemberField::birth_date),
                                       index(MemberField::signup_date)};

}  // namespace

const FieldTable& member_field_table() {
  static const FieldTable table{
      .names = kFieldNames,
      .synonyms = kSynonyms,
      .required = kRequired,
      .precedences = {},
      .never_constant = kNeverConstant,
      .number_fields = {},
      .date_fields = kDateFields,
      .canonical_needs = kNoField,
      .mapping_example = R"({"columns": {"card_number": "Tessera", "last_name": "Cognome"}})",
      .presets = "canonical",
      .cancellations = false,
      .times = false,
  };
  return table;
}

}  // namespace imagross::ingest
