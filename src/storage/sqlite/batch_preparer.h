#pragma once

// Resolves a batch of receipt lines into a PreparedBatch: dictionary ids through the in-memory
// cache, and receipt ids. It checks the key (receipt code, line number) of each line against
// stored lines, lines of earlier batches not yet written and earlier lines of the batch. It writes
// nothing.

#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "domain/receipt_line.h"
#include "storage/sqlite/dictionary_cache.h"
#include "storage/sqlite/prepared_batch.h"
#include "storage/sqlite/receipt_lookup.h"

namespace imagross::sqlite {

class BatchPreparer {
 public:
  // Gives a receipt met for the first time in the batch (with the hash of its code) the id and
  // the rows it has in a batch prepared earlier and not committed yet. Returns false when no
  // such batch has it.
  using ContinueUnwritten = std::function<bool(BatchReceipt&, uint64_t)>;

  // `lookup` returns the lookup for receipts that may be stored; it is called only when one is
  // needed.
  BatchPreparer(DictionaryCache& cache, ContinueUnwritten continue_unwritten,
                std::function<ReceiptLookup&()> lookup);

  // Fills `batch` from batch.lines and batch.import_id, and adds what the batch creates to the
  // cache. The cache must be discarded if the batch is never committed.
  void prepare(PreparedBatch& batch);

 private:
  // The last text resolved in a dictionary and its id: lines of one receipt share their store
  // and card, so most lines skip the lookup.
  struct Recent {
    std::string_view text;
    int32_t id = 0;
  };

  // `product_hash` is the hash_text() of the line's product code.
  void prepare_line(const ReceiptLine& line, uint64_t product_hash);
  BatchReceipt& find_or_add_receipt(std::string_view code);
  void start_receipt(BatchReceipt& receipt, uint64_t hash);
  bool continue_stored_receipt(BatchReceipt& receipt);
  LineRow make_row(int64_t receipt_id, const ReceiptLine& line, uint64_t product_hash);
  void resolve_product(const ReceiptLine& line, uint64_t product_hash, LineRow& row);
  ProductEntry& add_product(const ReceiptLine& line, int32_t department_id);
  void record_product_updates();
  // Returns the id of `key` in `dictionary`, creating an entry (listed in `created`) when it has
  // none.
  template <typename Entry>
  int32_t resolve(Dictionary<Entry>& dictionary, std::vector<Entry>& created, std::string_view key);
  template <typename Entry>
  int32_t resolve(Dictionary<Entry>& dictionary, std::vector<Entry>& created, std::string_view key,
                  Recent& recent);

  DictionaryCache& cache_;
  ContinueUnwritten continue_unwritten_;
  std::function<ReceiptLookup&()> lookup_;
  PreparedBatch* batch_ = nullptr;
  std::size_t last_receipt_ = 0;  // position in batch_->receipts, valid when receipts exist
  // Codes of products whose latest name or department changed.
  std::unordered_set<std::string_view> changed_products_;
  Recent store_;
  Recent card_;
  Recent department_;
  Recent promotion_;
};

}  // namespace imagross::sqlite
