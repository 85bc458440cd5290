#include "api/import_params.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "http/errors.h"
#include "http/quote.h"
#include "ingest/mapping/presets.h"

namespace imagross::api {
namespace {

constexpr std::array<std::string_view, 7> kUploadParameters{
    "filename", "preset", "locale", "encoding", "delimiter", "date_format", "dry_run"};

bool has_control_character(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

std::string read_filename(const QueryReader& query) {
  const auto filename = query.single("filename");
  if (!filename || filename->empty()) {
    throw http::invalid_parameter("filename",
                                  "filename is required: the name of the uploaded file, such as "
                                  "sales.csv, whose extension tells the format");
  }
  if (filename->size() > 255 || has_control_character(*filename)) {
    throw http::invalid_parameter(
        "filename", fmt::format("filename must be at most 255 characters without control "
                                "characters, got {}",
                                http::quote_value(*filename)));
  }
  return std::string(*filename);
}

std::string read_preset(const QueryReader& query) {
  const auto preset = query.single("preset");
  if (!preset) {
    return {};
  }
  const auto names = ingest::preset_names();
  if (std::find(names.begin(), names.end(), *preset) == names.end()) {
    throw http::invalid_parameter(
        "preset", fmt::format("unknown preset {}; the presets are {}", http::quote_value(*preset),
                              fmt::join(names, ", ")));
  }
  return std::string(*preset);
}

std::optional<char> read_delimiter(const QueryReader& query) {
  const auto text =
      query.choice("delimiter", {",", ";", "|", "comma", "semicolon", "tab", "pipe"}, "");
  if (text.empty()) {
    return std::nullopt;
  }
  if (text == "comma") {
    return ',';
  }
  if (text == "semicolon") {
    return ';';
  }
  if (text == "tab") {
    return '\t';
  }
  if (text == "pipe") {
    return '|';
  }
  return text.front();
}

std::string read_date_format(const QueryReader& query) {
  const auto format = query.single("date_format").value_or("");
  if (!format.empty() && (format.size() > 64 || format.find('%') == std::string_view::npos ||
                          has_control_character(format))) {
    throw http::invalid_parameter(
        "date_format",
        fmt::format("date_format must be a strftime pattern such as %d/%m/%Y %H:%M, got {}",
                    http::quote_value(format)));
  }
  return std::string(format);
}

}  // namespace

UploadRequest parse_upload_request(const http::QueryParams& params) {
  const QueryReader query(params, kUploadParameters);
  UploadRequest upload;
  upload.filename = read_filename(query);
  upload.options.preset = read_preset(query);

  const auto locale = query.choice("locale", {"it-IT", "en-US"}, "");
  if (!locale.empty()) {
    upload.options.locale = locale == "it-IT" ? Locale::it_IT : Locale::en_US;
  }
  const auto encoding = query.choice("encoding", {"utf-8", "windows-1252"}, "");
  if (!encoding.empty()) {
    upload.options.reader.encoding =
        encoding == "utf-8" ? TextEncoding::utf8 : TextEncoding::windows1252;
  }
  upload.options.reader.delimiter = read_delimiter(query);
  upload.options.date_format = read_date_format(query);
  upload.options.dry_run = query.boolean("dry_run");
  return upload;
}

}  // namespace imagross::api
