#include "ingest/points_import.h"

#include <algorithm>
#include <ctime>
#include <unordered_map>
#include <vector>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "common/civil_time.h"
#include "domain/contact.h"
#include "ingest/convert/row_fields.h"
#include "ingest/import_run.h"
#include "ingest/mapping/points_field.h"
#include "ingest/mapping/presets.h"
#include "ingest/row_import.h"

namespace imagross {
namespace ingest {
namespace {

constexpr int kSecondsPerDay = 86'400;

// A row that passed the checks of the file alone; the member is looked up when it is written.
struct PointsRow {
  OpeningEntry entry;  // member_id still 0
  std::string card_number;
  std::string email;
};

using PointsBatch = RowBatch<PointsRow>;

// The largest entry either way, the same as the largest adjustment of the API.
constexpr int64_t kMaxEntryPoints = 1'000'000'000;
// 2000-01-01 as days since 1970-01-01: no loyalty entry of the chain is older.
constexpr int32_t kFirstEntryDay = 10'957;

// Parses whole points with an optional sign: "150", "+150", "-20".
std::optional<int64_t> parse_points(std::string_view text) {
  std::size_t at = 0;
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    at = 1;
  }
  if (at == text.size() || text.size() - at > 18) {
    return std::nullopt;
  }
  int64_t value = 0;
  for (; at < text.size(); ++at) {
    if (text[at] < '0' || text[at] > '9') {
      return std::nullopt;
    }
    value = value * 10 + (text[at] - '0');
  }
  return negative ? -value : value;
}

// Turns one record of a points file into a row, or into the reasons it cannot be one.
class PointsConverter {
 public:
  PointsConverter(ColumnMapping mapping, FileFormats formats, std::shared_ptr<const TimeZone> zone,
                  CardPolicy policy, bool check_width, char delimiter)
      : row_(std::move(mapping), std::move(formats), check_width, delimiter),
        zone_(std::move(zone)),
        policy_(std::move(policy)) {}

  bool convert(const Record& record, PointsRow& row, std::vector<Rejection>& rejections);

  const ColumnMapping& mapping() const { return row_.mapping(); }
  void follow_header(const std::vector<std::string>& header) { row_.follow_header(header); }

 private:
  void convert_member(const Record& record, PointsRow& row);
  void convert_points(const Record& record, PointsRow& row);
  std::optional<int32_t> convert_dates(const Record& record, PointsRow& row);
  void check_repeated_id(const PointsRow& row);

