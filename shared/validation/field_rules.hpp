// The field-level checks every part of the application shares (text, countries, currencies, dates,
// e-mail, URLs, phone numbers, amounts), behind one Checker that collects problems for a rule file.
// Internal to validation/: callers outside use application.hpp. Paths are built only on failure.
#pragma once

#include "shared/core/calendar.hpp"
#include "shared/model/money.hpp"
#include "shared/validation/amount.hpp"
#include "shared/validation/messages.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace onb::validation {

// Limits in code points; each names what real data needs and leaves room.
inline constexpr std::size_t max_name_length = 200;       // longest EU register names ≈160
inline constexpr std::size_t max_short_text = 100;        // street lines, cities, legal forms, job titles
inline constexpr std::size_t max_identifier_length = 64;  // register, account and document numbers
inline constexpr std::size_t max_email_length = 254;      // RFC 5321 path limit
inline constexpr std::size_t max_url_length = 2048;

struct Checker {
  Problems& out;
  Date today;

  void add(std::string_view base, std::string_view field, std::string_view code, Params params = {});

  // Well-formed UTF-8, no control characters, at most max_len code points; `required` also rejects
  // blank text. Returns false when a problem was reported (or a required value is missing).
  bool text(std::string_view base, std::string_view field, std::string_view value, std::size_t max_len, bool required);
  bool country(std::string_view base, std::string_view field, std::string_view value, bool required = true);
  bool currency(std::string_view base, std::string_view field, std::string_view value);
  // A real calendar date; `past`: not after today, `future`: after today. nullopt if absent or invalid.
  enum class When { any, not_future, future };
  std::optional<Date> date(std::string_view base, std::string_view field, std::string_view value, When when);
  bool email(std::string_view base, std::string_view field, std::string_view value, bool required = true);
  bool url(std::string_view base, std::string_view field, std::string_view value);
  bool phone(std::string_view base, std::string_view field, std::string_view value, bool required = true);
  // An amount in `currency` (decimals checked against its minor unit when `currency` is known).
  std::optional<Decimal> amount(std::string_view base, std::string_view field, std::string_view value,
                                std::string_view currency, bool allow_negative);
  std::optional<Decimal> money(std::string_view base, std::string_view field, const model::Money& m,
                               bool allow_negative);
};

// "/a/b" from base "/a" and field "b"; base alone when field is empty.
std::string join_path(std::string_view base, std::string_view field);

}  // namespace onb::validation
