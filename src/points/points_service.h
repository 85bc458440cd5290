#pragma once

// Awarding points on receipts, reversing them on returns, simulating a rule set on past sales,
// expiring points and reviewing tiers. Every path that evaluates a receipt (awarding, till
// receipts, simulation) builds the rule engine's input and the member's tier multiplier in the
// same function, so a simulation of the active rules equals what awarding records.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "common/time_zone.h"
#include "common/utc_time.h"
#include "points/rule_engine.h"
#include "points/rule_set.h"
#include "storage/database.h"
#include "storage/points_store.h"

namespace imagross {
class SalesEngine;
}

namespace imagross::points {

// The counts of one award_pending run.
struct AwardSummary {
  int64_t receipts = 0;          // receipts evaluated (sales and returns)
  int64_t receipts_earning = 0;  // receipts whose award is more than 0 points
  int64_t points = 0;            // points awarded
  int64_t returns = 0;           // return documents recorded
  int64_t reversed_points = 0;   // points taken back for returns
  int64_t no_rules = 0;          // receipts left pending because no rule set was in force
  int64_t upgrades = 0;          // members moved to a higher tier
  double seconds = 0;            // wall-clock duration of the run
};

// Logs one line with a run's counts, such as "event=points_awarded trigger=serve_start
// receipts=120 ...". `trigger` names what started the run.
void log_award_summary(const AwardSummary& summary, std::string_view trigger);

// One line of a till receipt. Money and quantities in thousandths; a negative quantity or
// amount makes a return line.
struct PosLine {
  int32_t line = 0;  // 1-based; 0: the position in the receipt
  std::string product_code;
  std::string product_name;
  std::string department;
  int64_t quantity = 0;
  int64_t unit_price = 0;
  int64_t discount = 0;
  int64_t amount = 0;
  std::string promo_code;
};

// A receipt posted by a till.
struct PosReceipt {
  std::string receipt_id;
  int64_t timestamp = 0;            // UTC seconds
  std::string card;                 // empty: no card
  std::string original_receipt_id;  // a return's earning receipt; empty when none
  std::vector<PosLine> lines;
};

// The outcome of a till receipt. status: "awarded", "reversed", "no_card", "card_not_linked"
// or "no_rules".
struct PosOutcome {
  std::string receipt_id;
  std::string status;
  int64_t points = 0;              // awarded, or taken back by a return
  std::optional<int64_t> balance;  // the member's balance afterwards; none without a member
  bool duplicate = false;          // the receipt was posted before; nothing was written
};

// A field of a till receipt that breaks a rule.
struct PosProblem {
  std::string field;  // the JSON path, such as "timestamp" or "lines[2].amount"
  std::string message;
};

// Till receipts are refused with a timestamp more than this many seconds after the server's
// clock (clock skew between tills and the server), or before kMinPosTimestamp.
inline constexpr int64_t kMaxPosClockSkew = 300;
inline constexpr int64_t kMinPosTimestamp = 946'684'800;  // 2000-01-01T00:00:00Z

struct RuleCount {
  std::string name;
  int64_t receipts = 0;
};

struct PointsBucket {
  int64_t from = 0;  // points, inclusive
  int64_t to = 0;    // points, inclusive
  int64_t members = 0;
};

// A rule set evaluated on the receipts of [from, to] (local days), as if it had been in force.
struct Simulation {
  std::string from;  // YYYY-MM-DD
  std::string to;
  int64_t receipts = 0;               // receipts with a member's card, sales and returns
  int64_t receipts_earning = 0;       // receipts earning more than 0 points
  int64_t members = 0;                // members with at least one receipt in the period
  int64_t members_earning = 0;        // members earning more than 0 points in the period
  int64_t points = 0;                 // points awarded (returns not subtracted)
  int64_t value = 0;                  // points x point_value, thousandths of a euro
  int64_t eligible_amount = 0;        // thousandths of a euro
  std::vector<RuleCount> by_rule;     // receipts on which each rule applied, in document order
  std::vector<PointsBucket> buckets;  // members by points earned in the period
  int64_t p50 = 0;                    // points per member, nearest-rank percentiles over `members`
  int64_t p90 = 0;
  int64_t p99 = 0;
  int64_t max = 0;
  // The same period under the rule set in force now, for comparison.
  std::optional<int32_t> current_version;  // none when no rule set is in force now
  int64_t current_points = 0;
  int64_t current_value = 0;
};

struct TierReview {
  int64_t reviewed = 0;  // members holding a tier
  int64_t kept = 0;      // unchanged (held, or supported by their total)
  int64_t upgraded = 0;
  int64_t downgraded = 0;
};

struct TierProgress {
  std::string name;  // empty: no tier
  std::string since;
  int64_t multiplier = 1000;  // thousandths
  TierBasis basis = TierBasis::points;
  int window_days = 365;
  int64_t qualifying_total = 0;   // points, or spend in thousandths
  std::optional<TierLevel> next;  // the next level; none at the top or without tiers
  int64_t missing = 0;            // to reach `next`
};

// A member's points as the customer and admin views show them.
struct MemberPointsView {
  MemberPoints points;
  TierProgress tier;
  std::optional<Season> season;  // the season in force today; none outside every season
  int64_t point_value = 0;       // thousandths of a euro per point; 0 without a rule set
  int64_t value = 0;             // the available points' value, thousandths of a euro
  ExpiringPoints expiring_soon;  // the earliest expiry within 30 days; 0 points when none
};

// Thread-safe. Awarding runs one receipt chunk at a time under a lock that till receipts also
// take, so a receipt is never evaluated by two paths at once.
class PointsService {
 public:
  using Clock = std::function<int64_t()>;  // UTC seconds

