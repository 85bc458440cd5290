#include "demo/demo_data.h"

#include <system_error>

#include "common/civil_time.h"
#include "common/decimal.h"
#include "common/time_zone.h"
#include "demo/catalog.h"
#include "demo/csv_writer.h"
#include "demo/members.h"
#include "demo/random.h"
#include "demo/sales_generator.h"
#include "demo/stores.h"

namespace imagross::demo {
namespace {

// Independent random streams, so that for instance the members do not change with --lines.
enum Stream : uint64_t { kCatalogStream = 1, kMemberStream = 2, kSalesStream = 3 };

Status check_lines(int64_t lines) {
  if (lines < 1 || lines > kMaxDemoLines) {
    return Error{"invalid_option", "invalid number of lines " + std::to_string(lines) +
                                       ": use a value from 1 to " + std::to_string(kMaxDemoLines)};
  }
  return {};
}

Status create_output_directory(const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) {
    return Error{"io_error", "cannot create the output directory '" + directory.string() +
                                 "': " + error.message()};
  }
  return {};
}

const char* yes_no(bool value) {
  return value ? "true" : "false";
}

Status write_members(const std::filesystem::path& path, const std::vector<Member>& members) {
  auto writer = CsvWriter::create(path);
  if (!writer.ok()) {
    return writer.error();
  }
  CsvWriter& out = **writer;
  out.write_row({"card_number", "first_name", "last_name", "email", "phone", "birth_date",
                 "signup_date", "home_store", "marketing_consent", "profiling_consent"});
  const auto stores = store_specs();
  for (const Member& member : members) {
    out.write_row({member.card_number, member.first_name, member.last_name, member.email,
                   member.phone, format_iso_date(member.birth_day),
                   format_iso_date(member.signup_day),
                   stores[static_cast<size_t>(member.home_store)].code,
                   yes_no(member.marketing_consent), yes_no(member.profiling_consent)});
  }
  return out.finish();
}

Status write_stores(const std::filesystem::path& path, int32_t first_day) {
  auto writer = CsvWriter::create(path);
  if (!writer.ok()) {
    return writer.error();
  }
  CsvWriter& out = **writer;
  out.write_row(
      {"store_id", "name", "city", "province", "region", "sales_area_m2", "opening_date"});
  for (const StoreSpec& store : store_specs()) {
    out.write_row({store.code, store.name, store.city, store.province, store.region,
                   std::to_string(store.sales_area_m2),
                   format_iso_date(store_opening_day(store, first_day))});
  }
  return out.finish();
}

Status write_products(const std::filesystem::path& path, const Catalog& catalog) {
  auto writer = CsvWriter::create(path);
  if (!writer.ok()) {
    return writer.error();
  }
  CsvWriter& out = **writer;
  out.write_row({"product_code", "product_name", "department", "unit", "list_price"});
  for (const Product& product : catalog.products()) {
    out.write_row({product.code, product.name, department_name(product.department),
                   unit_name(product.unit), format_milli(product.list_price, 2)});
  }
  return out.finish();
}

Result<SalesTotals> write_sales(const std::filesystem::path& path, const Catalog& catalog,
                                const std::vector<Member>& members, const TimeZone& zone,
                                SalesSettings settings) {
  auto writer = CsvWriter::create(path);
  if (!writer.ok()) {
    return writer.error();
  }
  CsvWriter& out = **writer;
  out.write_row(kSalesColumns);
  SalesGenerator generator(catalog, members, zone, std::move(settings));
  const SalesTotals totals = generator.write(out);
  if (Status status = out.finish(); !status.ok()) {
    return status.error();
  }
  return totals;
}

}  // namespace

Result<DemoDataSummary> generate_demo_data(const DemoDataOptions& options) {
  if (Status status = check_lines(options.lines); !status.ok()) {
    return status.error();
  }
  const auto end_day = parse_iso_date(options.end_date);
  if (!end_day.ok()) {
    return Error{"invalid_option", "invalid end date '" + options.end_date +
                                       "': expected an existing day written as YYYY-MM-DD, "
                                       "such as 2026-11-30"};
  }
  const auto zone = TimeZone::load(options.time_zone);
  if (!zone.ok()) {
    return zone.error();
  }
  if (Status status = create_output_directory(options.output_directory); !status.ok()) {
    return status.error();
  }

  DemoDataSummary summary;
  summary.last_day = *end_day;
  summary.first_day = add_months(*end_day, -24) + 1;
  const std::filesystem::path& directory = options.output_directory;

  const Catalog catalog = Catalog::build(derive_seed(options.seed, kCatalogStream));
  const std::vector<Member> members =
      generate_members(derive_seed(options.seed, kMemberStream), kDemoMemberCount,
                       summary.first_day, summary.last_day);

  SalesSettings settings{options.lines,
                         summary.first_day,
                         summary.last_day,
                         derive_seed(options.seed, kSalesStream),
                         {}};
  if (options.on_progress) {
    settings.on_progress = [&options](int64_t written) {
      options.on_progress(written, options.lines);
    };
  }
  auto totals = write_sales(directory / "sales.csv", catalog, members, **zone, settings);
  if (!totals.ok()) {
    return totals.error();
  }
  if (Status status = write_members(directory / "members.csv", members); !status.ok()) {
    return status.error();
  }
  if (Status status = write_stores(directory / "stores.csv", summary.first_day); !status.ok()) {
    return status.error();
  }
  if (Status status = write_products(directory / "products.csv", catalog); !status.ok()) {
    return status.error();
  }

  summary.lines = totals->lines;
  summary.receipts = totals->receipts;
  summary.return_receipts = totals->return_receipts;
  summary.card_receipts = totals->card_receipts;
  summary.promotion_lines = totals->promotion_lines;
  summary.members = static_cast<int64_t>(members.size());
  summary.stores = static_cast<int64_t>(store_specs().size());
  summary.products = static_cast<int64_t>(catalog.products().size());
  return summary;
}

}  // namespace imagross::demo
