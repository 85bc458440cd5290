#include "storage/sqlite/line_writer.h"

#include <unordered_set>
#include <utility>
#include <vector>

#include "storage/sqlite/batch_table.h"
#include "storage/sqlite/line_rows.h"
#include "storage/sqlite/position_index.h"
#include "storage/sqlite/statements.h"

namespace imagross::sqlite {
namespace {

namespace sql = statements;

struct LineKey {
  int64_t receipt_id = 0;
  int32_t line_number = 0;
  friend bool operator==(const LineKey&, const LineKey&) = default;
};

uint64_t hash_key(const LineKey& key) {
  return mix_hash(static_cast<uint64_t>(key.receipt_id) * 0x9E3779B97F4A7C15ULL +
                  static_cast<uint32_t>(key.line_number));
}

LineKey key_of(const LineRow& row) {
  return {row.line.receipt_id, row.line.line_number};
}

// A new dictionary entry for `key`. A store has no name in a receipt line, so it gets its code.
template <typename Entry>
Entry new_entry(int32_t id, std::string_view key) {
  return Entry{id, std::string(key)};
}
template <>
StoreEntry new_entry<StoreEntry>(int32_t id, std::string_view key) {
  return StoreEntry{id, std::string(key), std::string(key)};
}

template <typename Entry>
void bind_entry(Statement& insert, const Entry& entry) {
  insert.bind(1, int64_t{entry.id}).bind(2, dictionary_key(entry));
}
void bind_entry(Statement& insert, const StoreEntry& entry) {
  insert.bind(1, int64_t{entry.id}).bind(2, entry.code).bind(3, entry.name);
}

int32_t column_id32(const Statement& row, int column) {
  return static_cast<int32_t>(row.column_id(column));
}

// Reads a row of kSelectReceiptLines.
LineRow read_stored_row(const Statement& row, int64_t receipt_id) {
  LineRow stored;
  stored.line = read_line_columns(row, 0, receipt_id);
  stored.product_name_id = column_id32(row, 12);
  stored.import_id = row.column_int64(13);
  return stored;
}

// True when `line` has exactly the values of `stored`. A text that is not in its dictionary
// cannot match: it gets id 0 there, and only an absent optional value is stored as 0.
bool same_values(const LineRow& stored, const ReceiptLine& line, const DictionaryCache& cache) {
  const StoredLine& values = stored.line;
  return values.timestamp == line.timestamp && values.quantity == line.quantity &&
         values.unit_price == line.unit_price && values.discount == line.discount &&
         values.amount == line.amount && values.is_return == line.is_return &&
         values.store_id == cache.stores.id_of(line.store_code) &&
         values.card_id == cache.cards.id_of(line.card_number) &&
         values.product_id == cache.products.id_of(line.product_code) &&
         stored.product_name_id == cache.product_names.id_of(line.product_name) &&
         values.department_id == cache.departments.id_of(line.department) &&
         values.promotion_id == cache.promotions.id_of(line.promo_code);
}

}  // namespace

StoredLine read_line_columns(const Statement& row, int first, int64_t receipt_id) {
  StoredLine line;
  line.receipt_id = receipt_id;
  line.line_number = column_id32(row, first);
  line.timestamp = row.column_int64(first + 1);
  line.store_id = column_id32(row, first + 2);
  line.card_id = column_id32(row, first + 3);
  line.product_id = column_id32(row, first + 4);
  line.department_id = column_id32(row, first + 5);
  line.quantity = row.column_int64(first + 6);
  line.unit_price = row.column_int64(first + 7);
  line.discount = row.column_int64(first + 8);
  line.amount = row.column_int64(first + 9);
  line.promotion_id = column_id32(row, first + 10);
  line.is_return = row.column_int64(first + 11) != 0;
  return line;
}

// The state of one write() call.
struct LineWriter::Batch {
  Batch(DictionaryCache& dictionaries, int64_t import) : cache(dictionaries), import_id(import) {}

  // The last text resolved in a dictionary and its id: lines of one receipt share their store
  // and card, so most lines skip the lookup.
  struct Recent {
    std::string_view text;
    int32_t id = 0;
  };

  // known_index positions with this bit set are in stored_rows, the others in new_rows.
  static constexpr uint32_t kStoredRow = 0x8000'0000U;

  const LineRow& known_row(uint32_t position) const {
    return (position & kStoredRow) != 0 ? stored_rows[position & ~kStoredRow] : new_rows[position];
  }
  const LineRow* find_known(const LineKey& key) const {
    auto position = known_index.find(
        hash_key(key), [&](uint32_t candidate) { return key_of(known_row(candidate)) == key; });
    return position ? &known_row(*position) : nullptr;
  }
  void add_new(const LineRow& row) {
    known_index.insert(hash_key(key_of(row)), static_cast<uint32_t>(new_rows.size()));
    new_rows.push_back(row);
  }
  void add_stored(const LineRow& row) {
    known_index.insert(hash_key(key_of(row)),
                       static_cast<uint32_t>(stored_rows.size()) | kStoredRow);
    stored_rows.push_back(row);
  }

