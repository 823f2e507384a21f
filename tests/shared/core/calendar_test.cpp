// Dates and instants: the calendar arithmetic SLA clocks and document expiry rules rely on.
#include "shared/core/calendar.hpp"

#include "../support.hpp"

using onb::Date;

TEST_CASE("civil dates") {
  SUBCASE("round trip through day numbers, around the epoch and leap days") {
    for (std::int64_t z : {-800000LL, -1LL, 0LL, 1LL, 11016LL, 19782LL, 2932896LL})
      CHECK(onb::days_from_civil(onb::civil_from_days(z)) == z);
    CHECK(onb::days_from_civil({1970, 1, 1}) == 0);
    CHECK(onb::days_from_civil({2000, 3, 1}) - onb::days_from_civil({2000, 2, 28}) == 2);
  }
  SUBCASE("weekdays") {
    CHECK(onb::weekday({1970, 1, 1}) == 3);   // Thursday
    CHECK(onb::weekday({2026, 11, 22}) == 6);  // Sunday
    CHECK(onb::weekday({2024, 2, 29}) == 3);
  }
  SUBCASE("strict parsing") {
    CHECK(onb::parse_date("2024-02-29") == Date{2024, 2, 29});
    CHECK_FALSE(onb::parse_date("2023-02-29"));
    CHECK_FALSE(onb::parse_date("2023-2-28"));
    CHECK_FALSE(onb::parse_date("2023-13-01"));
    CHECK_FALSE(onb::parse_date("2023-01-01x"));
    CHECK(onb::format_date({987, 6, 5}) == "0987-06-05");
  }
  SUBCASE("month arithmetic clamps the day") {
    CHECK(onb::add_months({2024, 1, 31}, 1) == Date{2024, 2, 29});
    CHECK(onb::add_months({2024, 3, 15}, -18) == Date{2022, 9, 15});
  }
}

TEST_CASE("instants") {
  CHECK(onb::parse_instant("1970-01-01T00:00:00Z") == 0);
  CHECK(onb::parse_instant("2026-11-22T10:30:00.123Z") == onb::parse_instant("2026-11-22T10:30:00Z"));
  CHECK(onb::parse_instant("2026-11-22T12:30:00+02:00") == onb::parse_instant("2026-11-22T10:30:00Z"));
  CHECK_FALSE(onb::parse_instant("2026-11-22 10:30:00Z"));
  CHECK_FALSE(onb::parse_instant("2026-11-22T10:30:00"));
  CHECK(onb::format_instant(*onb::parse_instant("2026-11-22T10:30:05Z")) == "2026-11-22T10:30:05Z");
  CHECK(onb::format_instant(-1) == "1969-12-31T23:59:59Z");
  CHECK(onb::date_of(-1) == Date{1969, 12, 31});
}
