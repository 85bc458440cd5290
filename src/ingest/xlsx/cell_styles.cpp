#include "ingest/xlsx/cell_styles.h"

#include <cctype>
#include <charconv>
#include <string>
#include <unordered_map>

#include "ingest/xlsx/xml_stream.h"

namespace imagross::ingest {
namespace {

int parse_id(const char* text) {
  int value = -1;
  if (text != nullptr) {
    std::from_chars(text, text + std::char_traits<char>::length(text), value);
  }
  return value;
}

class StylesHandler final : public XmlHandler {
 public:
  std::unordered_map<int, std::string> custom_formats;
  std::vector<int> cell_formats;  // the numFmtId of each cellXfs entry

  void start_element(std::string_view name, const XML_Char** attributes) override {
    if (name == "numFmt") {
      const char* code = find_attribute(attributes, "formatCode");
      custom_formats[parse_id(find_attribute(attributes, "numFmtId"))] = code ? code : "";
    } else if (name == "cellXfs") {
      in_cell_formats_ = true;
    } else if (name == "xf" && in_cell_formats_) {
      cell_formats.push_back(parse_id(find_attribute(attributes, "numFmtId")));
    }
  }

  bool end_element(std::string_view name) override {
    if (name == "cellXfs") {
      in_cell_formats_ = false;
    }
    return false;
  }

 private:
  // cellStyleXfs contains xf elements too, but cells refer only to those of cellXfs.
  bool in_cell_formats_ = false;
};

bool is_builtin_date(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

}  // namespace

bool is_date_format(int id, std::string_view code) {
  if (code.empty()) {
    return is_builtin_date(id);
  }
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const size_t close = code.find('"', i + 1);
      i = close == std::string_view::npos ? code.size() : close;
    } else if (c == '[') {
      // Colours, conditions and locales; [h] and [mm] are elapsed durations, not dates.
      const size_t close = code.find(']', i + 1);
      i = close == std::string_view::npos ? code.size() : close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal text or padding
    } else if (std::string_view("dmyhsDMYHS").find(c) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

CellStyles read_cell_styles(const ZipArchive& archive, const std::string& styles_part) {
  if (styles_part.empty()) {
    return {};
  }
  auto entry = archive.open_entry(styles_part);
  if (!entry) {
    return {};
  }
  StylesHandler handler;
  parse_xml_part(std::move(*entry), handler);

  std::vector<bool> date_styles;
  date_styles.reserve(handler.cell_formats.size());
  for (const int id : handler.cell_formats) {
    const auto custom = handler.custom_formats.find(id);
    date_styles.push_back(
        is_date_format(id, custom != handler.custom_formats.end() ? custom->second : ""));
  }
  return CellStyles(std::move(date_styles));
}

}  // namespace imagross::ingest
