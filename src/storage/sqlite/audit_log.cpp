#include "storage/sqlite/audit_log.h"

#include <fmt/format.h>

#include <mutex>
#include <string>

#include "storage/sqlite/account_statements.h"

namespace imagross::sqlite {
namespace {

namespace sql = account_statements;

// The filters of `query` are bound as ?1-?3, each NULL when absent, and the page as ?4-?5, so one
// statement serves every combination.
constexpr Sql kListAuditEntries{"list_audit_entries", R"sql(
SELECT id, at, actor_account_id, actor_role, action, target_type, target_id, details,
       client_address, request_id
FROM audit_log
WHERE (?1 IS NULL OR target_type = ?1)
  AND (?2 IS NULL OR target_id = ?2)
  AND (?3 IS NULL OR actor_account_id = ?3)
ORDER BY id DESC
LIMIT ?5 OFFSET ?4)sql"};

AuditEntry read_entry(const Statement& statement) {
  AuditEntry entry;
  entry.id = statement.column_int64(0);
  entry.at = statement.column_text(1);
  if (!statement.column_is_null(2)) {
    entry.actor_account_id = statement.column_int64(2);
  }
  entry.actor_role = statement.column_text(3);
  entry.action = statement.column_text(4);
  entry.target_type = statement.column_text(5);
  entry.target_id = statement.column_text(6);
  entry.details = statement.column_text(7);
  entry.client_address = statement.column_text(8);
  entry.request_id = statement.column_text(9);
  return entry;
}

}  // namespace

int64_t SqliteAuditLog::append(const AuditEntry& entry) {
  std::lock_guard lock(connections_.write_mutex());
  Statement insert(connections_.writer(), sql::kInsertAuditEntry);
  if (entry.actor_account_id) {
    insert.bind(1, *entry.actor_account_id);
  } else {
    insert.bind_null(1);
  }
  insert.bind(2, entry.actor_role).bind(3, entry.action).bind(4, entry.target_type);
  insert.bind(5, entry.target_id).bind(6, entry.details).bind(7, entry.client_address);
  insert.bind(8, entry.request_id);
  insert.step();
  const int64_t id = insert.column_int64(0);
  insert.reset();
  return id;
}

std::vector<AuditEntry> SqliteAuditLog::list(const AuditQuery& query) {
  StoreConnections::Reader reader = connections_.reader();
  Statement select(*reader, kListAuditEntries);
  select.bind_text_or_null(1, query.target_type).bind_text_or_null(2, query.target_id);
  if (query.actor_account_id) {
    select.bind(3, *query.actor_account_id);
  } else {
    select.bind_null(3);
  }
  select.bind(4, query.offset).bind(5, int64_t{query.limit});
  std::vector<AuditEntry> entries;
  while (select.step()) {
    entries.push_back(read_entry(select));
  }
  return entries;
}

}  // namespace imagross::sqlite
