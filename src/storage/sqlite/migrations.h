#pragma once

// Numbered schema migrations of the SQLite database. The database records every applied version
// in the table schema_migrations; opening a database applies the versions it lacks, in order.

#include <span>
#include <string_view>

#include "storage/sqlite/connection.h"

namespace imagross::sqlite {

struct Migration {
  int version = 0;  // 1, 2, 3...: each version once, never changed after release
  std::string_view name;
  std::string_view sql;  // one or more statements
};

// The migrations of this build, in version order.
std::span<const Migration> schema_migrations();

// The highest applied version, 0 for an empty database.
int applied_schema_version(Connection& connection);

// Applies each migration of `migrations` newer than the database's version, each in one
// transaction, so a failing migration leaves the database at the previous version. Returns the
// version reached. Throws StorageError when the database's version is newer than the last of
// `migrations` (a newer imagross wrote it) or when a migration fails.
int migrate(Connection& connection, std::span<const Migration> migrations);

}  // namespace imagross::sqlite
