#include "analytics/testing/random_sales.h"

#include <array>
#include <random>
#include <string>

#include "common/civil_time.h"
#include "common/decimal.h"

namespace imagross::analytics::testing {
namespace {

constexpr int kStores = 6;
constexpr int kCards = 60;
constexpr int kProducts = 40;
constexpr int64_t kHugeAmount = 3'000'000'000;  // 3,000,000 EUR: beyond 32-bit thousandths

constexpr std::array<const char*, 6> kDepartments = {"Ortofrutta", "Macelleria", "Latticini",
                                                     "Bevande",    "Dolciumi",   "Enoteca"};
constexpr std::array<const char*, 4> kPromotions = {"VOL3X2", "SCONTO20", "FEDELTA", "TAGLIO"};
constexpr std::array<const char*, 8> kNames = {"Mele Golden",   "Caffè Qualità",     "Pane Toscano",
                                               "Latte Intero",  "Città di Castello", "Acqua",
                                               "Formaggio Età", "Vino Rosso"};

class Generator {
 public:
  explicit Generator(uint64_t seed) : random_(seed) {}

  int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  int64_t uniform64(int64_t low, int64_t high) {
    return std::uniform_int_distribution<int64_t>(low, high)(random_);
  }
  bool chance(double probability) { return std::bernoulli_distribution(probability)(random_); }

  std::string local_time() {
    const int32_t first = days_from_civil({2025, 10, 20});
    const int32_t last = days_from_civil({2026, 4, 10});
    int32_t day = first + uniform(0, last - first);
    if (chance(0.04)) {
      day = days_from_civil(chance(0.5) ? CivilDate{2025, 10, 26} : CivilDate{2026, 3, 29});
    }
    int hour = chance(0.9) ? uniform(7, 21) : uniform(0, 23);
    // 02:00-02:59 does not exist in Rome on 2026-03-29.
    if (day == days_from_civil({2026, 3, 29}) && hour == 2) {
      hour = 3;
    }
    return format_local_date_time({day, hour * 3600 + uniform(0, 59) * 60 + uniform(0, 59)});
  }

  std::string card() {
    if (chance(0.35)) {
      return {};
    }
    return "20000000" + std::to_string(10000 + uniform(0, kCards - 1));
  }

 private:
  std::mt19937_64 random_;
};

std::string product_code(int product) {
  return "80012345" + std::to_string(10000 + product);
}

std::string next_day(const std::string& time) {
  const auto day = parse_iso_date(time.substr(0, 10));
  return format_iso_date(*day + 1) + time.substr(10);
}

LineSpec random_line(Generator& random, const LineSpec& receipt, bool cancellation) {
  LineSpec line = receipt;
  const int product = random.uniform(0, kProducts - 1);
  line.product = product_code(product);
  line.name = std::string(kNames[static_cast<std::size_t>(product) % kNames.size()]) + " " +
              std::to_string(product);
  line.department =
      product == kProducts - 1 ? "" : kDepartments[static_cast<std::size_t>(product) % 6];
  const bool weighed = product % 5 == 0;
  line.quantity = weighed ? random.uniform(1, 2500) : 1000 * random.uniform(1, 4);
  line.unit_price = random.chance(0.03) ? 1 : random.uniform(50, 20000);
  if (cancellation || random.chance(0.08)) {
    line.quantity = -line.quantity;
  }
  const int64_t total = line_total_milli(line.quantity, line.unit_price);
  line.discount = total > 0 && random.chance(0.3) ? random.uniform64(0, total / 2) : 0;
  line.amount = total - line.discount;
  if (random.chance(0.003)) {
    line.amount += line.quantity > 0 ? kHugeAmount : -kHugeAmount;
  }
  line.promo =
      random.chance(0.2) ? kPromotions[static_cast<std::size_t>(random.uniform(0, 3))] : "";
  line.cancellation = cancellation;
  return line;
}

}  // namespace

std::vector<LineSpec> random_lines(uint64_t seed, int receipts) {
  Generator random(seed);
  std::vector<LineSpec> lines;
  for (int r = 0; r < receipts; ++r) {
    const bool cancellation = random.chance(0.05);
    LineSpec receipt;
    receipt.receipt = (cancellation ? "C" : "R") + std::to_string(100000 + r);
    receipt.time = random.local_time();
    receipt.store = "PV0" + std::to_string(random.uniform(1, kStores));
    receipt.card = random.card();
    const int count = random.uniform(1, 8);
    for (int k = 0; k < count; ++k) {
      LineSpec line = random_line(random, receipt, cancellation);
      // A few receipts span midnight or two tills of different stores.
      if (k > 0 && random.chance(0.03)) {
        line.time = next_day(receipt.time);
        if (line.time.substr(0, 10) == "2026-03-29" && line.time.substr(11, 2) == "02") {
          line.time = receipt.time;
        }
      } else if (k > 0 && random.chance(0.02)) {
        line.store = "PV0" + std::to_string(random.uniform(1, kStores));
      }
      lines.push_back(line);
    }
  }
  return lines;
}

RandomSalesData::RandomSalesData(uint64_t seed, int receipts) {
  for (const auto& line : random_lines(seed, receipts)) {
    sales.add(line);
  }
  engine = sales.load_engine();
  oracle = std::make_unique<OracleTable>(sales.directory() / "oracle.db");
  oracle->insert(sales.written());
}

}  // namespace imagross::analytics::testing
