#include "ingest/mapping/points_field.h"

#include <array>
#include <string_view>

namespace imagross::ingest {
namespace {

constexpr std::array<std::string_view, kPointsFieldCount> kFieldNames = {
    "external_id", "card", "email", "points", "date", "expires_on", "reason",
};

constexpr std::size_t index(PointsField field) {
  return field_index(field);
}

// Folded header names other than the canonical ones, as fold_header() writes them.
constexpr FieldSynonym kSynonyms[] = {
    {"externalid", index(PointsField::external_id)},
    {"id", index(PointsField::external_id)},
    {"transactionid", index(PointsField::external_id)},
    {"idmovimento", index(PointsField::external_id)},
    {"idtransazione", index(PointsField::external_id)},
    {"cardnumber", index(PointsField::card_number)},
    {"tessera", index(PointsField::card_number)},
    {"numerotessera", index(PointsField::card_number)},
    {"carta", index(PointsField::card_number)},
    {"mail", index(PointsField::email)},
    {"memberemail", index(PointsField::email)},
    {"indirizzoemail", index(PointsField::email)},
    {"punti", index(PointsField::points)},
    {"bollini", index(PointsField::points)},
    {"saldo", index(PointsField::points)},
    {"data", index(PointsField::date)},
    {"datamovimento", index(PointsField::date)},
    {"timestamp", index(PointsField::date)},
    {"expireson", index(PointsField::expires_on)},
    {"expiry", index(PointsField::expires_on)},
    {"scadenza", index(PointsField::expires_on)},
    {"datascadenza", index(PointsField::expires_on)},
    {"causale", index(PointsField::reason)},
    {"motivo", index(PointsField::reason)},
    {"descrizione", index(PointsField::reason)},
    {"description", index(PointsField::reason)},
};

constexpr RequiredField kRequired[] = {
    {index(PointsField::external_id), kNoField,
     "external_id (the entry's id in the previous system, unique)"},
    {index(PointsField::card_number), index(PointsField::email),
     "card (the member's loyalty card, in Italian 'tessera') or email"},
    {index(PointsField::points), kNoField, "points (signed whole points, in Italian 'punti')"},
    {index(PointsField::date), kNoField, "date (in Italian 'data')"},
};

constexpr std::size_t kNeverConstant[] = {index(PointsField::external_id),
                                          index(PointsField::card_number),
                                          index(PointsField::email), index(PointsField::points)};
constexpr std::size_t kDateFields[] = {index(PointsField::date), index(PointsField::expires_on)};

}  // namespace

const FieldTable& points_field_table() {
  static const FieldTable table{
      .names = kFieldNames,
      .synonyms = kSynonyms,
      .required = kRequired,
      .precedences = {},
      .never_constant = kNeverConstant,
      .number_fields = {},
      .date_fields = kDateFields,
      .canonical_needs = kNoField,
      .mapping_example =
          R"({"columns": {"external_id": "ID", "card": "Tessera", "points": "Punti"}})",
      .presets = "canonical",
      .cancellations = false,
      .times = true,
  };
  return table;
}

}  // namespace imagross::ingest
