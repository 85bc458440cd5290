#include "analytics/benchmark_queries.h"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <tuple>

#include "analytics/distinct_count.h"
#include "analytics/sales_scan.h"
#include "common/civil_time.h"

namespace imagross::analytics {
namespace {

constexpr int kScoreTiles = 5;
constexpr int kMonthsPerYear = 12;

// Calls `visit(const CellRange&)` for every cell of the scope; the benchmark filters no line.
template <typename Visit>
void scan_scope(const SalesSnapshot& snapshot, const BenchmarkScope& scope, Visit&& visit) {
  SalesFilter filter;
  filter.from_day = scope.from_day;
  filter.to_day = scope.to_day;
  if (scope.store_id) {
    filter.store_ids.push_back(*scope.store_id);
  }
  const LineSelection selection(snapshot, filter);
  for_each_cell(snapshot, scope.from_day, scope.to_day, selection, false, visit);
}

bool is_split(const SalesChunk& chunk, uint32_t i) {
  return (chunk.flags[i] & kSplitReceiptFlag) != 0;
}

std::optional<double> ratio(int64_t numerator, int64_t denominator) {
  if (denominator == 0) {
    return std::nullopt;
  }
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

int month_number(int32_t day) {
  const CivilDate date = civil_from_days(day);
  return date.year * kMonthsPerYear + date.month - 1;
}

// Revenue, units and receipts per group id, for the queries that group lines by one column.
struct GroupSums {
  explicit GroupSums(std::size_t groups)
      : revenue(groups, 0),
        units(groups, 0),
        discount(groups, 0),
        lines(groups, 0),
        receipts(groups) {}

  void add(std::size_t group, const SalesChunk& chunk, uint32_t i) {
    revenue[group] += chunk.amount[i];
    units[group] += chunk.quantity[i];
    ++lines[group];
    receipts.add(group, chunk.receipt[i], is_split(chunk, i));
  }

  std::vector<int64_t> revenue;
  std::vector<int64_t> units;
  std::vector<int64_t> discount;
  std::vector<int64_t> lines;
  ReceiptCounter receipts;
};

// Per card: the last day with a line, the distinct receipts and the revenue.
struct CardActivity {
  std::vector<uint32_t> cards;  // cards with lines, in card order
  std::vector<int32_t> last_day;
  std::vector<int64_t> receipts;
  std::vector<int64_t> revenue;
};

CardActivity card_activity(const SalesSnapshot& snapshot, const BenchmarkScope& scope) {
  const std::size_t slots = snapshot.card_slots();
  std::vector<int32_t> last_day(slots, std::numeric_limits<int32_t>::min());
  std::vector<int64_t> revenue(slots, 0);
  ReceiptCounter receipts(slots);
  scan_scope(snapshot, scope, [&](const CellRange& cell) {
    const SalesChunk& chunk = *cell.chunk;
    for (uint32_t i = cell.begin; i < cell.end; ++i) {
      const uint32_t card = chunk.card[i];
      if (card == 0) {
        continue;
      }
      last_day[card] = std::max(last_day[card], cell.day);
      revenue[card] += chunk.amount[i];
      receipts.add(card, chunk.receipt[i], is_split(chunk, i));
    }
  });

  CardActivity activity;
  for (uint32_t card = 1; card < slots; ++card) {
    if (last_day[card] != std::numeric_limits<int32_t>::min()) {
      activity.cards.push_back(card);
      activity.last_day.push_back(last_day[card]);
      activity.receipts.push_back(receipts.count(card));
      activity.revenue.push_back(revenue[card]);
    }
  }
  return activity;
}

// The NTILE score of each card (by index into `activity.cards`) when the cards are ordered by
// `key` ascending and then by card number.
template <typename Key>
std::vector<int> scores(const SalesSnapshot& snapshot, const CardActivity& activity, Key key) {
  std::vector<uint32_t> order(activity.cards.size());
  std::iota(order.begin(), order.end(), 0u);
  const auto& rank = snapshot.catalog.card_number_rank;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return std::make_tuple(key(a), rank[activity.cards[a]]) <
           std::make_tuple(key(b), rank[activity.cards[b]]);
  });
  std::vector<int> score(order.size());
  for (std::size_t position = 0; position < order.size(); ++position) {
    score[order[position]] = ntile(position, order.size(), kScoreTiles);
  }
  return score;
}

}  // namespace

int ntile(std::size_t position, std::size_t rows, int buckets) {
  const auto tiles = static_cast<std::size_t>(buckets);
  const std::size_t small = rows / tiles;
  const std::size_t large_tiles = rows % tiles;
  const std::size_t in_large_tiles = large_tiles * (small + 1);
  if (position < in_large_tiles) {
    return static_cast<int>(position / (small + 1)) + 1;
  }
  return static_cast<int>((position - in_large_tiles) / small + large_tiles) + 1;
}

