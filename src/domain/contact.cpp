#include "domain/contact.h"

#include <phonenumbers/phonenumberutil.h>
#include <utf8proc.h>

#include <cstdlib>
#include <memory>
#include <optional>

#include <fmt/format.h>

namespace imagross {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr std::size_t kMaxLocalPart = 64;
constexpr std::size_t kMaxDomainLabel = 63;

// The number of Unicode characters in valid UTF-8 text: every byte that does not continue a
// multi-byte sequence starts a character.
std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    count += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1U : 0U;
  }
  return count;
}

std::string_view trim_ascii(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n\v\f");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(" \t\r\n\v\f");
  return text.substr(first, last - first + 1);
}

Error invalid_phone(std::string_view text, std::string_view why) {
  return Error{"invalid_phone", fmt::format("invalid phone number '{}': {}", text, why)};
}

// Characters people put between the digits of a phone number. Letters are refused, although
// libphonenumber would read them as keypad digits or an extension, because in a contact field
// they are typing mistakes.
bool is_phone_character(char c) {
  return (c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '.' || c == '-' || c == '(' ||
         c == ')' || c == '/';
}

std::string_view parse_error_reason(PhoneNumberUtil::ErrorType error, std::string_view text) {
  switch (error) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
      return "the country code is unknown; write it after '+', such as +39 for Italy";
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
      return "it has too few digits";
    case PhoneNumberUtil::TOO_LONG_NSN:
      return "it has too many digits";
    default:
      // Only digits and separators reach the parser, so the text has too few digits, or none.
      return text.find_first_of("0123456789") == std::string_view::npos ? "it has no digits"
                                                                        : "it has too few digits";
  }
}

std::string_view length_reason(PhoneNumberUtil::ValidationResult result) {
  switch (result) {
    case PhoneNumberUtil::TOO_SHORT:
      return "it has too few digits for its country";
    case PhoneNumberUtil::TOO_LONG:
      return "it has too many digits for its country";
    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
      return "the country code is unknown";
    default:
      return "its number of digits does not exist in its country";
  }
}

// Unicode code points of UTF-8 text; nothing when the text is not valid UTF-8.
std::optional<std::u32string> decode_utf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto remaining = static_cast<utf8proc_ssize_t>(text.size());
  while (remaining > 0) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length = utf8proc_iterate(bytes, remaining, &code_point);
    if (length <= 0) {
      return std::nullopt;
    }
    out += static_cast<char32_t>(code_point);
    bytes += length;
    remaining -= length;
  }
  return out;
}

bool is_white_space(char32_t code_point) {
  if (code_point == '\t' || code_point == '\n' || code_point == '\r' || code_point == '\v' ||
      code_point == '\f') {
    return true;
  }
  return utf8proc_category(static_cast<utf8proc_int32_t>(code_point)) == UTF8PROC_CATEGORY_ZS;
}

void append_utf8(std::string& out, char32_t code_point) {
  utf8proc_uint8_t buffer[4];
  const utf8proc_ssize_t length =
      utf8proc_encode_char(static_cast<utf8proc_int32_t>(code_point), buffer);
  out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
}

// The code points with white space trimmed and inner runs of it made one ASCII space.
std::string collapse_white_space(const std::u32string& code_points) {
  std::string out;
  out.reserve(code_points.size());
  bool pending_space = false;
  for (const char32_t code_point : code_points) {
    if (is_white_space(code_point)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    append_utf8(out, code_point);
  }
  return out;
}

// Applies utf8proc_map with `options`; nothing when utf8proc rejects the text.
std::optional<std::string> map_utf8(std::string_view text, int options) {
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &mapped, static_cast<utf8proc_option_t>(options));
  if (length < 0) {
    return std::nullopt;
  }
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
}

std::string fold_ascii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : trim_ascii(text)) {
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

bool is_atext(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
    return true;
  }
  return std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) != std::string_view::npos ||
         static_cast<unsigned char>(c) >= 0x80;
}

Status check_local_part(std::string_view address, std::string_view local) {
  const auto invalid = [address](std::string_view why) {
    return Error{"invalid_email", fmt::format("invalid e-mail address '{}': {}", address, why)};
  };
  if (local.empty()) {
    return invalid("nothing before the '@'");
  }
  if (local.size() > kMaxLocalPart) {
    return invalid("the part before the '@' is longer than 64 characters");
  }
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return invalid("a dot starts or ends the part before the '@', or two dots follow each other");
  }
  for (const char c : local) {
    if (!is_atext(c)) {
      return invalid(fmt::format("the character '{}' cannot appear before the '@'", c));
    }
  }
  return {};
}

bool is_label_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;
}