  RowFields row_;
  std::shared_ptr<const TimeZone> zone_;
  CardPolicy policy_;
  std::unordered_map<std::string, int64_t> id_lines_;  // external id -> its first line
};

bool PointsConverter::convert(const Record& record, PointsRow& row,
                              std::vector<Rejection>& rejections) {
  row = PointsRow{};
  if (!row_.begin(record, rejections)) {
    return false;
  }
  row.entry.external_id.assign(row_.value(record, PointsField::external_id));
  if (row.entry.external_id.empty()) {
    row_.reject(PointsField::external_id, "",
                "external_id is empty: give the entry's id in the previous system, so that "
                "importing the file again cannot add it twice");
  }
  convert_member(record, row);
  convert_points(record, row);
  convert_dates(record, row);
  row.entry.reason.assign(row_.value(record, PointsField::reason));
  if (row_.row_ok()) {
    check_repeated_id(row);
  }
  return row_.row_ok();
}

void PointsConverter::convert_member(const Record& record, PointsRow& row) {
  const std::string_view card = row_.value(record, PointsField::card_number);
  const std::string_view email = row_.value(record, PointsField::email);
  if (!card.empty()) {
    auto number = validate_card_number(card, policy_);
    if (!number.ok()) {
      row_.reject(PointsField::card_number, card, number.error().message);
      return;
    }
    row.card_number = std::move(number).value();
    return;
  }
  if (email.empty()) {
    row_.reject(PointsField::card_number, "",
                "the row names no member: give the card number, or the member's e-mail");
    return;
  }
  auto normalised = normalize_email(email);
  if (!normalised.ok()) {
    row_.reject(PointsField::email, email, normalised.error().message);
    return;
  }
  row.email = std::move(normalised).value();
}

void PointsConverter::convert_points(const Record& record, PointsRow& row) {
  const std::string_view text = row_.value(record, PointsField::points);
  const std::optional<int64_t> points = parse_points(text);
  if (!points) {
    row_.reject(
        PointsField::points, text,
        fmt::format("'{}' is not whole points: write a signed integer such as 150 or -20", text));
    return;
  }
  if (*points > kMaxEntryPoints || *points < -kMaxEntryPoints) {
    row_.reject(PointsField::points, text,
                fmt::format("{} points is beyond the limit of {} either way, the same as for an "
                            "adjustment; split the entry or correct the value",
                            *points, kMaxEntryPoints));
    return;
  }
  if (*points == 0) {
    row_.reject(PointsField::points, text,
                "points is 0: an entry must add or take away points; leave the row out");
    return;
  }
  row.entry.points = *points;
}

// Sets the entry's time and expiry date; returns the entry's local day.
std::optional<int32_t> PointsConverter::convert_dates(const Record& record, PointsRow& row) {
  const std::string_view text = row_.value(record, PointsField::date);
  if (text.empty()) {
    row_.reject(PointsField::date, text, "date is empty: give the day of the entry");
    return std::nullopt;
  }
  const auto parsed = row_.parse_date(record, PointsField::date, text);
  if (!parsed) {
    return std::nullopt;
  }
  int64_t at = 0;
  if (parsed->utc_offset) {
    at = int64_t{parsed->local.day} * kSecondsPerDay + parsed->local.second_of_day -
         *parsed->utc_offset;
  } else {
    const auto instant = zone_->to_utc(parsed->local);
    if (!instant.ok()) {
      row_.reject(PointsField::date, text, instant.error().message);
      return std::nullopt;
    }
    at = *instant;
  }
  const int32_t day = zone_->to_local(at).day;
  const int32_t today = zone_->to_local(std::time(nullptr)).day;
  if (day < kFirstEntryDay || day > today) {
    row_.reject(PointsField::date, text,
                fmt::format("the entry's day {} is outside 2000-01-01 to today ({}); correct the "
                            "date",
                            format_iso_date(day), format_iso_date(today)));
    return std::nullopt;
  }
  row.entry.at = fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(static_cast<std::time_t>(at)));

  const std::string_view expiry_text = row_.value(record, PointsField::expires_on);
  if (expiry_text.empty()) {
    return day;
  }
  if (row.entry.points < 0) {
    row_.reject(PointsField::expires_on, expiry_text,
                "negative points take points away and cannot expire: leave expires_on empty");
    return day;
  }
  const auto expiry = row_.parse_date(record, PointsField::expires_on, expiry_text);
  if (!expiry) {
    return day;
  }
  if (expiry->has_time && expiry->local.second_of_day != 0) {
    row_.reject(PointsField::expires_on, expiry_text,
                "expires_on has a time of day; write the date alone");
    return day;
  }
  if (expiry->local.day < day) {
    row_.reject(PointsField::expires_on, expiry_text,
                fmt::format("expires_on {} is before the entry's date {}; correct one of them",
                            format_iso_date(expiry->local.day), format_iso_date(day)));
    return day;
  }
  row.entry.expires_on = format_iso_date(expiry->local.day);
  return day;
}

void PointsConverter::check_repeated_id(const PointsRow& row) {
  const auto [first, inserted] = id_lines_.emplace(row.entry.external_id, row_.line());
  if (!inserted) {
    row_.reject(PointsField::external_id, row.entry.external_id,
                fmt::format("external_id '{}' is on line {} of this file already; each entry "
                            "needs its own id",
                            row.entry.external_id, first->second));
  }
}

class PointsImportRun {
 public:
  PointsImportRun(const std::string& source_name, const PointsImportOptions& options,
                  Database* database, const ProgressCallback& on_progress)
      : options_(options),
        tracker_("points", source_name, options, database, on_progress),
        database_(tracker_.database()) {}

  ImportSummary run(const ReaderFactory& open_reader);

