#pragma once

// The chain's trading calendar as the demo data set models it: which days the stores open, their
// hours, and how busy each day and each hour is. Days are day numbers of common/civil_time.h.

#include <array>
#include <cstdint>

namespace imagross::demo {

// Kinds of trading day, each with its own opening hours and hourly profile.
enum class DayKind {
  closed,    // 1 January, Easter Sunday, 1 May, 25 December
  weekday,   // Monday to Friday, 8:00-21:00
  saturday,  // 8:00-21:00, busiest day of the week
  sunday,    // Sundays and public holidays, 9:00-14:00
  eve,       // 24 and 31 December, 8:00-19:00
};

// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm), as a day number.
int32_t easter_sunday(int year);

DayKind day_kind(int32_t day);

// Relative number of customers in each local hour 0-23 on a day of this kind: zero outside the
// opening hours, peaks late in the morning and early in the evening.
const std::array<uint32_t, 24>& hour_weights(DayKind kind);

// Relative volume of receipt lines on `day` for the whole chain, before store openings are
// taken into account. It combines the weekday, the month (December peak, August dip), the busy
// days before holidays and a growth of 14% from first_day to last_day.
uint64_t day_weight(int32_t day, int32_t first_day, int32_t last_day);

}  // namespace imagross::demo