BenchmarkKpis benchmark_kpis(const SalesSnapshot& snapshot, const BenchmarkScope& scope) {
  BenchmarkKpis kpis;
  ReceiptCounter receipts(1);
  DenseBitset cards(snapshot.card_slots());
  DenseBitset products(snapshot.product_slots());
  scan_scope(snapshot, scope, [&](const CellRange& cell) {
    const SalesChunk& chunk = *cell.chunk;
    for (uint32_t i = cell.begin; i < cell.end; ++i) {
      const int64_t amount = chunk.amount[i];
      kpis.revenue += amount;
      kpis.units += chunk.quantity[i];
      receipts.add(0, chunk.receipt[i], is_split(chunk, i));
      products.insert(chunk.product[i]);
      if (chunk.card[i] != 0) {
        cards.insert(chunk.card[i]);
        kpis.card_revenue += amount;
      }
      if (chunk.promotion[i] != 0) {
        kpis.promotion_revenue += amount;
      }
    }
  });
  kpis.receipts = receipts.count(0);
  kpis.customers = cards.count();
  kpis.products = products.count();
  kpis.average_receipt = ratio(kpis.revenue, kpis.receipts);
  kpis.card_share = ratio(kpis.card_revenue, kpis.revenue);
  kpis.promotion_share = ratio(kpis.promotion_revenue, kpis.revenue);
  return kpis;
}

std::vector<DailyTotal> benchmark_daily_trend(const SalesSnapshot& snapshot,
                                              const BenchmarkScope& scope) {
  if (scope.from_day > scope.to_day) {
    return {};
  }
  GroupSums days(static_cast<std::size_t>(scope.to_day - scope.from_day) + 1);
  scan_scope(snapshot, scope, [&](const CellRange& cell) {
    const auto day = static_cast<std::size_t>(cell.day - scope.from_day);
    for (uint32_t i = cell.begin; i < cell.end; ++i) {
      days.add(day, *cell.chunk, i);
    }
  });
  std::vector<DailyTotal> totals;
  for (std::size_t day = 0; day < days.lines.size(); ++day) {
    if (days.lines[day] != 0) {
      totals.push_back(DailyTotal{scope.from_day + static_cast<int32_t>(day), days.revenue[day],
                                  days.receipts.count(day)});
    }
  }
  return totals;
}

std::vector<ProductTotal> benchmark_top_products(const SalesSnapshot& snapshot,
                                                 const BenchmarkScope& scope, int limit) {
  std::vector<int64_t> revenue(snapshot.product_slots(), 0);
  std::vector<int64_t> units(snapshot.product_slots(), 0);
  std::vector<uint8_t> seen(snapshot.product_slots(), 0);
  scan_scope(snapshot, scope, [&](const CellRange& cell) {
    const SalesChunk& chunk = *cell.chunk;
    for (uint32_t i = cell.begin; i < cell.end; ++i) {
      const uint32_t product = chunk.product[i];
      revenue[product] += chunk.amount[i];
      units[product] += chunk.quantity[i];
      seen[product] = 1;
    }
  });

  std::vector<uint32_t> products;
  for (uint32_t product = 0; product < seen.size(); ++product) {
    if (seen[product] != 0) {
      products.push_back(product);
    }
  }
  const auto& rank = snapshot.catalog.product_code_rank;
  const auto top = std::min(products.size(), static_cast<std::size_t>(std::max(limit, 0)));
  std::partial_sort(products.begin(), products.begin() + static_cast<std::ptrdiff_t>(top),
                    products.end(), [&](uint32_t a, uint32_t b) {
                      return revenue[a] != revenue[b] ? revenue[a] > revenue[b] : rank[a] < rank[b];
                    });
  std::vector<ProductTotal> totals;
  for (std::size_t k = 0; k < top; ++k) {
    const uint32_t product = products[k];
    totals.push_back(
        ProductTotal{snapshot.catalog.product_code[product], revenue[product], units[product]});
  }
  return totals;
}

std::vector<DepartmentTotal> benchmark_departments(const SalesSnapshot& snapshot,
                                                   const BenchmarkScope& scope) {
  GroupSums departments(snapshot.department_slots());
  scan_scope(snapshot, scope, [&](const CellRange& cell) {
    for (uint32_t i = cell.begin; i < cell.end; ++i) {
      departments.add(cell.chunk->department[i], *cell.chunk, i);
    }
  });
  std::vector<DepartmentTotal> totals;
  for (std::size_t id = 0; id < departments.lines.size(); ++id) {
    if (departments.lines[id] != 0) {
      totals.push_back(DepartmentTotal{snapshot.catalog.department_name[id],
                                       departments.revenue[id], departments.receipts.count(id),
                                       departments.units[id]});
    }
  }
  std::sort(totals.begin(), totals.end(),
            [](const DepartmentTotal& a, const DepartmentTotal& b) { return a.name < b.name; });
  return totals;
}

