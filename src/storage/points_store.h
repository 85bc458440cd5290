#pragma once

// The points ledger, the rule set versions, the rewards catalogue and its redemptions, the
// tills' API keys and the members' tiers. Reached through Database::points(). docs/POINTS.md
// defines every figure.
//
// The ledger is append-only: every change of a balance is a new entry, and no entry is ever
// changed or deleted (the SQLite schema enforces it with triggers). Credits (positive entries)
// are consumed oldest expiry first, then oldest entry first; each consumption is recorded as an
// allocation (also append-only), so a credit's remaining points are its points minus its
// allocations. A debit that finds no credit left stays partly unallocated: the member owes
// those points, the balance is negative, and the next credits pay the debt first.
//
// Invariants, per member: balance = sum of ledger points = sum of credits' remaining points -
// sum of debits' unallocated points; the cached balance always equals the ledger sum.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "common/time_zone.h"

namespace imagross {

enum class LedgerKind : uint8_t {
  award,       // points earned by a receipt (credit)
  reversal,    // points taken back for a return (debit)
  redemption,  // points spent on a reward (debit)
  refund,      // points given back when a redemption is cancelled (credit)
  expiry,      // points whose expiry date passed (debit)
  adjustment,  // an admin's correction, with a reason (credit or debit)
  transfer,    // points moved between members, e.g. a merged duplicate (credit or debit)
  opening,     // a balance or history entry from the previous system (credit or debit)
};
std::string_view ledger_kind_name(LedgerKind kind);
std::optional<LedgerKind> parse_ledger_kind(std::string_view name);

struct LedgerEntry {
  int64_t id = 0;
  int64_t member_id = 0;
  LedgerKind kind = LedgerKind::award;
  int64_t points = 0;                 // positive: credit; negative: debit; never 0
  std::string at;                     // ISO 8601 UTC: when the points were earned or spent
  std::string recorded_at;            // ISO 8601 UTC: when the entry was written
  std::string expires_on;             // YYYY-MM-DD, credits only; empty: never expires
  std::string source_type;            // "receipt", "return", "reward", "admin", "import", "system"
  std::string source_ref;             // receipt code, redemption id, import row id, ...
  int32_t rule_set_version = 0;       // awards: the version that computed them; else 0
  std::string reason;                 // adjustments and transfers: why (required); else optional
  std::optional<int64_t> account_id;  // who wrote it; none for the system
  int64_t remaining = 0;  // credits: points not yet consumed; debits: points still owed (>= 0)
};

// --- Awards and returns -------------------------------------------------------------------

// A receipt with a card, as the awarding service reads it from the sales tables.
struct PendingReceiptLine {
  std::string department;  // empty when none
  std::string product_code;
  std::string promo_code;
  int64_t quantity = 0;
  int64_t amount = 0;
  bool is_return = false;
};
struct PendingReceipt {
  int64_t receipt_id = 0;  // the sales tables' receipt id
  std::string receipt_code;
  int64_t timestamp = 0;  // UTC seconds of its first line
  std::string store_code;
  std::string card_number;
  int64_t member_id = 0;
  std::vector<PendingReceiptLine> lines;
};

struct ReceiptAward {
  int64_t receipt_id = 0;
  std::string receipt_code;
  int64_t member_id = 0;
  std::string at;      // ISO 8601 UTC of the receipt
  int64_t points = 0;  // may be 0: the receipt is then recorded as evaluated, with no entry
  int64_t eligible_amount = 0;
  std::string expires_on;  // YYYY-MM-DD
  int32_t rule_set_version = 0;
  std::string details;  // JSON of the evaluation (applied rules, reason)
};

struct ReturnReversal {
  int64_t receipt_id = 0;  // the return document's receipt id
  std::string receipt_code;
  int64_t member_id = 0;
  std::string at;
  std::string original_receipt_code;  // empty when the return names no earning receipt
  int64_t returned_amount = 0;        // thousandths, positive
  int64_t points = 0;                 // points to take back, positive; 0 records it only
  std::string details;
};

// An earned receipt's award and the points and amount that returns took back so far.
struct ReceiptPoints {
  std::string receipt_code;
  int64_t member_id = 0;
  int64_t points = 0;
  int64_t eligible_amount = 0;
  int64_t reversed_points = 0;
  int64_t returned_amount = 0;
  int32_t rule_set_version = 0;
  std::optional<int64_t> entry_id;  // none when it earned 0
};

// --- Rule set versions --------------------------------------------------------------------

enum class RuleSetStatus : uint8_t { draft, active, retired };
std::string_view rule_set_status_name(RuleSetStatus status);

struct RuleSetVersion {
  int32_t version = 0;  // 1, 2, ... in order of creation
  std::string name;
  std::string document;  // the JSON rule set (points/rule_set.h)
  RuleSetStatus status = RuleSetStatus::draft;
  std::string effective_from;  // ISO 8601 UTC; empty for a draft
  std::string created_at;
  std::optional<int64_t> created_by;
  std::string activated_at;
  std::optional<int64_t> activated_by;
};

// --- Rewards and redemptions --------------------------------------------------------------

struct Reward {
  int64_t id = 0;
  std::string name;
  std::string description;
  std::string image_url;  // empty when none
  std::string category;
  int64_t points_cost = 0;
  int64_t copay = 0;                        // thousandths of a euro paid at the desk, 0 when none
  std::optional<int64_t> stock;             // none: unlimited
  std::optional<int32_t> per_member_limit;  // none: unlimited (cancelled redemptions don't count)
  std::string valid_from;                   // YYYY-MM-DD, empty: no bound
  std::string valid_to;                     // YYYY-MM-DD inclusive, empty: no bound
  bool active = true;
  std::string created_at;
  std::string updated_at;
};

enum class RedemptionStatus : uint8_t { issued, used, cancelled };
std::string_view redemption_status_name(RedemptionStatus status);

struct Redemption {
  int64_t id = 0;
  int64_t member_id = 0;
  int64_t reward_id = 0;
  std::string reward_name;
  int64_t points = 0;  // spent, positive
  int64_t copay = 0;
  std::string voucher_code;  // 13-digit EAN-13 with the chain's voucher prefix, unique
  RedemptionStatus status = RedemptionStatus::issued;
  std::string channel;  // "app" (the customer) or "desk" (an admin)
  std::string created_at;
  std::optional<int64_t> created_by;
  std::string closed_at;  // used or cancelled at; empty while issued
  std::optional<int64_t> closed_by;
};

struct RedemptionRequest {
  int64_t member_id = 0;
  int64_t reward_id = 0;
  std::string channel = "app";
  std::optional<int64_t> account_id;
  std::string today;  // YYYY-MM-DD local: checks the reward's validity and the claim window
};

struct RedemptionQuery {
  std::optional<int64_t> member_id;
  std::optional<int64_t> reward_id;
  std::optional<RedemptionStatus> status;
  std::string voucher_code;  // exact; empty: any
  int64_t offset = 0;
  int limit = 50;
};
struct RedemptionPage {
  int64_t total = 0;
  std::vector<Redemption> rows;  // newest first
};

// --- Members' points, tiers, liability and statistics ---------------------------------------

struct ExpiringPoints {
  std::string expires_on;  // YYYY-MM-DD
  int64_t points = 0;
};

struct MemberTier {
  std::string tier;   // level name; empty: none yet
  std::string since;  // YYYY-MM-DD the level was reached
  std::string reviewed_at;
};

struct MemberPoints {
  int64_t member_id = 0;
  int64_t balance = 0;    // the ledger sum; negative when points are owed
  int64_t available = 0;  // credits' remaining points
  int64_t owed = 0;       // debits' unallocated points
  int64_t earned = 0;     // awards and positive adjustments/openings (refunds: see spent)
  int64_t spent = 0;      // redemptions net of refunds, positive
  int64_t expired = 0;    // positive
  std::vector<ExpiringPoints> expiring;  // remaining credits by expiry date, soonest first
  MemberTier tier;
};

struct LedgerQuery {
  int64_t member_id = 0;
  std::optional<LedgerKind> kind;
  int64_t offset = 0;
  int limit = 50;
};
struct LedgerPage {
  int64_t total = 0;
  std::vector<LedgerEntry> rows;  // newest first (by at, then id)
};

struct PointsLiability {
  int64_t outstanding_points = 0;  // sum of positive balances' available points
  int64_t owed_points = 0;         // sum of owed points
  int64_t members_with_points = 0;
  int64_t members_owing = 0;
  std::vector<ExpiringPoints> by_expiry;  // outstanding points by expiry date
};

struct PointsFlow {
  std::string period;    // YYYY-MM-DD (day) or YYYY-MM (month)
  int64_t issued = 0;    // awards, positive adjustments and openings (not refunds)
  int64_t redeemed = 0;  // redemptions net of refunds
  int64_t expired = 0;
  int64_t reversed = 0;  // returns, negative adjustments and negative openings
};

// --- Tills ---------------------------------------------------------------------------------

struct PosKey {
  int64_t id = 0;
  std::string store_code;
  std::string label;
  std::string prefix;  // the key's first characters, shown to tell keys apart
  std::string created_at;
  std::string revoked_at;  // empty while valid
};

// An entry of points history from a previous system (imagross import points).
struct OpeningEntry {
  std::string external_id;  // unique in the file's system; importing it again is a duplicate
  int64_t member_id = 0;
  int64_t points = 0;  // never 0
  std::string at;
  std::string expires_on;  // credits only; empty: never
  std::string reason;
};
enum class OpeningOutcome : uint8_t { inserted, duplicate };

// Thread-safe. Methods throw StorageError when the database fails; expected refusals are
// Errors with the codes listed.
class PointsStore {
 public:
  virtual ~PointsStore() = default;