 private:
  void write_rows(PointsBatch& batch, std::vector<Rejection>& refused);
  std::optional<int64_t> find_member(const PointsRow& row, int64_t line,
                                     std::vector<Rejection>& refused);

  const PointsImportOptions& options_;
  ImportTracker tracker_;
  Database* database_;  // null on a dry run
  std::string card_column_;
  std::string email_column_;
};

ImportSummary PointsImportRun::run(const ReaderFactory& open_reader) {
  auto opened =
      open_import(tracker_, options_, points_field_table(), find_points_preset, open_reader);
  if (!opened) {
    return tracker_.summary();
  }
  RecordReader& reader = *opened->reader;
  PointsConverter converter(std::move(opened->plan.mapping), opened->plan.formats,
                            opened->plan.zone, options_.card_policy,
                            reader.format() == FileFormat::csv, reader.delimiter());
  card_column_ = converter.mapping().column_name(PointsField::card_number);
  email_column_ = converter.mapping().column_name(PointsField::email);
  return import_rows<PointsRow>(
      tracker_, reader, converter, options_.batch_size,
      [this](PointsBatch& batch, std::vector<Rejection>& refused) { write_rows(batch, refused); });
}

// The member a row names; none, after adding the reason to `refused`, when the card or e-mail
// belongs to no member.
std::optional<int64_t> PointsImportRun::find_member(const PointsRow& row, int64_t line,
                                                    std::vector<Rejection>& refused) {
  MemberStore& members = database_->members();
  if (!row.card_number.empty()) {
    if (const auto member = members.find_member_by_card(row.card_number)) {
      return member->id;
    }
    const bool registered = members.find_card(row.card_number).has_value();
    refused.push_back(Rejection{
        line, card_column_, row.card_number,
        registered ? fmt::format("card {} belongs to no member (or was blocked or replaced): "
                                 "import the member first, or give the member's current card",
                                 row.card_number)
                   : fmt::format("card {} is unknown: no member holds it and the chain never "
                                 "issued it; check the number",
                                 row.card_number)});
    return std::nullopt;
  }
  if (const auto member = members.find_member_by_email(row.email)) {
    return member->id;
  }
  refused.push_back(Rejection{line, email_column_, row.email,
                              fmt::format("no member has the e-mail {}: check it, or give the "
                                          "member's card",
                                          row.email)});
  return std::nullopt;
}

void PointsImportRun::write_rows(PointsBatch& batch, std::vector<Rejection>& refused) {
  std::vector<OpeningEntry> entries;
  entries.reserve(batch.rows.size());
  for (std::size_t i = 0; i < batch.rows.size(); ++i) {
    PointsRow& row = batch.rows[i];
    const std::optional<int64_t> member = find_member(row, batch.lines[i], refused);
    if (member) {
      row.entry.member_id = *member;
      entries.push_back(row.entry);
    }
  }
  ImportRecord& record = tracker_.record();
  const std::vector<OpeningOutcome> outcomes =
      database_->points().write_openings(record.id, entries);
  for (const OpeningOutcome outcome : outcomes) {
    ++(outcome == OpeningOutcome::inserted ? record.imported : record.duplicates);
  }
  std::sort(refused.begin(), refused.end(),
            [](const Rejection& a, const Rejection& b) { return a.line < b.line; });
}

ImportSummary run_points_import(const std::string& source_name, const ReaderFactory& open_reader,
                                const PointsImportOptions& options, Database* database,
                                const ProgressCallback& on_progress) {
  PointsImportRun run(source_name, options, database, on_progress);
  return run.run(open_reader);
}

}  // namespace
}  // namespace ingest

ImportSummary import_points(const std::string& path, const PointsImportOptions& options,
                            Database& database, const ingest::ProgressCallback& on_progress) {
  return ingest::run_points_import(path, ingest::file_reader(path, options.reader), options,
                                   &database, on_progress);
}

ImportSummary check_points_file(const std::string& path, const PointsImportOptions& options,
                                const ingest::ProgressCallback& on_progress) {
  PointsImportOptions dry_run = options;
  dry_run.dry_run = true;
  return ingest::run_points_import(path, ingest::file_reader(path, options.reader), dry_run,
                                   nullptr, on_progress);
}

}  // namespace imagross
