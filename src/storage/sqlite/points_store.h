#pragma once

// The SQLite implementation of PointsStore. Its methods are split by subject:
// points_store.cpp (receipts, ledger, expiry, balances, tiers, liability, flows) and
// points_catalog.cpp (rule sets, rewards, redemptions, tills' keys).

#include "storage/points_store.h"
#include "storage/sqlite/store_connections.h"

namespace imagross::sqlite {

class SqlitePointsStore final : public PointsStore {
 public:
  explicit SqlitePointsStore(StoreConnections& connections) : connections_(connections) {}

  // points_store.cpp
  std::vector<PendingReceipt> pending_receipts(int64_t after_receipt_id, int limit) override;
  std::vector<PendingReceipt> receipts_in_period(int64_t from, int64_t to, int64_t after_receipt_id,
                                                 int limit) override;
  bool record_award(const ReceiptAward& award) override;
  std::vector<bool> record_awards(std::span<const ReceiptAward> awards) override;
  std::optional<ReceiptPoints> receipt_points(std::string_view receipt_code) override;
  bool record_reversal(const ReturnReversal& reversal) override;
  Result<LedgerEntry> adjust(int64_t member_id, int64_t points, std::string_view reason,
                             std::string_view expires_on,
                             std::optional<int64_t> account_id) override;
  Result<int64_t> transfer(int64_t from_member, int64_t to_member, std::string_view reason,
                           std::optional<int64_t> account_id) override;
  std::vector<OpeningOutcome> write_openings(int64_t import_id,
                                             std::span<const OpeningEntry> entries) override;
  int64_t expire(std::string_view today) override;
  MemberPoints member_points(int64_t member_id) override;
  LedgerPage ledger(const LedgerQuery& query) override;
  std::vector<int64_t> balance_mismatches() override;
  PointsLiability liability() override;
  std::vector<PointsFlow> flows(std::string_view from, std::string_view to,
                                std::string_view granularity, const TimeZone& zone) override;
  int64_t qualifying_total(int64_t member_id, bool spend, std::string_view from,
                           std::string_view to) override;
  MemberTier member_tier(int64_t member_id) override;
  void set_member_tier(int64_t member_id, std::string_view tier, std::string_view since) override;
  std::vector<std::pair<int64_t, MemberTier>> members_with_tiers() override;

  // points_catalog.cpp
  int32_t create_rule_set(std::string_view name, std::string_view document,
                          std::optional<int64_t> account_id) override;
  std::vector<RuleSetVersion> list_rule_sets() override;
  std::optional<RuleSetVersion> find_rule_set(int32_t version) override;
  Result<RuleSetVersion> activate_rule_set(int32_t version, std::string_view effective_from,
                                           std::optional<int64_t> account_id) override;
  std::vector<RuleSetVersion> active_rule_sets() override;
  Result<Reward> create_reward(const Reward& reward) override;
  Result<Reward> update_reward(const Reward& reward) override;
  std::optional<Reward> find_reward(int64_t id) override;
  std::vector<Reward> list_rewards(bool active_only) override;
  Result<Redemption> redeem(const RedemptionRequest& request) override;
  Result<Redemption> cancel_redemption(int64_t redemption_id,
                                       std::optional<int64_t> account_id) override;
  Result<Redemption> use_redemption(int64_t redemption_id,
                                    std::optional<int64_t> account_id) override;
  std::optional<Redemption> find_redemption(int64_t id) override;
  RedemptionPage list_redemptions(const RedemptionQuery& query) override;
  std::pair<PosKey, std::string> create_pos_key(std::string_view store_code,
                                                std::string_view label) override;
  std::optional<PosKey> find_pos_key(std::string_view key) override;
  std::vector<PosKey> list_pos_keys() override;
  bool revoke_pos_key(int64_t id) override;

 private:
  bool write_award(Connection& connection, const ReceiptAward& award);

  StoreConnections& connections_;
};

}  // namespace imagross::sqlite
