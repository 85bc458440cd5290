#include <fmt/format.h>

#include <string_view>

#include "storage/database.h"
#include "storage/sqlite/sqlite_database.h"

namespace imagross {

std::unique_ptr<Database> open_database(const std::string& location) {
  constexpr std::string_view kSqlitePrefix = "sqlite:";
  if (location.starts_with("postgres://") || location.starts_with("postgresql://")) {
    throw StorageError(fmt::format(
        "database {}: PostgreSQL storage is not available in this build; give a SQLite file path",
        location));
  }
  std::string path = location;
  if (location.starts_with(kSqlitePrefix)) {
    path = location.substr(kSqlitePrefix.size());
  }
  return std::make_unique<sqlite::SqliteDatabase>(path);
}

}  // namespace imagross
