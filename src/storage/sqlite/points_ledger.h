#pragma once

// Appending to the points ledger inside a write transaction that the caller holds: the shared
// step of awards, returns, redemptions, refunds, adjustments, transfers, openings and expiry.
// Each call writes the entry, its allocations (oldest credits first), the open-entries cache and
// the member's cached balance. See storage/points_store.h for the rules.

#include <cstdint>
#include <optional>

#include "storage/points_store.h"
#include "storage/sqlite/connection.h"

namespace imagross::sqlite {

// Appends a credit (entry.points > 0). It first pays the member's owed debits, oldest first.
// entry.id, recorded_at and remaining are set by the call. Returns the entry id.
int64_t append_credit(Connection& connection, const LedgerEntry& entry);

// Appends a debit (entry.points < 0), consuming `first_credit` first when given (a return takes
// back from the award it reverses), then the member's credits by expiry date (soonest first,
// never-expiring last), then by id. What no credit covers stays owed. Returns the entry id.
int64_t append_debit(Connection& connection, const LedgerEntry& entry,
                     std::optional<int64_t> first_credit = std::nullopt);

// The member's cached balance (0 when the member has no entry yet).
int64_t cached_balance(Connection& connection, int64_t member_id);

// Points left on the credit `entry_id` (0 when consumed or not a credit).
int64_t credit_left(Connection& connection, int64_t entry_id);

}  // namespace imagross::sqlite
