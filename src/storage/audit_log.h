#pragma once

// The audit log: who did what, to what, and when. Append-only. Reached through Database::audit().

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace imagross {

struct AuditEntry {
  int64_t id = 0;
  std::string at;                           // ISO 8601 UTC, set by the store
  std::optional<int64_t> actor_account_id;  // none for anonymous events such as a failed sign-in
  std::string actor_role;                   // role name, or "anonymous" / "system"
  std::string action;       // e.g. "sign_in", "sign_in_failed", "member.update", "card.block"
  std::string target_type;  // e.g. "member", "card", "account"; empty when none
  std::string target_id;
  std::string details;  // a JSON object: changed fields with old and new values, reasons
  std::string client_address;
  std::string request_id;
};

struct AuditQuery {
  std::string target_type;  // empty: any
  std::string target_id;    // empty: any
  std::optional<int64_t> actor_account_id;
  int64_t offset = 0;
  int limit = 50;
};

class AuditLog {
 public:
  virtual ~AuditLog() = default;
  virtual int64_t append(const AuditEntry& entry) = 0;
  // Newest first.
  virtual std::vector<AuditEntry> list(const AuditQuery& query) = 0;
};

}  // namespace imagross
