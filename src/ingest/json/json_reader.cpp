#include "ingest/json/json_reader.h"

#include <simdjson.h>

#include <functional>
#include <optional>
#include <unordered_map>

#include "ingest/encoding/text_decoder.h"
#include "ingest/encoding/utf8.h"
#include "ingest/json/json_scanner.h"
#include "ingest/source/record_shape.h"

namespace imagross::ingest {
namespace {

// NOTE: simdjson 3.0 compiles its On-Demand API for one kernel chosen by the compiler flags.
// Without -march flags that is the portable "fallback" kernel, which parsed JSON Lines of sales
// at about 300 MB/s (200,000 objects, one shared core) instead of the GB/s of its SIMD kernels.
namespace ondemand = simdjson::ondemand;

// Bytes at the start of the file searched for the first '[' or '{'.
constexpr size_t kSniffBytes = 64 * 1024;

// Looks keys up by std::string_view without building a std::string for each one.
struct KeyHash {
  using is_transparent = void;
  size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

size_t skip_digits(std::string_view text, size_t i) {
  while (i < text.size() && is_digit(text[i])) {
    ++i;
  }
  return i;
}

// True when `text` follows the JSON number grammar (RFC 8259, section 6). simdjson checks a
// number only when asked to convert it, and the raw text is kept instead.
bool is_json_number(std::string_view text) {
  size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
  if (i == text.size() || !is_digit(text[i])) {
    return false;
  }
  i = text[i] == '0' ? i + 1 : skip_digits(text, i);
  if (i < text.size() && text[i] == '.') {
    const size_t fraction = i + 1;
    i = skip_digits(text, fraction);
    if (i == fraction) {
      return false;
    }
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
      ++i;
    }
    const size_t exponent = i;
    i = skip_digits(text, exponent);
    if (i == exponent) {
      return false;
    }
  }
  return i == text.size();
}

std::string_view trim_json_space(std::string_view text) {
  const size_t last = text.find_last_not_of(" \t\r\n");
  return last == std::string_view::npos ? std::string_view{} : text.substr(0, last + 1);
}

// Reads `value` as field text. Returns an error message, or nothing on success.
std::optional<std::string> read_value(ondemand::value value, std::string& out) {
  ondemand::json_type type{};
  if (const auto error = value.type().get(type)) {
    return simdjson::error_message(error);
  }
  simdjson::error_code error = simdjson::SUCCESS;
  std::string_view text;
  bool flag = false;
  switch (type) {
    case ondemand::json_type::string:
      error = value.get_string().get(text);
      out.assign(text);
      break;
    case ondemand::json_type::number:
      text = trim_json_space(value.raw_json_token());
      if (!is_json_number(text)) {
        return "invalid number " + std::string(text);
      }
      out.assign(text);
      break;
    case ondemand::json_type::boolean:
      error = value.get_bool().get(flag);
      out.assign(flag ? "true" : "false");
      break;
    case ondemand::json_type::null:
      error = value.is_null().get(flag);
      out.clear();
      break;
    case ondemand::json_type::object:
    case ondemand::json_type::array:
      error = simdjson::to_json_string(value).get(text);
      out.assign(text);
      break;
  }
  if (error) {
    return simdjson::error_message(error);
  }
  return std::nullopt;
}

class JsonReader final : public RecordReader {
 public:
  JsonReader(std::unique_ptr<InputBuffer> input, std::string path, JsonLayout layout,
             TextEncoding encoding)
      : input_(std::move(input)),
        scanner_(*input_, layout, path),
        layout_(layout),
        decoder_(encoding),
        path_(std::move(path)) {}

  Status read_first_object();

  const std::vector<std::string>& header() const override { return header_; }
  bool next(Record& record) override;
  uint64_t bytes_read() const override { return input_->source().bytes_read(); }
  uint64_t bytes_total() const override { return input_->source().bytes_total(); }
  FileFormat format() const override { return FileFormat::json; }
  TextEncoding encoding() const override { return decoder_.encoding(); }

 private:
  void parse_element(Record& record);
  std::optional<std::string> parse_object(Record& record);
  size_t column_for(std::string_view key, size_t position, Record& record);

