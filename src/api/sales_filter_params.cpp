#include "api/sales_filter_params.h"

#include <algorithm>

#include <fmt/format.h>

#include "api/authorization.h"
#include "common/civil_time.h"
#include "http/errors.h"
#include "http/quote.h"

namespace imagross::api {
namespace {

// A store id that matches no line.
constexpr int32_t kNoStore = -1;

constexpr std::array<std::string_view, 6> kFilterParameters{
    "from", "to", "store", "department", "cards_only", "promo_only"};

struct Period {
  int32_t from;
  int32_t to;
};

Period read_period(const QueryReader& query, const SalesCatalog& catalog) {
  const auto from = query.date("from");
  const auto to = query.date("to");
  if (!from && !to) {
    const int32_t last = catalog.last_sales_day().value_or(catalog.today());
    return {last - (kDefaultPeriodDays - 1), last};
  }
  if (!from || !to) {
    const std::string missing = from ? "to" : "from";
    throw http::invalid_parameter(
        missing, fmt::format("{} is missing: give both from and to, or neither for the last {} "
                             "days with sales",
                             missing, kDefaultPeriodDays));
  }
  if (*from > *to) {
    throw http::invalid_parameter(
        "from",
        fmt::format("from ({}) is after to ({})", format_iso_date(*from), format_iso_date(*to)));
  }
  if (*to - *from + 1 > kMaxPeriodDays) {
    throw http::invalid_parameter(
        "to",
        fmt::format("the period {} to {} spans {} days; at most {} are allowed",
                    format_iso_date(*from), format_iso_date(*to), *to - *from + 1, kMaxPeriodDays));
  }
  return {*from, *to};
}

// Looks up each value with `find`; an unknown one is a 400 that names it.
template <typename Find>
std::vector<int32_t> resolve(const QueryReader& query, std::string_view parameter,
                             std::string_view what, std::vector<std::string>& names, Find find) {
  std::vector<int32_t> ids;
  for (const auto value : query.all(parameter)) {
    const auto id = find(value);
    if (!id) {
      throw http::invalid_parameter(std::string(parameter),
                                    fmt::format("unknown {} {}; GET /api/v1/{}s lists them", what,
                                                http::quote_value(value), what));
    }
    if (std::find(ids.begin(), ids.end(), *id) == ids.end()) {
      ids.push_back(*id);
      names.emplace_back(value);
    }
  }
  return ids;
}

}  // namespace

std::vector<std::string_view> with_filter_parameters(std::initializer_list<std::string_view> own) {
  std::vector<std::string_view> names(kFilterParameters.begin(), kFilterParameters.end());
  names.insert(names.end(), own.begin(), own.end());
  return names;
}

ParsedFilter parse_sales_filter(const QueryReader& query, const SalesCatalog& catalog) {
  ParsedFilter parsed;
  const auto period = read_period(query, catalog);
  parsed.filter.from_day = period.from;
  parsed.filter.to_day = period.to;
  parsed.filter.store_ids =
      resolve(query, "store", "store", parsed.stores,
              [&](std::string_view code) { return catalog.find_store(code); });
  parsed.filter.department_ids =
      resolve(query, "department", "department", parsed.departments,
              [&](std::string_view name) { return catalog.find_department(name); });
  parsed.filter.cards_only = query.boolean("cards_only");
  parsed.filter.promo_only = query.boolean("promo_only");
  return parsed;
}

ParsedFilter parse_sales_filter(const QueryReader& query, const SalesCatalog& catalog,
                                const Principal& principal) {
  std::vector<std::string> requested;
  for (const auto code : query.all("store")) {
    requested.emplace_back(code);
  }
  const auto visible = visible_stores(principal, requested);
  ParsedFilter parsed = parse_sales_filter(query, catalog);
  if (principal.role == Role::super_admin || !requested.empty()) {
    return parsed;
  }
  // The caller's own stores, when the query named none.
  for (const auto& code : visible) {
    if (const auto id = catalog.find_store(code)) {
      parsed.filter.store_ids.push_back(*id);
      parsed.stores.push_back(code);
    }
  }
  if (parsed.filter.store_ids.empty()) {
    // No store id is negative, so this selects no line; an empty list would select every store.
    parsed.filter.store_ids.push_back(kNoStore);
  }
  return parsed;
}

}  // namespace imagross::api
