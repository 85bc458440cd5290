#include "api/member_support.h"

#include <ctime>

#include <fmt/format.h>

#include "api/authorization.h"
#include "api/handler_support.h"
#include "common/utc_time.h"
#include "http/json.h"

namespace imagross::api {

Member member_for_admin(ApiContext& context, const Principal& principal, int64_t id) {
  std::optional<Member> member = context.database.members().find_member(id);
  if (!member) {
    throw http::not_found(fmt::format("there is no member {}", id));
  }
  if (!may_see_store(principal, member->home_store)) {
    throw http::HttpError(403, "forbidden",
                          fmt::format("member {} belongs to a store that is not one of yours", id));
  }
  return std::move(*member);
}

Member member_of_customer(ApiContext& context, const Principal& principal) {
  std::optional<Member> member = context.database.members().find_member(*principal.member_id);
  if (!member) {
    throw http::not_found("your member record no longer exists; sign in again");
  }
  return std::move(*member);
}

http::HttpError member_store_error(const Error& error) {
  const bool not_found = error.code.ends_with("_not_found");
  return http::HttpError(not_found ? 404 : 409, error.code, error.message);
}

MemberPurchases purchases_of_member(ApiContext& context, int64_t member_id) {
  require_ready(context.engine);
  const std::vector<int32_t> card_ids =
      context.database.members().sales_card_ids_of_member(member_id);
  return context.engine.member_purchases(card_ids);
}

ConsentStamp consent_stamp_now(const ApiContext& context) {
  const std::string version =
      context.auth != nullptr ? context.auth->config().privacy_notice_version : std::string();
  return ConsentStamp{format_utc(std::time(nullptr)), version};
}

int32_t local_today(const ApiContext& context) {
  return context.engine.time_zone().to_local(std::time(nullptr)).day;
}

void append_audit_entry(ApiContext& context, const http::Request& request,
                        const Principal& principal, std::string action, std::string target_type,
                        std::string target_id, const boost::json::object& details) {
  AuditEntry entry;
  entry.actor_account_id = principal.account_id;
  entry.actor_role = role_name(principal.role);
  entry.action = std::move(action);
  entry.target_type = std::move(target_type);
  entry.target_id = std::move(target_id);
  entry.details = http::to_json_text(details);
  entry.client_address = request.remote_address;
  entry.request_id = request.request_id;
  context.database.audit().append(entry);
}

}  // namespace imagross::api
