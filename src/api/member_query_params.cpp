#include "api/member_query_params.h"

#include <algorithm>
#include <array>
#include <string>

#include <fmt/format.h>

#include "api/authorization.h"
#include "common/civil_time.h"
#include "http/errors.h"

namespace imagross::api {
namespace {

constexpr std::array<std::string_view, 7> kFilterParameters{
    "q", "store", "signup_from", "signup_to", "status", "sort", "order"};

MemberSort parse_sort(std::string_view name) {
  if (name == "first_name") {
    return MemberSort::first_name;
  }
  if (name == "signup_date") {
    return MemberSort::signup_date;
  }
  if (name == "card_number") {
    return MemberSort::card_number;
  }
  if (name == "email") {
    return MemberSort::email;
  }
  return MemberSort::last_name;
}

std::string read_search(const QueryReader& query) {
  const std::string_view search = query.single("q").value_or("");
  if (search.size() > kMaxMemberSearchBytes) {
    throw http::invalid_parameter("q", fmt::format("q must be at most {} bytes, got {}",
                                                   kMaxMemberSearchBytes, search.size()));
  }
  return std::string(search);
}

// The requested store codes without repeats, in the order given.
std::vector<std::string> read_stores(const QueryReader& query) {
  std::vector<std::string> stores;
  for (const std::string_view code : query.all("store")) {
    if (std::find(stores.begin(), stores.end(), code) == stores.end()) {
      stores.emplace_back(code);
    }
  }
  return stores;
}

void read_signup_period(const QueryReader& query, MemberQuery& members) {
  const std::optional<int32_t> from = query.date("signup_from");
  const std::optional<int32_t> to = query.date("signup_to");
  if (from && to && *from > *to) {
    throw http::invalid_parameter(
        "signup_from", fmt::format("signup_from {} is after signup_to {}", format_iso_date(*from),
                                   format_iso_date(*to)));
  }
  members.signup_from = from ? format_iso_date(*from) : "";
  members.signup_to = to ? format_iso_date(*to) : "";
}

}  // namespace

std::vector<std::string_view> with_member_filter_parameters(
    std::initializer_list<std::string_view> own) {
  std::vector<std::string_view> names(kFilterParameters.begin(), kFilterParameters.end());
  names.insert(names.end(), own.begin(), own.end());
  return names;
}

MemberQuery read_member_query(const QueryReader& query, const Principal& principal) {
  MemberQuery members;
  members.search = read_search(query);
  members.home_stores = visible_stores(principal, read_stores(query));
  // An empty store list means every store, which a store admin without stores must not get.
  if (principal.role == Role::store_admin && members.home_stores.empty()) {
    throw http::HttpError(403, "forbidden", "your account has no stores, so it sees no members");
  }
  read_signup_period(query, members);
  const std::string_view status =
      query.choice("status", {"any", "active", "suspended", "closed"}, "any");
  if (status != "any") {
    members.status = parse_member_status(status);
  }
  members.sort = parse_sort(query.choice(
      "sort", {"last_name", "first_name", "signup_date", "card_number", "email"}, "last_name"));
  members.descending = query.choice("order", {"asc", "desc"}, "asc") == "desc";
  return members;
}

}  // namespace imagross::api
