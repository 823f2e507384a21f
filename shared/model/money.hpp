// Money on the wire: a decimal string plus an ISO 4217 code, {"amount": "250000.00", "currency": "EUR"}.
// Why a string and not a double or integer minor units: it is exact (no binary floating point), readable
// by people and by JavaScript without the 2^53 limit, and keeps each currency's own decimals (JPY 0,
// KWD 3). Rules parse it with validation/amount.hpp into exact scaled integers; nothing here computes.
#pragma once

#include <boost/describe.hpp>

#include <string>

namespace onb::model {

// A decimal number as text: optional '-', digits, optional '.' and decimals ("1250000.50"). No
// exponent, no thousands separators. Used alone where a currency is given once for many amounts.
using Amount = std::string;

struct Money {
  Amount amount;
  std::string currency;  // ISO 4217 alpha-3
};
BOOST_DESCRIBE_STRUCT(Money, (), (amount, currency))

}  // namespace onb::model
