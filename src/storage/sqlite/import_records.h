#pragma once

// The imports table: one row per run of an import, with its counts and outcome.

#include <cstdint>
#include <optional>
#include <vector>

#include "storage/database.h"
#include "storage/sqlite/connection.h"

namespace imagross::sqlite {

// Inserts `record` with started_at set to now (the given id and started_at are ignored).
// Returns the new id.
int64_t insert_import(Connection& connection, const ImportRecord& record);

// Stores every field of `record` in the row with its id. A record that is no longer running
// gets finished_at set to now when it has none. Throws std::invalid_argument when no import has
// that id.
void update_import(Connection& connection, const ImportRecord& record);

std::optional<ImportRecord> find_import(Connection& connection, int64_t id);

// Newest first. Throws std::invalid_argument for a negative limit or offset.
std::vector<ImportRecord> list_imports(Connection& connection, int limit, int offset);

// True when an import with `id` exists.
bool import_exists(Connection& connection, int64_t id);

}  // namespace imagross::sqlite
