// End-to-end checks of generate_demo_data(): the files are read back with a CSV reader of the
// test's own and every figure is recomputed from the text.

#include "demo/demo_data.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <ios>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/civil_time.h"
#include "common/ean13.h"
#include "common/time_zone.h"

namespace imagross::demo {
namespace {

constexpr int64_t kTestLines = 20'000;
constexpr std::string_view kCanonicalHeader =
    "receipt_id,timestamp,store_id,card_number,product_code,product_name,department,quantity,"
    "unit_price,discount,amount,promo_code";

using Row = std::vector<std::string>;

std::filesystem::path make_temp_directory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "imagross-demo-XXXXXX").string();
  const char* created = ::mkdtemp(pattern.data());
  EXPECT_NE(created, nullptr);
  return pattern;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// RFC 4180 fields of one line; the demo files have no line breaks inside fields.
Row split_csv_line(const std::string& line) {
  Row fields(1);
  bool quoted = false;
  for (size_t index = 0; index < line.size(); ++index) {
    const char character = line[index];
    if (quoted && character == '"' && index + 1 < line.size() && line[index + 1] == '"') {
      fields.back() += '"';
      ++index;
    } else if (character == '"') {
      quoted = !quoted;
    } else if (character == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += character;
    }
  }
  return fields;
}

struct CsvFile {
  std::string header;
  std::vector<Row> rows;
};

CsvFile read_csv(const std::filesystem::path& path) {
  std::ifstream in(path);
  CsvFile file;
  std::getline(in, file.header);
  for (std::string line; std::getline(in, line);) {
    file.rows.push_back(split_csv_line(line));
  }
  return file;
}

// Parses a decimal such as "-1.745" into thousandths, independently of common/decimal.h.
int64_t milli(const std::string& text) {
  const bool negative = text.starts_with('-');
  const std::string digits = negative ? text.substr(1) : text;
  const size_t dot = digits.find('.');
  int64_t value = std::stoll(digits.substr(0, dot)) * 1000;
  if (dot != std::string::npos) {
    std::string decimals = digits.substr(dot + 1);
    EXPECT_LE(decimals.size(), 3U) << text;
    decimals.resize(3, '0');
    value += std::stoll(decimals);
  }
  return negative ? -value : value;
}

// round(quantity x unit_price, 2) in thousandths, half away from zero.
int64_t rounded_line_total(int64_t quantity, int64_t unit_price) {
  const int64_t micro = quantity * unit_price;  // millionths of a euro
  const int64_t magnitude = (micro < 0 ? -micro : micro) + 5'000;
  const int64_t cents = magnitude / 10'000;
  return (micro < 0 ? -cents : cents) * 10;
}

// The text with every digit replaced by 'd', to compare against a pattern such as "dddd-dd-dd".
std::string digit_shape(const std::string& text) {
  std::string shape = text;
  for (char& character : shape) {
    if (character >= '0' && character <= '9') {
      character = 'd';
    }
  }
  return shape;
}

size_t decimals_of(const std::string& text) {
  const size_t dot = text.find('.');
  return dot == std::string::npos ? 0 : text.size() - dot - 1;
}

// Runs generate_demo_data() with `options` into a new temporary directory and returns it.
std::filesystem::path generate_in_new_directory(DemoDataOptions options) {
  options.output_directory = make_temp_directory();
  const auto result = generate_demo_data(options);
  EXPECT_TRUE(result.ok()) << result.error().message;
  return options.output_directory;
}

DemoDataOptions options_with_lines(int64_t lines) {
  DemoDataOptions options;
  options.lines = lines;
  return options;
}

class DemoDataTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    directory_ = new std::filesystem::path(make_temp_directory());
    DemoDataOptions options;
    options.output_directory = *directory_;
    options.lines = kTestLines;
    auto result = generate_demo_data(options);
    ASSERT_TRUE(result.ok()) << result.error().message;
    summary_ = new DemoDataSummary(*result);
    sales_ = new CsvFile(read_csv(*directory_ / "sales.csv"));
    members_ = new CsvFile(read_csv(*directory_ / "members.csv"));
    products_ = new CsvFile(read_csv(*directory_ / "products.csv"));
    stores_ = new CsvFile(read_csv(*directory_ / "stores.csv"));
  }

  static void TearDownTestSuite() {
    std::filesystem::remove_all(*directory_);
    delete directory_;
    delete summary_;
    delete sales_;
    delete members_;
    delete products_;
    delete stores_;
  }

  static std::map<std::string, Row> index_by_first_column(const CsvFile& file) {
    std::map<std::string, Row> index;
    for (const Row& row : file.rows) {
      index[row[0]] = row;
    }
    return index;
  }

  static inline std::filesystem::path* directory_ = nullptr;
  static inline DemoDataSummary* summary_ = nullptr;
  static inline CsvFile* sales_ = nullptr;
  static inline CsvFile* members_ = nullptr;
  static inline CsvFile* products_ = nullptr;
  static inline CsvFile* stores_ = nullptr;
};

