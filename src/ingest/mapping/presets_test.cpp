#include "ingest/mapping/presets.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace imagross::ingest {
namespace {

using ::testing::HasSubstr;

TEST(Presets, UnknownPresetListsTheKnownOnes) {
  auto spec = find_preset("coop");
  ASSERT_FALSE(spec.ok());
  EXPECT_EQ(spec.error().code, "unknown_preset");
  EXPECT_THAT(spec.error().message, HasSubstr("online-retail"));
}

TEST(ParseMapping, FullMappingFile) {
  auto spec = parse_mapping(R"({
    "columns": {"receipt_id": "Documento", "timestamp": "Data e ora"},
    "constants": {"store_id": "PV07", "department": "Drogheria"},
    "match_headers": false,
    "cancellation_prefix": "R",
    "date_format": "%d/%m/%Y %H:%M",
    "locale": "it-IT",
    "time_zone": "Europe/Rome"
  })",
                            "mapping file m.json");
  ASSERT_TRUE(spec.ok()) << spec.error().message;
  EXPECT_EQ(spec->columns[field_index(SalesField::receipt_id)], "Documento");
  EXPECT_EQ(spec->constants[field_index(SalesField::store_id)], "PV07");
  EXPECT_FALSE(spec->match_headers);
  EXPECT_EQ(spec->cancellation_prefix, "R");
  ASSERT_TRUE(spec->date_format.has_value());
  EXPECT_EQ(spec->date_format->pattern, "%d/%m/%Y %H:%M");
  EXPECT_EQ(spec->locale, Locale::it_IT);
  EXPECT_EQ(spec->time_zone, "Europe/Rome");
}

TEST(ParseMapping, RejectsUnknownFieldAndKey) {
  auto field = parse_mapping(R"({"columns": {"reciept_id": "Doc"}})", "mapping file m.json");
  ASSERT_FALSE(field.ok());
  EXPECT_EQ(field.error().code, "invalid_mapping");
  EXPECT_THAT(field.error().message, HasSubstr("reciept_id"));
  EXPECT_THAT(field.error().message, HasSubstr("receipt_id"));

  auto key = parse_mapping(R"({"colums": {}})", "mapping file m.json");
  ASSERT_FALSE(key.ok());
  EXPECT_THAT(key.error().message, HasSubstr("colums"));
}

TEST(ParseMapping, RejectsBadValues) {
  EXPECT_FALSE(parse_mapping("not json", "m").ok());
  EXPECT_FALSE(parse_mapping("[]", "m").ok());
  EXPECT_FALSE(parse_mapping(R"({"locale": "fr-FR"})", "m").ok());
  EXPECT_FALSE(parse_mapping(R"({"date_format": "dd/mm"})", "m").ok());
  EXPECT_FALSE(parse_mapping(R"({"columns": {"quantity": 3}})", "m").ok());
  EXPECT_FALSE(parse_mapping(R"({"constants": {"line_number": "1"}})", "m").ok());
}

TEST(LoadMappingFile, MissingFileNamesThePath) {
  auto spec = load_mapping_file("no/such/mapping.json");
  ASSERT_FALSE(spec.ok());
  EXPECT_EQ(spec.error().code, "unreadable_mapping");
  EXPECT_THAT(spec.error().message, HasSubstr("no/such/mapping.json"));
}

TEST(ParseLocale, NamesAndAliases) {
  EXPECT_EQ(*parse_locale("it-IT"), Locale::it_IT);
  EXPECT_EQ(*parse_locale("en"), Locale::en_US);
  EXPECT_FALSE(parse_locale("de-DE").ok());
}

}  // namespace
}  // namespace imagross::ingest
