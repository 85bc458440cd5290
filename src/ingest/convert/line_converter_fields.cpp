// The field conversions of LineConverter: timestamps, identifiers, quantities and money.

#include <fmt/format.h>

#include "ingest/convert/line_converter.h"
#include "ingest/convert/values.h"

namespace imagross::ingest {
namespace {

constexpr int32_t kSecondsPerDay = 86400;

int64_t local_seconds(const LocalDateTime& local) {
  return int64_t{local.day} * kSecondsPerDay + local.second_of_day;
}

// quantity x unit price - discount, exact in thousandths; nothing on overflow.
std::optional<int64_t> net_amount(int64_t quantity, int64_t unit_price, int64_t discount) {
  const auto gross = multiply_milli(quantity, unit_price);
  int64_t net = 0;
  if (!gross || __builtin_sub_overflow(*gross, discount, &net)) {
    return std::nullopt;
  }
  return net;
}

}  // namespace

void LineConverter::convert_timestamp(const Record& record, ReceiptLine& line) {
  const bool separate = !mapping().has(SalesField::timestamp);
  const SalesField date_field = separate ? SalesField::date : SalesField::timestamp;
  const std::string_view text = row_.value(record, date_field);
  if (text.empty()) {
    row_.reject(date_field, text,
                "the date is empty; every line needs the date and time of its sale");
    return;
  }
  // An XLSX date cell contains an Excel serial whatever the file's text dates look like.
  const bool date_cell = row_.is_date_cell(record, date_field);
  // Rows of a receipt share their timestamp, so the last text converted is kept with its result.
  const bool one_text = !separate && !date_cell;
  if (one_text && last_timestamp_ && text == last_timestamp_text_) {
    line.timestamp = *last_timestamp_;
    return;
  }
  const std::optional<int64_t> instant = parse_timestamp(record, date_field, text);
  if (!instant) {
    return;
  }
  line.timestamp = *instant;
  if (one_text) {
    last_timestamp_text_.assign(text);
    last_timestamp_ = instant;
  }
}

// Returns the UTC time of `text` in `date_field`, with the time column when the file has one.
// Returns nothing, after rejecting the row, when it is not a valid time.
std::optional<int64_t> LineConverter::parse_timestamp(const Record& record, SalesField date_field,
                                                      std::string_view text) {
  const bool separate = date_field == SalesField::date;
  const std::optional<DateTimeValue> parsed = row_.parse_date(record, date_field, text);
  if (!parsed) {
    return std::nullopt;
  }
  DateTimeValue moment = *parsed;
  std::string date_and_time;  // for separate columns: both, as a rejection names them
  std::string_view reported_value = text;

  if (separate && mapping().has(SalesField::time)) {
    const std::string_view time_text = row_.value(record, SalesField::time);
    // Spreadsheets write a date cell with a midnight time; any other time is a contradiction.
    if (moment.has_time && moment.local.second_of_day != 0) {
      row_.reject(
          date_field, text,
          fmt::format("'{}' has a time of day, and the separate time column has '{}' as well; "
                      "keep the time in one place",
                      text, time_text));
      return std::nullopt;
    }
    auto seconds = parse_time_of_day(time_text);
    if (!seconds.ok()) {
      row_.reject(SalesField::time, time_text, seconds.error().message + "; correct the time");
      return std::nullopt;
    }
    moment.local.second_of_day = *seconds;
    date_and_time = fmt::format("{} {}", text, time_text);
    reported_value = date_and_time;
  }

  if (moment.utc_offset) {
    return local_seconds(moment.local) - *moment.utc_offset;
  }
  auto instant = zone_->to_utc(moment.local);
  if (!instant.ok()) {
    row_.reject(date_field, reported_value,
                fmt::format("'{}' does not exist in {}: clocks skip that hour when summer time "
                            "starts; correct the time, or set --time-zone to the zone of the tills",
                            reported_value, zone_->name()));
    return std::nullopt;
  }
  return *instant;
}

void LineConverter::convert_identifiers(const Record& record, ReceiptLine& line) {
  const std::string_view store = row_.value(record, SalesField::store_id);
  if (store.empty()) {
    row_.reject(
        SalesField::store_id, store,
        "the store code is empty; fill it in, or set a constant store_id in a mapping file");
  }
  line.store_code.assign(store);

  const std::string_view product = row_.value(record, SalesField::product_code);
  if (product.empty()) {
    row_.reject(SalesField::product_code, product,
                "the product code is empty; every line needs one");
  }
  line.product_code.assign(product);

  // A blank card number is a receipt without a card, never a customer named "".
  const std::string_view card = row_.value(record, SalesField::card_number);
  line.card_number.assign(card);

  const std::pair<SalesField, std::string_view> identifiers[] = {
      {SalesField::store_id, store},
      {SalesField::product_code, product},
      {SalesField::card_number, card}};
  for (const auto& [field, text] : identifiers) {
    if (is_scientific_notation(text)) {
      row_.reject(field, text, scientific_notation_reason(text));
    }
  }
  assign_text(record, SalesField::product_name, line.product_name);
  assign_text(record, SalesField::department, line.department);
  assign_text(record, SalesField::promo_code, line.promo_code);
}

std::optional<int64_t> LineConverter::parse_number(const Record& record, SalesField field) {
  const std::string_view text = row_.value(record, field);
  auto parsed = parse_milli(text, row_.formats().numbers);
  if (parsed.ok()) {
    return *parsed;
  }
  if (text.empty()) {
    row_.reject(field, text, fmt::format("the {} is empty; fill it in", field_name(field)));
    return std::nullopt;
  }
  row_.reject(field, text,
              fmt::format("{}; this file writes numbers with a {}; correct the value, or set "
                          "--locale if that was detected wrongly",
                          parsed.error().message, row_.formats().numbers_explained));
  return std::nullopt;
}

void LineConverter::convert_money(const Record& record, bool cancellation, ReceiptLine& line) {
  const auto quantity = parse_number(record, SalesField::quantity);
  line.quantity = quantity.value_or(0);
  if (quantity && cancellation && *quantity > 0) {
    row_.reject(
        SalesField::quantity, row_.value(record, SalesField::quantity),
        fmt::format("the receipt '{}' is a cancellation document (its id starts with '{}'), "
                    "so its quantities must be negative; correct the sign",
                    line.receipt_code, mapping().cancellation_prefix));
  }

  line.discount = 0;
  if (!row_.value(record, SalesField::discount).empty()) {
    line.discount = parse_number(record, SalesField::discount).value_or(0);
  }

  const bool has_amount = !row_.value(record, SalesField::amount).empty();
  std::optional<int64_t> amount;
  if (has_amount) {
    amount = parse_number(record, SalesField::amount);
  }
  if (mapping().has(SalesField::unit_price)) {
    const auto price = parse_number(record, SalesField::unit_price);
    line.unit_price = price.value_or(0);
    if (!has_amount && quantity && price) {
      amount = net_amount(*quantity, *price, line.discount);
      if (!amount) {
        row_.reject(SalesField::unit_price, row_.value(record, SalesField::unit_price),
                    "quantity x unit price is too large to store; correct the value");
      }
    }
  } else if (!has_amount) {
    row_.reject(SalesField::amount, {}, "the amount is empty; fill it in");
  } else if (amount && quantity) {
    int64_t gross = 0;
    std::optional<int64_t> price;
    if (!__builtin_add_overflow(*amount, line.discount, &gross)) {
      price = divide_milli(gross, *quantity);
    }
    if (!price) {
      row_.reject(SalesField::amount, row_.value(record, SalesField::amount),
                  "the amount is too large to store; correct the value");
    }
    line.unit_price = price.value_or(0);
  }
  line.amount = amount.value_or(0);
  if (row_.row_ok()) {
    check_limits(record, line);
  }
}

// Rejects a line beyond the limits that every receipt line keeps (domain/receipt_line.h). A
// value the file leaves out and the converter derived (the amount from the unit price, or the
// other way round) is reported on the column it came from.
void LineConverter::check_limits(const Record& record, const ReceiptLine& line) {
  const std::optional<LineProblem> problem =
      check_line_limits(line.quantity, line.unit_price, line.discount, line.amount);
  if (!problem) {
    return;
  }
  SalesField field = SalesField::amount;
  switch (problem->field) {
    case LineField::quantity:
      field = SalesField::quantity;
      break;
    case LineField::unit_price:
      field = SalesField::unit_price;
      break;
    case LineField::discount:
      field = SalesField::discount;
      break;
    case LineField::amount:
      field = SalesField::amount;
      break;
  }
  if (field == SalesField::amount && row_.value(record, field).empty()) {
    field = SalesField::unit_price;
  } else if (field == SalesField::unit_price &&
             (!mapping().has(field) || row_.value(record, field).empty())) {
    field = SalesField::amount;
  }
  row_.reject(field, row_.value(record, field), problem->message);
}

}  // namespace imagross::ingest
