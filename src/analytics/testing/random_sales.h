#pragma once

// Test support: reproducible random receipt lines shaped to reach the corners of the metrics.

#include <cstdint>
#include <memory>
#include <vector>

#include "analytics/testing/sales_fixture.h"

namespace imagross::analytics::testing {

// Lines of `receipts` random receipts between 2025-10-20 and 2026-04-10 (local time), over six
// stores, 60 cards and 40 products in six departments (one product without a department). They
// include returns, cancellation documents (receipt codes starting with "C"), receipts without a
// card, weighed goods, discounts, promotions, amounts beyond 32 bits, times on both
// daylight-saving changes, and receipts whose lines span two days or two stores.
std::vector<LineSpec> random_lines(uint64_t seed, int receipts);

// The random lines of `receipts` receipts written through the storage into a database, an
// engine loaded from it, and the same lines in an oracle table beside it.
struct RandomSalesData {
  RandomSalesData(uint64_t seed, int receipts);

  SalesFixture sales;
  std::unique_ptr<SalesEngine> engine;
  std::unique_ptr<OracleTable> oracle;
};

}  // namespace imagross::analytics::testing
