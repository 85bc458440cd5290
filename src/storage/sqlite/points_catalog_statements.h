#pragma once

// The SQL of the points catalogue: rule set versions, rewards, redemptions and the tills' API
// keys, as named constants. Parameters are numbered (?1, ?2...) so each bind call names its
// place.

#include "storage/sqlite/connection.h"

namespace imagross::sqlite::points_catalog_statements {

// Rule set versions. The columns are those that read_rule_set reads, in its order.
inline constexpr Sql kSelectRuleSet{"select_rule_set", R"sql(
SELECT version, name, document, status, effective_from, created_at, created_by, activated_at,
       activated_by
FROM points_rule_sets
WHERE version = ?1)sql"};
inline constexpr Sql kListRuleSets{"list_rule_sets", R"sql(
SELECT version, name, document, status, effective_from, created_at, created_by, activated_at,
       activated_by
FROM points_rule_sets
ORDER BY version DESC)sql"};
// Equal effective times are ordered by version, so the later activation is the one in force.
inline constexpr Sql kListActiveRuleSets{"list_active_rule_sets", R"sql(
SELECT version, name, document, status, effective_from, created_at, created_by, activated_at,
       activated_by
FROM points_rule_sets
WHERE status = 'active'
ORDER BY effective_from, version)sql"};
// The active version in force last: the one a new activation may not take effect before.
inline constexpr Sql kSelectLatestActiveRuleSet{"select_latest_active_rule_set", R"sql(
SELECT version, effective_from FROM points_rule_sets
WHERE status = 'active'
ORDER BY effective_from DESC, version DESC
LIMIT 1)sql"};
inline constexpr Sql kSelectJsonValid{"select_json_valid", "SELECT json_valid(?1)"};
inline constexpr Sql kInsertRuleSet{"insert_rule_set", R"sql(
INSERT INTO points_rule_sets (version, name, document, status, created_at, created_by)
SELECT coalesce(max(version), 0) + 1, ?1, ?2, 'draft', ?3, ?4 FROM points_rule_sets
RETURNING version)sql"};
inline constexpr Sql kActivateRuleSet{"activate_rule_set", R"sql(
UPDATE points_rule_sets
SET status = 'active', effective_from = ?2, activated_at = ?3, activated_by = ?4
WHERE version = ?1 AND status = 'draft')sql"};

// Rewards. The columns are those that read_reward reads, in its order.
inline constexpr Sql kSelectReward{"select_reward", R"sql(
SELECT id, name, description, image_url, category, points_cost, copay, stock, per_member_limit,
       valid_from, valid_to, active, created_at, updated_at
FROM rewards
WHERE id = ?1)sql"};
// ?1 is 1 to list the active rewards only, 0 to list them all.
inline constexpr Sql kListRewards{"list_rewards", R"sql(
SELECT id, name, description, image_url, category, points_cost, copay, stock, per_member_limit,
       valid_from, valid_to, active, created_at, updated_at
FROM rewards
WHERE ?1 = 0 OR active = 1
ORDER BY id)sql"};
// ?1 to ?11 are the fields that bind_reward_fields binds, in its order; ?12 is the time.
inline constexpr Sql kInsertReward{"insert_reward", R"sql(
INSERT INTO rewards (
  name, description, image_url, category, points_cost, copay, stock, per_member_limit,
  valid_from, valid_to, active, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)
RETURNING id)sql"};
// ?1 to ?11 as for kInsertReward; ?12 is the time and ?13 the reward.
inline constexpr Sql kUpdateReward{"update_reward", R"sql(
UPDATE rewards SET
  name = ?1, description = ?2, image_url = ?3, category = ?4, points_cost = ?5, copay = ?6,
  stock = ?7, per_member_limit = ?8, valid_from = ?9, valid_to = ?10, active = ?11,
  updated_at = ?12
WHERE id = ?13)sql"};
// ?2 is +1 or -1. A reward without a stock (NULL) is unlimited and stays so.
inline constexpr Sql kChangeRewardStock{"change_reward_stock", R"sql(
UPDATE rewards SET stock = stock + ?2 WHERE id = ?1 AND stock IS NOT NULL)sql"};

// Redemptions. The columns are those that read_redemption reads, in its order.
inline constexpr Sql kSelectRedemption{"select_redemption", R"sql(
SELECT d.id, d.member_id, d.reward_id, r.name, d.points, d.copay, d.voucher_code, d.status,
       d.channel, d.created_at, d.created_by, d.closed_at, d.closed_by, d.debit_id
FROM redemptions d JOIN rewards r ON r.id = d.reward_id
WHERE d.id = ?1)sql"};
// ?1 member, ?2 reward, ?3 status, ?4 voucher code: NULL matches any.
inline constexpr Sql kCountRedemptions{"count_redemptions", R"sql(
SELECT count(*)
FROM redemptions d
WHERE (?1 IS NULL OR d.member_id = ?1) AND (?2 IS NULL OR d.reward_id = ?2)
  AND (?3 IS NULL OR d.status = ?3) AND (?4 IS NULL OR d.voucher_code = ?4))sql"};
// ?1 to ?4 as for kCountRedemptions, then ?5 the limit and ?6 the offset.
inline constexpr Sql kListRedemptions{"list_redemptions", R"sql(
SELECT d.id, d.member_id, d.reward_id, r.name, d.points, d.copay, d.voucher_code, d.status,
       d.channel, d.created_at, d.created_by, d.closed_at, d.closed_by, d.debit_id
FROM redemptions d JOIN rewards r ON r.id = d.reward_id
WHERE (?1 IS NULL OR d.member_id = ?1) AND (?2 IS NULL OR d.reward_id = ?2)
  AND (?3 IS NULL OR d.status = ?3) AND (?4 IS NULL OR d.voucher_code = ?4)
ORDER BY d.id DESC
LIMIT ?5 OFFSET ?6)sql"};
inline constexpr Sql kSelectMemberStatus{"select_member_status",
                                         "SELECT status FROM members WHERE id = ?1"};
// Redemptions that count against a reward's per-member limit: every one not cancelled.
inline constexpr Sql kCountMemberRedemptions{"count_member_redemptions", R"sql(
SELECT count(*) FROM redemptions
WHERE member_id = ?1 AND reward_id = ?2 AND status <> 'cancelled')sql"};
// The id the next redemption gets. It is read inside the write transaction, so no other
// writer can take it.
inline constexpr Sql kSelectNextRedemptionId{"select_next_redemption_id",
                                             "SELECT coalesce(max(id), 0) + 1 FROM redemptions"};
inline constexpr Sql kSelectVoucherTaken{"select_voucher_taken",
                                         "SELECT 1 FROM redemptions WHERE voucher_code = ?1"};
inline constexpr Sql kInsertRedemption{"insert_redemption", R"sql(
INSERT INTO redemptions (
  id, member_id, reward_id, points, copay, voucher_code, status, channel, debit_id, created_at,
  created_by)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'issued', ?7, ?8, ?9, ?10))sql"};
