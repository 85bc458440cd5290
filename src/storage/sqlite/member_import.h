#pragma once

// The rows of a member import, written one by one inside the caller's transaction.

#include <cstdint>
#include <string>

#include "storage/member_store.h"
#include "storage/sqlite/connection.h"

namespace imagross::sqlite {

struct MemberRowOutcome {
  MemberWriteOutcome outcome = MemberWriteOutcome::unchanged;
  std::string message;  // why the row was rejected; empty otherwise
};

// Writes import rows by card number:
// - a card that no member holds (absent from the registry, seen only on receipts, or issued)
//   becomes the active card of a new member;
// - the member of an active card is updated when `update` is true, and left as it is otherwise;
// - a blocked or replaced card, or an e-mail or phone of another member, rejects the row.
// An update replaces the names, dates, home store, e-mail and phone, except that an empty field
// of the row keeps the stored value; the member's status is kept. A consent of the row replaces
// the stored one only when it has a time later than the stored consent's.
class MemberImporter {
 public:
  // `import_id` 0 records no import. `now` is the time written on the rows.
  MemberImporter(Connection& connection, int64_t import_id, bool update, std::string now)
      : connection_(connection), import_id_(import_id), update_(update), now_(std::move(now)) {}

  MemberRowOutcome write(const MemberImportRow& row);

 private:
  MemberRowOutcome update_existing(const MemberImportRow& row, int64_t member_id);

  Connection& connection_;
  int64_t import_id_;
  bool update_;
  std::string now_;
};

}  // namespace imagross::sqlite
