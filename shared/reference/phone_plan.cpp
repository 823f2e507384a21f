#include "shared/reference/phone_plan.hpp"

#include <algorithm>
#include <array>

namespace onb::reference {
namespace {

constexpr PhoneRegion k_regions[] = {
#include "shared/reference/phone_plan.inc"
};

// Calling code (0..999) → union of the length masks of its regions; 0 = unassigned. Built at compile
// time so that a lookup is an array index.
constexpr std::array<std::uint32_t, 1000> k_by_code = [] {
  std::array<std::uint32_t, 1000> out{};
  for (const auto& r : k_regions) out[r.calling_code] |= r.length_mask;
  return out;
}();

}  // namespace

std::span<const PhoneRegion> phone_regions() { return k_regions; }

std::optional<PhoneRegion> find_phone_region(std::string_view alpha_2) {
  const auto* it = std::lower_bound(std::begin(k_regions), std::end(k_regions), alpha_2,
                                    [](const PhoneRegion& r, std::string_view c) { return r.alpha_2 < c; });
  if (it == std::end(k_regions) || it->alpha_2 != alpha_2) return std::nullopt;
  return *it;
}

std::optional<CallingCode> match_calling_code(std::string_view digits) {
  unsigned code = 0;
  for (std::size_t n = 1; n <= 3 && n <= digits.size(); ++n) {
    const char c = digits[n - 1];
    if (c < '0' || c > '9') return std::nullopt;
    code = code * 10 + static_cast<unsigned>(c - '0');
    if (k_by_code[code] != 0) return CallingCode{static_cast<std::uint16_t>(code), n, k_by_code[code]};
  }
  return std::nullopt;
}

}  // namespace onb::reference
