#include "ingest/mapping/column_mapping.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/mapping/presets.h"

namespace imagross::ingest {
namespace {

using ::testing::HasSubstr;

const std::vector<std::string> kCanonicalHeader = {
    "receipt_id", "timestamp", "store_id",   "card_number", "product_code", "product_name",
    "department", "quantity",  "unit_price", "discount",    "amount",       "promo_code"};

TEST(ResolveColumns, CanonicalHeader) {
  auto mapping = resolve_columns(kCanonicalHeader, MappingSpec{});
  ASSERT_TRUE(mapping.ok()) << mapping.error().message;
  EXPECT_TRUE(mapping->canonical_header);
  EXPECT_EQ(mapping->columns[field_index(SalesField::receipt_id)], 0);
  EXPECT_EQ(mapping->columns[field_index(SalesField::promo_code)], 11);
  EXPECT_FALSE(mapping->has(SalesField::line_number));
}

TEST(ResolveColumns, ItalianHeaderWithDateAndTime) {
  const std::vector<std::string> header = {
      "Scontrino", "Data",     "Ora",    "Punto Vendita", "Tessera", "EAN",  "Descrizione",
      "Reparto",   "Quantità", "Prezzo", "Sconto",        "Importo", "Promo"};
  auto mapping = resolve_columns(header, MappingSpec{});
  ASSERT_TRUE(mapping.ok()) << mapping.error().message;
  EXPECT_FALSE(mapping->canonical_header);
  EXPECT_EQ(mapping->columns[field_index(SalesField::date)], 1);
  EXPECT_EQ(mapping->columns[field_index(SalesField::time)], 2);
  EXPECT_EQ(mapping->columns[field_index(SalesField::store_id)], 3);
  EXPECT_EQ(mapping->columns[field_index(SalesField::quantity)], 8);
  EXPECT_EQ(mapping->column_name(SalesField::quantity), "Quantità");
}

TEST(ResolveColumns, MissingColumnsListedWithTheFix) {
  const std::vector<std::string> header = {"InvoiceNo", "StockCode", "Quantity", "UnitPrice"};
  auto mapping = resolve_columns(header, MappingSpec{});
  ASSERT_FALSE(mapping.ok());
  EXPECT_EQ(mapping.error().code, "missing_columns");
  const std::string& message = mapping.error().message;
  EXPECT_THAT(message, HasSubstr("receipt_id"));
  EXPECT_THAT(message, HasSubstr("store_id"));
  EXPECT_THAT(message, HasSubstr("timestamp"));
  EXPECT_THAT(message, HasSubstr("\"InvoiceNo\", \"StockCode\""));
  EXPECT_THAT(message, HasSubstr("--mapping"));
  EXPECT_THAT(message, HasSubstr("--preset"));
}

TEST(ResolveColumns, ExplicitColumnsAndConstants) {
  const std::vector<std::string> header = {"Doc", "Quando", "Articolo", "Pz", "Euro"};
  MappingSpec spec;
  spec.origin = "mapping file test.json";
  spec.columns[field_index(SalesField::receipt_id)] = "Doc";
  spec.columns[field_index(SalesField::timestamp)] = "quando";  // matched without case
  spec.columns[field_index(SalesField::product_code)] = "Articolo";
  spec.columns[field_index(SalesField::quantity)] = "Pz";
  spec.columns[field_index(SalesField::amount)] = "Euro";
  spec.constants[field_index(SalesField::store_id)] = "PV03";
  auto mapping = resolve_columns(header, spec);
  ASSERT_TRUE(mapping.ok()) << mapping.error().message;
  EXPECT_EQ(mapping->columns[field_index(SalesField::timestamp)], 1);
  EXPECT_TRUE(mapping->has(SalesField::store_id));
  EXPECT_FALSE(mapping->has_column(SalesField::store_id));
  EXPECT_EQ(mapping->column_name(SalesField::store_id), "store_id");
}

TEST(ResolveColumns, MappedColumnMissingFromFile) {
  MappingSpec spec;
  spec.origin = "mapping file test.json";
  spec.columns[field_index(SalesField::receipt_id)] = "Numero";
  auto mapping = resolve_columns(kCanonicalHeader, spec);
  ASSERT_FALSE(mapping.ok());
  EXPECT_EQ(mapping.error().code, "unknown_column");
  EXPECT_THAT(mapping.error().message, HasSubstr("\"Numero\""));
}

TEST(ResolveColumns, TwoColumnsForOneField) {
  std::vector<std::string> header = kCanonicalHeader;
  header.push_back("EAN");
  auto mapping = resolve_columns(header, MappingSpec{});
  ASSERT_FALSE(mapping.ok());
  EXPECT_EQ(mapping.error().code, "ambiguous_columns");
  EXPECT_THAT(mapping.error().message, HasSubstr("\"product_code\" and \"EAN\""));
}

TEST(ResolveColumns, OnlineRetailPreset) {
  const std::vector<std::string> header = {"InvoiceNo",   "StockCode", "Description", "Quantity",
                                           "InvoiceDate", "UnitPrice", "CustomerID",  "Country"};
  auto spec = find_preset("online-retail");
  ASSERT_TRUE(spec.ok());
  auto mapping = resolve_columns(header, *spec);
  ASSERT_TRUE(mapping.ok()) << mapping.error().message;
  EXPECT_EQ(mapping->columns[field_index(SalesField::card_number)], 6);
  EXPECT_EQ(mapping->constants[field_index(SalesField::store_id)], "ONLINE");
  EXPECT_EQ(mapping->cancellation_prefix, "C");
  EXPECT_EQ(mapping->time_zone, "Europe/London");
  EXPECT_FALSE(mapping->has(SalesField::department));
}

TEST(ResolveColumns, CanonicalPresetIgnoresSynonyms) {
  std::vector<std::string> header = kCanonicalHeader;
  header[6] = "Reparto";
  auto spec = find_preset("canonical");
  ASSERT_TRUE(spec.ok());
  auto mapping = resolve_columns(header, *spec);
  ASSERT_TRUE(mapping.ok()) << mapping.error().message;
  EXPECT_FALSE(mapping->has(SalesField::department));
  EXPECT_TRUE(mapping->canonical_header);
}

}  // namespace
}  // namespace imagross::ingest
