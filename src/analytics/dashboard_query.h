#pragma once

// The dashboard and product-list queries over one snapshot.

#include "analytics/dashboard.h"
#include "analytics/period_totals.h"
#include "analytics/sales_snapshot.h"

namespace imagross::analytics {

// `top` is the number of top products (none when not positive). A filter whose from_day is
// after its to_day selects no line.
Dashboard compute_dashboard(const SalesSnapshot& snapshot, const SalesFilter& filter, int top);

ProductPage compute_product_page(const SalesSnapshot& snapshot, const ProductQuery& query);

// Net revenue, units and purchase receipts per product over the lines `filter` selects.
GroupTotals product_totals(const SalesSnapshot& snapshot, const SalesFilter& filter);

// The table row of one product, with its totals from `totals`.
ProductRow product_row(const SalesSnapshot& snapshot, const GroupTotals& totals, uint32_t product);

}  // namespace imagross::analytics