std::vector<PromotionTotal> benchmark_promotions(const SalesSnapshot& snapshot,
                                                 const BenchmarkScope& scope) {
  GroupSums promotions(snapshot.promotion_slots());
  scan_scope(snapshot, scope, [&](const CellRange& cell) {
    const SalesChunk& chunk = *cell.chunk;
    for (uint32_t i = cell.begin; i < cell.end; ++i) {
      const uint32_t promotion = chunk.promotion[i];
      if (promotion != 0) {
        promotions.add(promotion, chunk, i);
        promotions.discount[promotion] += chunk.discount[i];
      }
    }
  });
  std::vector<PromotionTotal> totals;
  for (std::size_t id = 1; id < promotions.lines.size(); ++id) {
    if (promotions.lines[id] != 0) {
      totals.push_back(PromotionTotal{snapshot.catalog.promotion_code[id], promotions.revenue[id],
                                      promotions.discount[id], promotions.receipts.count(id)});
    }
  }
  std::sort(totals.begin(), totals.end(),
            [](const PromotionTotal& a, const PromotionTotal& b) { return a.code < b.code; });
  return totals;
}

std::vector<RfmCell> benchmark_rfm(const SalesSnapshot& snapshot, const BenchmarkScope& scope,
                                   int32_t reference_day) {
  const CardActivity activity = card_activity(snapshot, scope);
  const auto recency = scores(snapshot, activity, [&](uint32_t k) {
    return -(int64_t{reference_day} - activity.last_day[k]);  // R descending
  });
  const auto frequency =
      scores(snapshot, activity, [&](uint32_t k) { return activity.receipts[k]; });
  const auto monetary = scores(snapshot, activity, [&](uint32_t k) { return activity.revenue[k]; });

  std::map<std::tuple<int, int, int>, int64_t> counts;
  for (std::size_t k = 0; k < activity.cards.size(); ++k) {
    ++counts[{recency[k], frequency[k], monetary[k]}];
  }
  std::vector<RfmCell> cells;
  for (const auto& [score, customers] : counts) {
    cells.push_back(RfmCell{std::get<0>(score), std::get<1>(score), std::get<2>(score), customers});
  }
  return cells;
}

std::vector<WeekdayHourTotal> benchmark_weekday_hour(const SalesSnapshot& snapshot,
                                                     const BenchmarkScope& scope) {
  std::array<std::array<int64_t, 24>, 7> revenue{};
  std::array<std::array<int64_t, 24>, 7> lines{};
  scan_scope(snapshot, scope, [&](const CellRange& cell) {
    const SalesChunk& chunk = *cell.chunk;
    auto& day_revenue = revenue[static_cast<std::size_t>(iso_weekday(cell.day) - 1)];
    auto& day_lines = lines[static_cast<std::size_t>(iso_weekday(cell.day) - 1)];
    for (uint32_t i = cell.begin; i < cell.end; ++i) {
      const std::size_t hour = chunk.flags[i] & kHourMask;
      day_revenue[hour] += chunk.amount[i];
      ++day_lines[hour];
    }
  });
  std::vector<WeekdayHourTotal> totals;
  for (std::size_t weekday = 0; weekday < revenue.size(); ++weekday) {
    for (std::size_t hour = 0; hour < revenue[weekday].size(); ++hour) {
      if (lines[weekday][hour] != 0) {
        totals.push_back(WeekdayHourTotal{static_cast<int>(weekday) + 1, static_cast<int>(hour),
                                          revenue[weekday][hour]});
      }
    }
  }
  return totals;
}

std::vector<CohortCell> benchmark_cohorts(const SalesSnapshot& snapshot,
                                          const BenchmarkScope& scope) {
  if (scope.from_day > scope.to_day) {
    return {};
  }
  const int first_month = month_number(scope.from_day);
  const auto months = static_cast<std::size_t>(month_number(scope.to_day) - first_month + 1);
  const std::size_t words = (months + 63) / 64;
  // Bit m of card c's words: the card has a line in the m-th month of the scope.
  std::vector<uint64_t> active(snapshot.card_slots() * words, 0);
  scan_scope(snapshot, scope, [&](const CellRange& cell) {
    const auto month = static_cast<std::size_t>(month_number(cell.day) - first_month);
    const uint64_t bit = uint64_t{1} << (month & 63);
    const SalesChunk& chunk = *cell.chunk;
    for (uint32_t i = cell.begin; i < cell.end; ++i) {
      active[chunk.card[i] * words + month / 64] |= bit;
    }
  });

  std::map<std::pair<std::size_t, std::size_t>, int64_t> counts;
  for (std::size_t card = 1; card < snapshot.card_slots(); ++card) {
    std::optional<std::size_t> cohort;
    for (std::size_t month = 0; month < months; ++month) {
      if ((active[card * words + month / 64] >> (month & 63)) & 1) {
        cohort = cohort.value_or(month);
        ++counts[{*cohort, month - *cohort}];
      }
    }
  }
  std::vector<CohortCell> cells;
  for (const auto& [key, customers] : counts) {
    cells.push_back(CohortCell{add_months(month_start(scope.from_day), static_cast<int>(key.first)),
                               static_cast<int>(key.second), customers});
  }
  return cells;
}

}  // namespace imagross::analytics
