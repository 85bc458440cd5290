#include "analytics/sales_engine.h"

#include <atomic>
#include <cassert>
#include <mutex>

#include <spdlog/spdlog.h>

#include "analytics/dashboard_query.h"
#include "analytics/sales_snapshot.h"
#include "analytics/snapshot_builder.h"

namespace imagross {

// The current snapshot sits behind a mutex held only to copy or replace the pointer, so a query
// waits at most for a pointer copy, never for a load or an append to finish. The
// std::atomic<std::shared_ptr> of libstdc++ 12 would do the same, but ThreadSanitizer cannot see
// its internal lock and reports races.
struct SalesEngine::State {
  std::shared_ptr<const analytics::SalesSnapshot> current() const {
    const std::lock_guard lock(snapshot_mutex);
    return snapshot;
  }
  void publish(std::shared_ptr<const analytics::SalesSnapshot> next) {
    const std::lock_guard lock(snapshot_mutex);
    snapshot.swap(next);
  }

  mutable std::mutex snapshot_mutex;
  std::shared_ptr<const analytics::SalesSnapshot> snapshot =
      std::make_shared<const analytics::SalesSnapshot>();
  std::atomic<bool> ready{false};
  std::mutex write_mutex;  // one load() or append() at a time
};

SalesEngine::SalesEngine(std::shared_ptr<const TimeZone> zone)
    : zone_(std::move(zone)), state_(std::make_unique<State>()) {
  assert(zone_ != nullptr);
}

SalesEngine::~SalesEngine() = default;

void SalesEngine::load(Database& database) {
  const std::lock_guard lock(state_->write_mutex);
  analytics::SnapshotBuilder builder(*zone_);
  database.scan_lines([&](std::span<const StoredLine> lines) { builder.add(lines); });
  // Read after the lines, so that the dictionaries cover every id the lines refer to.
  auto snapshot = builder.finish(database.load_dictionaries());
  spdlog::info("sales engine: loaded {} lines in {} months, {} bytes", snapshot->line_count,
               snapshot->chunks.size(), snapshot->memory_bytes());
  state_->publish(std::move(snapshot));
  state_->ready.store(true);
}

void SalesEngine::append(Database& database, std::span<const StoredLine> lines) {
  if (lines.empty()) {
    return;
  }
  const std::lock_guard lock(state_->write_mutex);
  const auto base = state_->current();
  auto next = analytics::append_to_snapshot(*base, lines, database.load_dictionaries(), *zone_);
  spdlog::debug("sales engine: appended {} of {} lines, {} lines in all",
                next->line_count - base->line_count, lines.size(), next->line_count);
  state_->publish(std::move(next));
}

bool SalesEngine::ready() const {
  return state_->ready.load();
}

const TimeZone& SalesEngine::time_zone() const {
  return *zone_;
}

SalesCoverage SalesEngine::coverage() const {
  const auto snapshot = state_->current();
  SalesCoverage coverage;
  coverage.lines = snapshot->line_count;
  if (!snapshot->chunks.empty()) {
    coverage.first_day = snapshot->chunks.front()->days.front();
    coverage.last_day = snapshot->chunks.back()->days.back();
  }
  return coverage;
}

std::vector<StoreEntry> SalesEngine::stores() const {
  return state_->current()->catalog.store_entries;
}

std::vector<DepartmentEntry> SalesEngine::departments() const {
  return state_->current()->catalog.department_entries;
}

std::optional<int32_t> SalesEngine::find_store(std::string_view code) const {
  for (const StoreEntry& store : state_->current()->catalog.store_entries) {
    if (store.code == code) {
      return store.id;
    }
  }
  return std::nullopt;
}

std::optional<int32_t> SalesEngine::find_department(std::string_view name) const {
  for (const DepartmentEntry& department : state_->current()->catalog.department_entries) {
    if (department.name == name) {
      return department.id;
    }
  }
  return std::nullopt;
}

Dashboard SalesEngine::dashboard(const SalesFilter& filter, int top) const {
  return analytics::compute_dashboard(*state_->current(), filter, top);
}

ProductPage SalesEngine::products(const ProductQuery& query) const {
  return analytics::compute_product_page(*state_->current(), query);
}

MemberPurchases SalesEngine::member_purchases(std::span<const int32_t> card_ids) const {
  return analytics::compute_member_purchases(*state_->current(), card_ids);
}

std::size_t SalesEngine::memory_bytes() const {
  return sizeof(SalesEngine) + sizeof(State) + state_->current()->memory_bytes();
}

std::shared_ptr<const analytics::SalesSnapshot> SalesEngine::snapshot() const {
  return state_->current();
}

}  // namespace imagross
