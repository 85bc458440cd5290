#pragma once

// The fields of a member that a members import fills, their canonical column names and the
// header names that common Italian and English exports use for them.

#include <cstddef>
#include <cstdint>

#include "ingest/mapping/field_table.h"

namespace imagross::ingest {

enum class MemberField : uint8_t {
  card_number,
  first_name,
  last_name,
  email,
  phone,
  birth_date,
  signup_date,
  home_store,
  marketing_consent,
  profiling_consent,
};

inline constexpr std::size_t kMemberFieldCount = 10;

// The fields of a member as a table for the shared column mapping: card_number and last_name
// required, birth_date and signup_date the date columns, no number columns. Synonyms include the
// Italian tessera, nome, cognome, telefono, cellulare, data di nascita, data iscrizione, negozio,
// consenso marketing and consenso profilazione.
const FieldTable& member_field_table();

}  // namespace imagross::ingest
