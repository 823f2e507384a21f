// Country calling codes and the possible lengths of national significant numbers, per region, from
// libphonenumber's metadata (Debian python3-phonenumbers, generated into phone_plan.inc by
// scripts/gen-reference-data.py). Lookups only; the phone-number rule is in validation/phone.*.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace onb::reference {

struct PhoneRegion {
  std::string_view alpha_2;    // region (ISO 3166-1 alpha-2, plus a few non-geographic like "AC")
  std::uint16_t calling_code;  // 49 for DE, 1 for the whole NANP
  std::uint32_t length_mask;   // bit n set: a national significant number may have n digits
};

std::span<const PhoneRegion> phone_regions();  // sorted by alpha_2

std::optional<PhoneRegion> find_phone_region(std::string_view alpha_2);

// The calling code at the start of `digits` (E.164 codes are prefix-free, 1 to 3 digits) and the
// union of the possible national lengths of every region sharing it; nullopt when none matches.
struct CallingCode {
  std::uint16_t code = 0;
  std::size_t digits = 0;  // how many leading digits the code took
  std::uint32_t length_mask = 0;
};
std::optional<CallingCode> match_calling_code(std::string_view digits);

}  // namespace onb::reference
