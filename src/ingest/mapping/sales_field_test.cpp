#include "ingest/mapping/sales_field.h"

#include <gtest/gtest.h>

namespace imagross::ingest {
namespace {

TEST(FoldHeader, DropsCaseAccentsAndSpaces) {
  EXPECT_EQ(fold_header("Quantità"), "quantita");
  EXPECT_EQ(fold_header("QUANTITÀ"), "quantita");
  EXPECT_EQ(fold_header(" Punto Vendita "), "puntovendita");
  EXPECT_EQ(fold_header("Q.tà"), "qta");
  EXPECT_EQ(fold_header("receipt_id"), "receiptid");
  EXPECT_EQ(fold_header("Prezzo (€)"), "prezzo");
}

TEST(MatchHeader, CanonicalNames) {
  for (const SalesField field : all_sales_fields()) {
    const auto match = match_header(field_name(field));
    ASSERT_TRUE(match.has_value()) << field_name(field);
    EXPECT_EQ(match->field, field);
    EXPECT_TRUE(match->canonical);
  }
}

TEST(MatchHeader, ItalianSynonyms) {
  const std::pair<const char*, SalesField> cases[] = {
      {"Scontrino", SalesField::receipt_id},
      {"Data", SalesField::date},
      {"Ora", SalesField::time},
      {"Negozio", SalesField::store_id},
      {"Punto vendita", SalesField::store_id},
      {"Tessera", SalesField::card_number},
      {"Codice", SalesField::product_code},
      {"EAN", SalesField::product_code},
      {"Descrizione", SalesField::product_name},
      {"Reparto", SalesField::department},
      {"Quantità", SalesField::quantity},
      {"quantita", SalesField::quantity},
      {"QTA", SalesField::quantity},
      {"Prezzo", SalesField::unit_price},
      {"Sconto", SalesField::discount},
      {"Importo", SalesField::amount},
      {"Promo", SalesField::promo_code},
      {"Riga", SalesField::line_number},
  };
  for (const auto& [header, field] : cases) {
    const auto match = match_header(header);
    ASSERT_TRUE(match.has_value()) << header;
    EXPECT_EQ(match->field, field) << header;
    EXPECT_FALSE(match->canonical) << header;
  }
}

TEST(MatchHeader, UnknownHeader) {
  EXPECT_FALSE(match_header("Country").has_value());
  EXPECT_FALSE(match_header("").has_value());
  EXPECT_FALSE(match_header("€").has_value());
}

TEST(FieldFromName, ExactNamesOnly) {
  EXPECT_EQ(field_from_name("unit_price"), SalesField::unit_price);
  EXPECT_FALSE(field_from_name("Unit Price").has_value());
}

}  // namespace
}  // namespace imagross::ingest
