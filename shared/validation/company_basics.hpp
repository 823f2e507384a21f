// Rules for the company basics form (legal name, country, VAT number), run as the applicant types
// and again by the server. Returns every problem at once; never throws.
#pragma once

#include "shared/model/company_basics.hpp"
#include "shared/validation/problem.hpp"

namespace onb::validation {

inline constexpr std::size_t max_legal_name_length = 200;  // code points; longest EU register entries ≈160

Problems validate_company_basics(const model::CompanyBasics& c);

}  // namespace onb::validation
