#pragma once

// The part of a members or points import that follows open_import: reading and converting the
// rows, writing them batch after batch, and completing or failing the import.

#include <algorithm>
#include <cstdint>
#include <exception>
#include <functional>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ingest/import_summary.h"
#include "ingest/import_tracker.h"
#include "ingest/record.h"
#include "ingest/report/reject_report.h"
#include "ingest/report/rejection.h"

namespace imagross::ingest {

// The rows read since the last write.
template <typename Row>
struct RowBatch {
  std::vector<Row> rows;              // the rows that passed the converter's checks
  std::vector<int64_t> lines;         // the file line of each of `rows`
  std::vector<Rejection> rejections;  // the converter's reasons, sorted by line
  int64_t records = 0;
  int64_t rejected_rows = 0;
  uint64_t bytes_read = 0;  // the file position after the batch
};

// Writes the rows of a batch to the database and counts each outcome in the import record. Rows
// that the database rejects go to `rejected`, sorted by line.
template <typename Row>
using RowWriter = std::function<void(RowBatch<Row>& batch, std::vector<Rejection>& rejected)>;

namespace detail {

template <typename Row>
void write_batch(ImportTracker& tracker, RowBatch<Row>& batch, const RowWriter<Row>& write_rows) {
  std::vector<Rejection> rejected;
  if (tracker.database() != nullptr) {
    write_rows(batch, rejected);
  } else {
    tracker.record().imported += static_cast<int64_t>(batch.rows.size());
  }
  const auto rejected_rows = batch.rejected_rows + static_cast<int64_t>(rejected.size());
  tracker.finish_batch(batch.records, rejected_rows, batch.bytes_read,
                       merge_by_line(batch.rejections, rejected));
  batch = RowBatch<Row>{};
}

// Reads, converts and writes batch after batch. A read error (a truncated file, an I/O failure)
// ends the file: the rows read before it are written, and the import is marked failed.
template <typename Row, typename Converter>
void read_rows(ImportTracker& tracker, RecordReader& reader, Converter& converter, int batch_size,
               const RowWriter<Row>& write_rows) {
  const auto rows_per_batch = static_cast<int64_t>(std::max(1, batch_size));
  RowBatch<Row> batch;
  Record record;
  Row row;
  std::string read_error;
  try {
    while (reader.next(record)) {
      ++batch.records;
      if (reader.header().size() != converter.mapping().header.size()) {
        converter.follow_header(reader.header());
      }
      if (converter.convert(record, row, batch.rejections)) {
        batch.rows.push_back(std::move(row));
        batch.lines.push_back(record.line);
      } else {
        ++batch.rejected_rows;
      }
      if (batch.records >= rows_per_batch) {
        batch.bytes_read = reader.bytes_read();
        write_batch(tracker, batch, write_rows);
      }
    }
  } catch (const ReadError& error) {
    read_error = error.what();
  }
  batch.bytes_read = reader.bytes_read();
  if (batch.records > 0) {
    write_batch(tracker, batch, write_rows);
  }
  if (!read_error.empty()) {
    tracker.fail(read_error);
  }
}

}  // namespace detail

// Imports the rows of `reader` with `converter`, `batch_size` records per batch, and completes
// the import unless a read error failed it. `Converter` has the members mapping(),
// follow_header(header) and convert(record, row, rejections), which returns false for a rejected
// row. On a dry run (tracker.database() null) the rows are counted as imported, not written.
// A reject report that cannot be written fails the import. Any other exception fails the import
// and is rethrown: the batches written before it stay imported.
template <typename Row, typename Converter>
ImportSummary import_rows(ImportTracker& tracker, RecordReader& reader, Converter& converter,
                          int batch_size, const RowWriter<Row>& write_rows) {
  try {
    detail::read_rows<Row>(tracker, reader, converter, batch_size, write_rows);
    tracker.close_report();
  } catch (const ReportError& error) {
    tracker.fail(error.what());
    return tracker.summary();
  } catch (const std::exception& error) {
    tracker.fail(fmt::format("{}; the batches written before stay imported", error.what()));
    throw;
  }
  if (tracker.fatal_error().empty()) {
    tracker.complete();
  }
  return tracker.summary();
}

}  // namespace imagross::ingest
