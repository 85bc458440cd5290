#include "demo/sales_generator.h"

#include <algorithm>
#include <cassert>

#include "common/civil_time.h"
#include "common/decimal.h"
#include "demo/stores.h"

namespace imagross::demo {
namespace {

constexpr int kCardPerMille = 700;        // receipts with a loyalty card
constexpr int kReturnPerMille = 15;       // return receipts among all receipts
constexpr int kPromotionPerMille = 180;   // purchase lines on promotion
constexpr int kHomeStorePerMille = 850;   // card holders' visits to their home store
constexpr int kSecondItemPerMille = 300;  // returns that bring back two lines of one receipt
constexpr size_t kReturnPoolSize = 512;
constexpr int kMemberAttempts = 4;
constexpr int64_t kProgressEvery = 1 << 16;

std::string receipt_id(std::string_view store, const std::string& date_key, uint32_t sequence) {
  std::string number = std::to_string(sequence);
  if (number.size() < 4) {
    number.insert(0, 4 - number.size(), '0');
  }
  std::string id(store);
  id += '-';
  id += date_key;
  id += '-';
  id += number;
  return id;
}

// "YYYYMMDD", the date part of a receipt id.
std::string date_key(int32_t day) {
  std::string text = format_iso_date(day);
  text.erase(std::remove(text.begin(), text.end(), '-'), text.end());
  return text;
}

}  // namespace

SalesGenerator::SalesGenerator(const Catalog& catalog, const std::vector<Member>& members,
                               const TimeZone& zone, SalesSettings settings)
    : catalog_(catalog),
      members_(members),
      zone_(zone),
      settings_(std::move(settings)),
      random_(settings_.seed),
      return_pools_(store_specs().size()) {
  assert(settings_.first_day <= settings_.last_day);
  assert(settings_.lines >= 0);
  std::vector<uint64_t> visit_weights;
  visit_weights.reserve(members_.size());
  for (const Member& member : members_) {
    assert(signup_days_.empty() || signup_days_.back() <= member.signup_day);
    signup_days_.push_back(member.signup_day);
    visit_weights.push_back(member.visit_weight);
  }
  member_visits_ = WeightedIndex(visit_weights);
}

SalesTotals SalesGenerator::write(CsvWriter& out) {
  compute_day_targets();
  const uint64_t total_weight = cumulative_day_weight_.back();
  assert(total_weight > 0);
  for (int32_t day = settings_.first_day; day <= settings_.last_day; ++day) {
    const uint64_t cumulative =
        cumulative_day_weight_[static_cast<size_t>(day - settings_.first_day)];
    const auto target = static_cast<int64_t>(
        scale(static_cast<uint64_t>(settings_.lines), cumulative, total_weight));
    refresh_open_stores(day);
    std::vector<ReceiptPlan> plans = plan_day(day, target);
    write_day(day, plans, out);
  }
  assert(totals_.lines == settings_.lines);
  if (settings_.on_progress) {
    settings_.on_progress(totals_.lines);
  }
  return totals_;
}

// The chain's volume on a day: the calendar's weight times the sales area of the open stores.
void SalesGenerator::compute_day_targets() {
  const auto stores = store_specs();
  uint64_t cumulative = 0;
  for (int32_t day = settings_.first_day; day <= settings_.last_day; ++day) {
    uint64_t open_area = 0;
    for (const StoreSpec& store : stores) {
      if (store_opening_day(store, settings_.first_day) <= day) {
        open_area += store.sales_area_m2;
      }
    }
    cumulative += day_weight(day, settings_.first_day, settings_.last_day) * (open_area / 100);
    cumulative_day_weight_.push_back(cumulative);
  }
}

void SalesGenerator::refresh_open_stores(int32_t day) {
  const auto stores = store_specs();
  open_store_weights_.assign(stores.size(), 0);
  for (size_t index = 0; index < stores.size(); ++index) {
    if (store_opening_day(stores[index], settings_.first_day) <= day) {
      open_store_weights_[index] = stores[index].sales_area_m2;
    }
  }
}

std::vector<SalesGenerator::ReceiptPlan> SalesGenerator::plan_day(int32_t day, int64_t target) {
  std::vector<ReceiptPlan> plans;
  const DayKind kind = day_kind(day);
  if (kind == DayKind::closed) {
    return plans;
  }
  while (planned_lines_ < target) {
    ReceiptPlan plan = plan_receipt(day, kind);
    // The last receipt of the file is cut so that the file has exactly the requested lines.
    plan.lines = std::min(plan.lines, settings_.lines - planned_lines_);
    planned_lines_ += plan.lines;
    plan.second_of_day = draw_second_of_day(day, kind);
    plans.push_back(plan);
  }

  std::stable_sort(plans.begin(), plans.end(),
                   [](const ReceiptPlan& left, const ReceiptPlan& right) {
                     if (left.store != right.store) {
                       return left.store < right.store;
                     }
                     return left.second_of_day < right.second_of_day;
                   });
  for (size_t index = 0; index < plans.size(); ++index) {
    const bool same_store = index > 0 && plans[index - 1].store == plans[index].store;
    plans[index].sequence = same_store ? plans[index - 1].sequence + 1 : 1;
  }
  return plans;
}

SalesGenerator::ReceiptPlan SalesGenerator::plan_receipt(int32_t day, DayKind kind) {
  ReceiptPlan plan;
  if (random_.chance(kReturnPerMille)) {
    plan.store = static_cast<int>(random_.pick(open_store_weights_));
    if (plan_return(plan)) {
      return plan;
    }
  }

  plan.member = random_.chance(kCardPerMille) ? pick_member(day) : -1;
  std::optional<ShoppingHabit> habit;
  if (plan.member >= 0) {
    plan.store = pick_store_for(plan.member);
    habit = members_[static_cast<size_t>(plan.member)].habit;
  } else {
    plan.store = static_cast<int>(random_.pick(open_store_weights_));
  }
  plan.lines = draw_basket_size(random_, habit, kind);
  return plan;
}

// Takes one earlier sale line of the store, sometimes with the next line of the same receipt,
// out of the store's pool. Returns false when the store has nothing to bring back yet.
bool SalesGenerator::plan_return(ReceiptPlan& plan) {
  ReturnPool& pool = return_pools_[static_cast<size_t>(plan.store)];
  if (pool.lines.empty()) {
    return false;
  }
  const size_t index = static_cast<size_t>(random_.below(pool.lines.size()));
  ReturnableLine& first = pool.lines[index];
  if (first.quantity == 0) {
    return false;  // already brought back
  }
  plan.is_return = true;
  plan.member = first.member;
  plan.returned[0] = first;
  plan.lines = 1;
  first.quantity = 0;

  ReturnableLine& next = pool.lines[(index + 1) % pool.lines.size()];
  if (next.quantity != 0 && next.receipt == plan.returned[0].receipt &&
      random_.chance(kSecondItemPerMille)) {
    plan.returned[1] = next;
    plan.lines = 2;
    next.quantity = 0;
  }
  return true;
}

// A card holder signed up by `day`, by visit weight, skipping those who stopped shopping;
// -1 when none is found.
int32_t SalesGenerator::pick_member(int32_t day) {
  const auto signed_up = static_cast<size_t>(
      std::upper_bound(signup_days_.begin(), signup_days_.end(), day) - signup_days_.begin());
  if (signed_up == 0) {
    return -1;
  }
  for (int attempt = 0; attempt < kMemberAttempts; ++attempt) {
    const size_t index = member_visits_.pick_prefix(random_, signed_up);
    if (members_[index].last_active_day >= day) {
      return static_cast<int32_t>(index);
    }
  }
  return -1;
}

int SalesGenerator::pick_store_for(int32_t member) {
  const int home = members_[static_cast<size_t>(member)].home_store;
  assert(open_store_weights_[static_cast<size_t>(home)] > 0);
  if (random_.chance(kHomeStorePerMille)) {
    return home;
  }
  return static_cast<int>(random_.pick(open_store_weights_));
}

// A second within the opening hours, by the hourly profile. Readings that do not exist in the
// stores' zone (clocks going forward) are drawn again.
int32_t SalesGenerator::draw_second_of_day(int32_t day, DayKind kind) {
  const auto& hours = hour_weights(kind);
  while (true) {
    const auto hour = static_cast<int32_t>(random_.pick(hours));
    const auto second = hour * 3600 + static_cast<int32_t>(random_.below(3600));
    if (zone_.to_utc(LocalDateTime{day, second}).ok()) {
      return second;
    }
  }
}

void SalesGenerator::write_day(int32_t day, std::vector<ReceiptPlan>& plans, CsvWriter& out) {
  const std::string key = date_key(day);
  const int month = civil_from_days(day).month;
  const auto stores = store_specs();
  for (const ReceiptPlan& plan : plans) {
    ++receipt_serial_;
    ++totals_.receipts;
    totals_.card_receipts += plan.member >= 0 ? 1 : 0;
    const std::string id =
        receipt_id(stores[static_cast<size_t>(plan.store)].code, key, plan.sequence);
    const std::string timestamp = format_local_date_time(LocalDateTime{day, plan.second_of_day});
    if (plan.is_return) {
      ++totals_.return_receipts;
      write_return(plan, id, timestamp, out);
    } else {
      write_purchase(plan, id, timestamp, month, out);
    }
  }
}

void SalesGenerator::write_purchase(const ReceiptPlan& plan, const std::string& receipt_id,
                                    const std::string& timestamp, int month, CsvWriter& out) {
  const bool has_card = plan.member >= 0;
  std::optional<Household> household;
  if (has_card) {
    household = members_[static_cast<size_t>(plan.member)].household;
  }
  for (int64_t index = 0; index < plan.lines; ++index) {
    const int department = departments_.pick(random_, household, month);
    const Product& product = catalog_.pick(random_, department, month);
    const int64_t quantity = draw_quantity(random_, product);
    const Promotion* promotion = nullptr;
    if (random_.chance(kPromotionPerMille)) {
      promotion = &choose_promotion(random_, product, month, has_card);
      ++totals_.promotion_lines;
    }
    const PricedLine line = price_line(product, quantity, promotion);
    write_line(receipt_id, timestamp, plan.store, plan.member, product, line,
               promotion != nullptr ? promotion->code : std::string_view{}, out);
    if (promotion == nullptr) {
      const auto product_index = static_cast<uint32_t>(&product - catalog_.products().data());
      remember_returnable(plan.store, {product_index, plan.member, line.quantity, receipt_serial_});
    }
  }
}

void SalesGenerator::write_return(const ReceiptPlan& plan, const std::string& receipt_id,
                                  const std::string& timestamp, CsvWriter& out) {
  for (int64_t index = 0; index < plan.lines; ++index) {
    const ReturnableLine& returned = plan.returned[static_cast<size_t>(index)];
    const Product& product = catalog_.products()[returned.product];
    const PricedLine line = price_line(product, -returned.quantity, nullptr);
    write_line(receipt_id, timestamp, plan.store, plan.member, product, line, {}, out);
  }
}

void SalesGenerator::write_line(const std::string& receipt_id, const std::string& timestamp,
                                int store, int32_t member, const Product& product,
                                const PricedLine& line, std::string_view promo_code,
                                CsvWriter& out) {
  const bool weighed = product.unit == Unit::kilogram;
  assert(weighed || line.quantity % kMilliPerUnit == 0);
  const std::string quantity = format_milli(line.quantity, weighed ? 3 : 0);
  const std::string unit_price = format_milli(line.unit_price, 2);
  const std::string discount = format_milli(line.discount, 2);
  const std::string amount = format_milli(line.amount, 2);
  const std::string_view card =
      member >= 0 ? std::string_view(members_[static_cast<size_t>(member)].card_number) : "";
  out.write_row({receipt_id, timestamp, store_specs()[static_cast<size_t>(store)].code, card,
                 product.code, product.name, department_name(product.department), quantity,
                 unit_price, discount, amount, promo_code});
  count_line();
}

void SalesGenerator::remember_returnable(int store, const ReturnableLine& line) {
  ReturnPool& pool = return_pools_[static_cast<size_t>(store)];
  if (pool.lines.size() < kReturnPoolSize) {
    pool.lines.push_back(line);
    return;
  }
  pool.lines[pool.next] = line;
  pool.next = (pool.next + 1) % kReturnPoolSize;
}

void SalesGenerator::count_line() {
  ++totals_.lines;
  if (totals_.lines % kProgressEvery == 0 && settings_.on_progress) {
    settings_.on_progress(totals_.lines);
  }
}

}  // namespace imagross::demo
