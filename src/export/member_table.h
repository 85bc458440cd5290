#pragma once

// The member list as an exportable table. Column names are the field names of the JSON API, so
// a CSV and the API read the same.

#include <span>

#include "domain/member.h"
#include "export/table.h"

namespace imagross {

// An empty table "members" with its columns: id, card_number, card_status (of the member's
// current card), first_name, last_name, email, phone, birth_date, signup_date, home_store,
// status, marketing_consent and profiling_consent ("true" or "false").
Table members_table();

// Appends one row per member, in order. Unknown values are empty cells.
void append_member_rows(Table& table, std::span<const Member> members);

}  // namespace imagross
