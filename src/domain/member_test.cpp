#include "domain/member.h"

#include <gtest/gtest.h>

namespace imagross {
namespace {

Card card(int32_t id, CardStatus status, std::string changed_at) {
  Card result;
  result.id = id;
  result.number = "299100000" + std::to_string(1000 + id);
  result.status = status;
  result.status_changed_at = std::move(changed_at);
  return result;
}

TEST(CurrentCard, NoCardsIsNull) {
  EXPECT_EQ(current_card(Member{}), nullptr);
}

TEST(CurrentCard, ActiveCardWinsOverLaterChanges) {
  Member member;
  member.cards = {card(1, CardStatus::replaced, "2026-03-01T10:00:00Z"),
                  card(2, CardStatus::active, "2026-02-01T10:00:00Z"),
                  card(3, CardStatus::blocked, "2026-04-01T10:00:00Z")};
  const Card* current = current_card(member);
  ASSERT_NE(current, nullptr);
  EXPECT_EQ(current->id, 2);
}

TEST(CurrentCard, WithoutActiveCardLastUnreplacedWins) {
  Member member;
  member.cards = {card(4, CardStatus::blocked, "2026-05-01T10:00:00Z"),
                  card(5, CardStatus::replaced, "2026-06-01T10:00:00Z")};
  const Card* current = current_card(member);
  ASSERT_NE(current, nullptr);
  EXPECT_EQ(current->id, 4);
}

TEST(CurrentCard, OnlyReplacedCardsGiveLast) {
  Member member;
  member.cards = {card(6, CardStatus::replaced, "2026-05-01T10:00:00Z"),
                  card(7, CardStatus::replaced, "2026-04-01T10:00:00Z")};
  const Card* current = current_card(member);
  ASSERT_NE(current, nullptr);
  EXPECT_EQ(current->id, 7);
}

TEST(CurrentCard, LaterBlockedCardWins) {
  Member member;
  member.cards = {card(8, CardStatus::blocked, "2026-05-01T10:00:00Z"),
                  card(9, CardStatus::blocked, "2026-04-01T10:00:00Z")};
  const Card* current = current_card(member);
  ASSERT_NE(current, nullptr);
  EXPECT_EQ(current->id, 9);
}

}  // namespace
}  // namespace imagross
