// Dates and instants as values. shared/ never reads a clock: "today" and "now" are passed in.
// On the wire a civil date is "YYYY-MM-DD" and an instant is RFC 3339 UTC "YYYY-MM-DDTHH:MM:SSZ";
// model structs hold those strings and rules parse them with these functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace onb {

struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  auto operator<=>(const Date&) const = default;
};

// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm) and back.
std::int64_t days_from_civil(Date d);
Date civil_from_days(std::int64_t days);

// 0 = Monday ... 6 = Sunday.
int weekday(Date d);

bool is_leap_year(int year);
int days_in_month(int year, int month);

// Strict "YYYY-MM-DD" with a real calendar day; nullopt otherwise.
std::optional<Date> parse_date(std::string_view s);
std::string format_date(Date d);

Date add_days(Date d, std::int64_t n);
Date add_months(Date d, int n);  // clamps the day to the target month's length

// Seconds since the Unix epoch, UTC.
using UnixSeconds = std::int64_t;

// Strict "YYYY-MM-DDTHH:MM:SSZ" (optionally with fractional seconds, which are dropped) or with a
// "+HH:MM"/"-HH:MM" offset; nullopt otherwise.
std::optional<UnixSeconds> parse_instant(std::string_view s);
std::string format_instant(UnixSeconds t);  // always "YYYY-MM-DDTHH:MM:SSZ"

inline Date date_of(UnixSeconds t) {
  return civil_from_days(t >= 0 ? t / 86400 : (t - 86399) / 86400);
}

}  // namespace onb