  std::unique_ptr<InputBuffer> input_;
  JsonElementScanner scanner_;
  JsonLayout layout_;
  TextDecoder decoder_;
  std::string path_;
  JsonElement element_;
  ondemand::parser parser_;
  std::vector<std::string> header_;
  std::unordered_map<std::string, size_t, KeyHash, std::equal_to<>> columns_;
  std::vector<uint64_t> last_set_;  // per column, the number of the record that last set it
  uint64_t record_number_ = 0;
  std::optional<Record> first_record_;  // read by read_first_object, returned by next
};

Status JsonReader::read_first_object() {
  if (!scanner_.next(element_)) {
    return Error{"empty_file", path_ + " contains no JSON object to import"};
  }
  Record record;
  parse_element(record);
  if (record.error) {
    std::string message =
        path_ + " line " + std::to_string(record.line) +
        ": cannot read the first object, whose keys name the columns: " + *record.error;
    if (layout_ == JsonLayout::lines) {
      message +=
          "; a file that starts with '{' must contain one whole object per line (JSON "
          "Lines), so put the objects of a single document into an array";
    }
    return Error{"invalid_header", std::move(message)};
  }
  first_record_ = std::move(record);
  return {};
}

bool JsonReader::next(Record& record) {
  if (first_record_) {
    std::swap(record, *first_record_);
    first_record_.reset();
    return true;
  }
  if (!scanner_.next(element_)) {
    return false;
  }
  parse_element(record);
  return true;
}

void JsonReader::parse_element(Record& record) {
  ++record_number_;
  record.line = element_.line;
  record.error.reset();
  record.date_cells.clear();
  record.fields.resize(header_.size());
  for (std::string& field : record.fields) {
    field.clear();
  }
  if (element_.too_long) {
    record.error = "the line is longer than 16 MiB, the limit for one record";
    return;
  }

  const size_t invalid = decoder_.decode(element_.text);
  if (invalid != std::string::npos) {
    const std::string_view key = find_key_at(element_.text, invalid);
    const std::string place =
        key.empty() ? "the object" : "the value of \"" + std::string(key) + "\"";
    record.error = invalid_utf8_message(element_.text, invalid, place);
    return;
  }
  // simdjson 3.0 reports text after the object as an object that ended early, which would
  // mislead, so that case is found first.
  const size_t end = end_of_container(element_.text);
  if (end != std::string::npos && end < element_.text.size()) {
    record.error = "invalid JSON object: text after the end of the object";
    return;
  }
  if (auto message = parse_object(record)) {
    record.error = "invalid JSON object: " + *message;
  }
}

std::optional<std::string> JsonReader::parse_object(Record& record) {
  const size_t length = element_.text.size();
  element_.text.append(simdjson::SIMDJSON_PADDING, ' ');
  ondemand::document document;
  auto error = parser_.iterate(element_.text.data(), length, element_.text.size()).get(document);
  ondemand::object object;
  if (!error) {
    error = document.get_object().get(object);
  }
  if (error == simdjson::INCORRECT_TYPE) {
    return "the element is not an object with keys and values";
  }
  if (error) {
    return simdjson::error_message(error);
  }

  size_t position = 0;
  for (auto member : object) {
    ondemand::field field;
    std::string_view key;
    if ((error = std::move(member).get(field)) || (error = field.unescaped_key().get(key))) {
      return simdjson::error_message(error);
    }
    const size_t column = column_for(trim_header_name(key), position++, record);
    if (last_set_[column] == record_number_) {
      return "the key \"" + std::string(key) + "\" appears twice";
    }
    last_set_[column] = record_number_;
    if (auto message = read_value(field.value(), record.fields[column])) {
      return "key \"" + std::string(key) + "\": " + *message;
    }
  }
  return std::nullopt;
}

// Returns the column of `key`, the `position`-th key of its object, adding it to the header
// when it is new. Objects usually list their keys in the same order, so the position is tried
// before the hash map.
size_t JsonReader::column_for(std::string_view key, size_t position, Record& record) {
  if (position < header_.size() && header_[position] == key) {
    return position;
  }
  if (const auto found = columns_.find(key); found != columns_.end()) {
    return found->second;
  }
  const size_t column = header_.size();
  header_.emplace_back(key);
  columns_.emplace(header_.back(), column);
  last_set_.push_back(0);
  record.fields.resize(header_.size());
  return column;
}

}  // namespace

Result<std::unique_ptr<RecordReader>> open_json_reader(std::unique_ptr<InputBuffer> input,
                                                       const std::string& path,
                                                       TextEncoding encoding) {
  const std::string_view head = input->peek(kSniffBytes);
  const size_t first = head.find_first_not_of(" \t\r\n");
  const char start = first == std::string_view::npos ? '\0' : head[first];
  if (start != '[' && start != '{') {
    if (first == std::string_view::npos && head.size() < kSniffBytes) {
      return Error{"empty_file", path + " is empty: it contains no JSON"};
    }
    return Error{"unknown_format", path +
                                       " is not JSON that can be imported: it must start with "
                                       "'[' (an array of objects) or '{' (one object per line)"};
  }
  const JsonLayout layout = start == '[' ? JsonLayout::array : JsonLayout::lines;
  auto reader = std::make_unique<JsonReader>(std::move(input), path, layout, encoding);
  const Status status = reader->read_first_object();
  if (!status) {
    return status.error();
  }
  return std::unique_ptr<RecordReader>(std::move(reader));
}

}  // namespace imagross::ingest
