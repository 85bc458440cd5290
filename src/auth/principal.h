#pragma once

// The authenticated caller of an API request, as the access token establishes it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/member.h"

namespace imagross {

struct Principal {
  int64_t account_id = 0;
  Role role = Role::customer;
  std::optional<int64_t> member_id;  // customers
  std::vector<std::string> stores;   // store admins: the store codes they may see

  bool is_admin() const { return role == Role::super_admin || role == Role::store_admin; }
};

}  // namespace imagross
