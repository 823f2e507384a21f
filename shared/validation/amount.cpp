#include "shared/validation/amount.hpp"

namespace onb::validation {

std::optional<Decimal> parse_amount(std::string_view s) {
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  std::int64_t units = 0;
  std::size_t i = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (i == static_cast<std::size_t>(max_amount_integer_digits)) return std::nullopt;  // before it could overflow
    units = units * 10 + (s[i] - '0');
  }
  if (i == 0 || units > max_amount_units) return std::nullopt;
  Decimal d;
  std::int64_t fraction = 0;
  if (i < s.size()) {
    if (s[i++] != '.') return std::nullopt;
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 4) fraction = fraction * 10 + (s[i++] - '0');
    d.decimals = static_cast<int>(i - start);
    if (d.decimals == 0 || i != s.size()) return std::nullopt;
  }
  for (int k = d.decimals; k < 4; ++k) fraction *= 10;
  d.scaled = units * amount_scale + fraction;
  if (negative) d.scaled = -d.scaled;
  return d;
}

}  // namespace onb::validation
