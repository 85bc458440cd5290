#include "analytics/period_totals.h"

#include <cstdlib>

namespace imagross::analytics {
namespace {

constexpr int64_t kMilliPerCent = 10;

std::optional<double> share_of(int64_t part, int64_t whole) {
  if (whole <= 0) {
    return std::nullopt;
  }
  return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

std::optional<int64_t> average_receipt(int64_t sale_amount, int64_t purchase_receipts) {
  if (purchase_receipts <= 0) {
    return std::nullopt;
  }
  // Cents = round(|amount| / (receipts * 10)), half away from zero, in integers.
  const int64_t divisor = purchase_receipts * kMilliPerCent;
  const int64_t magnitude = std::llabs(sale_amount);
  const int64_t cents = (2 * magnitude + divisor) / (2 * divisor);
  return (sale_amount < 0 ? -cents : cents) * kMilliPerCent;
}

KpiTotals::KpiTotals(const SalesSnapshot& snapshot)
    : customers_(snapshot.card_slots()), products_(snapshot.product_slots()) {}

void KpiTotals::add(const SalesChunk& chunk, uint32_t i, const LineFacts& line) {
  net_revenue_ += line.amount;
  units_ += line.quantity;
  ++lines_;
  all_receipts_.add(0, line.receipt, line.split);
  const uint32_t card = chunk.card[i];
  if (card != 0) {
    card_revenue_ += line.amount;
  }
  if (chunk.promotion[i] != 0) {
    promotion_revenue_ += line.amount;
  }
  if (!line.sale) {
    returned_ -= line.amount;
    return;
  }
  sale_amount_ += line.amount;
  sale_discount_ += line.discount;
  purchase_receipts_.add(0, line.receipt, line.split);
  products_.insert(chunk.product[i]);
  if (card != 0) {
    customers_.insert(card);
  }
}

Kpis KpiTotals::finish() const {
  Kpis kpis;
  kpis.net_revenue = net_revenue_;
  kpis.gross_sales = sale_amount_ + sale_discount_;
  kpis.discount = sale_discount_;
  kpis.returns = returned_;
  kpis.receipts = purchase_receipts_.count(0);
  kpis.return_receipts = all_receipts_.count(0) - kpis.receipts;
  kpis.average_receipt = average_receipt(sale_amount_, kpis.receipts);
  kpis.units = units_;
  kpis.customers = customers_.count();
  kpis.products = products_.count();
  kpis.lines = lines_;
  kpis.card_share = share_of(card_revenue_, net_revenue_);
  kpis.promo_share = share_of(promotion_revenue_, net_revenue_);
  return kpis;
}

}  // namespace imagross::analytics
