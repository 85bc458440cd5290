#pragma once

// The SQL of the member store and the card registry, as named constants. Parameters are numbered
// (?1, ?2...) so each bind call names its place.

#include "storage/sqlite/connection.h"

namespace imagross::sqlite::member_statements {

// The columns that read_member reads, in its order.
inline constexpr Sql kSelectMember{"select_member", R"sql(
SELECT id, first_name, last_name, email, phone, birth_date, signup_date, home_store, status,
       privacy_granted, privacy_at, privacy_notice_version,
       marketing_granted, marketing_at, marketing_notice_version,
       profiling_granted, profiling_at, profiling_notice_version,
       created_at, updated_at
FROM members
WHERE id = ?1)sql"};
inline constexpr Sql kSelectMemberIdByEmail{"select_member_id_by_email",
                                            "SELECT id FROM members WHERE email = ?1"};
inline constexpr Sql kSelectMemberIdByPhone{"select_member_id_by_phone",
                                            "SELECT id FROM members WHERE phone = ?1"};
inline constexpr Sql kCountMembers{"count_members", "SELECT count(*) FROM members"};

// ?1 to ?17 are the fields that bind_member_fields binds, in its order; ?18 to ?21 the derived
// columns, ?22 the import and ?23 the time.
inline constexpr Sql kInsertMember{"insert_member", R"sql(
INSERT INTO members (
  first_name, last_name, email, phone, birth_date, signup_date, home_store, status,
  privacy_granted, privacy_at, privacy_notice_version,
  marketing_granted, marketing_at, marketing_notice_version,
  profiling_granted, profiling_at, profiling_notice_version,
  card_number, sort_last, sort_first, search_text, import_id, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
        ?18, ?19, ?20, ?21, ?22, ?23, ?23)
RETURNING id)sql"};
// ?1 to ?17 as for kInsertMember; ?18 the import (NULL keeps it), ?19 the member, ?20 the time.
inline constexpr Sql kUpdateMember{"update_member", R"sql(
UPDATE members SET
  first_name = ?1, last_name = ?2, email = ?3, phone = ?4, birth_date = ?5, signup_date = ?6,
  home_store = ?7, status = ?8,
  privacy_granted = ?9, privacy_at = ?10, privacy_notice_version = ?11,
  marketing_granted = ?12, marketing_at = ?13, marketing_notice_version = ?14,
  profiling_granted = ?15, profiling_at = ?16, profiling_notice_version = ?17,
  import_id = coalesce(?18, import_id), updated_at = ?20
WHERE id = ?19)sql"};
// The columns derived from a member and its cards (see member_rows.h).
inline constexpr Sql kUpdateMemberDerived{"update_member_derived", R"sql(
UPDATE members SET card_number = ?2, sort_last = ?3, sort_first = ?4, search_text = ?5
WHERE id = ?1 AND (card_number IS NOT ?2 OR sort_last IS NOT ?3 OR sort_first IS NOT ?4
                   OR search_text IS NOT ?5))sql"};

// The card registry: rows of the sales dictionary table cards whose status is not NULL. The
// columns are those that read_card reads, in its order.
inline constexpr Sql kSelectCard{"select_card", R"sql(
SELECT id, number, status, member_id, issued_at, status_changed_at, replaced_by
FROM cards
WHERE number = ?1)sql"};
inline constexpr Sql kSelectCardsOfMember{"select_cards_of_member", R"sql(
SELECT id, number, status, member_id, issued_at, status_changed_at, replaced_by
FROM cards
WHERE member_id = ?1
ORDER BY id)sql"};
inline constexpr Sql kSelectCardIdsOfMember{
    "select_card_ids_of_member", "SELECT id FROM cards WHERE member_id = ?1 ORDER BY id"};
// A number that only receipts carried joins the registry as issued.
inline constexpr Sql kIssueCard{"issue_card", R"sql(
INSERT INTO cards (number, status, issued_at, status_changed_at) VALUES (?1, 'issued', ?2, ?2)
ON CONFLICT (number) DO UPDATE SET status = 'issued', issued_at = ?2, status_changed_at = ?2
WHERE status IS NULL)sql"};
// Registers a number, absent or seen only on receipts, as active for member ?2.
inline constexpr Sql kRegisterActiveCard{"register_active_card", R"sql(
INSERT INTO cards (number, status, member_id, issued_at, status_changed_at)
VALUES (?1, 'active', ?2, ?3, ?3)
ON CONFLICT (number) DO UPDATE SET
  status = 'active', member_id = ?2, issued_at = ?3, status_changed_at = ?3
WHERE status IS NULL
RETURNING id)sql"};
inline constexpr Sql kActivateIssuedCard{"activate_issued_card", R"sql(
UPDATE cards SET status = 'active', member_id = ?2, status_changed_at = ?3
WHERE id = ?1 AND status = 'issued')sql"};
inline constexpr Sql kBlockCard{"block_card", R"sql(
UPDATE cards SET status = 'blocked', status_changed_at = ?2
WHERE id = ?1 AND status IN ('issued', 'active'))sql"};
inline constexpr Sql kMarkCardReplaced{"mark_card_replaced", R"sql(
UPDATE cards SET status = 'replaced', replaced_by = ?2, status_changed_at = ?3
WHERE id = ?1 AND status IN ('active', 'blocked') AND member_id IS NOT NULL)sql"};
inline constexpr Sql kSelectNextFreeCard{"select_next_free_card", R"sql(
SELECT number FROM cards WHERE status = 'issued' ORDER BY number LIMIT 1)sql"};

}  // namespace imagross::sqlite::member_statements