  DictionaryCache& cache;
  int64_t import_id = 0;
  // Receipts met in this batch, stored or new, found by code through receipt_index.
  std::vector<BatchReceipt> receipts;
  PositionIndex receipt_index;
  const BatchReceipt* last_receipt = nullptr;
  std::vector<BatchReceipt> new_receipts;
  // Lines whose key is in use: the stored lines of the batch's receipts and the new lines.
  std::vector<LineRow> stored_rows;
  std::vector<LineRow> new_rows;
  PositionIndex known_index;
  // Codes of products whose latest name or department changed.
  std::unordered_set<std::string_view> changed_products;
  Recent store;
  Recent card;
  Recent department;
  Recent promotion;
};

LineWriter::BatchFunctions::BatchFunctions(Connection& connection) {
  register_line_batch_tables(connection);
}

LineWriter::LineWriter(Connection& connection)
    : functions_(connection),
      insert_store_(connection, sql::kInsertStore),
      insert_department_(connection, sql::kInsertDepartment),
      insert_product_(connection, sql::kInsertProduct),
      update_product_(connection, sql::kUpdateProduct),
      insert_product_name_(connection, sql::kInsertProductName),
      insert_card_(connection, sql::kInsertCard),
      insert_promotion_(connection, sql::kInsertPromotion),
      select_receipt_id_(connection, sql::kSelectReceiptId),
      select_receipt_lines_(connection, sql::kSelectReceiptLines),
      insert_receipts_(connection, sql::kInsertBatchReceipts),
      insert_lines_(connection, sql::kInsertBatchLines) {}

LineWriter::~LineWriter() = default;

BatchResult LineWriter::write(int64_t import_id, std::span<const ReceiptLine> lines,
                              DictionaryCache& cache) {
  Batch batch(cache, import_id);
  batch.new_rows.reserve(lines.size());
  batch.known_index.reserve(lines.size());
  batch.receipt_index.reserve(lines.size() / 4);

  BatchResult result;
  result.outcomes.reserve(lines.size());
  for (const ReceiptLine& line : lines) {
    write_line(batch, line, result);
  }

  update_products(batch);
  insert_rows(batch, import_id);

  result.inserted.reserve(batch.new_rows.size());
  for (const LineRow& row : batch.new_rows) {
    result.inserted.push_back(row.line);
  }
  return result;
}

void LineWriter::write_line(Batch& batch, const ReceiptLine& line, BatchResult& result) {
  LineKey key{receipt_id(batch, line.receipt_code), line.line_number};
  if (const LineRow* known = batch.find_known(key)) {
    if (same_values(*known, line, batch.cache)) {
      result.outcomes.push_back(LineOutcome::duplicate);
    } else {
      result.outcomes.push_back(LineOutcome::conflict);
      result.conflict_import_ids.push_back(known->import_id);
    }
    return;
  }
  LineRow row = make_row(batch, key.receipt_id, line);
  row.import_id = batch.import_id;
  batch.add_new(row);
  result.outcomes.push_back(LineOutcome::inserted);
}

int64_t LineWriter::receipt_id(Batch& batch, std::string_view code) {
  // Lines of one receipt usually arrive together.
  if (batch.last_receipt != nullptr && batch.last_receipt->code == code) {
    return batch.last_receipt->id;
  }
  uint64_t hash = hash_text(code);
  auto position = batch.receipt_index.find(
      hash, [&](uint32_t candidate) { return batch.receipts[candidate].code == code; });
  if (!position) {
    position = static_cast<uint32_t>(batch.receipts.size());
    batch.receipts.push_back({find_or_add_receipt(batch, code, hash), code});
    batch.receipt_index.insert(hash, *position);
  }
  batch.last_receipt = &batch.receipts[*position];
  return batch.last_receipt->id;
}

int64_t LineWriter::find_or_add_receipt(Batch& batch, std::string_view code, uint64_t hash) {
  if (batch.cache.receipts.may_contain(hash)) {
    select_receipt_id_.bind(1, code);
    bool stored = select_receipt_id_.step();
    int64_t id = stored ? select_receipt_id_.column_int64(0) : 0;
    select_receipt_id_.reset();
    if (stored) {
      load_stored_lines(batch, id);
      return id;
    }
  }
  int64_t id = batch.cache.receipts.add(hash);
  batch.new_receipts.push_back({id, code});
  return id;
}

void LineWriter::load_stored_lines(Batch& batch, int64_t receipt_id) {
  select_receipt_lines_.bind(1, receipt_id);
  while (select_receipt_lines_.step()) {
    batch.add_stored(read_stored_row(select_receipt_lines_, receipt_id));
  }
  select_receipt_lines_.reset();
}

LineRow LineWriter::make_row(Batch& batch, int64_t receipt_id, const ReceiptLine& line) {
  DictionaryCache& cache = batch.cache;
  LineRow row;
  StoredLine& stored = row.line;
  stored.receipt_id = receipt_id;
  stored.line_number = line.line_number;
  stored.timestamp = line.timestamp;
  stored.store_id = resolve(cache.stores, insert_store_, line.store_code, batch.store);
  if (!line.card_number.empty()) {
    stored.card_id = resolve(cache.cards, insert_card_, line.card_number, batch.card);
  }
  if (!line.department.empty()) {
    stored.department_id =
        resolve(cache.departments, insert_department_, line.department, batch.department);
  }
  resolve_product(batch, line, row);
  if (!line.promo_code.empty()) {
    stored.promotion_id =
        resolve(cache.promotions, insert_promotion_, line.promo_code, batch.promotion);
  }
  stored.quantity = line.quantity;
  stored.unit_price = line.unit_price;
  stored.discount = line.discount;
  stored.amount = line.amount;
  stored.is_return = line.is_return;
  return row;
}

template <typename Entry>
int32_t LineWriter::resolve(Dictionary<Entry>& dictionary, Statement& insert,
                            std::string_view key) {
  if (const Entry* found = dictionary.find(key)) {
    return found->id;
  }
  Entry entry = new_entry<Entry>(dictionary.next_id(), key);
  bind_entry(insert, entry);
  insert.execute();
  return dictionary.add(std::move(entry)).id;
}

template <typename Entry, typename Recent>
int32_t LineWriter::resolve(Dictionary<Entry>& dictionary, Statement& insert, std::string_view key,
                            Recent& recent) {
  if (recent.id == 0 || recent.text != key) {
    recent.id = resolve(dictionary, insert, key);
    recent.text = key;
  }
  return recent.id;
}

// Sets the product id and the product name id of `row`.
void LineWriter::resolve_product(Batch& batch, const ReceiptLine& line, LineRow& row) {
  DictionaryCache& cache = batch.cache;
  ProductEntry* product = cache.products.find(line.product_code);
  if (product == nullptr) {
    product = &add_product(cache, line, row.line.department_id);
  } else {
    update_latest(batch, *product, line, row.line.department_id);
  }
  row.line.product_id = product->id;

  int32_t& latest_name_id = cache.latest_name_ids[cache.products.position(*product)];
  bool latest_name = line.product_name == product->name;
  if (latest_name && latest_name_id != 0) {
    row.product_name_id = latest_name_id;
    return;
  }
  row.product_name_id = resolve(cache.product_names, insert_product_name_, line.product_name);
  if (latest_name) {
    latest_name_id = row.product_name_id;
  }
}

// A product first seen without a name is named by its code.
ProductEntry& LineWriter::add_product(DictionaryCache& cache, const ReceiptLine& line,
                                      int32_t department_id) {
  const std::string& name = line.product_name.empty() ? line.product_code : line.product_name;
  ProductEntry entry{cache.products.next_id(), line.product_code, name, department_id};
  insert_product_.bind(1, int64_t{entry.id})
      .bind(2, entry.code)
      .bind(3, entry.name)
      .bind_id_or_null(4, entry.department_id)
      .execute();
  cache.latest_name_ids.push_back(0);
  return cache.products.add(std::move(entry));
}

// A product keeps the name and the department of the last line written for it (in import
// order). A line without a name or a department leaves the previous one in place.
void LineWriter::update_latest(Batch& batch, ProductEntry& product, const ReceiptLine& line,
                               int32_t department_id) {
  bool renamed = !line.product_name.empty() && product.name != line.product_name;
  bool moved = department_id != 0 && product.department_id != department_id;
  if (renamed) {
    product.name = line.product_name;
    batch.cache.latest_name_ids[batch.cache.products.position(product)] = 0;
  }
  if (moved) {
    product.department_id = department_id;
  }
  if (renamed || moved) {
    batch.changed_products.insert(line.product_code);
  }
}

void LineWriter::update_products(Batch& batch) {
  for (std::string_view code : batch.changed_products) {
    const ProductEntry* product = batch.cache.products.find(code);
    update_product_.bind(1, int64_t{product->id})
        .bind(2, product->name)
        .bind_id_or_null(3, product->department_id)
        .execute();
  }
}

void LineWriter::insert_rows(Batch& batch, int64_t import_id) {
  if (!batch.new_receipts.empty()) {
    ReceiptRows receipts(batch.new_receipts);
    bind_rows(insert_receipts_, 1, receipts).execute();
  }
  if (!batch.new_rows.empty()) {
    LineRows lines(batch.new_rows);
    bind_rows(insert_lines_, 1, lines).bind(2, import_id).execute();
  }
}

}  // namespace imagross::sqlite
