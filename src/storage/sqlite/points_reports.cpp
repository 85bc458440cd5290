#include "storage/sqlite/points_reports.h"

#include <fmt/format.h>

#include <map>
#include <stdexcept>
#include <string>

#include "common/civil_time.h"
#include "common/utc_time.h"

namespace imagross::sqlite {
namespace {

// The columns that read_entry reads, in its order. An entry's remaining points are those of its
// open entry, so 0 once it is consumed or paid.
constexpr Sql kSelectLedgerEntry{"select_ledger_entry", R"sql(
SELECT l.id, l.member_id, l.kind, l.points, l.at, l.recorded_at, l.expires_on, l.source_type,
       l.source_ref, l.rule_set_version, l.reason, l.account_id, coalesce(o.left, 0)
FROM points_ledger l
LEFT JOIN points_open_entries o ON o.entry_id = l.id
WHERE l.id = ?1)sql"};

// ?2 is the kind (NULL for any), ?3 the offset and ?4 the limit.
constexpr Sql kSelectLedgerPage{"select_ledger_page", R"sql(
SELECT l.id, l.member_id, l.kind, l.points, l.at, l.recorded_at, l.expires_on, l.source_type,
       l.source_ref, l.rule_set_version, l.reason, l.account_id, coalesce(o.left, 0)
FROM points_ledger l
LEFT JOIN points_open_entries o ON o.entry_id = l.id
WHERE l.member_id = ?1 AND (?2 IS NULL OR l.kind = ?2)
ORDER BY unixepoch(l.at) DESC, l.id DESC
LIMIT ?4 OFFSET ?3)sql"};
constexpr Sql kCountLedgerEntries{"count_ledger_entries", R"sql(
SELECT count(*) FROM points_ledger WHERE member_id = ?1 AND (?2 IS NULL OR kind = ?2))sql"};

// A member's balance and open points. With credits paying debts first, a member never has
// both points available and points owed.
constexpr Sql kSelectMemberBalance{"select_member_points_balance", R"sql(
SELECT coalesce((SELECT balance FROM points_balances WHERE member_id = ?1), 0),
       coalesce(sum(CASE WHEN is_credit = 1 THEN left END), 0),
       coalesce(sum(CASE WHEN is_credit = 0 THEN left END), 0)
FROM points_open_entries
WHERE member_id = ?1)sql"};

// The sums that add_to_flow classifies: per kind and sign, for one member.
constexpr Sql kSelectMemberSums{"select_member_points_sums", R"sql(
SELECT kind, sum(points)
FROM points_ledger
WHERE member_id = ?1
GROUP BY kind, points > 0)sql"};

// Open credits by expiry date, soonest first and never-expiring ('') last. ?1 is the member,
// NULL for every member.
constexpr Sql kSelectOpenCreditsByExpiry{"select_open_credits_by_expiry", R"sql(
SELECT coalesce(expires_on, ''), sum(left)
FROM points_open_entries
WHERE is_credit = 1 AND (?1 IS NULL OR member_id = ?1)
GROUP BY expires_on
ORDER BY expires_on IS NULL, expires_on)sql"};

constexpr Sql kSelectMemberTier{"select_member_tier",
                                "SELECT tier, since, reviewed_at FROM member_tiers "
                                "WHERE member_id = ?1"};

// Members whose cached balance differs from the sum of their ledger entries, either way round:
// an entry without a cached balance, or a cached balance without entries.
constexpr Sql kSelectBalanceMismatches{"select_balance_mismatches", R"sql(
SELECT member_id FROM (
  SELECT sums.member_id
  FROM (SELECT member_id, sum(points) AS total FROM points_ledger GROUP BY member_id) sums
  LEFT JOIN points_balances b ON b.member_id = sums.member_id
  WHERE b.balance IS NOT sums.total
  UNION
  SELECT b.member_id
  FROM points_balances b
  WHERE b.balance <> coalesce(
    (SELECT sum(points) FROM points_ledger WHERE member_id = b.member_id), 0))
ORDER BY member_id)sql"};

constexpr Sql kSelectLiability{"select_points_liability", R"sql(
SELECT coalesce(sum(CASE WHEN is_credit = 1 THEN left END), 0),
       coalesce(sum(CASE WHEN is_credit = 0 THEN left END), 0),
       count(DISTINCT CASE WHEN is_credit = 1 THEN member_id END),
       count(DISTINCT CASE WHEN is_credit = 0 THEN member_id END)
FROM points_open_entries)sql"};

// Ledger sums per quarter of an hour (UTC seconds / 900), kind and sign, for entries whose time
// is in [?1, ?2) (ISO 8601 UTC, the form every `at` has, so that text order is time order and
// the index on `at` serves). Every time zone's offset is a multiple of 15 minutes, so a quarter
// of an hour lies within one local date.
constexpr Sql kSelectFlowSums{"select_points_flow_sums", R"sql(
SELECT unixepoch(at) / 900, kind, sum(points)
FROM points_ledger
WHERE at >= ?1 AND at < ?2
GROUP BY 1, kind, points > 0)sql"};

LedgerEntry read_entry(const Statement& statement) {
  LedgerEntry entry;
  entry.id = statement.column_int64(0);
  entry.member_id = statement.column_int64(1);
  const std::string kind = statement.column_text(2);
  entry.kind = parse_ledger_kind(kind).value_or(LedgerKind::adjustment);
  entry.points = statement.column_int64(3);
  entry.at = statement.column_text(4);
  entry.recorded_at = statement.column_text(5);
  entry.expires_on = statement.column_text(6);
  entry.source_type = statement.column_text(7);
  entry.source_ref = statement.column_text(8);
  entry.rule_set_version = static_cast<int32_t>(statement.column_int64(9));
  entry.reason = statement.column_text(10);
  if (!statement.column_is_null(11)) {
    entry.account_id = statement.column_int64(11);
  }
  entry.remaining = statement.column_int64(12);
  return entry;
}

// Adds the sum of a member's or a period's entries of one kind and one sign to the figure it
// belongs to. Refunds count against redemptions, so `redeemed` is net of refunds. Transfers
// move points between members and count in no figure. Negative adjustments and openings count
// as reversed.
void add_to_flow(PointsFlow& flow, std::string_view kind_name, int64_t sum) {
  const std::optional<LedgerKind> kind = parse_ledger_kind(kind_name);
  if (!kind) {
    return;
  }
  switch (*kind) {
    case LedgerKind::award:
      flow.issued += sum;
      break;
    case LedgerKind::redemption:
    case LedgerKind::refund:
      flow.redeemed -= sum;
      break;
    case LedgerKind::expiry:
      flow.expired -= sum;
      break;
    case LedgerKind::reversal:
      flow.reversed -= sum;
      break;
    case LedgerKind::adjustment:
    case LedgerKind::opening:
      if (sum > 0) {
        flow.issued += sum;
      } else {
        flow.reversed -= sum;
      }
      break;
    case LedgerKind::transfer:
      break;
  }
}

int32_t parse_day(std::string_view text, std::string_view what) {
  Result<int32_t> day = parse_iso_date(text);
  if (!day) {
    throw std::invalid_argument(
        fmt::format("invalid {} date '{}': expected YYYY-MM-DD", what, text));
  }
  return *day;
}

}  // namespace

std::optional<LedgerEntry> find_ledger_entry(Connection& connection, int64_t entry_id) {
  Statement select(connection, kSelectLedgerEntry);
  select.bind(1, entry_id);
  if (!select.step()) {
    return std::nullopt;
  }
  return read_entry(select);
}

MemberPoints read_member_points(Connection& connection, int64_t member_id) {
  MemberPoints points;
  points.member_id = member_id;

  Statement balance(connection, kSelectMemberBalance);
  balance.bind(1, member_id);
  balance.step();
  points.balance = balance.column_int64(0);
  points.available = balance.column_int64(1);
  points.owed = balance.column_int64(2);

  PointsFlow flow;
  Statement sums(connection, kSelectMemberSums);
  sums.bind(1, member_id);
  while (sums.step()) {
    add_to_flow(flow, sums.column_view(0), sums.column_int64(1));
  }
  points.earned = flow.issued;
  points.spent = flow.redeemed;
  points.expired = flow.expired;

  Statement expiring(connection, kSelectOpenCreditsByExpiry);
  expiring.bind_optional(1, member_id);
  while (expiring.step()) {
    std::string expires_on = expiring.column_text(0);
    if (!expires_on.empty()) {
      points.expiring.push_back(ExpiringPoints{std::move(expires_on), expiring.column_int64(1)});
    }
  }

  points.tier = read_member_tier(connection, member_id);
  return points;
}

LedgerPage read_ledger_page(Connection& connection, const LedgerQuery& query) {
  const std::string_view kind = query.kind ? ledger_kind_name(*query.kind) : std::string_view{};
  LedgerPage page;
  Statement count(connection, kCountLedgerEntries);
  count.bind(1, query.member_id).bind_text_or_null(2, kind);
  count.step();
  page.total = count.column_int64(0);

  Statement select(connection, kSelectLedgerPage);
  select.bind(1, query.member_id).bind_text_or_null(2, kind);
  select.bind(3, query.offset).bind(4, int64_t{query.limit});
  while (select.step()) {
    page.rows.push_back(read_entry(select));
  }
  return page;
}

MemberTier read_member_tier(Connection& connection, int64_t member_id) {
  Statement select(connection, kSelectMemberTier);
  select.bind(1, member_id);
  MemberTier tier;
  if (select.step()) {
    tier.tier = select.column_text(0);
    tier.since = select.column_text(1);
    tier.reviewed_at = select.column_text(2);
  }
  return tier;
}

std::vector<int64_t> find_balance_mismatches(Connection& connection) {
  Statement select(connection, kSelectBalanceMismatches);
  std::vector<int64_t> members;
  while (select.step()) {
    members.push_back(select.column_int64(0));
  }
  return members;
}

PointsLiability read_liability(Connection& connection) {
  PointsLiability liability;
  Statement totals(connection, kSelectLiability);
  totals.step();
  liability.outstanding_points = totals.column_int64(0);
  liability.owed_points = totals.column_int64(1);
  liability.members_with_points = totals.column_int64(2);
  liability.members_owing = totals.column_int64(3);

  Statement by_expiry(connection, kSelectOpenCreditsByExpiry);
  by_expiry.bind_null(1);
  while (by_expiry.step()) {
    liability.by_expiry.push_back(
        ExpiringPoints{by_expiry.column_text(0), by_expiry.column_int64(1)});
  }
  return liability;
}

std::vector<PointsFlow> read_flows(Connection& connection, std::string_view from,
                                   std::string_view to, std::string_view granularity,
                                   const TimeZone& zone) {
  const int32_t from_day = parse_day(from, "from");
  const int32_t to_day = parse_day(to, "to");
  if (from_day > to_day) {
    throw std::invalid_argument(fmt::format("invalid period: from {} is after to {}", from, to));
  }
  const bool monthly = granularity == "month";
  if (!monthly && granularity != "day") {
    throw std::invalid_argument(
        fmt::format("invalid granularity '{}': expected day or month", granularity));
  }
  const std::size_t period_length = monthly ? 7 : 10;

  // Every period of the range gets a row, with zeros when it has no entry.
  std::map<std::string, PointsFlow> flows;
  for (int32_t day = monthly ? month_start(from_day) : from_day; day <= to_day;
       day = monthly ? add_months(day, 1) : day + 1) {
    std::string period = format_iso_date(day).substr(0, period_length);
    flows[period].period = period;
  }

  // The UTC bounds are widened by the largest offset any zone has (14 hours), and each quarter
  // of an hour is then placed on its local date.
  constexpr int64_t kDay = 86'400;
  constexpr int64_t kWidestOffset = 14 * 3'600;
  constexpr int64_t kQuarter = 900;
  Statement sums(connection, kSelectFlowSums);
  sums.bind(1, format_utc(int64_t{from_day} * kDay - kWidestOffset));
  sums.bind(2, format_utc((int64_t{to_day} + 1) * kDay + kWidestOffset));
  while (sums.step()) {
    const int32_t day = zone.to_local(sums.column_int64(0) * kQuarter).day;
    if (day < from_day || day > to_day) {
      continue;
    }
    auto flow = flows.find(format_iso_date(day).substr(0, period_length));
    if (flow != flows.end()) {
      add_to_flow(flow->second, sums.column_view(1), sums.column_int64(2));
    }
  }

  std::vector<PointsFlow> rows;
  rows.reserve(flows.size());
  for (auto& [period, flow] : flows) {
    rows.push_back(std::move(flow));
  }
  return rows;
}

}  // namespace imagross::sqlite
