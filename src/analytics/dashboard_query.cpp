#include "analytics/dashboard_query.h"

#include <algorithm>
#include <cassert>

#include "analytics/sales_scan.h"
#include "analytics/time_buckets.h"
#include "common/civil_time.h"

namespace imagross::analytics {
namespace {

// Every figure of the selected period, gathered in one pass over its lines.
class DashboardScan {
 public:
  DashboardScan(const SalesSnapshot& snapshot, const SeriesBuckets& buckets)
      : kpis_(snapshot),
        buckets_(buckets),
        series_revenue_(buckets.size(), 0),
        series_receipts_(buckets.size()),
        products_(snapshot.product_slots()),
        departments_(snapshot.department_slots()),
        stores_(snapshot.store_slots()),
        promotions_(snapshot.promotion_slots()),
        store_customers_(snapshot.store_slots(), snapshot.card_slots()) {}

  void add_cell(const LineSelection& selection, const CellRange& cell) {
    const SalesChunk& chunk = *cell.chunk;
    const auto weekday = static_cast<std::size_t>(iso_weekday(cell.day) - 1);
    const std::size_t bucket = buckets_.index_of(cell.day);
    for_each_accepted(selection, cell, [&](uint32_t i) {
      const LineFacts line = LineFacts::read(chunk, i);
      kpis_.add(chunk, i, line);
      series_revenue_[bucket] += line.amount;
      if (line.sale) {
        series_receipts_.add(bucket, line.receipt, line.split);
      }
      products_.add(chunk.product[i], line);
      departments_.add(chunk.department[i], line);
      stores_.add(cell.store, line);
      if (line.sale && chunk.card[i] != 0) {
        store_customers_.insert(cell.store, chunk.card[i]);
      }
      if (chunk.promotion[i] != 0) {
        promotions_.add(chunk.promotion[i], line);
      }
      weekday_hour_[weekday][chunk.flags[i] & kHourMask] += line.amount;
    });
  }

  void fill(const SalesSnapshot& snapshot, int top, Dashboard& dashboard);

 private:
  std::vector<SeriesPoint> series() const;
  std::vector<DepartmentRow> department_rows(const SalesSnapshot& snapshot) const;
  std::vector<StoreRow> store_rows(const SalesSnapshot& snapshot);
  std::vector<PromotionRow> promotion_rows(const SalesSnapshot& snapshot) const;

