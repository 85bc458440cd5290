#pragma once

// The reads of the points ledger behind SqlitePointsStore: a member's figures and history, the
// chain's liability and flows, and the check of the cached balances. Each takes a connection
// that the caller holds, in a read transaction when it needs a consistent snapshot.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "common/time_zone.h"
#include "storage/points_store.h"
#include "storage/sqlite/connection.h"

namespace imagross::sqlite {

std::optional<LedgerEntry> find_ledger_entry(Connection& connection, int64_t entry_id);

MemberPoints read_member_points(Connection& connection, int64_t member_id);
LedgerPage read_ledger_page(Connection& connection, const LedgerQuery& query);
MemberTier read_member_tier(Connection& connection, int64_t member_id);

std::vector<int64_t> find_balance_mismatches(Connection& connection);
PointsLiability read_liability(Connection& connection);

// Entries count on the local date of their time in `zone`. Throws std::invalid_argument when a
// date is not YYYY-MM-DD, `from` is after `to`, or `granularity` is neither "day" nor "month".
std::vector<PointsFlow> read_flows(Connection& connection, std::string_view from,
                                   std::string_view to, std::string_view granularity,
                                   const TimeZone& zone);

}  // namespace imagross::sqlite
