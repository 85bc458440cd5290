#include "export/member_table.h"

#include "common/civil_time.h"

namespace imagross {
namespace {

Cell text_cell(const std::string& text) {
  return text.empty() ? Cell::empty() : Cell::of_text(text);
}

// Dates stored as YYYY-MM-DD become date cells, so that a spreadsheet sorts them as dates.
Cell date_cell(const std::string& text) {
  const Result<int32_t> day = parse_iso_date(text);
  return day ? Cell::date(*day) : text_cell(text);
}

Cell flag_cell(bool value) {
  return Cell::of_text(value ? "true" : "false");
}

std::vector<Cell> member_row(const Member& member) {
  const Card* card = current_card(member);
  return {
      Cell::integer(member.id),
      card != nullptr ? Cell::of_text(card->number) : Cell::empty(),
      card != nullptr ? Cell::of_text(card_status_name(card->status)) : Cell::empty(),
      text_cell(member.first_name),
      text_cell(member.last_name),
      text_cell(member.email),
      text_cell(member.phone),
      date_cell(member.birth_date),
      date_cell(member.signup_date),
      text_cell(member.home_store),
      Cell::of_text(member_status_name(member.status)),
      flag_cell(member.marketing.granted),
      flag_cell(member.profiling.granted),
  };
}

}  // namespace

Table members_table() {
  return Table{"members",
               {{"id", 9},
                {"card_number", 16},
                {"card_status", 12},
                {"first_name", 18},
                {"last_name", 20},
                {"email", 32},
                {"phone", 16},
                {"birth_date", 12},
                {"signup_date", 12},
                {"home_store", 11},
                {"status", 10},
                {"marketing_consent", 18},
                {"profiling_consent", 18}},
               {}};
}

void append_member_rows(Table& table, std::span<const Member> members) {
  table.rows.reserve(table.rows.size() + members.size());
  for (const Member& member : members) {
    table.rows.push_back(member_row(member));
  }
}

}  // namespace imagross
