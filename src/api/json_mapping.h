#pragma once

// The JSON shapes of the API (docs/API.md) built from the engine's and the database's types.
// Money becomes euros rounded to cents, quantities units with up to three decimals, ratios
// plain fractions; a figure that is not available becomes null, never NaN, Infinity or 0.

#include <optional>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "analytics/dashboard.h"
#include "analytics/sales_engine.h"
#include "api/sales_filter_params.h"
#include "storage/database.h"

namespace imagross::api {

boost::json::value money_json(int64_t milli);
boost::json::value money_json(const std::optional<int64_t>& milli);
boost::json::value quantity_json(int64_t milli);
// A fraction rounded to six decimals; null when absent or not finite.
boost::json::value ratio_json(const std::optional<double>& value);
// (current − previous) / previous, or null when the previous value is absent, zero or negative.
boost::json::value change_json(const std::optional<double>& current,
                               const std::optional<double>& previous);

boost::json::object kpis_json(const Kpis& kpis);
boost::json::object changes_json(const Kpis& current, const Kpis& previous);
boost::json::object filter_json(const ParsedFilter& filter);
boost::json::object product_json(const ProductRow& row);
// Department rows: {"name" (null for lines that name no department), "net_revenue", "units",
// "receipts"}.
boost::json::array departments_json(const std::vector<DepartmentRow>& rows);
boost::json::object dashboard_json(const Dashboard& dashboard, const ParsedFilter& filter,
                                   std::string_view time_zone);
boost::json::object coverage_json(const SalesCoverage& coverage, std::string_view time_zone);

// What the import worker knows of an import that has not finished yet.
enum class ImportPhase : uint8_t { queued, running, finished };

// One import record. `phase` overrides the stored status while the import is queued.
boost::json::object import_json(const ImportRecord& record, ImportPhase phase);

// A page of a list: {"items": [...], "page", "page_size", "total", "pages"}.
boost::json::object page_json(boost::json::array items, int64_t page, int64_t page_size,
                              int64_t total);

}  // namespace imagross::api