TEST_F(DemoDataTest, SalesHeaderIsCanonical) {
  EXPECT_EQ(sales_->header, kCanonicalHeader);
  ASSERT_EQ(sales_->rows.size(), static_cast<size_t>(kTestLines));
  EXPECT_EQ(summary_->lines, kTestLines);
  for (const Row& row : sales_->rows) {
    ASSERT_EQ(row.size(), 12U);
  }
}

TEST_F(DemoDataTest, AmountIsRoundedTotalMinusDiscount) {
  for (const Row& row : sales_->rows) {
    const int64_t quantity = milli(row[7]);
    const int64_t unit_price = milli(row[8]);
    const int64_t discount = milli(row[9]);
    const int64_t amount = milli(row[10]);
    ASSERT_EQ(decimals_of(row[8]), 2U) << row[0];
    ASSERT_EQ(decimals_of(row[9]), 2U) << row[0];
    ASSERT_EQ(decimals_of(row[10]), 2U) << row[0];
    ASSERT_EQ(amount, rounded_line_total(quantity, unit_price) - discount) << row[0];
    ASSERT_GE(discount, 0) << row[0];
    if (row[11].empty()) {
      ASSERT_EQ(discount, 0) << row[0] << " has a discount without a promotion";
    }
  }
}

TEST_F(DemoDataTest, PeriodIsTwoYearsEndingAtEndDate) {
  EXPECT_EQ(format_iso_date(summary_->first_day), "2024-12-01");
  EXPECT_EQ(format_iso_date(summary_->last_day), "2026-11-30");
  for (const Row& row : sales_->rows) {
    const std::string date = row[1].substr(0, 10);
    ASSERT_GE(date, "2024-12-01") << row[0];
    ASSERT_LE(date, "2026-11-30") << row[0];
  }
}

TEST_F(DemoDataTest, TimestampsExistInRomeAndFitOpeningHours) {
  auto zone = TimeZone::load("Europe/Rome");
  ASSERT_TRUE(zone.ok()) << zone.error().message;
  for (const Row& row : sales_->rows) {
    ASSERT_EQ(digit_shape(row[1]), "dddd-dd-dd dd:dd:dd") << row[1];
    const auto day = parse_iso_date(row[1].substr(0, 10));
    ASSERT_TRUE(day.ok()) << row[1];
    const int hour = std::stoi(row[1].substr(11, 2));
    const int second_of_day =
        hour * 3600 + std::stoi(row[1].substr(14, 2)) * 60 + std::stoi(row[1].substr(17, 2));
    ASSERT_TRUE((*zone)->to_utc(LocalDateTime{*day, second_of_day}).ok()) << row[1];
    ASSERT_GE(hour, 8) << row[1];
    ASSERT_LE(hour, 20) << row[1];
    if (iso_weekday(*day) == 7) {
      ASSERT_GE(hour, 9) << row[1];
      ASSERT_LE(hour, 13) << row[1];
    }
  }
}