  // `engine`, when given, receives the lines that till receipts add. `clock` defaults to the
  // system clock; tests pass a fixed one.
  PointsService(Database& database, std::shared_ptr<const TimeZone> zone,
                SalesEngine* engine = nullptr, Clock clock = {});

  // Evaluates every pending receipt with the rule set in force at its time, and then moves the
  // members whose totals reached a higher tier. Receipts with no rule set in force stay pending.
  // `should_stop`, checked between chunks, ends the run early (the rest stays pending).
  AwardSummary award_pending(const std::function<bool()>& should_stop = {});

  // Stores a till's receipt and awards it (or reverses its original's award). Error codes:
  // "invalid_receipt" (with the field), "receipt_conflict" (same id, other lines).
  Result<PosOutcome> post_receipt(const std::string& store_code, const PosReceipt& receipt);

  // Checks a till receipt as post_receipt does before storing it: identifiers, the timestamp
  // against the clock, line numbers, and each line's limits and amount. Returns the first
  // problem.
  std::optional<PosProblem> check_receipt(const PosReceipt& receipt) const;

  // Evaluates `rule_set` on the receipts of [from_day, to_day] (local days), writing nothing.
  // Error code "invalid_period".
  Result<Simulation> simulate(const RuleSet& rule_set, int32_t from_day, int32_t to_day);

  // Expires the credits due on or before `today` (YYYY-MM-DD; empty: today in the chain's
  // zone). Returns the points expired. Throws std::invalid_argument when `today` is after the
  // chain's today, because expiry cannot be undone.
  int64_t expire(const std::string& today = {});

  // Applies the downgrade rule of the rule set in force on `today` (empty: today), and moves up
  // members whose total reaches a higher level.
  TierReview review_tiers(const std::string& today = {});

  MemberPointsView view(int64_t member_id);

  // The rule set in force at `utc_seconds`, with its version; none before the first active one.
  struct InForce {
    int32_t version = 0;
    std::shared_ptr<const RuleSet> rule_set;
  };
  std::optional<InForce> rule_set_at(int64_t utc_seconds);

  // Today in the chain's zone, as YYYY-MM-DD.
  std::string today() const;

 private:
  struct ActiveVersion {
    int32_t version = 0;
    int64_t effective_from = 0;  // UTC seconds
    std::shared_ptr<const RuleSet> rule_set;
  };

  std::vector<ActiveVersion> active_versions();
  static std::optional<InForce> in_force_at(const std::vector<ActiveVersion>& versions,
                                            int64_t utc_seconds);
  int64_t tier_multiplier(const RuleSet& rule_set, int64_t member_id);

  // The receipts of an awarding run evaluated so far: awards wait in `awards` until
  // flush_awards records them in one call, so that a store can write them in one transaction.
  struct AwardBatch {
    AwardSummary summary;
    std::vector<ReceiptAward> awards;
    std::map<std::pair<int32_t, int64_t>, int64_t> tiers;  // (version, member) -> multiplier
    std::vector<ActiveVersion> versions;                   // read once per chunk of receipts
    std::set<int64_t> members;                             // members whose points changed
    int64_t points = 0;                                    // points awarded minus points taken back
  };

  void award_one(const PendingReceipt& receipt, AwardBatch& batch);
  void flush_awards(AwardBatch& batch);
  void reverse_original(const PendingReceipt& receipt, const ReceiptPoints& original,
                        AwardBatch& batch);
  int64_t upgrade_members(const std::vector<int64_t>& members);
  int64_t qualifying_total(const TierPolicy& policy, int64_t member_id, int32_t today);
  Result<PosOutcome> award_posted(const PosReceipt& receipt, int64_t receipt_id);
  Result<PosOutcome> repeat_outcome(const PosReceipt& receipt);
  int64_t pos_import_id(const std::string& store_code);

  Database& database_;
  std::shared_ptr<const TimeZone> zone_;
  SalesEngine* engine_;
  Clock clock_;

  std::mutex award_mutex_;  // one awarding step at a time
  std::mutex cache_mutex_;  // the parsed active versions and the till import records
  std::vector<ActiveVersion> active_;
  std::string active_key_;  // versions and effective times of `active_`, to notice activations
  std::map<std::string, int64_t> pos_imports_;  // "store|day" -> import id
};

// The rule engine's input for a receipt read from the sales tables: its local day in `zone`
// and its lines. Shared by awarding, till receipts and simulation.
EarnReceipt earn_receipt(const PendingReceipt& receipt, const TimeZone& zone);

// The sum of the return lines' amounts, positive, in thousandths.
int64_t returned_amount(const PendingReceipt& receipt);

// Parses "YYYY-MM-DD" or an ISO 8601 time ("2026-01-01T00:00:00Z", "...+01:00"); a date alone
// is midnight in `zone`. Error code "invalid_time".
Result<int64_t> parse_day_or_time(std::string_view text, const TimeZone& zone);

// Parses the time a rule set version takes effect: a date (midnight in `zone`) or an ISO 8601
// time with "Z" or a UTC offset and whole seconds, in the years 2000 to 2999. Error code
// "invalid_effective_from".
Result<int64_t> parse_effective_from(std::string_view text, const TimeZone& zone);

using imagross::format_utc;

}  // namespace imagross::points
