#pragma once

// Helpers for the import tests: a record reader over rows held in memory, a scratch
// directory with a real SQLite database, and reading the fixtures and reject reports.

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "ingest/import_plan.h"
#include "ingest/record.h"
#include "storage/database.h"

namespace imagross::ingest::testing {

// Reads a header and rows from memory, numbering records from line 2 like a CSV file.
class MemoryRecordReader final : public RecordReader {
 public:
  MemoryRecordReader(std::vector<std::string> header, std::vector<std::vector<std::string>> rows)
      : header_(std::move(header)), rows_(std::move(rows)) {}

  const std::vector<std::string>& header() const override { return header_; }
  bool next(Record& record) override {
    if (position_ == rows_.size()) {
      return false;
    }
    record.line = static_cast<int64_t>(position_) + 2;
    record.fields = rows_[position_++];
    record.error.reset();
    return true;
  }
  uint64_t bytes_read() const override { return position_; }
  uint64_t bytes_total() const override { return rows_.size(); }
  FileFormat format() const override { return FileFormat::csv; }

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  std::size_t position_ = 0;
};

inline ReaderFactory memory_reader(std::vector<std::string> header,
                                   std::vector<std::vector<std::string>> rows) {
  return [header, rows]() -> Result<std::unique_ptr<RecordReader>> {
    return std::unique_ptr<RecordReader>(std::make_unique<MemoryRecordReader>(header, rows));
  };
}

// A fresh directory under the system's temporary directory, removed at destruction.
class ScratchDirectory {
 public:
  explicit ScratchDirectory(const std::string& name)
      : path_(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// The path of the fixture `name` in tests/fixtures/`directory` of the source tree.
inline std::string fixture_file(const std::string& directory, const std::string& name) {
  return (std::filesystem::path(IMAGROSS_SOURCE_DIR) / "tests" / "fixtures" / directory / name)
      .string();
}

// The whole content of the file at `path`, or "" when it cannot be opened.
inline std::string read_text(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace imagross::ingest::testing