Status check_domain(std::string_view address, std::string_view domain) {
  const auto invalid = [address](std::string_view why) {
    return Error{"invalid_email", fmt::format("invalid e-mail address '{}': {}", address, why)};
  };
  if (domain.empty()) {
    return invalid("nothing after the '@'; add the domain, such as 'example.it'");
  }
  std::size_t labels = 0;
  std::string_view last_label;
  for (std::size_t start = 0; start <= domain.size();) {
    const std::size_t end = std::min(domain.find('.', start), domain.size());
    const std::string_view label = domain.substr(start, end - start);
    if (label.empty() || label.size() > kMaxDomainLabel || label.front() == '-' ||
        label.back() == '-') {
      return invalid(fmt::format("the domain '{}' is malformed", domain));
    }
    for (const char c : label) {
      if (!is_label_character(c)) {
        return invalid(fmt::format("the character '{}' cannot appear in the domain", c));
      }
    }
    ++labels;
    last_label = label;
    start = end + 1;
  }
  const bool top_level_letters =
      last_label.size() >= 2 && last_label.find_first_of("0123456789-") == std::string_view::npos;
  if (labels < 2 || !top_level_letters) {
    return invalid(fmt::format("the domain '{}' has no top-level domain such as '.it'", domain));
  }
  return {};
}

}  // namespace

Result<std::string> normalize_phone(std::string_view text, std::string_view region) {
  const std::string_view trimmed = trim_ascii(text);
  if (trimmed.empty()) {
    return invalid_phone(text, "it is empty");
  }
  if (trimmed.size() > kMaxPhoneLength) {
    return Error{"invalid_phone",
                 fmt::format("the phone number is {} characters long; a phone number may have at "
                             "most {} characters",
                             trimmed.size(), kMaxPhoneLength)};
  }
  for (const char c : trimmed) {
    if (!is_phone_character(c)) {
      return invalid_phone(trimmed, fmt::format("'{}' is not a digit; write only digits, with "
                                                "spaces, dots or dashes between them",
                                                c));
    }
  }
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  const auto parsed = util.Parse(std::string(trimmed), std::string(region), &number);
  if (parsed != PhoneNumberUtil::NO_PARSING_ERROR) {
    return invalid_phone(trimmed, parse_error_reason(parsed, trimmed));
  }
  const auto possible = util.IsPossibleNumberWithReason(number);
  if (possible != PhoneNumberUtil::IS_POSSIBLE) {
    return invalid_phone(trimmed, length_reason(possible));
  }
  if (!util.IsValidNumber(number)) {
    return invalid_phone(trimmed,
                         "no such number exists in its country's numbering plan; check "
                         "the digits and the country code");
  }
  std::string e164;
  util.Format(number, PhoneNumberUtil::E164, &e164);
  return e164;
}

Result<std::string> normalize_email(std::string_view text) {
  const std::string address = fold_ascii(text);
  if (address.empty()) {
    return Error{"invalid_email", "the e-mail address is empty"};
  }
  if (address.size() > kMaxEmailLength) {
    return Error{"invalid_email",
                 fmt::format("the e-mail address is {} characters long; an e-mail address may "
                             "have at most {} characters",
                             address.size(), kMaxEmailLength)};
  }
  const auto at = address.find('@');
  if (at == std::string::npos) {
    return Error{"invalid_email",
                 fmt::format("invalid e-mail address '{}': it has no '@'", address)};
  }
  if (address.find('@', at + 1) != std::string::npos) {
    return Error{"invalid_email",
                 fmt::format("invalid e-mail address '{}': it has more than one '@'", address)};
  }
  const std::string_view view(address);
  if (auto status = check_local_part(view, view.substr(0, at)); !status.ok()) {
    return status.error();
  }
  if (auto status = check_domain(view, view.substr(at + 1)); !status.ok()) {
    return status.error();
  }
  return address;
}

Result<std::string> normalize_name(std::string_view text) {
  const auto code_points = decode_utf8(text);
  if (!code_points) {
    return Error{"invalid_name",
                 "the name is not valid UTF-8 text; save the file as UTF-8 or give its encoding"};
  }
  for (const char32_t code_point : *code_points) {
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(code_point));
    if (category == UTF8PROC_CATEGORY_CC && !is_white_space(code_point)) {
      return Error{"invalid_name",
                   fmt::format("the name '{}' contains the control character U+{:04X}; remove it",
                               text, static_cast<uint32_t>(code_point))};
    }
  }
  const std::string collapsed = collapse_white_space(*code_points);
  auto composed = map_utf8(collapsed, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  std::string name = composed ? std::move(*composed) : collapsed;
  const std::size_t length = count_code_points(name);
  if (length > kMaxNameLength) {
    return Error{"invalid_name",
                 fmt::format("the name is {} characters long; a name may have at most {} "
                             "characters",
                             length, kMaxNameLength)};
  }
  return name;
}

std::string fold_for_search(std::string_view text) {
  constexpr int kFolding = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                           UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_LUMP | UTF8PROC_IGNORE;
  const auto folded = map_utf8(text, kFolding);
  if (!folded) {
    return fold_ascii(text);
  }
  const auto code_points = decode_utf8(*folded);
  return code_points ? collapse_white_space(*code_points) : *folded;
}

std::string phone_search_digits(std::string_view text) {
  std::string digits;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      digits += c;
    }
  }
  if (digits.starts_with("00")) {
    digits.erase(0, 2);
  }
  return digits;
}

}  // namespace imagross
