#pragma once

// The SQL of the account store and the audit log, as named constants. Parameters are numbered
// (?1, ?2...) so each bind call names its place.

#include "storage/sqlite/connection.h"

namespace imagross::sqlite::account_statements {

// A customer's e-mail is its member's. The columns are those that read_account reads.
inline constexpr Sql kSelectAccount{"select_account", R"sql(
SELECT a.id, a.role, a.member_id, coalesce(a.email, m.email, ''), a.password_hash, a.disabled,
       a.created_at, a.last_sign_in_at
FROM accounts a LEFT JOIN members m ON m.id = a.member_id
WHERE a.id = ?1)sql"};
inline constexpr Sql kSelectAccountIdByEmail{"select_account_id_by_email", R"sql(
SELECT id FROM accounts WHERE email = ?1
UNION ALL
SELECT a.id FROM members m JOIN accounts a ON a.member_id = m.id WHERE m.email = ?1
LIMIT 1)sql"};
inline constexpr Sql kSelectAccountIdByMember{"select_account_id_by_member",
                                              "SELECT id FROM accounts WHERE member_id = ?1"};
inline constexpr Sql kSelectAccountStores{
    "select_account_stores",
    "SELECT store_code FROM account_stores WHERE account_id = ?1 ORDER BY store_code"};
inline constexpr Sql kInsertAccount{"insert_account", R"sql(
INSERT INTO accounts (role, member_id, email, password_hash, disabled, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
RETURNING id)sql"};
inline constexpr Sql kInsertAccountStore{
    "insert_account_store",
    "INSERT OR IGNORE INTO account_stores (account_id, store_code) VALUES (?1, ?2)"};
inline constexpr Sql kUpdatePassword{
    "update_password", "UPDATE accounts SET password_hash = ?2, updated_at = ?3 WHERE id = ?1"};
inline constexpr Sql kRecordSignIn{"record_sign_in",
                                   "UPDATE accounts SET last_sign_in_at = ?2 WHERE id = ?1"};

// Refresh tokens. The columns are those that read_refresh_token reads.
inline constexpr Sql kInsertRefreshToken{"insert_refresh_token", R"sql(
INSERT INTO refresh_tokens (account_id, family, token_hash, created_at, expires_at, used_at,
                            revoked_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))sql"};
inline constexpr Sql kSelectRefreshToken{"select_refresh_token", R"sql(
SELECT id, account_id, family, token_hash, created_at, expires_at, used_at, revoked_at
FROM refresh_tokens
WHERE token_hash = ?1)sql"};
inline constexpr Sql kMarkRefreshTokenUsed{"mark_refresh_token_used", R"sql(
UPDATE refresh_tokens SET used_at = ?2
WHERE id = ?1 AND used_at IS NULL AND revoked_at IS NULL)sql"};
inline constexpr Sql kRevokeRefreshFamily{"revoke_refresh_family", R"sql(
UPDATE refresh_tokens SET revoked_at = ?2 WHERE family = ?1 AND revoked_at IS NULL)sql"};
inline constexpr Sql kRevokeAccountTokens{"revoke_account_tokens", R"sql(
UPDATE refresh_tokens SET revoked_at = ?2 WHERE account_id = ?1 AND revoked_at IS NULL)sql"};

// Failed sign-ins.
inline constexpr Sql kRecordSignInFailure{"record_sign_in_failure", R"sql(
INSERT INTO sign_in_failures (key, count, first_failure_at, last_failure_at)
VALUES (?1, 1, ?2, ?2)
ON CONFLICT (key) DO UPDATE SET count = count + 1, last_failure_at = ?2
RETURNING count, last_failure_at)sql"};
inline constexpr Sql kSelectSignInFailures{
    "select_sign_in_failures",
    "SELECT count, last_failure_at FROM sign_in_failures WHERE key = ?1"};
inline constexpr Sql kClearSignInFailures{"clear_sign_in_failures",
                                          "DELETE FROM sign_in_failures WHERE key = ?1"};

// Password reset tokens. unixepoch() reads every ISO 8601 form, with "Z" or an offset.
inline constexpr Sql kInsertPasswordReset{"insert_password_reset", R"sql(
INSERT INTO password_resets (token_hash, account_id, created_at, expires_at)
VALUES (?1, ?2, ?3, ?4))sql"};
inline constexpr Sql kConsumePasswordReset{"consume_password_reset", R"sql(
UPDATE password_resets SET used_at = ?2
WHERE token_hash = ?1 AND used_at IS NULL AND unixepoch(expires_at) > unixepoch(?2)
RETURNING account_id)sql"};
inline constexpr Sql kUseOtherPasswordResets{"use_other_password_resets", R"sql(
UPDATE password_resets SET used_at = ?2 WHERE account_id = ?1 AND used_at IS NULL)sql"};

// The outbox.
inline constexpr Sql kInsertMessage{"insert_outbox_message", R"sql(
INSERT INTO outbox (channel, recipient, subject, body, created_at, sent_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
RETURNING id)sql"};
inline constexpr Sql kListMessages{"list_outbox_messages", R"sql(
SELECT id, channel, recipient, subject, body, created_at, sent_at
FROM outbox
ORDER BY id DESC
LIMIT ?1)sql"};

// The audit log. Times have milliseconds, so entries of one second keep their order in reading.
// Details that are not a JSON object are kept as the text of one, so no entry is lost.
inline constexpr Sql kInsertAuditEntry{"insert_audit_entry", R"sql(
INSERT INTO audit_log (at, actor_account_id, actor_role, action, target_type, target_id, details,
                       client_address, request_id)
VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?1, ?2, ?3, ?4, ?5,
        CASE WHEN ?6 = '' THEN '{}'
             WHEN NOT json_valid(?6) THEN json_object('text', ?6)
             WHEN json_type(?6) = 'object' THEN ?6
             ELSE json_object('text', ?6) END,
        ?7, ?8)
RETURNING id)sql"};

}  // namespace imagross::sqlite::account_statements
