// Personal numbers that some VAT schemes accept in place of a company number (Bulgarian EGN and
// PNF, Czech/Slovak birth number RČ, Romanian CNP). Internal to shared/ids; they are only checked
// here as far as the VAT rules need them, not registered as schemes of their own.
#pragma once

#include "shared/ids/scheme.hpp"

#include <string_view>

namespace onb::ids::detail {

bool bg_egn_valid(std::string_view n);      // 10 digits with a birth date; weights 2,4,8,5,10,9,7,3,6
bool bg_pnf_valid(std::string_view n);      // 10 digits; weights 21,19,17,13,11,9,7,3,1 mod 10
Check cz_rc_validate(std::string_view n);   // 9 or 10 digits, birth date, mod 11 for 10 digits
Check ro_cnp_validate(std::string_view n);  // 13 digits, birth date, weights 279146358279 mod 11

}  // namespace onb::ids::detail
