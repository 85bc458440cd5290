#pragma once

// The fields of a points history entry that `imagross import points` reads from a previous
// system's export, their canonical column names and common Italian and English header names.

#include <cstddef>
#include <cstdint>

#include "ingest/mapping/field_table.h"

namespace imagross::ingest {

enum class PointsField : uint8_t {
  external_id,
  card_number,
  email,
  points,
  date,
  expires_on,
  reason,
};

inline constexpr std::size_t kPointsFieldCount = 7;

// The fields of a points entry as a table for the shared column mapping: external_id, points,
// date and card_number (or email in its place) required; date and expires_on the date columns.
// Synonyms include the Italian tessera, punti, bollini, data, scadenza and causale.
const FieldTable& points_field_table();

}  // namespace imagross::ingest
