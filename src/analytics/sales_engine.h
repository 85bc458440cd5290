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
#include "analytics/member_purchases.h"
#include "common/time_zone.h"
#include "storage/database.h"

namespace imagross {

namespace analytics {
struct SalesSnapshot;
}

struct SalesCoverage {
  std::optional<int32_t> first_day;  // local day of the earliest line; none when empty
  std::optional<int32_t> last_day;
  int64_t lines = 0;
};

// Thread-safe: queries run concurrently with each other and with load() and append(); a query
// sees the lines of complete batches only. Each query works on an immutable snapshot, and load()
// and append() build a new one and swap it in. So while load() runs, the old and the new
// snapshot both exist, and while append() runs, the months it touches are held twice (the rest
// is shared between the old and the new snapshot).
class SalesEngine {
 public:
  explicit SalesEngine(std::shared_ptr<const TimeZone> zone);
  ~SalesEngine();
  SalesEngine(const SalesEngine&) = delete;
  SalesEngine& operator=(const SalesEngine&) = delete;

  // Replaces the contents with every line stored in `database`. ready() is true once it returns.
  // Throws StorageError when the database fails; the engine then keeps its previous contents.
  void load(Database& database);

  // Adds lines that were just inserted into `database`, whose dictionaries may have grown. Lines
  // whose key (receipt id, line number) the engine has already are skipped, so a batch that a
  // concurrent load() also read is not counted twice. load() and append() run one at a time.
  // Throws StorageError when reading the dictionaries fails, and then adds nothing.
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
  // The purchases, over all time, of the lines carrying any of `card_ids` (the sales
  // dictionary's card ids of one member's cards, MemberStore::sales_card_ids_of_member).
  MemberPurchases member_purchases(std::span<const int32_t> card_ids) const;

  // Bytes held by the column store and its dictionaries.
  std::size_t memory_bytes() const;

  // The current snapshot, for queries written against the column store directly (such as
  // analytics/benchmark_queries.h). It stays valid and unchanged while the caller keeps it.
  std::shared_ptr<const analytics::SalesSnapshot> snapshot() const;

 private:
  struct State;
  std::shared_ptr<const TimeZone> zone_;
  std::unique_ptr<State> state_;
};

}  // namespace imagross
