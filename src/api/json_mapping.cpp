#include "api/json_mapping.h"

#include <cmath>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "common/civil_time.h"
#include "common/decimal.h"

namespace imagross::api {
namespace {

namespace json = boost::json;

std::optional<double> as_double(int64_t value) {
  return static_cast<double>(value);
}

std::optional<double> as_double(const std::optional<int64_t>& value) {
  return value ? std::optional<double>(static_cast<double>(*value)) : std::nullopt;
}

json::value optional_text(const std::string& text) {
  return text.empty() ? json::value(nullptr) : json::value(text);
}

json::array strings_json(const std::vector<std::string>& values) {
  json::array array;
  for (const auto& value : values) {
    array.emplace_back(value);
  }
  return array;
}

json::value import_options_json(const std::string& options) {
  boost::system::error_code error;
  auto parsed = json::parse(options, error);
  if (error || !parsed.is_object()) {
    return json::object();
  }
  return parsed;
}

std::string_view status_name(const ImportRecord& record, ImportPhase phase) {
  if (phase == ImportPhase::queued) {
    return "queued";
  }
  switch (record.status) {
    case ImportStatus::running:
      return "running";
    case ImportStatus::completed:
      return "completed";
    case ImportStatus::failed:
      return "failed";
  }
  return "running";
}

json::value percent_json(const ImportRecord& record, ImportPhase phase) {
  if (record.status == ImportStatus::completed && phase == ImportPhase::finished) {
    return 100.0;
  }
  if (record.bytes_total <= 0) {
    return phase == ImportPhase::queued ? json::value(0.0) : json::value(nullptr);
  }
  const double percent =
      100.0 * static_cast<double>(record.bytes_read) / static_cast<double>(record.bytes_total);
  return std::round(std::min(percent, 100.0) * 10.0) / 10.0;
}

}  // namespace

json::value money_json(int64_t milli) {
  return milli_to_rounded_units(milli);
}

json::value money_json(const std::optional<int64_t>& milli) {
  return milli ? money_json(*milli) : json::value(nullptr);
}

json::value quantity_json(int64_t milli) {
  return static_cast<double>(milli) / static_cast<double>(kMilliPerUnit);
}

json::value ratio_json(const std::optional<double>& value) {
  if (!value || !std::isfinite(*value)) {
    return nullptr;
  }
  return std::round(*value * 1e6) / 1e6;
}

json::value change_json(const std::optional<double>& current,
                        const std::optional<double>& previous) {
  if (!current || !previous || *previous <= 0) {
    return nullptr;
  }
  return ratio_json((*current - *previous) / *previous);
}

json::object kpis_json(const Kpis& kpis) {
  return {
      {"net_revenue", money_json(kpis.net_revenue)},
      {"gross_sales", money_json(kpis.gross_sales)},
      {"returns", money_json(kpis.returns)},
      {"discount", money_json(kpis.discount)},
      {"receipts", kpis.receipts},
      {"return_receipts", kpis.return_receipts},
      {"average_receipt", money_json(kpis.average_receipt)},
      {"units", quantity_json(kpis.units)},
      {"customers", kpis.customers},
      {"products", kpis.products},
      {"lines", kpis.lines},
      {"card_share", ratio_json(kpis.card_share)},
      {"promo_share", ratio_json(kpis.promo_share)},
  };
}

json::object changes_json(const Kpis& now, const Kpis& before) {
  const auto of = [](int64_t a, int64_t b) { return change_json(as_double(a), as_double(b)); };
  return {
      {"net_revenue", of(now.net_revenue, before.net_revenue)},
      {"gross_sales", of(now.gross_sales, before.gross_sales)},
      {"returns", of(now.returns, before.returns)},
      {"discount", of(now.discount, before.discount)},
      {"receipts", of(now.receipts, before.receipts)},
      {"return_receipts", of(now.return_receipts, before.return_receipts)},
      {"average_receipt",
       change_json(as_double(now.average_receipt), as_double(before.average_receipt))},
      {"units", of(now.units, before.units)},
      {"customers", of(now.customers, before.customers)},
      {"products", of(now.products, before.products)},
      {"lines", of(now.lines, before.lines)},
      {"card_share", change_json(now.card_share, before.card_share)},
      {"promo_share", change_json(now.promo_share, before.promo_share)},
  };
}

json::object filter_json(const ParsedFilter& parsed) {
  return {
      {"from", format_iso_date(parsed.filter.from_day)},
      {"to", format_iso_date(parsed.filter.to_day)},
      {"stores", strings_json(parsed.stores)},
      {"departments", strings_json(parsed.departments)},
      {"cards_only", parsed.filter.cards_only},
      {"promo_only", parsed.filter.promo_only},
  };
}

json::object product_json(const ProductRow& row) {
  return {
      {"code", row.code},
      {"name", row.name},
      {"department", optional_text(row.department)},
      {"net_revenue", money_json(row.net_revenue)},
      {"units", quantity_json(row.units)},
      {"receipts", row.receipts},
  };
}

namespace {

std::string_view granularity_name(Granularity granularity) {
  switch (granularity) {
    case Granularity::day:
      return "day";
    case Granularity::week:
      return "week";
    case Granularity::month:
      return "month";
  }
  return "day";
}

json::object series_json(const Dashboard& dashboard) {
  json::array points;
  for (const auto& point : dashboard.series) {
    points.push_back(json::object{{"start", format_iso_date(point.start_day)},
                                  {"net_revenue", money_json(point.net_revenue)},
                                  {"receipts", point.receipts}});
  }
  return {{"granularity", granularity_name(dashboard.granularity)}, {"points", std::move(points)}};
}

}  // namespace

json::array departments_json(const std::vector<DepartmentRow>& rows) {
  json::array array;
  for (const auto& row : rows) {
    // Lines that name no department form a row of their own, with a null name.
    array.push_back(json::object{{"name", optional_text(row.name)},
                                 {"net_revenue", money_json(row.net_revenue)},
                                 {"units", quantity_json(row.units)},
                                 {"receipts", row.receipts}});
  }
  return array;
}

namespace {

json::array stores_json(const std::vector<StoreRow>& rows) {
  json::array array;
  for (const auto& row : rows) {
    array.push_back(json::object{{"code", row.code},
                                 {"name", row.name},
                                 {"net_revenue", money_json(row.net_revenue)},
                                 {"receipts", row.receipts},
                                 {"customers", row.customers},
                                 {"average_receipt", money_json(row.average_receipt)}});
  }
  return array;
}

json::array promotions_json(const std::vector<PromotionRow>& rows) {
  json::array array;
  for (const auto& row : rows) {
    array.push_back(json::object{{"code", row.code},
                                 {"net_revenue", money_json(row.net_revenue)},
                                 {"discount", money_json(row.discount)},
                                 {"receipts", row.receipts}});
  }
  return array;
}

json::array weekday_hour_json(const Dashboard& dashboard) {
  json::array days;
  for (const auto& hours : dashboard.weekday_hour) {
    json::array row;
    for (const int64_t revenue : hours) {
      row.push_back(money_json(revenue));
    }
    days.push_back(std::move(row));
  }
  return days;
}

}  // namespace

json::object dashboard_json(const Dashboard& dashboard, const ParsedFilter& filter,
                            std::string_view time_zone) {
  json::array top_products;
  for (const auto& row : dashboard.top_products) {
    top_products.push_back(product_json(row));
  }
  return {
      {"filter", filter_json(filter)},
      {"previous_period", json::object{{"from", format_iso_date(dashboard.previous_from_day)},
                                       {"to", format_iso_date(dashboard.previous_to_day)}}},
      {"currency", "EUR"},
      {"time_zone", time_zone},
      {"kpis", kpis_json(dashboard.kpis)},
      {"previous_kpis", kpis_json(dashboard.previous_kpis)},
      {"changes", changes_json(dashboard.kpis, dashboard.previous_kpis)},
      {"series", series_json(dashboard)},
      {"top_products", std::move(top_products)},
      {"departments", departments_json(dashboard.departments)},
      {"stores", stores_json(dashboard.stores)},
      {"promotions", promotions_json(dashboard.promotions)},
      {"weekday_hour", weekday_hour_json(dashboard)},
  };
}

json::object coverage_json(const SalesCoverage& coverage, std::string_view time_zone) {
  const auto day = [](const std::optional<int32_t>& value) {
    return value ? json::value(format_iso_date(*value)) : json::value(nullptr);
  };
  return {
      {"first_day", day(coverage.first_day)},
      {"last_day", day(coverage.last_day)},
      {"lines", coverage.lines},
      {"time_zone", time_zone},
  };
}

json::object import_json(const ImportRecord& record, ImportPhase phase) {
  const bool has_rejects = record.rejected > 0 && !record.reject_report.empty();
  return {
      {"id", record.id},
      {"kind", record.kind},
      {"source_name", record.source_name},
      {"format", optional_text(record.format)},
      {"status", status_name(record, phase)},
      {"dry_run", record.dry_run},
      {"started_at", optional_text(record.started_at)},
      {"finished_at", optional_text(record.finished_at)},
      {"bytes_total", record.bytes_total},
      {"bytes_read", record.bytes_read},
      {"percent", percent_json(record, phase)},
      {"lines_read", record.lines_read},
      {"imported", record.imported},
      {"updated", record.updated},
      {"duplicates", record.duplicates},
      {"rejected", record.rejected},
      {"rejects_url", has_rejects
                          ? json::value("/api/v1/imports/" + std::to_string(record.id) + "/rejects")
                          : json::value(nullptr)},
      {"error", optional_text(record.error)},
      {"options", import_options_json(record.options)},
  };
}

json::object page_json(json::array items, int64_t page, int64_t page_size, int64_t total) {
  return {
      {"items", std::move(items)},
      {"page", page},
      {"page_size", page_size},
      {"total", total},
      {"pages", (total + page_size - 1) / page_size},
  };
}

}  // namespace imagross::api
