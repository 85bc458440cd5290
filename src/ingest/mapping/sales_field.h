#pragma once

// The fields of a receipt line that an import fills, their canonical column names and the
// header names that common Italian and English exports use for them.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/mapping/field_table.h"

namespace imagross::ingest {

enum class SalesField : uint8_t {
  receipt_id,
  line_number,
  timestamp,  // date and time in one column
  date,       // date alone, or date and time, when no timestamp column exists
  time,       // time of day beside a date column
  store_id,
  card_number,
  product_code,
  product_name,
  department,
  quantity,
  unit_price,
  discount,
  amount,
  promo_code,
};

inline constexpr std::size_t kSalesFieldCount = 15;

// Every field, in declaration order, for loops.
const std::array<SalesField, kSalesFieldCount>& all_sales_fields();

// The canonical column name, e.g. "receipt_id".
std::string_view field_name(SalesField field);

// The field whose canonical name is `name` (exact, as mapping files write it).
std::optional<SalesField> field_from_name(std::string_view name);

struct HeaderMatch {
  SalesField field;
  bool canonical;  // matched through the canonical name, not a synonym
};

// The field a header name stands for, through its canonical name or a known synonym
// (Italian: scontrino, data, ora, negozio, punto vendita, tessera, codice, EAN, descrizione,
// reparto, quantità, prezzo, sconto, importo, promo, riga).
std::optional<HeaderMatch> match_header(std::string_view header);

// The fields of a receipt line as a table for the shared column mapping: required fields
// (receipt_id, timestamp or date, store_id, product_code, quantity, unit_price or amount), a
// timestamp column taking precedence over date and time columns, the number and date columns.
const FieldTable& sales_field_table();

}  // namespace imagross::ingest
