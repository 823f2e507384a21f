// Exact decimal amounts for rules: model::Amount strings ("1250000.50") parsed into scaled integers.
// No floating point in sums and comparisons, so "assets = liabilities + equity" is decided exactly.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace onb::validation {

// Fixed scale of 10^-4: enough for every ISO 4217 minor unit (CLF has 4).
inline constexpr std::int64_t amount_scale = 10'000;
// The largest magnitude in currency units: 900 trillion still fits int64 at scale 10^4 and covers the
// revenue of the largest companies in KRW, VND or IDR. Rules that add amounts use checked arithmetic.
inline constexpr std::int64_t max_amount_units = 900'000'000'000'000;
inline constexpr int max_amount_integer_digits = 15;

struct Decimal {
  std::int64_t scaled = 0;  // value × amount_scale
  int decimals = 0;         // how many decimals the text had
};

// Strict: optional '-', 1..15 digits (at most max_amount_units), optional '.' followed by 1..4 digits.
// nullopt otherwise (exponents, '+', spaces, thousands separators, empty text).
std::optional<Decimal> parse_amount(std::string_view text);

}  // namespace onb::validation
