#include "ingest/xlsx/shared_strings.h"

#include <algorithm>
#include <charconv>

#include "ingest/xlsx/xml_stream.h"

namespace imagross::ingest {
namespace {

// The count a workbook declares is trusted for reserving memory only up to this many items.
constexpr size_t kMaxReservedItems = size_t{1} << 20;

class SharedStringsHandler final : public XmlHandler {
 public:
  std::vector<std::string> strings;

  void start_element(std::string_view name, const XML_Char** attributes) override {
    if (name == "sst") {
      reserve(find_attribute(attributes, "uniqueCount"));
    } else if (name == "si") {
      item_.clear();
    } else if (name == "rPh") {
      in_phonetic_ = true;
    } else if (name == "t" && !in_phonetic_) {
      in_text_ = true;
    }
  }

  bool end_element(std::string_view name) override {
    if (name == "si") {
      strings.push_back(item_);
    } else if (name == "rPh") {
      in_phonetic_ = false;
    } else if (name == "t") {
      in_text_ = false;
    }
    return false;
  }

  void character_data(std::string_view text) override {
    if (in_text_) {
      item_ += text;
    }
  }

 private:
  void reserve(const char* count) {
    size_t items = 0;
    if (count != nullptr) {
      std::from_chars(count, count + std::char_traits<char>::length(count), items);
    }
    strings.reserve(std::min(items, kMaxReservedItems));
  }

  std::string item_;
  bool in_text_ = false;
  bool in_phonetic_ = false;
};

}  // namespace

std::vector<std::string> read_shared_strings(const ZipArchive& archive, const std::string& part) {
  if (part.empty()) {
    return {};
  }
  auto entry = archive.open_entry(part);
  if (!entry) {
    return {};
  }
  SharedStringsHandler handler;
  parse_xml_part(std::move(*entry), handler);
  return std::move(handler.strings);
}

}  // namespace imagross::ingest