  // Receipts with a card linked to a member and evaluated neither as a sale (record_award) nor
  // as a return (record_reversal), in receipt id order, with ids greater than
  // `after_receipt_id`, at most `limit` receipts. Lines on a card after it was blocked or
  // replaced are left out (such a card earns nothing from then on).
  virtual std::vector<PendingReceipt> pending_receipts(int64_t after_receipt_id, int limit) = 0;
  // Every receipt with a card linked to a member whose first line is in [from, to) (UTC
  // seconds), evaluated or not, with the same card rule as pending_receipts: what a simulation
  // reads. In receipt id order with ids greater than `after_receipt_id`, at most `limit`.
  virtual std::vector<PendingReceipt> receipts_in_period(int64_t from, int64_t to,
                                                         int64_t after_receipt_id, int limit) = 0;
  // Records the evaluation of a receipt and appends its award (when points > 0) in one
  // transaction. Returns false, writing nothing, when the receipt was evaluated before.
  virtual bool record_award(const ReceiptAward& award) = 0;
  // record_award for each award, in order; one result per award. An implementation may write
  // them in one transaction, which awarding a large history needs: one transaction per receipt
  // rewrites the ledger's pages for every receipt.
  virtual std::vector<bool> record_awards(std::span<const ReceiptAward> awards) {
    std::vector<bool> recorded;
    recorded.reserve(awards.size());
    for (const ReceiptAward& award : awards) {
      recorded.push_back(record_award(award));
    }
    return recorded;
  }
  virtual std::optional<ReceiptPoints> receipt_points(std::string_view receipt_code) = 0;
  // Appends a reversal (when points > 0) and records the return document. The debit consumes
  // the original award's remaining points first, then other credits oldest first; what is left
  // is owed. Returns false when the return document was recorded before.
  virtual bool record_reversal(const ReturnReversal& reversal) = 0;

