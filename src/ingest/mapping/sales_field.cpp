#include "ingest/mapping/sales_field.h"

#include <algorithm>
#include <utility>

namespace imagross::ingest {
namespace {

constexpr std::array<std::string_view, kSalesFieldCount> kFieldNames = {
    "receipt_id", "line_number", "timestamp",    "date",         "time",
    "store_id",   "card_number", "product_code", "product_name", "department",
    "quantity",   "unit_price",  "discount",     "amount",       "promo_code",
};

// Folded header names other than the canonical ones. Italian exports name the same column in
// many ways; each entry is what fold_header() makes of a name seen in real files.
constexpr std::pair<std::string_view, SalesField> kSynonyms[] = {
    {"receipt", SalesField::receipt_id},
    {"scontrino", SalesField::receipt_id},
    {"numeroscontrino", SalesField::receipt_id},
    {"nscontrino", SalesField::receipt_id},
    {"numscontrino", SalesField::receipt_id},
    {"idscontrino", SalesField::receipt_id},
    {"codicescontrino", SalesField::receipt_id},
    {"line", SalesField::line_number},
    {"riga", SalesField::line_number},
    {"nriga", SalesField::line_number},
    {"numeroriga", SalesField::line_number},
    {"datetime", SalesField::timestamp},
    {"dataora", SalesField::timestamp},
    {"dataeora", SalesField::timestamp},
    {"data", SalesField::date},
    {"datascontrino", SalesField::date},
    {"giorno", SalesField::date},
    {"ora", SalesField::time},
    {"orario", SalesField::time},
    {"store", SalesField::store_id},
    {"storecode", SalesField::store_id},
    {"negozio", SalesField::store_id},
    {"codicenegozio", SalesField::store_id},
    {"puntovendita", SalesField::store_id},
    {"codicepuntovendita", SalesField::store_id},
    {"pv", SalesField::store_id},
    {"card", SalesField::card_number},
    {"tessera", SalesField::card_number},
    {"numerotessera", SalesField::card_number},
    {"codicetessera", SalesField::card_number},
    {"carta", SalesField::card_number},
    {"cartafedelta", SalesField::card_number},
    {"product", SalesField::product_code},
    {"codice", SalesField::product_code},
    {"codiceprodotto", SalesField::product_code},
    {"codicearticolo", SalesField::product_code},
    {"ean", SalesField::product_code},
    {"sku", SalesField::product_code},
    {"description", SalesField::product_name},
    {"descrizione", SalesField::product_name},
    {"descrizioneprodotto", SalesField::product_name},
    {"prodotto", SalesField::product_name},
    {"nomeprodotto", SalesField::product_name},
    {"reparto", SalesField::department},
    {"qty", SalesField::quantity},
    {"quantita", SalesField::quantity},
    {"qta", SalesField::quantity},
    {"pezzi", SalesField::quantity},
    {"price", SalesField::unit_price},
    {"prezzo", SalesField::unit_price},
    {"prezzounitario", SalesField::unit_price},
    {"sconto", SalesField::discount},
    {"importo", SalesField::amount},
    {"totale", SalesField::amount},
    {"totaleriga", SalesField::amount},
    {"promo", SalesField::promo_code},
    {"promozione", SalesField::promo_code},
    {"codicepromo", SalesField::promo_code},
    {"codicepromozione", SalesField::promo_code},
};

// ASCII letters for the code points U+00C0..U+00FF (Latin-1 letters with accents); '-' marks
// symbols such as U+00D7 (multiplication sign) that fold_header() drops.
constexpr std::string_view kLatin1Folded =
    "aaaaaaaceeeeiiiidnooooo-ouuuuy-saaaaaaaceeeeiiiidnooooo-ouuuuy-y";

void append_folded(std::string& out, char c) {
  if (c >= 'A' && c <= 'Z') {
    out += static_cast<char>(c - 'A' + 'a');
  } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
    out += c;
  }
}

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
  const auto* found = std::find(kFieldNames.begin(), kFieldNames.end(), name);
  if (found == kFieldNames.end()) {
    return std::nullopt;
  }
  return static_cast<SalesField>(found - kFieldNames.begin());
}

std::string fold_header(std::string_view header) {
  std::string out;
  out.reserve(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    const auto byte = static_cast<unsigned char>(header[i]);
    // UTF-8 encodes U+00C0..U+00FF as 0xC3 followed by 0x80..0xBF.
    if (byte == 0xC3 && i + 1 < header.size()) {
      const auto next = static_cast<unsigned char>(header[i + 1]);
      if (next >= 0x80 && next <= 0xBF) {
        append_folded(out, kLatin1Folded[next - 0x80u]);
        ++i;
        continue;
      }
    }
    append_folded(out, header[i]);
  }
  return out;
}

std::optional<HeaderMatch> match_header(std::string_view header) {
  const std::string folded = fold_header(header);
  if (folded.empty()) {
    return std::nullopt;
  }
  for (const SalesField field : all_sales_fields()) {
    if (folded == fold_header(field_name(field))) {
      return HeaderMatch{field, true};
    }
  }
  for (const auto& [synonym, field] : kSynonyms) {
    if (folded == synonym) {
      return HeaderMatch{field, false};
    }
  }
  return std::nullopt;
}

}  // namespace imagross::ingest
