// The admin routes over members and their cards (/api/v1/members) and the audit log
// (/api/v1/audit). A super admin reaches every member; a store admin only the members whose home
// store is one of theirs. Every change writes an audit entry.

#include <algorithm>
#include <array>
#include <limits>
#include <string>

#include <fmt/format.h>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/authorization.h"
#include "api/handler_support.h"
#include "api/json_body.h"
#include "api/json_mapping.h"
#include "api/member_edit.h"
#include "api/member_json.h"
#include "api/member_query_params.h"
#include "api/member_support.h"
#include "api/query_reader.h"
#include "api/routes.h"
#include "common/civil_time.h"
#include "domain/card_number.h"
#include "export/csv_writer.h"
#include "export/member_table.h"
#include "export/xlsx_writer.h"
#include "http/errors.h"
#include "http/quote.h"

namespace imagross::api {
namespace {

namespace json = boost::json;

// Members read per query while an export is built.
constexpr int kExportBatch = 25'000;
// The maximum number of audit entries, the latest, that a member's detail shows.
constexpr int kMemberAuditEntries = 50;

// The maximum page size and page number; their product stays far inside int64.
constexpr int64_t kMaxPageSize = 500;
constexpr int64_t kMaxPage = 10'000'000;

int64_t member_id_of(const http::Request& request) {
  return parse_id(request.path_param("id"), "id");
}

http::Response list_members(ApiContext& context, http::Request& request) {
  const Principal principal = require_admin(context, request);
  static const auto accepted = with_member_filter_parameters({"page", "page_size"});
  const QueryReader query(request.query, accepted);
  MemberQuery members = read_member_query(query, principal);
  const int64_t page = query.integer("page", 1, kMaxPage, 1);
  const int64_t page_size = query.integer("page_size", 1, kMaxPageSize, 50);
  members.offset = page_offset(page, page_size);
  members.limit = static_cast<int>(page_size);

  const MemberPage result = context.database.members().search_members(members);

  json::array items;
  for (const Member& member : result.rows) {
    items.push_back(member_with_cards_json(member));
  }
  return json_ok(page_json(std::move(items), page, page_size, result.total));
}

// Every member matching `members`, read in batches of kExportBatch, each a short read
// transaction, so that an export never holds one read snapshot open for long.
// NOTE: the whole table is built in memory before it is written: exporting 998,632 members as
// CSV took 49 s and a server peak of 1.1 GB on the benchmark machine (docs/BENCHMARKS.md). Each
// batch is an OFFSET page that also recounts the matches, and the batches are separate
// snapshots, so a member added during an export can shift the pages and be missed or listed
// twice. A keyset cursor in MemberStore, streamed to the writer, would remove all three.
Table matching_members_table(ApiContext& context, MemberQuery members) {
  Table table = members_table();
  members.limit = kExportBatch;
  for (members.offset = 0;; members.offset += kExportBatch) {
    const MemberPage page = context.database.members().search_members(members);
    append_member_rows(table, page.rows);
    if (page.rows.size() < static_cast<std::size_t>(kExportBatch)) {
      break;
    }
  }
  return table;
}

http::Response export_members(ApiContext& context, http::Request& request) {
  const Principal principal = require_admin(context, request);
  static const auto accepted = with_member_filter_parameters({"format"});
  const QueryReader query(request.query, accepted);
  const MemberQuery members = read_member_query(query, principal);
  const std::string_view format = query.choice("format", {"csv", "xlsx"}, "csv");

  const Table table = matching_members_table(context, members);
  // An export hands personal data out of the system, so it is audited like a change.
  append_audit_entry(context, request, principal, "members.export", "", "",
                     json::object{{"format", format},
                                  {"rows", static_cast<int64_t>(table.rows.size())},
                                  {"query", request.target}});

  http::Response response;
  const bool csv = format == "csv";
  response.body = csv ? write_csv(table) : xlsx_bytes(table, context.export_temp_directory);
  response.set_header("Content-Type",
                      csv ? "text/csv; charset=utf-8"
                          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  response.set_header("Content-Disposition",
                      fmt::format("attachment; filename=\"imagross-members-{}.{}\"",
                                  format_iso_date(local_today(context)), format));
  response.set_header("Cache-Control", "no-store");
  return response;
}

json::array member_audit_json(ApiContext& context, int64_t member_id) {
  AuditQuery audit;
  audit.target_type = "member";
  audit.target_id = std::to_string(member_id);
  audit.limit = kMemberAuditEntries;
  json::array entries;
  for (const AuditEntry& entry : context.database.audit().list(audit)) {
    entries.push_back(audit_entry_json(entry));
  }
  return entries;
}

http::Response get_member(ApiContext& context, http::Request& request) {
  const Principal principal = require_admin(context, request);
  const QueryReader query(request.query, {});
  const Member member = member_for_admin(context, principal, member_id_of(request));

  json::object body = member_with_cards_json(member);
  // The profile stays available while the sales engine loads; the summary is null until then.
  body["purchases"] = context.engine.ready()
                          ? json::value(purchases_json(purchases_of_member(context, member.id)))
                          : json::value(nullptr);
  body["audit"] = member_audit_json(context, member.id);
  return json_ok(body);
}

http::Response patch_member(ApiContext& context, http::Request& request) {
  const Principal principal = require_admin(context, request);
  const QueryReader query(request.query, {});
  const Member current = member_for_admin(context, principal, member_id_of(request));
  const MemberEdit edit = apply_member_patch(current, request.body, EditScope::admin,
                                             consent_stamp_now(context), local_today(context));
  if (edit.changes.empty()) {
    return json_ok(member_with_cards_json(current));
  }
  // A store admin may not hand a member to a store they cannot see.
  if (edit.member.home_store != current.home_store &&
      !may_see_store(principal, edit.member.home_store)) {
    throw http::HttpError(403, "forbidden",
                          fmt::format("store {} is not one of your stores",
                                      http::quote_value(edit.member.home_store)),
                          "home_store");
  }
  Result<Member> updated = context.database.members().update_member(edit.member);
  if (!updated) {
    throw member_store_error(updated.error());
  }
  append_audit_entry(context, request, principal, "member.update", "member",
                     std::to_string(current.id), audit_details_json(edit.changes));
  return json_ok(member_with_cards_json(*updated));
}

CardPolicy card_policy(const ApiContext& context) {
  return context.auth != nullptr ? context.auth->config().card_policy : CardPolicy{};
}

// The maximum length of a card change's reason, in bytes.
constexpr std::size_t kMaxReasonBytes = 500;

// The optional "reason" of a card change, for the audit entry.
std::string read_reason(const json::object& body) {
  std::string reason = optional_text_field(body, "reason").value_or("");
  if (reason.size() > kMaxReasonBytes) {
    throw invalid_field("reason", fmt::format("reason must be at most {} bytes, got {}",
                                              kMaxReasonBytes, reason.size()));
  }
  return reason;
}

// The card {number} of the path, which must be one of the member's cards (404 otherwise).
Card card_of_member(const ApiContext& context, const http::Request& request, const Member& member) {
  const std::string_view text = request.path_param("number");
  const Result<std::string> number = validate_card_number(text, card_policy(context));
  if (!number) {
    throw http::invalid_parameter("number", number.error().message);
  }
  for (const Card& card : member.cards) {
    if (card.number == *number) {
      return card;
    }
  }
  throw http::not_found(fmt::format("card {} is not a card of member {}", *number, member.id));
}

// The card `number` of the member after a change, for the response.
json::object changed_card_json(ApiContext& context, int64_t member_id, const std::string& number) {
  const std::optional<Member> member = context.database.members().find_member(member_id);
  if (member) {
    for (const Card& card : member->cards) {
      if (card.number == number) {
        return card_json(card, *member);
      }
    }
  }
  throw std::runtime_error(
      fmt::format("card {} of member {} vanished after a change", number, member_id));
}

http::Response block_card(ApiContext& context, http::Request& request) {
  const Principal principal = require_admin(context, request);
  const QueryReader query(request.query, {});
  static constexpr std::array<std::string_view, 1> kFields{"reason"};
  const json::object body = parse_json_object(request.body, kFields, true);
  const std::string reason = read_reason(body);
  const Member member = member_for_admin(context, principal, member_id_of(request));
  const Card card = card_of_member(context, request, member);

  const Result<Card> blocked = context.database.members().block_card(card.number);
  if (!blocked) {
    throw member_store_error(blocked.error());
  }
  json::object details{{"card", card.number},
                       {"old_status", card_status_name(card.status)},
                       {"new_status", card_status_name(blocked->status)}};
  if (!reason.empty()) {
    details["reason"] = reason;
  }
  append_audit_entry(context, request, principal, "card.block", "member", std::to_string(member.id),
                     details);
  return json_ok(changed_card_json(context, member.id, card.number));
}

// The replacement number: the body's new_number, validated, or the next free issued card.
std::optional<std::string> requested_new_number(const ApiContext& context,
                                                const json::object& body) {
  const std::optional<std::string> body_value = optional_text_field(body, "new_number");
  if (!body_value || body_value->empty()) {
    return std::nullopt;
  }
  const Result<std::string> number = validate_card_number(*body_value, card_policy(context));
  if (!number) {
    throw invalid_field("new_number", number.error().message);
  }
  return *number;
}

// Replaces `old_number` by `requested`, or by the next free card. Two replacements running at
// once may pick the same free card; the one that loses retries with the next.
Result<Card> replace_with(ApiContext& context, const std::string& old_number,
                          const std::optional<std::string>& requested) {
  MemberStore& members = context.database.members();
  if (requested) {
    return members.replace_card(old_number, *requested);
  }
  constexpr int kAttempts = 3;
  for (int attempt = 1;; ++attempt) {
    const std::optional<std::string> free = members.next_free_card();
    if (!free) {
      return Error{"no_free_card",
                   "the card registry has no issued card left: issue a range of cards first "
                   "(imagross cards issue) or give new_number"};
    }
    Result<Card> replaced = members.replace_card(old_number, *free);
    if (replaced || replaced.error().code != "card_not_issued" || attempt == kAttempts) {
      return replaced;
    }
  }
}

http::Response replace_card(ApiContext& context, http::Request& request) {
  const Principal principal = require_admin(context, request);
  const QueryReader query(request.query, {});
  static constexpr std::array<std::string_view, 2> kFields{"new_number", "reason"};
  const json::object body = parse_json_object(request.body, kFields, true);
  const std::optional<std::string> requested = requested_new_number(context, body);
  const std::string reason = read_reason(body);
  const Member member = member_for_admin(context, principal, member_id_of(request));
  const Card card = card_of_member(context, request, member);

  const Result<Card> replacement = replace_with(context, card.number, requested);
  if (!replacement) {
    throw member_store_error(replacement.error());
  }
  json::object details{{"old_card", card.number},
                       {"old_status", card_status_name(card.status)},
                       {"new_card", replacement->number}};
  if (!reason.empty()) {
    details["reason"] = reason;
  }
  append_audit_entry(context, request, principal, "card.replace", "member",
                     std::to_string(member.id), details);
  return json_ok(changed_card_json(context, member.id, replacement->number));
}

http::Response list_audit(ApiContext& context, http::Request& request) {
  require_super_admin(context, request);
  static constexpr std::array<std::string_view, 5> kAccepted{"target_type", "target_id", "actor",
                                                             "page", "page_size"};
  const QueryReader query(request.query, kAccepted);
  AuditQuery audit;
  audit.target_type = std::string(query.single("target_type").value_or(""));
  audit.target_id = std::string(query.single("target_id").value_or(""));
  if (query.single("actor")) {
    audit.actor_account_id = query.integer("actor", 1, std::numeric_limits<int64_t>::max(), 0);
  }
  const int64_t page = query.integer("page", 1, kMaxPage, 1);
  const int64_t page_size = query.integer("page_size", 1, kMaxPageSize, 50);
  audit.offset = page_offset(page, page_size);
  // One entry more than the page shows whether another page follows, because the log keeps no
  // count.
  audit.limit = static_cast<int>(page_size) + 1;

  std::vector<AuditEntry> entries = context.database.audit().list(audit);
  const bool has_more = entries.size() > static_cast<std::size_t>(page_size);
  entries.resize(std::min(entries.size(), static_cast<std::size_t>(page_size)));
  json::array items;
  for (const AuditEntry& entry : entries) {
    items.push_back(audit_entry_json(entry));
  }
  return json_ok(json::object{{"items", std::move(items)},
                              {"page", page},
                              {"page_size", page_size},
                              {"has_more", has_more}});
}

}  // namespace

void add_member_routes(http::Router& router, ApiContext& context) {
  http::RouteOptions light;
  light.pool = http::Pool::light;
  http::RouteOptions heavy;
  heavy.pool = http::Pool::heavy;
  const auto bind = [&context](ContextHandler handler) { return bind_context(context, handler); };
  router.add("GET", "/api/v1/members", bind(list_members), light);
  router.add("GET", "/api/v1/members/export", bind(export_members), heavy);
  router.add("GET", "/api/v1/members/{id}", bind(get_member), heavy);
  router.add("PATCH", "/api/v1/members/{id}", bind(patch_member), light);
  router.add("POST", "/api/v1/members/{id}/cards/{number}/block", bind(block_card), light);
  router.add("POST", "/api/v1/members/{id}/cards/{number}/replace", bind(replace_card), light);
  router.add("GET", "/api/v1/audit", bind(list_audit), light);
}

}  // namespace imagross::api
