// Check-digit algorithms shared by several schemes (Luhn, ISO 7064, weighted sums) and the calendar
// test the personal-number schemes embed. Pure arithmetic on already-validated ASCII; callers check
// the characters first. Scheme rules (which algorithm, which weights) stay in the scheme's file.
#pragma once

#include <initializer_list>
#include <string_view>

namespace onb::ids::detail {

// Luhn mod N over `number` in `alphabet` (index = value); 0 for a valid number, -1 if a character is
// not in the alphabet. With the 36-character alphabet this is the GSTIN variant.
int luhn_checksum(std::string_view number, std::string_view alphabet = "0123456789");
// The digit that makes luhn_checksum(number + digit) == 0.
char luhn_check_digit(std::string_view number);

// ISO 7064 MOD 11,10 (hybrid system): 1 for a valid number. Digits only.
int mod_11_10_checksum(std::string_view digits);

// ISO 7064 MOD 97-10 over digits and letters (A=10 ... Z=35 expanded in place): 1 for a valid
// number, -1 for a character outside 0-9A-Z. Computed piecewise, so any length works.
int mod_97_10_checksum(std::string_view alnum);

// Sum of weight[i] * digit[i] over the shorter of the two (Python's zip()).
long weighted_sum(std::string_view digits, std::initializer_list<int> weights);

// Python's `a % b` for b > 0 (never negative).
inline long long py_mod(long long a, long long b) { return ((a % b) + b) % b; }

// A real proleptic Gregorian day, as datetime.date accepts (years 1..9999).
bool is_valid_date(int year, int month, int day);

}  // namespace onb::ids::detail