  // An admin's adjustment: `points` != 0, reason required. Error codes: "member_not_found",
  // "reason_required", "zero_points", "invalid_expires_on" (not a date, or set on a debit).
  virtual Result<LedgerEntry> adjust(int64_t member_id, int64_t points, std::string_view reason,
                                     std::string_view expires_on,
                                     std::optional<int64_t> account_id) = 0;
  // Moves a member's whole balance to another member. Error codes: "member_not_found",
  // "same_member", "reason_required".
  virtual Result<int64_t> transfer(int64_t from_member, int64_t to_member, std::string_view reason,
                                   std::optional<int64_t> account_id) = 0;
  // History from a previous system, in one transaction; one outcome per entry.
  virtual std::vector<OpeningOutcome> write_openings(int64_t import_id,
                                                     std::span<const OpeningEntry> entries) = 0;

  // Expires every credit whose expiry date is on or before `today` (YYYY-MM-DD) and still has
  // points: one expiry entry per credit. Running it again expires nothing more. Returns the
  // points expired.
  virtual int64_t expire(std::string_view today) = 0;

  virtual MemberPoints member_points(int64_t member_id) = 0;
  virtual LedgerPage ledger(const LedgerQuery& query) = 0;
  // Members whose cached balance differs from their ledger sum (empty when all agree).
  virtual std::vector<int64_t> balance_mismatches() = 0;
  virtual PointsLiability liability() = 0;
  // Flows per local day ("day") or month ("month") between two local dates, inclusive: each
  // entry counts on the local date of its time in `zone`, the chain's time zone.
  virtual std::vector<PointsFlow> flows(std::string_view from, std::string_view to,
                                        std::string_view granularity, const TimeZone& zone) = 0;