  KpiTotals kpis_;
  const SeriesBuckets& buckets_;
  std::vector<int64_t> series_revenue_;
  ReceiptCounter series_receipts_;
  GroupTotals products_;
  GroupTotals departments_;
  GroupTotals stores_;
  GroupTotals promotions_;
  DistinctPairs store_customers_;
  std::array<std::array<int64_t, 24>, 7> weekday_hour_{};
};

// The groups with lines, by net revenue descending and then by `rank` ascending.
template <typename Rank>
std::vector<uint32_t> ranked_groups(const GroupTotals& totals, Rank rank) {
  std::vector<uint32_t> groups;
  for (uint32_t group = 0; group < totals.size(); ++group) {
    if (totals.has_lines(group)) {
      groups.push_back(group);
    }
  }
  std::sort(groups.begin(), groups.end(), [&](uint32_t a, uint32_t b) {
    if (totals.net_revenue(a) != totals.net_revenue(b)) {
      return totals.net_revenue(a) > totals.net_revenue(b);
    }
    return rank(a) < rank(b);
  });
  return groups;
}

std::vector<ProductRow> top_product_rows(const SalesSnapshot& snapshot, const GroupTotals& totals,
                                         int top) {
  std::vector<uint32_t> groups = ranked_groups(
      totals, [&](uint32_t product) { return snapshot.catalog.product_code_rank[product]; });
  groups.resize(std::min(groups.size(), static_cast<std::size_t>(std::max(top, 0))));
  std::vector<ProductRow> rows;
  for (const uint32_t product : groups) {
    rows.push_back(product_row(snapshot, totals, product));
  }
  return rows;
}

std::vector<SeriesPoint> DashboardScan::series() const {
  std::vector<SeriesPoint> points;
  for (std::size_t bucket = 0; bucket < buckets_.size(); ++bucket) {
    points.push_back(SeriesPoint{buckets_.starts()[bucket], series_revenue_[bucket],
                                 series_receipts_.count(bucket)});
  }
  return points;
}

std::vector<DepartmentRow> DashboardScan::department_rows(const SalesSnapshot& snapshot) const {
  const auto& names = snapshot.catalog.department_name;
  std::vector<DepartmentRow> rows;
  for (const uint32_t id : ranked_groups(
           departments_,
           [&](uint32_t department) -> const std::string& { return names[department]; })) {
    rows.push_back(DepartmentRow{static_cast<int32_t>(id), names[id], departments_.net_revenue(id),
                                 departments_.units(id), departments_.receipts(id)});
  }
  return rows;
}

std::vector<StoreRow> DashboardScan::store_rows(const SalesSnapshot& snapshot) {
  const auto& codes = snapshot.catalog.store_code;
  const std::vector<int64_t> customers = store_customers_.counts();
  std::vector<StoreRow> rows;
  for (const uint32_t id :
       ranked_groups(stores_, [&](uint32_t store) -> const std::string& { return codes[store]; })) {
    rows.push_back(StoreRow{static_cast<int32_t>(id), codes[id], snapshot.catalog.store_name[id],
                            stores_.net_revenue(id), stores_.receipts(id), customers[id],
                            average_receipt(stores_.sale_amount(id), stores_.receipts(id))});
  }
  return rows;
}

std::vector<PromotionRow> DashboardScan::promotion_rows(const SalesSnapshot& snapshot) const {
  const auto& codes = snapshot.catalog.promotion_code;
  std::vector<PromotionRow> rows;
  for (const uint32_t id :
       ranked_groups(promotions_,
                     [&](uint32_t promotion) -> const std::string& { return codes[promotion]; })) {
    rows.push_back(PromotionRow{static_cast<int32_t>(id), codes[id], promotions_.net_revenue(id),
                                promotions_.discount(id), promotions_.receipts(id)});
  }
  return rows;
}

void DashboardScan::fill(const SalesSnapshot& snapshot, int top, Dashboard& dashboard) {
  dashboard.kpis = kpis_.finish();
  dashboard.series = series();
  dashboard.top_products = top_product_rows(snapshot, products_, top);
  dashboard.departments = department_rows(snapshot);
  dashboard.stores = store_rows(snapshot);
  dashboard.promotions = promotion_rows(snapshot);
  dashboard.weekday_hour = weekday_hour_;
}

Kpis period_kpis(const SalesSnapshot& snapshot, const LineSelection& selection, int32_t from_day,
                 int32_t to_day) {
  KpiTotals totals(snapshot);
  for_each_cell(snapshot, from_day, to_day, selection, false, [&](const CellRange& cell) {
    for_each_accepted(selection, cell, [&](uint32_t i) {
      totals.add(*cell.chunk, i, LineFacts::read(*cell.chunk, i));
    });
  });
  return totals.finish();
}

}  // namespace

Dashboard compute_dashboard(const SalesSnapshot& snapshot, const SalesFilter& filter, int top) {
  Dashboard dashboard;
  dashboard.filter = filter;
  if (filter.from_day > filter.to_day) {
    return dashboard;
  }
  const int32_t length = filter.to_day - filter.from_day + 1;
  dashboard.previous_from_day = filter.from_day - length;
  dashboard.previous_to_day = filter.from_day - 1;
  dashboard.granularity = granularity_for(filter.from_day, filter.to_day);

  const LineSelection selection(snapshot, filter);
  const SeriesBuckets buckets(dashboard.granularity, filter.from_day, filter.to_day);
  DashboardScan scan(snapshot, buckets);
  for_each_cell(snapshot, filter.from_day, filter.to_day, selection, true,
                [&](const CellRange& cell) { scan.add_cell(selection, cell); });
  scan.fill(snapshot, top, dashboard);

  dashboard.previous_kpis =
      period_kpis(snapshot, selection, dashboard.previous_from_day, dashboard.previous_to_day);
  return dashboard;
}

GroupTotals product_totals(const SalesSnapshot& snapshot, const SalesFilter& filter) {
  GroupTotals totals(snapshot.product_slots());
  if (filter.from_day > filter.to_day) {
    return totals;
  }
  const LineSelection selection(snapshot, filter);
  for_each_cell(snapshot, filter.from_day, filter.to_day, selection, false,
                [&](const CellRange& cell) {
                  for_each_accepted(selection, cell, [&](uint32_t i) {
                    totals.add(cell.chunk->product[i], LineFacts::read(*cell.chunk, i));
                  });
                });
  return totals;
}

ProductRow product_row(const SalesSnapshot& snapshot, const GroupTotals& totals, uint32_t product) {
  const SalesCatalog& catalog = snapshot.catalog;
  const uint32_t department = catalog.product_department[product];
  return ProductRow{static_cast<int32_t>(product),
                    catalog.product_code[product],
                    catalog.product_name[product],
                    department < catalog.department_name.size() && department != 0
                        ? catalog.department_name[department]
                        : std::string{},
                    totals.net_revenue(product),
                    totals.units(product),
                    totals.receipts(product)};
}

}  // namespace imagross::analytics
