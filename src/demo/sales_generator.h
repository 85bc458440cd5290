#pragma once

// Writes the receipt lines of the demo data set, day by day, in the canonical sales CSV. Only
// one day's receipt plans are kept in memory, never the whole file.

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/time_zone.h"
#include "demo/calendar.h"
#include "demo/catalog.h"
#include "demo/csv_writer.h"
#include "demo/members.h"
#include "demo/promotions.h"
#include "demo/random.h"
#include "demo/shopping.h"

namespace imagross::demo {

// The columns of the canonical sales CSV, in order.
inline constexpr std::array<std::string_view, 12> kSalesColumns = {
    "receipt_id", "timestamp", "store_id",   "card_number", "product_code", "product_name",
    "department", "quantity",  "unit_price", "discount",    "amount",       "promo_code"};

struct SalesTotals {
  int64_t lines = 0;
  int64_t receipts = 0;  // purchase and return receipts
  int64_t return_receipts = 0;
  int64_t card_receipts = 0;
  int64_t promotion_lines = 0;
};

struct SalesSettings {
  int64_t lines = 0;  // exactly this many lines are written
  int32_t first_day = 0;
  int32_t last_day = 0;
  uint64_t seed = 0;
  // Called with the number of lines written so far, about every 65,536 lines and at the end.
  std::function<void(int64_t)> on_progress;
};

class SalesGenerator {
 public:
  // `members` must be sorted by signup day; `zone` is the stores' time zone.
  SalesGenerator(const Catalog& catalog, const std::vector<Member>& members, const TimeZone& zone,
                 SalesSettings settings);

  // Writes every line (without the header) to `out`.
  SalesTotals write(CsvWriter& out);

 private:
  // An earlier sale line that a customer may bring back.
  struct ReturnableLine {
    uint32_t product = 0;
    int32_t member = -1;
    int64_t quantity = 0;
    uint64_t receipt = 0;  // serial number of the original receipt
  };

  struct ReceiptPlan {
    int store = 0;
    int32_t second_of_day = 0;
    int32_t member = -1;  // index into members_, -1 without a card
    int64_t lines = 0;
    uint32_t sequence = 0;  // 1-based within the store and day, in time order
    bool is_return = false;
    std::array<ReturnableLine, 2> returned{};
  };

  // Recent returnable lines of one store, oldest overwritten first.
  struct ReturnPool {
    std::vector<ReturnableLine> lines;
    size_t next = 0;
  };

  void compute_day_targets();
  void refresh_open_stores(int32_t day);
  std::vector<ReceiptPlan> plan_day(int32_t day, int64_t target);
  ReceiptPlan plan_receipt(int32_t day, DayKind kind);
  bool plan_return(ReceiptPlan& plan);
  int32_t pick_member(int32_t day);
  int pick_store_for(int32_t member);
  int32_t draw_second_of_day(int32_t day, DayKind kind);
  void write_day(int32_t day, std::vector<ReceiptPlan>& plans, CsvWriter& out);
  void write_purchase(const ReceiptPlan& plan, const std::string& receipt_id,
                      const std::string& timestamp, int month, CsvWriter& out);
  void write_return(const ReceiptPlan& plan, const std::string& receipt_id,
                    const std::string& timestamp, CsvWriter& out);
  void write_line(const std::string& receipt_id, const std::string& timestamp, int store,
                  int32_t member, const Product& product, const PricedLine& line,
                  std::string_view promo_code, CsvWriter& out);
  void remember_returnable(int store, const ReturnableLine& line);
  void count_line();

  const Catalog& catalog_;
  const std::vector<Member>& members_;
  const TimeZone& zone_;
  SalesSettings settings_;
  Random random_;
  DepartmentChooser departments_;

  std::vector<uint64_t> cumulative_day_weight_;  // index: day - first_day
  std::vector<int32_t> signup_days_;             // of members_, ascending
  WeightedIndex member_visits_;
  std::vector<uint32_t> open_store_weights_;  // 0 for stores not open yet
  std::vector<ReturnPool> return_pools_;
  uint64_t receipt_serial_ = 0;
  int64_t planned_lines_ = 0;
  SalesTotals totals_;
};

}  // namespace imagross::demo
