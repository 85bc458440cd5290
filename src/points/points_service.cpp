#include "points/points_service.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "analytics/sales_engine.h"
#include "common/civil_time.h"
#include "common/decimal.h"
#include "ingest/convert/date_time.h"

namespace imagross::points {
namespace {

namespace json = boost::json;

// Receipts read per awarding step: the lock that till receipts wait for is held for one step.
constexpr int kChunkReceipts = 2000;
constexpr int kSecondsPerDay = 86'400;
// Points expiring within this many days count as expiring soon.
constexpr int kExpiringSoonDays = 30;
// Buckets of the simulation's distribution of points per member, at most.
constexpr int64_t kDistributionBuckets = 10;

int64_t system_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool is_return_line(const PendingReceiptLine& line) {
  return line.is_return || line.amount < 0 || line.quantity < 0;
}

bool has_sales_lines(const PendingReceipt& receipt) {
  return std::any_of(receipt.lines.begin(), receipt.lines.end(),
                     [](const PendingReceiptLine& line) { return !is_return_line(line); });
}

// Midnight at the start of `day` in `zone`, as UTC seconds. A midnight that clocks skip is
// taken at the zone's offset an hour later.
int64_t local_midnight(const TimeZone& zone, int32_t day) {
  const auto instant = zone.to_utc(LocalDateTime{day, 0});
  if (instant.ok()) {
    return *instant;
  }
  const int64_t naive = static_cast<int64_t>(day) * kSecondsPerDay;
  return naive - zone.offset_at(naive + 3600);
}

std::string evaluation_details(const Evaluation& evaluation, int64_t tier_multiplier) {
  json::object details;
  json::array rules;
  for (const std::string& name : evaluation.applied_rules) {
    rules.emplace_back(name);
  }
  details["applied_rules"] = std::move(rules);
  details["reason"] = evaluation.no_points_reason;
  details["base_points"] = evaluation.base_points;
  details["bonus_points"] = evaluation.bonus_points;
  details["tier_multiplier"] = format_milli(tier_multiplier, 3);
  details["eligible_amount"] = format_milli(evaluation.eligible_amount, 2);
  details["excluded_amount"] = format_milli(evaluation.excluded_amount, 2);
  return json::serialize(details);
}

std::string reversal_details(int64_t returned, const std::string& original, int64_t points_left) {
  json::object details;
  details["returned_amount"] = format_milli(returned, 2);
  if (original.empty()) {
    details["rate"] = "base";
  } else {
    details["rate"] = "proportional";
    details["original_receipt"] = original;
    details["original_points_left"] = points_left;
  }
  return json::serialize(details);
}

int tier_index(const TierPolicy& policy, const std::string& name) {
  for (std::size_t i = 0; i < policy.levels.size(); ++i) {
    if (policy.levels[i].name == name) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

// The nearest-rank percentile of sorted values.
int64_t percentile(const std::vector<int64_t>& sorted, int percent) {
  if (sorted.empty()) {
    return 0;
  }
  // The rank is ceil(percent × count / 100), computed in integers.
  const std::size_t rank = (static_cast<std::size_t>(percent) * sorted.size() + 99) / 100;
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

// A bucket width of 1, 2 or 5 times a power of ten that covers 0..max in at most
// kDistributionBuckets buckets.
int64_t bucket_width(int64_t max) {
  const int64_t needed = max / kDistributionBuckets + 1;
  for (int64_t scale = 1;; scale *= 10) {
    for (const int64_t step : {1, 2, 5}) {
      if (step * scale >= needed) {
        return step * scale;
      }
    }
  }
}

// total += amount for non-negative figures, stopping at the int64 maximum instead of wrapping.
void add_saturated(int64_t& total, int64_t amount) {
  if (__builtin_add_overflow(total, amount, &total)) {
    total = std::numeric_limits<int64_t>::max();
  }
}

int64_t multiply_saturated(int64_t a, int64_t b) {
  int64_t product = 0;
  if (__builtin_mul_overflow(a, b, &product)) {
    return std::numeric_limits<int64_t>::max();
  }
  return product;
}

std::vector<PointsBucket> distribution(const std::vector<int64_t>& sorted) {
  std::vector<PointsBucket> buckets;
  if (sorted.empty()) {
    return buckets;
  }
  const int64_t max = std::max<int64_t>(sorted.back(), 0);
  const int64_t width = bucket_width(max);
  // Stepping by bucket index, not by adding widths, cannot pass the int64 range near max.
  for (int64_t index = 0; index <= max / width; ++index) {
    const int64_t from = index * width;
    const auto first = std::lower_bound(sorted.begin(), sorted.end(), from);
    const auto last = std::upper_bound(sorted.begin(), sorted.end(), from + width - 1);
    buckets.push_back(PointsBucket{from, from + width - 1, static_cast<int64_t>(last - first)});
  }
  return buckets;
}

}  // namespace

EarnReceipt earn_receipt(const PendingReceipt& receipt, const TimeZone& zone) {
  EarnReceipt earn;
  earn.local_day = zone.to_local(receipt.timestamp).day;
  earn.lines.reserve(receipt.lines.size());
  for (const PendingReceiptLine& line : receipt.lines) {
    EarnLine out;
    out.department = line.department;
    out.product_code = line.product_code;
    out.promo_code = line.promo_code;
    out.quantity = line.quantity;
    out.amount = line.amount;
    out.is_return = is_return_line(line);
    earn.lines.push_back(std::move(out));
  }
  return earn;
}

int64_t returned_amount(const PendingReceipt& receipt) {
  int64_t total = 0;
  for (const PendingReceiptLine& line : receipt.lines) {
    if (is_return_line(line)) {
      total += line.amount < 0 ? -line.amount : line.amount;
    }
  }
  return total;
}

Result<int64_t> parse_day_or_time(std::string_view text, const TimeZone& zone) {
  const auto parsed = ingest::parse_date_time(text, ingest::DateFormat{ingest::DateStyle::iso, {}});
  if (!parsed.ok()) {
    return Error{"invalid_time",
                 fmt::format("'{}' is not a date or a time: write YYYY-MM-DD (midnight in {}) or "
                             "an ISO 8601 time such as 2026-01-01T00:00:00Z or "
                             "2026-01-01T08:00:00+01:00",
                             text, zone.name())};
  }
  if (parsed->utc_offset) {
    const LocalDateTime& local = parsed->local;
    return int64_t{local.day} * kSecondsPerDay + local.second_of_day - *parsed->utc_offset;
  }
  if (!parsed->has_time) {
    return local_midnight(zone, parsed->local.day);
  }
  const auto instant = zone.to_utc(parsed->local);
  if (!instant.ok()) {
    return Error{"invalid_time", fmt::format("'{}': {}", text, instant.error().message)};
  }
  return *instant;
}

Result<int64_t> parse_effective_from(std::string_view text, const TimeZone& zone) {
  const auto invalid = [text](std::string_view problem) {
    return Error{"invalid_effective_from",
                 fmt::format("effective_from '{}' {}: write a date YYYY-MM-DD or a time such as "
                             "2026-01-01T08:00:00+01:00 or 2026-01-01T07:00:00Z, from the year "
                             "2000 to 2999",
                             text, problem)};
  };
  const auto parsed = ingest::parse_date_time(text, ingest::DateFormat{ingest::DateStyle::iso, {}});
  if (!parsed.ok()) {
    return invalid("is not a date or a time");
  }
  if (parsed->has_time && !parsed->utc_offset) {
    return invalid("has no UTC offset");
  }
  if (parsed->has_time && text.find('.') != std::string_view::npos) {
    return invalid("has a fraction of a second");
  }
  // 2000-01-01 and 3000-01-01 in days since 1970, for the written date.
  constexpr int32_t kFirstDay = 10'957;
  constexpr int32_t kEndDay = 376'200;
  if (parsed->local.day < kFirstDay || parsed->local.day >= kEndDay) {
    return invalid("is outside the allowed range");
  }
  const Result<int64_t> instant = parse_day_or_time(text, zone);
  if (!instant) {
    return invalid("is not a valid time");
  }
  // The same bounds in UTC: 2000-01-01T00:00:00Z and 3000-01-01T00:00:00Z in seconds since 1970.
  constexpr int64_t kFirst = 946'684'800;
  constexpr int64_t kEnd = 32'503'680'000;
  if (*instant < kFirst || *instant >= kEnd) {
    return invalid("is outside the allowed range");
  }
  return *instant;
}

PointsService::PointsService(Database& database, std::shared_ptr<const TimeZone> zone,
                             SalesEngine* engine, Clock clock)
    : database_(database),
      zone_(std::move(zone)),
      engine_(engine),
      clock_(clock ? std::move(clock) : Clock(system_now)) {}

std::string PointsService::today() const {
  return format_iso_date(zone_->to_local(clock_()).day);
}

// The active versions, parsed once and again only when the stored list changes (a version was
// activated). A document that no longer parses is left out and logged.
std::vector<PointsService::ActiveVersion> PointsService::active_versions() {
  const std::vector<RuleSetVersion> stored = database_.points().active_rule_sets();
  std::string key;
  for (const RuleSetVersion& version : stored) {
    key += fmt::format("{}@{};", version.version, version.effective_from);
  }
  const std::lock_guard lock(cache_mutex_);
  if (key == active_key_) {
    return active_;
  }
  std::vector<ActiveVersion> parsed;
  for (const RuleSetVersion& version : stored) {
    auto rule_set = parse_rule_set(version.document);
    const auto from = parse_day_or_time(version.effective_from, *zone_);
    if (!rule_set.ok() || !from.ok()) {
      // Stored documents were validated when created, so this means a newer program reads them
      // differently: the version is skipped rather than guessed.
      spdlog::error("event=rule_set_unreadable version={} error={:?}", version.version,
                    rule_set.ok() ? from.error().message : rule_set.error().message);
      continue;
    }
    parsed.push_back(ActiveVersion{version.version, *from,
                                   std::make_shared<const RuleSet>(std::move(rule_set).value())});
  }
  std::stable_sort(parsed.begin(), parsed.end(),
                   [](const ActiveVersion& a, const ActiveVersion& b) {
                     return a.effective_from < b.effective_from;
                   });
  active_ = parsed;
  active_key_ = key;
  return parsed;
}

std::optional<PointsService::InForce> PointsService::rule_set_at(int64_t utc_seconds) {
  return in_force_at(active_versions(), utc_seconds);
}

std::optional<PointsService::InForce> PointsService::in_force_at(
    const std::vector<ActiveVersion>& versions, int64_t utc_seconds) {
  std::optional<InForce> found;
  for (const ActiveVersion& version : versions) {
    if (version.effective_from > utc_seconds) {
      break;
    }
    found = InForce{version.version, version.rule_set};
  }
  return found;
}

int64_t PointsService::tier_multiplier(const RuleSet& rule_set, int64_t member_id) {
  const TierPolicy& policy = rule_set.tiers;
  if (policy.levels.empty()) {
    return 1000;
  }
  const int index = tier_index(policy, database_.points().member_tier(member_id).tier);
  // A member without a level (or with one this rule set no longer has) earns at the first.
  return policy.levels[static_cast<std::size_t>(std::max(index, 0))].multiplier;
}

void log_award_summary(const AwardSummary& summary, std::string_view trigger) {
  spdlog::info(
      "event=points_awarded trigger={} receipts={} receipts_earning={} points={} returns={} "
      "reversed_points={} pending_no_rules={} upgrades={} seconds={:.2f}",
      trigger, summary.receipts, summary.receipts_earning, summary.points, summary.returns,
      summary.reversed_points, summary.no_rules, summary.upgrades, summary.seconds);
}

AwardSummary PointsService::award_pending(const std::function<bool()>& should_stop) {
  const auto started = std::chrono::steady_clock::now();
  AwardBatch batch;
  int64_t after = 0;
  for (;;) {
    if (should_stop && should_stop()) {
      break;
    }
    const std::lock_guard lock(award_mutex_);
    const std::vector<PendingReceipt> chunk =
        database_.points().pending_receipts(after, kChunkReceipts);
    if (chunk.empty()) {
      break;
    }
    batch.versions = active_versions();
    for (const PendingReceipt& receipt : chunk) {
      after = receipt.receipt_id;
      award_one(receipt, batch);
    }
    flush_awards(batch);
  }
  AwardSummary summary = batch.summary;
  summary.upgrades =
      upgrade_members(std::vector<int64_t>(batch.members.begin(), batch.members.end()));
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

void PointsService::flush_awards(AwardBatch& batch) {
  if (batch.awards.empty()) {
    return;
  }
  const std::vector<bool> recorded = database_.points().record_awards(batch.awards);
  for (std::size_t i = 0; i < batch.awards.size() && i < recorded.size(); ++i) {
    if (!recorded[i]) {
      continue;  // evaluated by another path meanwhile
    }
    const ReceiptAward& award = batch.awards[i];
    ++batch.summary.receipts;
    batch.summary.points += award.points;
    batch.summary.receipts_earning += award.points > 0 ? 1 : 0;
    batch.points += award.points;
    batch.members.insert(award.member_id);
  }
  batch.awards.clear();
}

// Evaluates one pending receipt: the award of its sales lines (added to the batch) and the
// reversal of its return lines at the base rate (recorded at once, after the awards before it).
// A receipt with no rule set in force is counted and left pending.
void PointsService::award_one(const PendingReceipt& receipt, AwardBatch& batch) {
  const auto in_force = in_force_at(batch.versions, receipt.timestamp);
  if (!in_force) {
    ++batch.summary.no_rules;
    return;
  }
  const RuleSet& rule_set = *in_force->rule_set;
  if (has_sales_lines(receipt)) {
    const std::pair key{in_force->version, receipt.member_id};
    auto cached = batch.tiers.find(key);
    if (cached == batch.tiers.end()) {
      cached = batch.tiers.emplace(key, tier_multiplier(rule_set, receipt.member_id)).first;
    }
    const Evaluation evaluation = evaluate(rule_set, earn_receipt(receipt, *zone_), cached->second);
    ReceiptAward award;
    award.receipt_id = receipt.receipt_id;
    award.receipt_code = receipt.receipt_code;
    award.member_id = receipt.member_id;
    award.at = format_utc(receipt.timestamp);
    award.points = evaluation.points;
    award.eligible_amount = evaluation.eligible_amount;
    award.expires_on = evaluation.expires_day && evaluation.points > 0
                           ? format_iso_date(*evaluation.expires_day)
                           : std::string();
    award.rule_set_version = in_force->version;
    award.details = evaluation_details(evaluation, cached->second);
    batch.awards.push_back(std::move(award));
  }

  const int64_t returned = returned_amount(receipt);
  if (returned == 0) {
    return;
  }
  // The debit consumes the member's credits oldest first, so the awards before it go first.
  // NOTE: a receipt with both sales and return lines is recorded in two transactions. A crash
  // between them leaves the return unrecorded, and the receipt is no longer pending.
  flush_awards(batch);
  ReturnReversal reversal;
  reversal.receipt_id = receipt.receipt_id;
  reversal.receipt_code = receipt.receipt_code;
  reversal.member_id = receipt.member_id;
  reversal.at = format_utc(receipt.timestamp);
  reversal.returned_amount = returned;
  reversal.points = reversal_at_base_rate(rule_set, returned);
  reversal.details = reversal_details(returned, {}, 0);
  if (database_.points().record_reversal(reversal)) {
    batch.summary.receipts += has_sales_lines(receipt) ? 0 : 1;
    ++batch.summary.returns;
    batch.summary.reversed_points += reversal.points;
    batch.points -= reversal.points;
    batch.members.insert(receipt.member_id);
  }
}

// Awards the sales lines of a till receipt that names its original receipt, and takes back the
// original's points in proportion to the goods returned. The caller holds award_mutex_.
void PointsService::reverse_original(const PendingReceipt& receipt, const ReceiptPoints& original,
                                     AwardBatch& batch) {
  PendingReceipt sales = receipt;
  std::erase_if(sales.lines, is_return_line);
  if (!sales.lines.empty()) {
    award_one(sales, batch);
    flush_awards(batch);
  }
  const int64_t returned = returned_amount(receipt);
  const int64_t left = original.points - original.reversed_points;
  ReturnReversal reversal;
  reversal.receipt_id = receipt.receipt_id;
  reversal.receipt_code = receipt.receipt_code;
  reversal.member_id = receipt.member_id;
  reversal.at = format_utc(receipt.timestamp);
  reversal.original_receipt_code = original.receipt_code;
  reversal.returned_amount = returned;
  reversal.points =
      proportional_reversal(original.points, original.eligible_amount, returned, left);
  reversal.details = reversal_details(returned, original.receipt_code, left);
  if (database_.points().record_reversal(reversal)) {
    ++batch.summary.returns;
    batch.summary.reversed_points += reversal.points;
    batch.points -= reversal.points;
    batch.members.insert(receipt.member_id);
  }
}

int64_t PointsService::qualifying_total(const TierPolicy& policy, int64_t member_id,
                                        int32_t today) {
  const std::string from = format_utc(local_midnight(*zone_, today + 1 - policy.window_days));
  const std::string to = format_utc(local_midnight(*zone_, today + 1));
  return database_.points().qualifying_total(member_id, policy.basis == TierBasis::spend, from, to);
}

// Moves each member up to the highest level their total over the window before today reaches.
int64_t PointsService::upgrade_members(const std::vector<int64_t>& members) {
  const int64_t now = clock_();
  const auto in_force = rule_set_at(now);
  if (!in_force || in_force->rule_set->tiers.levels.empty()) {
    return 0;
  }
  const TierPolicy& policy = in_force->rule_set->tiers;
  const int32_t today = zone_->to_local(now).day;
  PointsStore& store = database_.points();
  int64_t upgrades = 0;
  for (const int64_t member : members) {
    const int current = tier_index(policy, store.member_tier(member).tier);
    const int reached = tier_level_for(policy, qualifying_total(policy, member, today));
    if (reached > current) {
      store.set_member_tier(member, policy.levels[static_cast<std::size_t>(reached)].name,
                            format_iso_date(today));
      ++upgrades;
    }
  }
  return upgrades;
}

int64_t PointsService::expire(const std::string& today) {
  const std::string chain_today = this->today();
  if (today > chain_today) {
    throw std::invalid_argument(fmt::format(
        "cannot expire points as of {}: the date is after today ({}), and expiry cannot be undone",
        today, chain_today));
  }
  return database_.points().expire(today.empty() ? chain_today : today);
}

TierReview PointsService::review_tiers(const std::string& today_text) {
  TierReview review;
  const std::string today_iso = today_text.empty() ? today() : today_text;
  const auto today = parse_iso_date(today_iso);
  if (!today.ok()) {
    return review;
  }
  const auto in_force = rule_set_at(local_midnight(*zone_, *today + 1) - 1);
  if (!in_force || in_force->rule_set->tiers.levels.empty()) {
    return review;
  }
  const TierPolicy& policy = in_force->rule_set->tiers;
  PointsStore& store = database_.points();
  for (const auto& [member, tier] : store.members_with_tiers()) {
    ++review.reviewed;
    const int current = tier_index(policy, tier.tier);
    const int supported = tier_level_for(policy, qualifying_total(policy, member, *today));
    int target = current;
    if (current < 0 || supported > current) {
      // A level this rule set does not have is replaced by the one the total supports.
      target = supported;
    } else if (supported < current) {
      const auto since = parse_iso_date(tier.since);
      const bool held = since.ok() && (*since >= *today || *today - *since < policy.hold_days);
      target = held ? current : current - 1;
    }
    if (target == current || target < 0) {
      ++review.kept;
      continue;
    }
    store.set_member_tier(member, policy.levels[static_cast<std::size_t>(target)].name, today_iso);
    ++(target > current ? review.upgraded : review.downgraded);
  }
  return review;
}

MemberPointsView PointsService::view(int64_t member_id) {
  MemberPointsView view;
  view.points = database_.points().member_points(member_id);
  view.tier.name = view.points.tier.tier;
  view.tier.since = view.points.tier.since;
  const int64_t now = clock_();
  const int32_t today = zone_->to_local(now).day;
  const std::string soon = format_iso_date(today + kExpiringSoonDays);
  for (const ExpiringPoints& expiring : view.points.expiring) {
    if (expiring.expires_on <= soon) {
      view.expiring_soon = expiring;
      break;
    }
  }

  const auto in_force = rule_set_at(now);
  if (!in_force) {
    return view;
  }
  const RuleSet& rule_set = *in_force->rule_set;
  view.point_value = rule_set.point_value;
  view.value = view.points.available * rule_set.point_value;
  if (const Season* season = season_of(rule_set, today)) {
    view.season = *season;
  }

  const TierPolicy& policy = rule_set.tiers;
  view.tier.basis = policy.basis;
  view.tier.window_days = policy.window_days;
  if (policy.levels.empty()) {
    return view;
  }
  view.tier.qualifying_total = qualifying_total(policy, member_id, today);
  const int index = tier_index(policy, view.tier.name);
  view.tier.multiplier = policy.levels[static_cast<std::size_t>(std::max(index, 0))].multiplier;
  const auto next = static_cast<std::size_t>(index + 1);
  if (next < policy.levels.size()) {
    view.tier.next = policy.levels[next];
    view.tier.missing =
        std::max<int64_t>(0, view.tier.next->threshold - view.tier.qualifying_total);
  }
  return view;
}

Result<Simulation> PointsService::simulate(const RuleSet& rule_set, int32_t from_day,
                                           int32_t to_day) {
  if (from_day > to_day) {
    return Error{"invalid_period", fmt::format("the period starts on {} after it ends on {}: "
                                               "give the earlier date as the start",
                                               format_iso_date(from_day), format_iso_date(to_day))};
  }
  Simulation simulation;
  simulation.from = format_iso_date(from_day);
  simulation.to = format_iso_date(to_day);
  for (const Rule& rule : rule_set.rules) {
    simulation.by_rule.push_back(RuleCount{rule.name, 0});
  }
  const int64_t now = clock_();
  const auto current = rule_set_at(now);
  if (current) {
    simulation.current_version = current->version;
  }
  const int64_t from = local_midnight(*zone_, from_day);
  const int64_t to = local_midnight(*zone_, to_day + 1);
  std::unordered_map<int64_t, int64_t> member_points;
  // Tier multipliers by member: under the simulated rule set and under the current one.
  std::unordered_map<int64_t, std::pair<int64_t, int64_t>> multipliers;
  PointsStore& store = database_.points();
  int64_t after = 0;
  for (;;) {
    const std::vector<PendingReceipt> chunk =
        store.receipts_in_period(from, to, after, kChunkReceipts);
    if (chunk.empty()) {
      break;
    }
    for (const PendingReceipt& receipt : chunk) {
      after = receipt.receipt_id;
      ++simulation.receipts;
      int64_t& points_of_member = member_points[receipt.member_id];
      if (!has_sales_lines(receipt)) {
        continue;
      }
      auto cached = multipliers.find(receipt.member_id);
      if (cached == multipliers.end()) {
        const int64_t simulated = tier_multiplier(rule_set, receipt.member_id);
        const int64_t in_force =
            current ? tier_multiplier(*current->rule_set, receipt.member_id) : 1000;
        cached = multipliers.emplace(receipt.member_id, std::pair{simulated, in_force}).first;
      }
      const EarnReceipt earn = earn_receipt(receipt, *zone_);
      const Evaluation evaluation = evaluate(rule_set, earn, cached->second.first);
      add_saturated(simulation.points, evaluation.points);
      add_saturated(simulation.eligible_amount, evaluation.eligible_amount);
      simulation.receipts_earning += evaluation.points > 0 ? 1 : 0;
      add_saturated(points_of_member, evaluation.points);
      for (RuleCount& count : simulation.by_rule) {
        const auto& applied = evaluation.applied_rules;
        count.receipts +=
            std::find(applied.begin(), applied.end(), count.name) != applied.end() ? 1 : 0;
      }
      if (current) {
        add_saturated(simulation.current_points,
                      evaluate(*current->rule_set, earn, cached->second.second).points);
      }
    }
  }
  simulation.members = static_cast<int64_t>(member_points.size());
  simulation.value = multiply_saturated(simulation.points, rule_set.point_value);
  if (current) {
    simulation.current_value =
        multiply_saturated(simulation.current_points, current->rule_set->point_value);
  }
  std::vector<int64_t> sorted;
  sorted.reserve(member_points.size());
  for (const auto& [member, points] : member_points) {
    sorted.push_back(points);
    simulation.members_earning += points > 0 ? 1 : 0;
  }
  std::sort(sorted.begin(), sorted.end());
  simulation.buckets = distribution(sorted);
  simulation.p50 = percentile(sorted, 50);
  simulation.p90 = percentile(sorted, 90);
  simulation.p99 = percentile(sorted, 99);
  simulation.max = sorted.empty() ? 0 : sorted.back();
  return simulation;
}

}  // namespace imagross::points
