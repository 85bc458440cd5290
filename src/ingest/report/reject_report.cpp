#include "ingest/report/reject_report.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

namespace imagross::ingest {

void append_csv_field(std::string& out, std::string_view field) {
  const bool needs_quotes = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                            (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!needs_quotes) {
    out.append(field);
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  out += '"';
}

RejectReport::RejectReport(std::string path) : path_(std::move(path)) {}

RejectReport::~RejectReport() {
  if (file_ != nullptr) {
    std::fclose(file_);
  }
}

void RejectReport::open() {
  const std::filesystem::path path(path_);
  std::error_code error;
  if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), error);
  }
  file_ = std::fopen(path_.c_str(), "wb");
  if (file_ == nullptr) {
    throw ReportError(
        fmt::format("cannot create the reject report '{}': {}; choose another "
                    "directory with --reject-dir",
                    path_, std::strerror(errno)));
  }
  write("line,column,value,reason\n");
}

void RejectReport::write(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
    throw ReportError(
        fmt::format("cannot write the reject report '{}': {}", path_, std::strerror(errno)));
  }
}

void RejectReport::add(const Rejection& rejection) {
  if (file_ == nullptr) {
    open();
  }
  buffer_.clear();
  buffer_ += std::to_string(rejection.line);
  buffer_ += ',';
  append_csv_field(buffer_, rejection.column);
  buffer_ += ',';
  append_csv_field(buffer_, rejection.value);
  buffer_ += ',';
  append_csv_field(buffer_, rejection.reason);
  buffer_ += '\n';
  write(buffer_);
  ++rows_;
}

void RejectReport::close() {
  if (file_ == nullptr) {
    return;
  }
  std::FILE* file = file_;
  file_ = nullptr;
  if (std::fclose(file) != 0) {
    throw ReportError(
        fmt::format("cannot write the reject report '{}': {}", path_, std::strerror(errno)));
  }
}

}  // namespace imagross::ingest
