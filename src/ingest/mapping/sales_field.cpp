#include "ingest/mapping/sales_field.h"

namespace imagross::ingest {
namespace {

constexpr std::array<std::string_view, kSalesFieldCount> kFieldNames = {
    "receipt_id", "line_number", "timestamp",    "date",         "time",
    "store_id",   "card_number", "product_code", "product_name", "department",
    "quantity",   "unit_price",  "discount",     "amount",       "promo_code",
};

// Folded header names other than the canonical ones. Italian exports name the same column in
// many ways; each entry is what fold_header() makes of a name seen in real files.
constexpr FieldSynonym kSynonyms[] = {
    {"receipt", field_index(SalesField::receipt_id)},
    {"scontrino", field_index(SalesField::receipt_id)},
    {"numeroscontrino", field_index(SalesField::receipt_id)},
    {"nscontrino", field_index(SalesField::receipt_id)},
    {"numscontrino", field_index(SalesField::receipt_id)},
    {"idscontrino", field_index(SalesField::receipt_id)},
    {"codicescontrino", field_index(SalesField::receipt_id)},
    {"line", field_index(SalesField::line_number)},
    {"riga", field_index(SalesField::line_number)},
    {"nriga", field_index(SalesField::line_number)},
    {"numeroriga", field_index(SalesField::line_number)},
    {"datetime", field_index(SalesField::timestamp)},
    {"dataora", field_index(SalesField::timestamp)},
    {"dataeora", field_index(SalesField::timestamp)},
    {"data", field_index(SalesField::date)},
    {"datascontrino", field_index(SalesField::date)},
    {"giorno", field_index(SalesField::date)},
    {"ora", field_index(SalesField::time)},
    {"orario", field_index(SalesField::time)},
    {"store", field_index(SalesField::store_id)},
    {"storecode", field_index(SalesField::store_id)},
    {"negozio", field_index(SalesField::store_id)},
    {"codicenegozio", field_index(SalesField::store_id)},
    {"puntovendita", field_index(SalesField::store_id)},
    {"codicepuntovendita", field_index(SalesField::store_id)},
    {"pv", field_index(SalesField::store_id)},
    {"card", field_index(SalesField::card_number)},
    {"tessera", field_index(SalesField::card_number)},
    {"numerotessera", field_index(SalesField::card_number)},
    {"codicetessera", field_index(SalesField::card_number)},
    {"carta", field_index(SalesField::card_number)},
    {"cartafedelta", field_index(SalesField::card_number)},
    {"product", field_index(SalesField::product_code)},
    {"codice", field_index(SalesField::product_code)},
    {"codiceprodotto", field_index(SalesField::product_code)},
    {"codicearticolo", field_index(SalesField::product_code)},
    {"ean", field_index(SalesField::product_code)},
    {"sku", field_index(SalesField::product_code)},
    {"description", field_index(SalesField::product_name)},
    {"descrizione", field_index(SalesField::product_name)},
    {"descrizioneprodotto", field_index(SalesField::product_name)},
    {"prodotto", field_index(SalesField::product_name)},
    {"nomeprodotto", field_index(SalesField::product_name)},
    {"reparto", field_index(SalesField::department)},
    {"qty", field_index(SalesField::quantity)},
    {"quantita", field_index(SalesField::quantity)},
    {"qta", field_index(SalesField::quantity)},
    {"pezzi", field_index(SalesField::quantity)},
    {"price", field_index(SalesField::unit_price)},
    {"prezzo", field_index(SalesField::unit_price)},
    {"prezzounitario", field_index(SalesField::unit_price)},
    {"sconto", field_index(SalesField::discount)},
    {"importo", field_index(SalesField::amount)},
    {"totale", field_index(SalesField::amount)},
    {"totaleriga", field_index(SalesField::amount)},
    {"promo", field_index(SalesField::promo_code)},
    {"promozione", field_index(SalesField::promo_code)},
    {"codicepromo", field_index(SalesField::promo_code)},
    {"codicepromozione", field_index(SalesField::promo_code)},
};

constexpr RequiredField kRequired[] = {
    {field_index(SalesField::receipt_id), kNoField,
     "receipt_id (the receipt number, in Italian 'scontrino')"},
    {field_index(SalesField::timestamp), field_index(SalesField::date),
     "timestamp (date and time, or the Italian 'data' with an optional 'ora')"},
    {field_index(SalesField::store_id), kNoField,
     "store_id (the store code, in Italian 'negozio' or 'punto vendita')"},
    {field_index(SalesField::product_code), kNoField,
     "product_code (in Italian 'codice' or 'EAN')"},
    {field_index(SalesField::quantity), kNoField, "quantity (in Italian 'quantità' or 'qta')"},
    {field_index(SalesField::unit_price), field_index(SalesField::amount),
     "unit_price or amount (in Italian 'prezzo' or 'importo')"},
};

constexpr FieldPrecedence kPrecedences[] = {
    {field_index(SalesField::timestamp), field_index(SalesField::date)},
    {field_index(SalesField::timestamp), field_index(SalesField::time)},
};

constexpr std::size_t kNeverConstant[] = {field_index(SalesField::line_number)};
constexpr std::size_t kNumberFields[] = {
    field_index(SalesField::quantity), field_index(SalesField::unit_price),
    field_index(SalesField::discount), field_index(SalesField::amount)};
constexpr std::size_t kDateFields[] = {field_index(SalesField::timestamp),
                                       field_index(SalesField::date)};

}  // namespace

const std::array<SalesField, kSalesFieldCount>& all_sales_fields() {
  static const auto fields = [] {
    std::array<SalesField, kSalesFieldCount> result{};
    for (std::size_t i = 0; i < kSalesFieldCount; ++i) {
      result[i] = static_cast<SalesField>(i);
    }
    return result;
  }();
  return fields;
}

std::string_view field_name(SalesField field) {
  return kFieldNames[field_index(field)];
}

std::optional<SalesField> field_from_name(std::string_view name) {
  const auto field = sales_field_table().field_from_name(name);
  if (!field) {
    return std::nullopt;
  }
  return static_cast<SalesField>(*field);
}

std::optional<HeaderMatch> match_header(std::string_view header) {
  const auto match = sales_field_table().match_header(header);
  if (!match) {
    return std::nullopt;
  }
  return HeaderMatch{static_cast<SalesField>(match->field), match->canonical};
}

const FieldTable& sales_field_table() {
  static const FieldTable table{
      .names = kFieldNames,
      .synonyms = kSynonyms,
      .required = kRequired,
      .precedences = kPrecedences,
      .never_constant = kNeverConstant,
      .number_fields = kNumberFields,
      .date_fields = kDateFields,
      .canonical_needs = field_index(SalesField::timestamp),
      .mapping_example =
          R"({"columns": {"receipt_id": "Numero"}, "constants": {"store_id": "PV01"}})",
      .presets = "canonical, online-retail",
      .cancellations = true,
      .times = true,
  };
  return table;
}

}  // namespace imagross::ingest
