#pragma once

// Turns one record of a members file into a member with its card, or into the reasons it cannot
// be one.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/card_number.h"
#include "domain/member.h"
#include "ingest/convert/row_fields.h"
#include "ingest/mapping/member_field.h"
#include "storage/member_store.h"

namespace imagross::ingest {

class MemberConverter {
 public:
  // `now` (ISO 8601 UTC) is the time of the import: dates after it are rejected, and it is the
  // consent time of a member without a sign-up date.
  MemberConverter(ColumnMapping mapping, FileFormats formats, CardPolicy policy, std::string now,
                  bool check_width, char delimiter);

  // Fills `row` from `record`: the card number validated, names, e-mail and phone normalised,
  // dates as YYYY-MM-DD. Returns false, and appends one rejection per problem, when the row
  // cannot be imported. A card number that an earlier row of the file has is rejected.
  bool convert(const Record& record, MemberImportRow& row, std::vector<Rejection>& rejections);

  const ColumnMapping& mapping() const { return row_.mapping(); }
  void follow_header(const std::vector<std::string>& header) { row_.follow_header(header); }

 private:
  void convert_card(const Record& record, MemberImportRow& row);
  void convert_names(const Record& record, Member& member);
  void convert_contacts(const Record& record, Member& member);
  std::string convert_date(const Record& record, MemberField field);
  void convert_consents(const Record& record, Member& member);
  void check_repeated_card(const MemberImportRow& row);

  RowFields row_;
  CardPolicy policy_;
  std::string now_;
  int32_t today_ = 0;
  // Card number -> the line of the file's first row with it.
  std::unordered_map<std::string, int64_t> card_lines_;
};

// Reads a consent as exports write it: true/false, yes/no, sì/no, y/n, s/n, 1/0, in any case.
// nullopt for other text; callers treat an empty value as not given.
std::optional<bool> parse_consent(std::string_view text);

}  // namespace imagross::ingest
