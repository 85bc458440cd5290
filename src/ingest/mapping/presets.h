#pragma once

// Built-in layouts (presets) and mapping files: the two ways a user describes a file whose
// columns the importer does not recognise by itself.

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "ingest/mapping/column_mapping.h"

namespace imagross::ingest {

// The names of the built-in presets, for help text and messages.
std::vector<std::string> preset_names();

// The layout of a built-in preset:
// - "canonical": the canonical sales CSV (canonical column names only, decimal point, ISO
//   local timestamps).
// - "online-retail": the UCI Online Retail file (InvoiceNo, StockCode, Description, Quantity,
//   InvoiceDate, UnitPrice, CustomerID, Country) of a UK online retailer: one store "ONLINE",
//   invoices starting with "C" are cancellations, CustomerID is the card number, times are
//   UK local time (Europe/London).
// Error code "unknown_preset" lists the presets.
Result<MappingSpec> find_preset(std::string_view name);

// The layout of a built-in preset of the members import: "canonical", the members CSV that
// `imagross demo-data` writes (canonical column names only, ISO dates). Error code
// "unknown_preset".
Result<MappingSpec> find_member_preset(std::string_view name);

// The layout of a built-in preset of the points history import: "canonical" (canonical column
// names only, ISO dates). Error code "unknown_preset".
Result<MappingSpec> find_points_preset(std::string_view name);

// Reads a JSON mapping file:
//   {
//     "columns": {"receipt_id": "Numero documento", "timestamp": "Data e ora", ...},
//     "constants": {"store_id": "PV07"},
//     "match_headers": true,
//     "cancellation_prefix": "C",
//     "date_format": "day-first" | "month-first" | "iso" | "excel" | "%d/%m/%Y %H:%M",
//     "locale": "it-IT" | "en-US",
//     "time_zone": "Europe/Rome"
//   }
// The fields are those of `fields`; "cancellation_prefix" and "time_zone" are keys of tables with
// cancellations (sales) only. Error codes "unreadable_mapping" and "invalid_mapping", with the
// path and the key at fault.
Result<MappingSpec> load_mapping_file(const std::string& path,
                                      const FieldTable& fields = sales_field_table());

// Parses the text of a mapping file; `origin` names it in messages.
Result<MappingSpec> parse_mapping(std::string_view json, const std::string& origin,
                                  const FieldTable& fields = sales_field_table());

// Parses "it-IT" or "en-US" (also "it_IT", "it", "en"). Error code "invalid_locale".
Result<Locale> parse_locale(std::string_view text);
std::string_view locale_name(Locale locale);

}  // namespace imagross::ingest
