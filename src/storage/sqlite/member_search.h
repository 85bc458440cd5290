#pragma once

// MemberStore::search_members on SQLite: the filters as one WHERE clause, the search through the
// FTS5 trigram index members_search, and an ORDER BY that an index of members serves.

#include "storage/member_store.h"
#include "storage/sqlite/connection.h"

namespace imagross::sqlite {

// Counts the members that match `query` and reads its page, with their cards, in one read
// transaction on `connection`, so the total and the rows agree.
MemberPage search_members(Connection& connection, const MemberQuery& query);

}  // namespace imagross::sqlite
