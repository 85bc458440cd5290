#include "export/dashboard_tables.h"

#include <array>
#include <cassert>
#include <cmath>

#include <fmt/format.h>

namespace imagross {
namespace {

constexpr std::array<std::string_view, 8> kNames{"kpis",       "series",      "top_products",
                                                 "products",   "departments", "stores",
                                                 "promotions", "weekday_hour"};

Cell optional_money(const std::optional<int64_t>& milli) {
  return milli ? Cell::money(*milli) : Cell::empty();
}

Cell optional_ratio(const std::optional<double>& value) {
  return value && std::isfinite(*value) ? Cell::ratio(*value) : Cell::empty();
}

// (current − previous) / previous; not available on a zero or negative base.
Cell change(const std::optional<double>& current, const std::optional<double>& previous) {
  if (!current || !previous || *previous <= 0) {
    return Cell::empty();
  }
  return Cell::ratio((*current - *previous) / *previous);
}

template <typename T>
std::optional<double> as_double(const std::optional<T>& value) {
  return value ? std::optional<double>(static_cast<double>(*value)) : std::nullopt;
}

std::optional<double> as_double(int64_t value) {
  return static_cast<double>(value);
}

struct KpiRow {
  std::string_view name;
  Cell current;
  Cell previous;
  Cell change;
};

std::vector<KpiRow> kpi_rows(const Kpis& now, const Kpis& before) {
  const auto money_row = [](std::string_view name, int64_t a, int64_t b) {
    return KpiRow{name, Cell::money(a), Cell::money(b), change(as_double(a), as_double(b))};
  };
  const auto count_row = [](std::string_view name, int64_t a, int64_t b) {
    return KpiRow{name, Cell::integer(a), Cell::integer(b), change(as_double(a), as_double(b))};
  };
  return {
      money_row("net_revenue", now.net_revenue, before.net_revenue),
      money_row("gross_sales", now.gross_sales, before.gross_sales),
      money_row("returns", now.returns, before.returns),
      money_row("discount", now.discount, before.discount),
      count_row("receipts", now.receipts, before.receipts),
      count_row("return_receipts", now.return_receipts, before.return_receipts),
      KpiRow{"average_receipt", optional_money(now.average_receipt),
             optional_money(before.average_receipt),
             change(as_double(now.average_receipt), as_double(before.average_receipt))},
      KpiRow{"units", Cell::quantity(now.units), Cell::quantity(before.units),
             change(as_double(now.units), as_double(before.units))},
      count_row("customers", now.customers, before.customers),
      count_row("products", now.products, before.products),
      count_row("lines", now.lines, before.lines),
      KpiRow{"card_share", optional_ratio(now.card_share), optional_ratio(before.card_share),
             change(now.card_share, before.card_share)},
      KpiRow{"promo_share", optional_ratio(now.promo_share), optional_ratio(before.promo_share),
             change(now.promo_share, before.promo_share)},
  };
}

Table kpis_table(const Dashboard& dashboard) {
  Table table{"kpis", {{"metric", 18}, {"current", 16}, {"previous", 16}, {"change", 10}}, {}};
  for (auto& row : kpi_rows(dashboard.kpis, dashboard.previous_kpis)) {
    table.rows.push_back(
        {Cell::of_text(std::string(row.name)), row.current, row.previous, row.change});
  }
  return table;
}

Table series_table(const Dashboard& dashboard) {
  Table table{"series", {{"start", 12}, {"net_revenue", 16}, {"receipts", 10}}, {}};
  for (const auto& point : dashboard.series) {
    table.rows.push_back({Cell::date(point.start_day), Cell::money(point.net_revenue),
                          Cell::integer(point.receipts)});
  }
  return table;
}

Table product_rows_table(std::string name, const std::vector<ProductRow>& rows) {
  Table table{std::move(name),
              {{"code", 16},
               {"name", 40},
               {"department", 22},
               {"net_revenue", 16},
               {"units", 12},
               {"receipts", 10}},
              {}};
  for (const auto& row : rows) {
    table.rows.push_back({Cell::of_text(row.code), Cell::of_text(row.name),
                          Cell::of_text(row.department), Cell::money(row.net_revenue),
                          Cell::quantity(row.units), Cell::integer(row.receipts)});
  }
  return table;
}

Table departments_table(const Dashboard& dashboard) {
  Table table{
      "departments", {{"name", 24}, {"net_revenue", 16}, {"units", 12}, {"receipts", 10}}, {}};
  for (const auto& row : dashboard.departments) {
    table.rows.push_back({Cell::of_text(row.name), Cell::money(row.net_revenue),
                          Cell::quantity(row.units), Cell::integer(row.receipts)});
  }
  return table;
}

Table stores_table(const Dashboard& dashboard) {
  Table table{"stores",
              {{"code", 10},
               {"name", 24},
               {"net_revenue", 16},
               {"receipts", 10},
               {"customers", 10},
               {"average_receipt", 16}},
              {}};
  for (const auto& row : dashboard.stores) {
    table.rows.push_back({Cell::of_text(row.code), Cell::of_text(row.name),
                          Cell::money(row.net_revenue), Cell::integer(row.receipts),
                          Cell::integer(row.customers), optional_money(row.average_receipt)});
  }
  return table;
}

Table promotions_table(const Dashboard& dashboard) {
  Table table{
      "promotions", {{"code", 16}, {"net_revenue", 16}, {"discount", 14}, {"receipts", 10}}, {}};
  for (const auto& row : dashboard.promotions) {
    table.rows.push_back({Cell::of_text(row.code), Cell::money(row.net_revenue),
                          Cell::money(row.discount), Cell::integer(row.receipts)});
  }
  return table;
}

Table weekday_hour_table(const Dashboard& dashboard) {
  static constexpr std::array<std::string_view, 7> kWeekdays{
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  Table table{"weekday_hour", {{"weekday", 12}}, {}};
  for (int hour = 0; hour < 24; ++hour) {
    table.columns.push_back({fmt::format("{:02}", hour), 11});
  }
  for (std::size_t day = 0; day < kWeekdays.size(); ++day) {
    std::vector<Cell> row{Cell::of_text(std::string(kWeekdays[day]))};
    for (const int64_t revenue : dashboard.weekday_hour[day]) {
      row.push_back(Cell::money(revenue));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace

std::string_view table_name(DashboardTable table) {
  return kNames[static_cast<std::size_t>(table)];
}

std::optional<DashboardTable> parse_table_name(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) {
      return static_cast<DashboardTable>(i);
    }
  }
  return std::nullopt;
}

std::string_view table_names() {
  return "kpis, series, top_products, products, departments, stores, promotions, weekday_hour";
}

Table dashboard_table(DashboardTable table, const Dashboard& dashboard) {
  // The products table comes from a product query: see products_table.
  assert(table != DashboardTable::products);
  switch (table) {
    case DashboardTable::kpis:
      return kpis_table(dashboard);
    case DashboardTable::series:
      return series_table(dashboard);
    case DashboardTable::top_products:
      return product_rows_table("top_products", dashboard.top_products);
    case DashboardTable::departments:
      return departments_table(dashboard);
    case DashboardTable::stores:
      return stores_table(dashboard);
    case DashboardTable::promotions:
      return promotions_table(dashboard);
    case DashboardTable::weekday_hour:
      return weekday_hour_table(dashboard);
    case DashboardTable::products:
      break;
  }
  return {};
}

Table products_table(const ProductPage& page) {
  return product_rows_table("products", page.rows);
}

}  // namespace imagross
