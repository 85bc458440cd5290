#pragma once

// The SQLite implementation of AuditLog, on the table audit_log, whose triggers reject every
// UPDATE and DELETE.

#include "storage/audit_log.h"
#include "storage/sqlite/store_connections.h"

namespace imagross::sqlite {

class SqliteAuditLog final : public AuditLog {
 public:
  explicit SqliteAuditLog(StoreConnections& connections) : connections_(connections) {}

  int64_t append(const AuditEntry& entry) override;
  std::vector<AuditEntry> list(const AuditQuery& query) override;

 private:
  StoreConnections& connections_;
};

}  // namespace imagross::sqlite