TEST_F(DemoDataTest, ReceiptsAreContiguousAndConsistent) {
  std::set<std::string> finished;
  const Row* previous = nullptr;
  for (const Row& row : sales_->rows) {
    // Store, date and a sequence number of at least four digits: PV07-20261130-0042.
    const std::string shape = digit_shape(row[0]);
    ASSERT_TRUE(shape.starts_with("PVdd-dddddddd-dddd")) << row[0];
    ASSERT_EQ(shape.find_first_not_of('d', 14), std::string::npos) << row[0];
    EXPECT_EQ(row[0].substr(0, 4), row[2]) << row[0];
    std::string date = row[1].substr(0, 10);
    date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
    EXPECT_EQ(row[0].substr(5, 8), date) << row[0];
    if (previous != nullptr && (*previous)[0] == row[0]) {
      EXPECT_EQ((*previous)[1], row[1]) << row[0];
      EXPECT_EQ((*previous)[3], row[3]) << row[0];
    } else {
      ASSERT_TRUE(finished.insert(row[0]).second) << row[0] << " appears twice";
    }
    previous = &row;
  }
  EXPECT_EQ(static_cast<int64_t>(finished.size()), summary_->receipts);
}

TEST_F(DemoDataTest, CardNumbersAreMembersCards) {
  const auto members = index_by_first_column(*members_);
  for (const Row& row : sales_->rows) {
    if (row[3].empty()) {
      continue;
    }
    ASSERT_TRUE(is_valid_ean13(row[3])) << row[3];
    ASSERT_TRUE(row[3].starts_with("2991")) << row[3];
    const auto member = members.find(row[3]);
    ASSERT_NE(member, members.end()) << row[3];
    EXPECT_LE(member->second[6], row[1].substr(0, 10)) << row[3] << " shops before signing up";
  }
}

TEST_F(DemoDataTest, ProductsMatchTheCatalog) {
  const auto products = index_by_first_column(*products_);
  std::set<std::string> departments;
  for (const Row& row : sales_->rows) {
    const auto product = products.find(row[4]);
    ASSERT_NE(product, products.end()) << row[4];
    EXPECT_EQ(product->second[1], row[5]) << row[4];
    EXPECT_EQ(product->second[2], row[6]) << row[4];
    const bool weighed = product->second[3] == "kg";
    EXPECT_EQ(decimals_of(row[7]), weighed ? 3U : 0U) << row[0] << " " << row[7];
    if (row[11].empty() && milli(row[7]) > 0) {
      EXPECT_EQ(product->second[4], row[8]) << row[4];
    }
    departments.insert(row[6]);
  }
  EXPECT_EQ(departments.size(), 15U);
}

