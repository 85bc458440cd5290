#include "domain/member.h"

#include <array>
#include <utility>

namespace imagross {
namespace {

constexpr std::array kCardStatuses{
    std::pair{CardStatus::issued, "issued"},
    std::pair{CardStatus::active, "active"},
    std::pair{CardStatus::blocked, "blocked"},
    std::pair{CardStatus::replaced, "replaced"},
};

constexpr std::array kMemberStatuses{
    std::pair{MemberStatus::active, "active"},
    std::pair{MemberStatus::suspended, "suspended"},
    std::pair{MemberStatus::closed, "closed"},
};

constexpr std::array kRoles{
    std::pair{Role::super_admin, "super_admin"},
    std::pair{Role::store_admin, "store_admin"},
    std::pair{Role::customer, "customer"},
};

template <typename Enum, std::size_t size>
const char* name_of(const std::array<std::pair<Enum, const char*>, size>& names, Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) {
      return name;
    }
  }
  return "unknown";
}

template <typename Enum, std::size_t size>
std::optional<Enum> parse(const std::array<std::pair<Enum, const char*>, size>& names,
                          std::string_view text) {
  for (const auto& [value, name] : names) {
    if (text == name) {
      return value;
    }
  }
  return std::nullopt;
}

}  // namespace

const char* card_status_name(CardStatus status) {
  return name_of(kCardStatuses, status);
}

const char* member_status_name(MemberStatus status) {
  return name_of(kMemberStatuses, status);
}

const char* role_name(Role role) {
  return name_of(kRoles, role);
}

std::optional<CardStatus> parse_card_status(std::string_view name) {
  return parse(kCardStatuses, name);
}

std::optional<MemberStatus> parse_member_status(std::string_view name) {
  return parse(kMemberStatuses, name);
}

std::optional<Role> parse_role(std::string_view name) {
  return parse(kRoles, name);
}

const Card* current_card(std::span<const Card> cards) {
  const Card* current = nullptr;
  for (const Card& card : cards) {
    if (card.status == CardStatus::active) {
      return &card;
    }
    if (current == nullptr || card.status != CardStatus::replaced ||
        current->status == CardStatus::replaced) {
      current = &card;
    }
  }
  return current;
}

}  // namespace imagross
