#pragma once

// The in-memory columnar store of every receipt line and the queries of the admin dashboard.
// Loaded from the database at start, extended by every import while the server runs.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "analytics/dashboard.h"
#include "common/time_zone.h"
#include "storage/database.h"

namespace imagross {

struct SalesCoverage {
  std::optional<int32_t> first_day;  // local day of the earliest line; none when empty
  std::optional<int32_t> last_day;
  int64_t lines = 0;
};

// Thread-safe: queries run concurrently with each other and with load() and append(); a query
// sees the lines of complete batches only.
class SalesEngine {
 public:
  explicit SalesEngine(std::shared_ptr<const TimeZone> zone);
  ~SalesEngine();
  SalesEngine(const SalesEngine&) = delete;
  SalesEngine& operator=(const SalesEngine&) = delete;

  // Replaces the contents with every line stored in `database`. ready() is true once it returns.
  void load(Database& database);

  // Adds lines that were just inserted into `database`, whose dictionaries may have grown.
  void append(Database& database, std::span<const StoredLine> lines);

  bool ready() const;
  const TimeZone& time_zone() const;
  SalesCoverage coverage() const;
  std::vector<StoreEntry> stores() const;
  std::vector<DepartmentEntry> departments() const;
  std::optional<int32_t> find_store(std::string_view code) const;
  std::optional<int32_t> find_department(std::string_view name) const;

  // `top` is the number of top products to return.
  Dashboard dashboard(const SalesFilter& filter, int top = 10) const;
  ProductPage products(const ProductQuery& query) const;

  // Bytes held by the column store and its dictionaries.
  std::size_t memory_bytes() const;

 private:
  struct State;
  std::shared_ptr<const TimeZone> zone_;
  std::unique_ptr<State> state_;
};

}  // namespace imagross