// The expiry date that a refund of debit ?1 gets: the latest expiry date among the credits the
// debit consumed. NULL (never expires) when one of them never expires or it consumed none.
inline constexpr Sql kSelectRefundExpiry{"select_refund_expiry", R"sql(
SELECT CASE WHEN count(*) = 0 OR count(c.expires_on) < count(*) THEN NULL
            ELSE max(c.expires_on) END
FROM points_allocations a JOIN points_ledger c ON c.id = a.credit_id
WHERE a.debit_id = ?1)sql"};
inline constexpr Sql kCancelRedemption{"cancel_redemption", R"sql(
UPDATE redemptions SET status = 'cancelled', refund_id = ?2, closed_at = ?3, closed_by = ?4
WHERE id = ?1 AND status = 'issued')sql"};
inline constexpr Sql kUseRedemption{"use_redemption", R"sql(
UPDATE redemptions SET status = 'used', closed_at = ?2, closed_by = ?3
WHERE id = ?1 AND status = 'issued')sql"};

// Tills' API keys. The columns are those that read_pos_key reads, in its order.
inline constexpr Sql kInsertPosKey{"insert_pos_key", R"sql(
INSERT INTO pos_keys (store_code, label, prefix, key_hash, created_at)
VALUES (?1, ?2, ?3, ?4, ?5)
RETURNING id, store_code, label, prefix, created_at, revoked_at)sql"};
inline constexpr Sql kSelectValidPosKey{"select_valid_pos_key", R"sql(
SELECT id, store_code, label, prefix, created_at, revoked_at
FROM pos_keys
WHERE key_hash = ?1 AND revoked_at IS NULL)sql"};
inline constexpr Sql kListPosKeys{"list_pos_keys", R"sql(
SELECT id, store_code, label, prefix, created_at, revoked_at FROM pos_keys ORDER BY id)sql"};
inline constexpr Sql kRevokePosKey{"revoke_pos_key", R"sql(
UPDATE pos_keys SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL)sql"};

}  // namespace imagross::sqlite::points_catalog_statements