TEST_F(DemoDataTest, SideTablesHaveTheirCounts) {
  EXPECT_EQ(members_->header,
            "card_number,first_name,last_name,email,phone,birth_date,signup_date,home_store,"
            "marketing_consent,profiling_consent");
  EXPECT_EQ(members_->rows.size(), 25'000U);
  std::set<std::string> cards;
  for (const Row& row : members_->rows) {
    ASSERT_EQ(row.size(), 10U);
    ASSERT_TRUE(is_valid_ean13(row[0])) << row[0];
    cards.insert(row[0]);
  }
  EXPECT_EQ(cards.size(), 25'000U);

  EXPECT_EQ(stores_->header, "store_id,name,city,province,region,sales_area_m2,opening_date");
  ASSERT_EQ(stores_->rows.size(), 20U);
  EXPECT_EQ(stores_->rows.front()[0], "PV01");
  EXPECT_EQ(stores_->rows.back()[0], "PV20");

  EXPECT_EQ(products_->header, "product_code,product_name,department,unit,list_price");
  EXPECT_EQ(products_->rows.size(), 8000U);
  std::set<std::string> departments;
  for (const Row& row : products_->rows) {
    ASSERT_TRUE(row[3] == "piece" || row[3] == "kg") << row[0];
    departments.insert(row[2]);
  }
  EXPECT_EQ(departments.size(), 15U);
}

TEST_F(DemoDataTest, EveryStoreTrades) {
  std::set<std::string> stores;
  for (const Row& row : sales_->rows) {
    stores.insert(row[2]);
  }
  EXPECT_EQ(stores.size(), 20U);
}

TEST_F(DemoDataTest, SharesWithinTolerances) {
  std::map<std::string, bool> receipt_has_card;
  int64_t promotion_lines = 0;
  for (const Row& row : sales_->rows) {
    receipt_has_card[row[0]] = !row[3].empty();
    promotion_lines += row[11].empty() ? 0 : 1;
  }
  int64_t cardless = 0;
  for (const auto& [id, has_card] : receipt_has_card) {
    cardless += has_card ? 0 : 1;
  }
  const auto receipts = static_cast<double>(receipt_has_card.size());
  EXPECT_NEAR(static_cast<double>(cardless) / receipts, 0.30, 0.03);
  EXPECT_NEAR(static_cast<double>(promotion_lines) / kTestLines, 0.18, 0.015);
  EXPECT_EQ(promotion_lines, summary_->promotion_lines);
}

TEST_F(DemoDataTest, ReturnsAreNegativeReceipts) {
  std::map<std::string, std::pair<int, int>> signs;  // receipt -> (positive, negative) lines
  for (const Row& row : sales_->rows) {
    const int64_t quantity = milli(row[7]);
    const int64_t amount = milli(row[10]);
    ASSERT_NE(quantity, 0) << row[0];
    ASSERT_EQ(quantity < 0, amount < 0) << row[0];
    if (quantity < 0) {
      EXPECT_TRUE(row[11].empty()) << row[0];
      ++signs[row[0]].second;
    } else {
      ++signs[row[0]].first;
    }
  }
  int64_t return_receipts = 0;
  for (const auto& [id, count] : signs) {
    EXPECT_TRUE(count.first == 0 || count.second == 0) << id << " mixes sales and returns";
    return_receipts += count.second > 0 ? 1 : 0;
  }
  EXPECT_EQ(return_receipts, summary_->return_receipts);
  const double share = static_cast<double>(return_receipts) / static_cast<double>(signs.size());
  EXPECT_GT(share, 0.005);
  EXPECT_LT(share, 0.03);
}

TEST_F(DemoDataTest, WeekAndSeasonShapes) {
  std::array<int64_t, 8> by_weekday{};
  std::array<int64_t, 13> by_month{};
  int64_t first_year = 0;
  int64_t second_year = 0;
  for (const Row& row : sales_->rows) {
    const std::string date = row[1].substr(0, 10);
    ++by_weekday[static_cast<size_t>(iso_weekday(*parse_iso_date(date)))];
    ++by_month[static_cast<size_t>(std::stoi(date.substr(5, 2)))];
    (date < "2025-12-01" ? first_year : second_year) += 1;
  }
  for (int weekday = 1; weekday <= 5; ++weekday) {
    EXPECT_GT(by_weekday[6], by_weekday[static_cast<size_t>(weekday)]) << "weekday " << weekday;
  }
  EXPECT_LT(by_weekday[7], by_weekday[1]);
  EXPECT_GT(by_month[12], by_month[8]);
  EXPECT_GT(by_month[12], by_month[11]);
  EXPECT_GT(second_year, first_year);
}

TEST_F(DemoDataTest, SameOptionsGiveIdenticalFiles) {
  DemoDataOptions options = options_with_lines(kTestLines);
  const std::filesystem::path again = generate_in_new_directory(options);
  options.seed = 2;
  const std::filesystem::path other = generate_in_new_directory(options);

  for (const char* name : {"sales.csv", "members.csv", "stores.csv", "products.csv"}) {
    EXPECT_EQ(read_file(*directory_ / name), read_file(again / name)) << name;
  }
  EXPECT_NE(read_file(*directory_ / "sales.csv"), read_file(other / "sales.csv"));
  EXPECT_NE(read_file(*directory_ / "members.csv"), read_file(other / "members.csv"));
  EXPECT_NE(read_file(*directory_ / "products.csv"), read_file(other / "products.csv"));
  std::filesystem::remove_all(again);
  std::filesystem::remove_all(other);
}

TEST_F(DemoDataTest, LinesLeaveSideTablesAlone) {
  const std::filesystem::path directory = generate_in_new_directory(options_with_lines(1000));
  for (const char* name : {"members.csv", "stores.csv", "products.csv"}) {
    EXPECT_EQ(read_file(*directory_ / name), read_file(directory / name)) << name;
  }
  std::filesystem::remove_all(directory);
}

// A fingerprint of a small data set, whose files must be byte-identical on every machine. A
// deliberate change of the generator changes it: record the new value then. Any other change
// means that the output depends on the platform, which is a bug.
TEST(DemoDataFingerprint, MatchesRecordedValue) {
  DemoDataOptions options = options_with_lines(500);
  options.seed = 7;
  const std::filesystem::path directory = generate_in_new_directory(options);
  uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a, 64 bits
  for (const char* name : {"sales.csv", "members.csv", "stores.csv", "products.csv"}) {
    for (const char byte : read_file(directory / name)) {
      hash = (hash ^ static_cast<unsigned char>(byte)) * 0x100000001b3ULL;
    }
  }
  EXPECT_EQ(hash, 0x1819a4757e7765f0ULL) << std::hex << "0x" << hash;
  std::filesystem::remove_all(directory);
}

TEST_F(DemoDataTest, EndDateMovesThePeriod) {
  DemoDataOptions options = options_with_lines(2000);
  options.end_date = "2024-02-29";
  options.output_directory = make_temp_directory();
  const auto result = generate_demo_data(options);
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(format_iso_date(result->first_day), "2022-03-01");
  const CsvFile sales = read_csv(options.output_directory / "sales.csv");
  ASSERT_EQ(sales.rows.size(), 2000U);
  for (const Row& row : sales.rows) {
    ASSERT_GE(row[1].substr(0, 10), "2022-03-01");
    ASSERT_LE(row[1].substr(0, 10), "2024-02-29");
  }
  std::filesystem::remove_all(options.output_directory);
}

TEST(DemoDataOptions, RejectsBadValues) {
  const std::filesystem::path directory = make_temp_directory();
  DemoDataOptions options;
  options.output_directory = directory;

  options.lines = 0;
  auto result = generate_demo_data(options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "invalid_option");
  EXPECT_NE(result.error().message.find("0"), std::string::npos);

  options.lines = 10;
  options.end_date = "2026-13-01";
  result = generate_demo_data(options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "invalid_option");
  EXPECT_NE(result.error().message.find("2026-13-01"), std::string::npos);

  options.end_date = "2026-11-30";
  options.time_zone = "Europe/Atlantis";
  result = generate_demo_data(options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "unknown_time_zone");

  EXPECT_TRUE(std::filesystem::is_empty(directory));
  std::filesystem::remove_all(directory);
}

TEST(DemoDataOptions, UnwritableDirectoryIsAnError) {
  const std::filesystem::path directory = make_temp_directory();
  const std::filesystem::path blocker = directory / "not-a-directory";
  std::ofstream(blocker) << "x";
  DemoDataOptions options;
  options.output_directory = blocker / "out";
  options.lines = 10;
  const auto result = generate_demo_data(options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "io_error");
  EXPECT_NE(result.error().message.find("not-a-directory"), std::string::npos);
  std::filesystem::remove_all(directory);
}

}  // namespace
}  // namespace imagross::demo
