#include "storage/sqlite/member_search.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "storage/sqlite/member_records.h"
#include "storage/sqlite/member_rows.h"

namespace imagross::sqlite {
namespace {

// A WHERE clause and the values of its numbered parameters.
struct Filter {
  std::string where;
  std::vector<std::variant<int64_t, std::string>> values;

  // Adds a condition in which "?" stands for the next parameter; `value` is its value.
  template <typename T>
  void add(std::string_view condition, T value) {
    values.emplace_back(std::move(value));
    append(fmt::format(fmt::runtime(condition), fmt::format("?{}", values.size())));
  }

  void append(std::string_view condition) {
    where += where.empty() ? "WHERE " : " AND ";
    where += condition;
  }

  void bind(Statement& statement) const {
    for (std::size_t i = 0; i < values.size(); ++i) {
      const int index = static_cast<int>(i + 1);
      std::visit([&](const auto& value) { statement.bind(index, value); }, values[i]);
    }
  }
};

void add_search(Filter& filter, const SearchTerms& terms) {
  if (!terms.match.empty()) {
    filter.add("id IN (SELECT rowid FROM members_search WHERE members_search MATCH {})",
               terms.match);
  }
  for (const std::string& pattern : terms.like_patterns) {
    filter.add("search_text LIKE {} ESCAPE '\\'", pattern);
  }
}

void add_stores(Filter& filter, const std::vector<std::string>& stores) {
  std::string condition = "home_store IN (";
  for (std::size_t i = 0; i < stores.size(); ++i) {
    filter.values.emplace_back(stores[i]);
    condition += fmt::format("{}?{}", i == 0 ? "" : ", ", filter.values.size());
  }
  filter.append(condition + ")");
}

Filter build_filter(const MemberQuery& query) {
  Filter filter;
  if (std::optional<SearchTerms> terms = parse_search(query.search)) {
    add_search(filter, *terms);
  }
  if (!query.home_stores.empty()) {
    add_stores(filter, query.home_stores);
  }
  if (!query.signup_from.empty()) {
    filter.add("signup_date >= {}", query.signup_from);
  }
  if (!query.signup_to.empty()) {
    filter.add("signup_date <= {}", query.signup_to);
  }
  if (query.status) {
    filter.add("status = {}", std::string(member_status_name(*query.status)));
  }
  return filter;
}

// Each sort column has an index of members, whose entries end with the id, so the page is read
// in index order without sorting when the order is ascending. Members without an e-mail or a
// card come last in ascending order.
std::string order_by(const MemberQuery& query) {
  std::string_view column = "sort_last";
  switch (query.sort) {
    case MemberSort::last_name:
      column = "sort_last";
      break;
    case MemberSort::first_name:
      column = "sort_first";
      break;
    case MemberSort::signup_date:
      column = "signup_date";
      break;
    case MemberSort::card_number:
      column = "card_number";
      break;
    case MemberSort::email:
      column = "email";
      break;
  }
  const char* direction = query.descending ? "DESC NULLS FIRST" : "ASC NULLS LAST";
  return fmt::format("ORDER BY {} {}, id", column, direction);
}

int64_t count_matching(Connection& connection, const Filter& filter) {
  const std::string text = "SELECT count(*) FROM members " + filter.where;
  Statement count(connection, Sql{"count_matching_members", text});
  filter.bind(count);
  count.step();
  return count.column_int64(0);
}

std::vector<int64_t> page_ids(Connection& connection, const Filter& filter,
                              const MemberQuery& query) {
  const int limit_index = static_cast<int>(filter.values.size()) + 1;
  const std::string text = fmt::format("SELECT id FROM members {} {} LIMIT ?{} OFFSET ?{}",
                                       filter.where, order_by(query), limit_index, limit_index + 1);
  Statement select(connection, Sql{"select_member_page", text});
  filter.bind(select);
  select.bind(limit_index, int64_t{std::max(query.limit, 0)})
      .bind(limit_index + 1, std::max<int64_t>(query.offset, 0));
  std::vector<int64_t> ids;
  while (select.step()) {
    ids.push_back(select.column_int64(0));
  }
  return ids;
}

}  // namespace

MemberPage search_members(Connection& connection, const MemberQuery& query) {
  const Filter filter = build_filter(query);
  Transaction snapshot(connection, TransactionMode::deferred);

  MemberPage page;
  page.total = count_matching(connection, filter);
  for (int64_t id : page_ids(connection, filter, query)) {
    if (std::optional<Member> member = load_member(connection, id)) {
      page.rows.push_back(std::move(*member));
    }
  }
  snapshot.commit();
  return page;
}

}  // namespace imagross::sqlite
