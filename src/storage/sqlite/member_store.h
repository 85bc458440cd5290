#pragma once

// The SQLite implementation of MemberStore: members, the card registry (columns of the sales
// dictionary table cards) and the member search.

#include "storage/member_store.h"
#include "storage/sqlite/store_connections.h"

namespace imagross::sqlite {

class SqliteMemberStore final : public MemberStore {
 public:
  explicit SqliteMemberStore(StoreConnections& connections) : connections_(connections) {}

  MemberBatchResult write_members(int64_t import_id, std::span<const MemberImportRow> rows,
                                  bool update) override;
  std::optional<Member> find_member(int64_t id) override;
  std::optional<Member> find_member_by_card(std::string_view card_number) override;
  std::optional<Member> find_member_by_email(std::string_view email) override;
  std::optional<Member> find_member_by_phone(std::string_view e164) override;
  MemberPage search_members(const MemberQuery& query) override;
  Result<Member> create_member(const Member& member, std::string_view card_number) override;
  Result<Member> update_member(const Member& member) override;
  std::optional<Card> find_card(std::string_view number) override;
  int64_t issue_cards(std::span<const std::string> numbers) override;
  Result<Card> block_card(std::string_view number) override;
  Result<Card> replace_card(std::string_view old_number, std::string_view new_number) override;
  std::optional<std::string> next_free_card() override;
  std::vector<int32_t> sales_card_ids_of_member(int64_t member_id) override;
  int64_t count_members() override;

 private:
  StoreConnections& connections_;
};

}  // namespace imagross::sqlite
