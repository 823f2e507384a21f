// Variants of two schemes that python-stdnum exposes as keyword arguments. The registered schemes
// use stdnum's defaults (IBAN with the national checks, RFC without its check digits); callers that
// need the other behaviour call these directly.
#pragma once

#include "shared/ids/scheme.hpp"

#include <string_view>

namespace onb::ids {

// iban.validate(number, check_country=...): the national checks (BE, ES, ME, NO account numbers).
Check validate_iban(std::string_view input, bool check_country);

// mx.rfc.validate(number, validate_check_digits=...): also checks the homoclave's check digit.
Check validate_mx_rfc(std::string_view input, bool check_digits);

}  // namespace onb::ids