  // Rule sets. create_rule_set stores a draft and returns its version.
  virtual int32_t create_rule_set(std::string_view name, std::string_view document,
                                  std::optional<int64_t> account_id) = 0;
  virtual std::vector<RuleSetVersion> list_rule_sets() = 0;  // newest version first
  virtual std::optional<RuleSetVersion> find_rule_set(int32_t version) = 0;
  // Activates a draft from `effective_from` on (ISO 8601 UTC such as "2026-11-30T17:05:09Z",
  // not before the latest active version's; empty: now). Error codes: "rule_set_not_found",
  // "rule_set_not_draft", "invalid_effective_from", "effective_from_too_early".
  virtual Result<RuleSetVersion> activate_rule_set(int32_t version, std::string_view effective_from,
                                                   std::optional<int64_t> account_id) = 0;
  // The active versions, by effective_from ascending: the one in force at a time is the last
  // one whose effective_from is at or before it.
  virtual std::vector<RuleSetVersion> active_rule_sets() = 0;

  // Rewards. Error codes: "invalid_reward" (with the field), "reward_not_found".
  virtual Result<Reward> create_reward(const Reward& reward) = 0;
  virtual Result<Reward> update_reward(const Reward& reward) = 0;
  virtual std::optional<Reward> find_reward(int64_t id) = 0;
  virtual std::vector<Reward> list_rewards(bool active_only) = 0;

  // Spends points on a reward, all in one write transaction so that concurrent redemptions can
  // neither overdraw a balance nor exceed the stock. Error codes: "member_not_found",
  // "member_not_active", "reward_not_found", "reward_inactive", "reward_not_valid_today",
  // "out_of_stock", "member_limit_reached", "insufficient_points".
  virtual Result<Redemption> redeem(const RedemptionRequest& request) = 0;
  // Cancels an issued redemption: refunds its points and returns its unit to stock. Error codes:
  // "redemption_not_found", "redemption_not_issued".
  virtual Result<Redemption> cancel_redemption(int64_t redemption_id,
                                               std::optional<int64_t> account_id) = 0;
  // Marks an issued voucher used at the desk. Same error codes.
  virtual Result<Redemption> use_redemption(int64_t redemption_id,
                                            std::optional<int64_t> account_id) = 0;
  virtual std::optional<Redemption> find_redemption(int64_t id) = 0;
  virtual RedemptionPage list_redemptions(const RedemptionQuery& query) = 0;

  // Tills' API keys; only a hash of the key is stored. create_pos_key returns the key once.
  virtual std::pair<PosKey, std::string> create_pos_key(std::string_view store_code,
                                                        std::string_view label) = 0;
  virtual std::optional<PosKey> find_pos_key(std::string_view key) = 0;  // valid keys only
  virtual std::vector<PosKey> list_pos_keys() = 0;
  virtual bool revoke_pos_key(int64_t id) = 0;

  // Tiers. The qualifying total of a member over [from, to) (ISO 8601 UTC): the points of their
  // awards, or the eligible spend of their evaluated receipts.
  virtual int64_t qualifying_total(int64_t member_id, bool spend, std::string_view from,
                                   std::string_view to) = 0;
  virtual MemberTier member_tier(int64_t member_id) = 0;
  virtual void set_member_tier(int64_t member_id, std::string_view tier,
                               std::string_view since) = 0;
  // Members holding a tier, for the scheduled review; counts per tier name for the dashboard.
  virtual std::vector<std::pair<int64_t, MemberTier>> members_with_tiers() = 0;
};

}  // namespace imagross
