#include "storage/sqlite/import_records.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <stdexcept>
#include <string_view>

#include "common/utc_time.h"
#include "storage/sqlite/statements.h"

namespace imagross::sqlite {
namespace {

namespace sql = statements;

std::string_view status_text(ImportStatus status) {
  switch (status) {
    case ImportStatus::running:
      return "running";
    case ImportStatus::completed:
      return "completed";
    case ImportStatus::failed:
      return "failed";
  }
  return "failed";
}

ImportStatus parse_status(std::string_view text) {
  if (text == "running") {
    return ImportStatus::running;
  }
  return text == "completed" ? ImportStatus::completed : ImportStatus::failed;
}

// Binds the fields after the id, from parameter `first` on, in the column order of the table.
void bind_fields(Statement& statement, int first, const ImportRecord& record) {
  statement.bind(first, record.kind);
  statement.bind(first + 1, record.source_name);
  statement.bind(first + 2, record.format);
  statement.bind(first + 3, record.options);
  statement.bind(first + 4, status_text(record.status));
  statement.bind(first + 5, record.started_at);
  statement.bind_text_or_null(first + 6, record.finished_at);
  statement.bind(first + 7, record.bytes_total);
  statement.bind(first + 8, record.bytes_read);
  statement.bind(first + 9, record.lines_read);
  statement.bind(first + 10, record.imported);
  statement.bind(first + 11, record.duplicates);
  statement.bind(first + 12, record.rejected);
  statement.bind(first + 13, record.reject_report);
  statement.bind(first + 14, record.error);
  statement.bind(first + 15, int64_t{record.dry_run ? 1 : 0});
  statement.bind(first + 16, record.updated);
}

ImportRecord read_record(const Statement& row) {
  ImportRecord record;
  record.id = row.column_int64(0);
  record.kind = row.column_text(1);
  record.source_name = row.column_text(2);
  record.format = row.column_text(3);
  record.options = row.column_text(4);
  record.status = parse_status(row.column_view(5));
  record.started_at = row.column_text(6);
  record.finished_at = row.column_text(7);  // empty for NULL
  record.bytes_total = row.column_int64(8);
  record.bytes_read = row.column_int64(9);
  record.lines_read = row.column_int64(10);
  record.imported = row.column_int64(11);
  record.duplicates = row.column_int64(12);
  record.rejected = row.column_int64(13);
  record.reject_report = row.column_text(14);
  record.error = row.column_text(15);
  record.dry_run = row.column_int64(16) != 0;
  record.updated = row.column_int64(17);
  return record;
}

}  // namespace

int64_t insert_import(Connection& connection, const ImportRecord& record) {
  ImportRecord stored = record;
  stored.started_at = utc_now_iso8601();
  Statement insert(connection, sql::kInsertImport);
  bind_fields(insert, 1, stored);
  insert.step();
  int64_t id = insert.column_int64(0);
  insert.reset();
  return id;
}

void update_import(Connection& connection, const ImportRecord& record) {
  ImportRecord stored = record;
  if (stored.status != ImportStatus::running && stored.finished_at.empty()) {
    stored.finished_at = utc_now_iso8601();
  }
  Statement update(connection, sql::kUpdateImport);
  update.bind(1, record.id);
  bind_fields(update, 2, stored);
  update.execute();
  if (sqlite3_changes(connection.handle()) == 0) {
    throw std::invalid_argument(
        fmt::format("update_import: no import has id {}; create it with create_import", record.id));
  }
}

std::optional<ImportRecord> find_import(Connection& connection, int64_t id) {
  Statement select(connection, sql::kSelectImport);
  select.bind(1, id);
  if (!select.step()) {
    return std::nullopt;
  }
  return read_record(select);
}

std::vector<ImportRecord> list_imports(Connection& connection, int limit, int offset) {
  if (limit < 0 || offset < 0) {
    throw std::invalid_argument(fmt::format(
        "list_imports: limit ({}) and offset ({}) must not be negative", limit, offset));
  }
  Statement select(connection, sql::kListImports);
  select.bind(1, int64_t{limit}).bind(2, int64_t{offset});
  std::vector<ImportRecord> records;
  while (select.step()) {
    records.push_back(read_record(select));
  }
  return records;
}

bool import_exists(Connection& connection, int64_t id) {
  Statement select(connection, sql::kSelectImportExists);
  select.bind(1, id);
  return select.step();
}

}  // namespace imagross::sqlite
