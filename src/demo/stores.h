#pragma once

// The 20 stores of the demo chain, PV01 to PV20. The list is fixed; only the opening dates move
// with the period so that two stores open during it whatever its end date.

#include <cstdint>
#include <span>
#include <string_view>

namespace imagross::demo {

struct StoreSpec {
  std::string_view code;  // "PV01"
  std::string_view name;
  std::string_view city;
  std::string_view province;  // two-letter code, e.g. "MI"
  std::string_view region;
  std::string_view area_code;  // landline prefix of the city, e.g. "02"
  uint32_t sales_area_m2;      // also the store's relative share of customers
  // Opening day relative to the first day of the period: negative for stores that opened
  // before it, positive for the two that open during it.
  int32_t opening_offset_days;
};

std::span<const StoreSpec> store_specs();

// Opening day of `store` for a period that starts on `first_day`.
int32_t store_opening_day(const StoreSpec& store, int32_t first_day);

}  // namespace imagross::demo
