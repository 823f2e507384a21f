// ISO 4217 minor units (how many decimals an amount in a currency may have). Debian's iso-codes does
// not carry them, so the exceptions to the common 2 are listed here from ISO 4217's list one table.
// Lookups only; the amount rules are in validation/amount.*.
#pragma once

#include <string_view>

namespace onb::reference {

// 0 for JPY, 3 for KWD, 4 for CLF, 2 for every other code (including unknown ones: validators report
// an unknown currency separately and should not add a second problem about its decimals).
int currency_minor_digits(std::string_view alpha_3);

}  // namespace onb::reference
