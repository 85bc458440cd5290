#include "http/request.h"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace imagross::http {
namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower_a = (a[i] >= 'A' && a[i] <= 'Z') ? a[i] + ('a' - 'A') : a[i];
    const auto lower_b = (b[i] >= 'A' && b[i] <= 'Z') ? b[i] + ('a' - 'A') : b[i];
    if (lower_a != lower_b) {
      return false;
    }
  }
  return true;
}

}  // namespace

void Headers::add(std::string name, std::string value) {
  fields_.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string_view> Headers::find(std::string_view name) const {
  for (const auto& [field, value] : fields_) {
    if (equals_ignoring_case(field, name)) {
      return value;
    }
  }
  return std::nullopt;
}

std::string_view Request::path_param(std::string_view name) const {
  for (const auto& [key, value] : path_params) {
    if (key == name) {
      return value;
    }
  }
  return {};
}

std::optional<ParsedTarget> parse_target(std::string_view target) {
  const auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) {
    return std::nullopt;
  }
  ParsedTarget result;
  result.path = parsed->path();
  // A form posted by a browser writes spaces as '+', so the query decodes '+' as a space.
  // An empty segment ("/x?", "a=1&&b=2") is no parameter at all: browsers and forms write them.
  for (const auto& param : parsed->params()) {
    if (param.key.empty() && !param.has_value) {
      continue;
    }
    result.query.emplace_back(param.key, param.has_value ? param.value : std::string());
  }
  return result;
}

}  // namespace imagross::http
