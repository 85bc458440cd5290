#include "api/openapi.h"

#include <gtest/gtest.h>

#include <set>

#include <boost/json.hpp>

namespace imagross::api {
namespace {

namespace json = boost::json;

json::object document() {
  return json::parse(openapi_document()).as_object();
}

// Follows a local "$ref" such as "#/components/schemas/Kpis".
const json::value* resolve(const json::object& root, std::string_view ref) {
  if (!ref.starts_with("#/")) {
    return nullptr;
  }
  const json::value* node = &root.at("components");  // every ref points into components
  ref.remove_prefix(std::string_view("#/components/").size());
  while (!ref.empty()) {
    const auto slash = ref.find('/');
    const auto key = ref.substr(0, slash);
    if (!node->is_object() || !node->as_object().contains(key)) {
      return nullptr;
    }
    node = &node->as_object().at(key);
    ref = slash == std::string_view::npos ? std::string_view() : ref.substr(slash + 1);
  }
  return node;
}

void collect_refs(const json::value& value, std::vector<std::string>& refs) {
  if (value.is_object()) {
    for (const auto& [key, member] : value.as_object()) {
      if (key == "$ref" && member.is_string()) {
        refs.emplace_back(member.as_string());
      } else {
        collect_refs(member, refs);
      }
    }
  } else if (value.is_array()) {
    for (const auto& element : value.as_array()) {
      collect_refs(element, refs);
    }
  }
}

TEST(OpenApi, IsOpenApi30) {
  const auto root = document();
  EXPECT_TRUE(root.at("openapi").as_string().starts_with("3.0."));
  EXPECT_TRUE(root.at("info").as_object().contains("title"));
}

TEST(OpenApi, DocumentsEveryRoute) {
  const std::set<std::string> expected{"POST /api/v1/auth/signup",
                                       "POST /api/v1/auth/login",
                                       "POST /api/v1/auth/refresh",
                                       "POST /api/v1/auth/logout",
                                       "POST /api/v1/auth/password-reset",
                                       "POST /api/v1/auth/password-reset/confirm",
                                       "GET /api/v1/auth/session",
                                       "GET /api/v1/analytics/dashboard",
                                       "GET /api/v1/analytics/products",
                                       "GET /api/v1/analytics/export",
                                       "GET /api/v1/analytics/coverage",
                                       "GET /api/v1/stores",
                                       "GET /api/v1/departments",
                                       "GET /api/v1/imports",
                                       "POST /api/v1/imports",
                                       "GET /api/v1/imports/{id}",
                                       "GET /api/v1/imports/{id}/rejects",
                                       "GET /health/live",
                                       "GET /health/ready",
                                       "GET /metrics",
                                       "GET /api/openapi.json",
                                       "GET /api/v1/me",
                                       "PATCH /api/v1/me",
                                       "GET /api/v1/me/card",
                                       "GET /api/v1/me/card/barcode.svg",
                                       "GET /api/v1/me/card/barcode.png",
                                       "GET /api/v1/me/card/qr.svg",
                                       "GET /api/v1/me/card/qr.png",
                                       "GET /api/v1/me/purchases/summary",
                                       "GET /api/v1/members",
                                       "GET /api/v1/members/export",
                                       "GET /api/v1/members/{id}",
                                       "PATCH /api/v1/members/{id}",
                                       "POST /api/v1/members/{id}/cards/{number}/block",
                                       "POST /api/v1/members/{id}/cards/{number}/replace",
                                       "GET /api/v1/audit",
                                       "GET /api/v1/me/points",
                                       "GET /api/v1/me/points/ledger",
                                       "GET /api/v1/me/rewards",
                                       "GET /api/v1/me/redemptions",
                                       "POST /api/v1/me/redemptions",
                                       "POST /api/v1/me/redemptions/{id}/cancel",
                                       "GET /api/v1/me/redemptions/{id}/barcode.svg",
                                       "GET /api/v1/members/{id}/points",
                                       "GET /api/v1/members/{id}/points/ledger",
                                       "POST /api/v1/members/{id}/points/adjustments",
                                       "POST /api/v1/members/{id}/redemptions",
                                       "GET /api/v1/points/rule-sets",
                                       "POST /api/v1/points/rule-sets",
                                       "GET /api/v1/points/rule-sets/{version}",
                                       "POST /api/v1/points/rule-sets/{version}/activate",
                                       "POST /api/v1/points/simulations",
                                       "GET /api/v1/points/summary",
                                       "GET /api/v1/rewards",
                                       "POST /api/v1/rewards",
                                       "PUT /api/v1/rewards/{id}",
                                       "GET /api/v1/redemptions",
                                       "POST /api/v1/redemptions/{id}/cancel",
                                       "POST /api/v1/redemptions/{id}/use",
                                       "GET /api/v1/redemptions/{id}/barcode.svg",
                                       "POST /api/v1/pos/receipts"};
  std::set<std::string> documented;
  const auto root = document();
  for (const auto& [path, item] : root.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      std::string upper(method);
      for (auto& c : upper) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      documented.insert(upper + " " + std::string(path));
      EXPECT_TRUE(operation.as_object().contains("responses")) << path;
      EXPECT_TRUE(operation.as_object().contains("operationId")) << path;
    }
  }
  EXPECT_EQ(documented, expected);
}

TEST(OpenApi, EveryReferenceResolves) {
  const auto root = document();
  std::vector<std::string> refs;
  collect_refs(root, refs);
  EXPECT_GT(refs.size(), 50u);
  for (const auto& ref : refs) {
    EXPECT_NE(resolve(root, ref), nullptr) << ref;
  }
}

TEST(OpenApi, ParametersHaveNameLocationAndSchema) {
  const auto root = document();
  for (const auto& [name, parameter] : root.at("components").at("parameters").as_object()) {
    const auto& object = parameter.as_object();
    EXPECT_TRUE(object.contains("name")) << name;
    EXPECT_TRUE(object.contains("in")) << name;
    EXPECT_TRUE(object.contains("schema")) << name;
  }
}

}  // namespace
}  // namespace imagross::api
