#include "demo/contact.h"

#include <array>
#include <cstdint>

namespace imagross::demo {
namespace {

struct Provider {
  std::string_view domain;
  uint32_t weight;
};

constexpr std::array<Provider, 11> kProviders = {{
    {"gmail.com", 35},
    {"libero.it", 18},
    {"hotmail.it", 10},
    {"yahoo.it", 7},
    {"outlook.it", 6},
    {"icloud.com", 6},
    {"alice.it", 5},
    {"virgilio.it", 5},
    {"tiscali.it", 3},
    {"fastwebnet.it", 3},
    {"tin.it", 2},
}};

constexpr std::array<std::string_view, 31> kMobilePrefixes = {
    "320", "324", "327", "328", "329", "330", "331", "333", "334", "335", "336",
    "338", "339", "340", "342", "345", "346", "347", "348", "349", "350", "351",
    "366", "370", "377", "380", "388", "389", "391", "392", "393"};

// The unaccented vowel of a two-byte UTF-8 letter 0xC3 xx (Latin-1 supplement), or 0.
char unaccented(unsigned char second_byte) {
  constexpr std::string_view kVowels = "aaaaaaaceeeeiiii";  // 0xA0-0xAF: à á â ã ä å æ ç è ...
  if (second_byte >= 0xA0 && second_byte <= 0xAF) {
    return kVowels[second_byte - 0xA0];
  }
  if (second_byte >= 0xB2 && second_byte <= 0xB6) {
    return 'o';  // ò ó ô õ ö
  }
  if (second_byte >= 0xB9 && second_byte <= 0xBC) {
    return 'u';  // ù ú û ü
  }
  return 0;
}

std::string digits(Random& random, int count) {
  std::string text;
  for (int index = 0; index < count; ++index) {
    text += static_cast<char>('0' + random.below(10));
  }
  return text;
}

std::string two_digits(int value) {
  return std::string(1, static_cast<char>('0' + value / 10 % 10)) +
         static_cast<char>('0' + value % 10);
}

std::string mobile_number(Random& random) {
  const std::string prefix(kMobilePrefixes[random.below(kMobilePrefixes.size())]);
  const std::string subscriber = digits(random, 7);
  switch (random.below(8)) {
    case 0:
      return "+39 " + prefix + " " + subscriber.substr(0, 3) + " " + subscriber.substr(3);
    case 1:
      return prefix + "." + subscriber;
    case 2:
      return "0039 " + prefix + subscriber;
    case 3:
      return "+39" + prefix + subscriber;
    case 4:
      return prefix + "/" + subscriber;
    case 5:
      return prefix + "-" + subscriber.substr(0, 3) + " " + subscriber.substr(3);
    case 6:
      return prefix + " " + subscriber;
    default:
      return prefix + subscriber;
  }
}

// A landline has ten digits including its area code.
std::string landline_number(Random& random, std::string_view area_code) {
  const std::string area(area_code);
  const std::string subscriber = digits(random, 10 - static_cast<int>(area.size()));
  switch (random.below(4)) {
    case 0:
      return "+39 " + area + " " + subscriber;
    case 1:
      return area + "/" + subscriber;
    case 2:
      return area + subscriber;
    default:
      return area + " " + subscriber;
  }
}

}  // namespace

std::string email_letters(std::string_view name) {
  std::string letters;
  for (size_t index = 0; index < name.size(); ++index) {
    const auto byte = static_cast<unsigned char>(name[index]);
    if (byte >= 'A' && byte <= 'Z') {
      letters += static_cast<char>(byte - 'A' + 'a');
    } else if (byte >= 'a' && byte <= 'z') {
      letters += static_cast<char>(byte);
    } else if (byte == 0xC3 && index + 1 < name.size()) {
      // Uppercase accented letters are 0x80-0x9F; fold them onto the lowercase range first.
      auto second = static_cast<unsigned char>(name[++index]);
      if (second < 0xA0) {
        second = static_cast<unsigned char>(second + 0x20);
      }
      if (const char vowel = unaccented(second); vowel != 0) {
        letters += vowel;
      }
    }
  }
  return letters;
}

std::string email_address(Random& random, std::string_view first_name, std::string_view last_name,
                          int birth_year, std::set<std::string>& used_addresses) {
  const std::string first = email_letters(first_name);
  const std::string last = email_letters(last_name);
  std::string local;
  switch (random.below(6)) {
    case 0:
      local = first + "." + last;
      break;
    case 1:
      local = first + last + two_digits(birth_year);
      break;
    case 2:
      local = first.substr(0, 1) + "." + last;
      break;
    case 3:
      local = first + "_" + last + two_digits(static_cast<int>(random.below(100)));
      break;
    case 4:
      local = last + "." + first;
      break;
    default:
      local = first + "." + last + std::to_string(birth_year);
      break;
  }

  std::array<uint32_t, kProviders.size()> weights{};
  for (size_t index = 0; index < kProviders.size(); ++index) {
    weights[index] = kProviders[index].weight;
  }
  const std::string domain = "@" + std::string(kProviders[random.pick(weights)].domain);
  std::string address = local + domain;
  // Providers give a used_addresses name a number, as people then choose.
  for (int suffix = 2; !used_addresses.insert(address).second; ++suffix) {
    address = local + std::to_string(suffix) + domain;
  }
  return address;
}

std::string phone_number(Random& random, std::string_view area_code) {
  if (random.chance(120)) {
    return landline_number(random, area_code);
  }
  return mobile_number(random);
}

}  // namespace imagross::demo
