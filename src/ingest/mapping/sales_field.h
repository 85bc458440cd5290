#pragma once

// The fields of a receipt line that an import fills, their canonical column names and the
// header names that common Italian and English exports use for them.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

inline std::size_t field_index(SalesField field) {
  return static_cast<std::size_t>(field);
}

// The canonical column name, e.g. "receipt_id".
std::string_view field_name(SalesField field);

// The field whose canonical name is `name` (exact, as mapping files write it).
std::optional<SalesField> field_from_name(std::string_view name);

// A header name folded for matching: ASCII letters lower-cased, accented Latin letters written
// without their accent, everything but letters and digits dropped. "Quantità" and "QTA" both
// become "quantita"/"qta"; "Punto Vendita" becomes "puntovendita".
std::string fold_header(std::string_view header);

struct HeaderMatch {
  SalesField field;
  bool canonical;  // matched through the canonical name, not a synonym
};

// The field a header name stands for, through its canonical name or a known synonym
// (Italian: scontrino, data, ora, negozio, punto vendita, tessera, codice, EAN, descrizione,
// reparto, quantità, prezzo, sconto, importo, promo, riga).
std::optional<HeaderMatch> match_header(std::string_view header);

}  // namespace imagross::ingest
