// National VAT numbers of western member states: AT, BE, FR, IE, NL, SE (DE, DK, FI
// and LU are rows of eu_vat_table.cpp).
// Each follows the python-stdnum module of the same name (rules, order of checks, failure class).
#include "shared/ids/checksum.hpp"
#include "shared/ids/national.hpp"
#include "shared/ids/text.hpp"

#include <algorithm>

namespace onb::ids::detail {
namespace {

bool all_zero(std::string_view digits) {
  return std::all_of(digits.begin(), digits.end(), [](char c) { return c == '0'; });
}

// [SECTION] at.uid: "U" + 8 digits; the last is a Luhn variant: (6 - luhn(digits 2..8)) mod 10.
std::string at_compact(std::string_view in) { return compact_with(in, " -./", "AT"); }
Check at_validate(std::string_view in) {
  std::string n = at_compact(in);
  if (!n.starts_with('U') || !is_digits(py_slice(n, 1)))
    return fail(Failure::format, std::move(n), "An Austrian UID is U followed by digits.");
  if (n.size() != 9) return fail(Failure::length, std::move(n), "An Austrian UID has U and 8 digits.");
  const int check = static_cast<int>(py_mod(6 - luhn_checksum(n.substr(1, 7)), 10));
  if (n[8] != '0' + check) return fail(Failure::checksum, std::move(n), "The Austrian UID check digit does not match.");
  return ok(std::move(n));
}

// [SECTION] be.vat: 10 digits, first 0 or 1 (rule of python-stdnum HEAD); the last two digits are
// 97 - (first eight mod 97). Old 9-digit numbers get a leading 0.
std::string be_compact(std::string_view in) {
  std::string s = compact_with(in, " -./", "BE");
  if (s.starts_with("(0)")) s = "0" + s.substr(3);
  if (s.size() == 9) s.insert(0, 1, '0');
  return s;
}
Check be_validate(std::string_view in) {
  std::string n = be_compact(in);
  if (!is_digits(n) || all_zero(n))
    return fail(Failure::format, std::move(n), "A Belgian enterprise number has digits only, not all zero.");
  if (n.size() != 10) return fail(Failure::length, std::move(n), "A Belgian enterprise number has 10 digits.");
  if (n[0] != '0' && n[0] != '1') return fail(Failure::component, std::move(n), "A Belgian enterprise number starts with 0 or 1.");
  if ((to_int(n.substr(0, 8)) + to_int(n.substr(8))) % 97 != 0)
    return fail(Failure::checksum, std::move(n), "The Belgian MOD 97 check digits do not match.");
  return ok(std::move(n));
}

// [SECTION] fr.tva: 2 check characters + SIREN (Luhn). Numeric keys: (SIREN*100 + 12) mod 97;
// new-style keys use the 34-letter alphabet without I and O.
constexpr std::string_view fr_alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
std::string fr_compact(std::string_view in) { return compact_with(in, " -.", "FR"); }
bool fr_key_matches(std::string_view n) {
  const long long siren = to_int(n.substr(2));  // 64-bit: SIREN * 100 overflows 32-bit long (wasm)
  if (is_digit(n[0]) && is_digit(n[1])) return to_int(n.substr(0, 2)) == (siren * 100 + 12) % 97;
  const long a = static_cast<long>(fr_alphabet.find(n[0]));
  const long b = static_cast<long>(fr_alphabet.find(n[1]));
  const long long check = is_digit(n[0]) ? a * 24 + b - 10 : a * 34 + b - 100;
  return (siren + 1 + check / 11) % 11 == py_mod(check, 11);
}
Check fr_validate(std::string_view in) {
  std::string n = fr_compact(in);
  const auto key = py_slice(n, 0, 2);
  if (!std::all_of(key.begin(), key.end(), [](char c) { return fr_alphabet.find(c) != std::string_view::npos; }) ||
      !is_digits(py_slice(n, 2)))
    return fail(Failure::format, std::move(n), "A French TVA number has 2 key characters followed by the SIREN digits.");
  if (n.size() != 11) return fail(Failure::length, std::move(n), "A French TVA number has 11 characters.");
  // Monaco numbers (SIREN part 000...) are valid TVA numbers but not SIRENs.
  if (n.substr(2, 3) != "000" && luhn_checksum(n.substr(2)) != 0)
    return fail(Failure::checksum, std::move(n), "The SIREN Luhn check digit does not match.");
  if (!fr_key_matches(n)) return fail(Failure::checksum, std::move(n), "The French TVA key does not match the SIREN.");
  return ok(std::move(n));
}

// [SECTION] ie.vat: 7 digits + 1-2 letters (weights 8..2, second letter x9, mod 23), or the
// pre-2013 form with a letter or + or * in second place.
constexpr std::string_view ie_alphabet = "WABCDEFGHIJKLMNOPQRSTUV";
std::string ie_compact(std::string_view in) { return compact_with(in, " -", "IE"); }
char ie_check_letter(std::string_view seven, std::string_view extra) {
  const std::string digits = zfill(seven, 7);
  long sum = 0;
  for (int i = 0; i < 7; ++i) sum += (8 - i) * digit(digits[static_cast<std::size_t>(i)]);
  if (!extra.empty()) sum += 9 * static_cast<long>(ie_alphabet.find(extra));
  return ie_alphabet[static_cast<std::size_t>(sum % 23)];
}
Check ie_validate(std::string_view in) {
  std::string n = ie_compact(in);
  const auto tail = py_slice(n, 7);
  if (!is_digits(py_slice(n, 0, 1)) || !is_digits(py_slice(n, 2, 7)) ||
      !std::all_of(tail.begin(), tail.end(), [](char c) { return ie_alphabet.find(c) != std::string_view::npos; }))
    return fail(Failure::format, std::move(n), "An Irish VAT number has 7 digits and 1 or 2 letters.");
  if (n.size() != 8 && n.size() != 9) return fail(Failure::length, std::move(n), "An Irish VAT number has 8 or 9 characters.");
  if (is_digits(n.substr(0, 7))) {
    if (n[7] != ie_check_letter(n.substr(0, 7), py_slice(n, 8)))
      return fail(Failure::checksum, std::move(n), "The Irish VAT check letter does not match.");
  } else if (is_upper(n[1]) || n[1] == '+' || n[1] == '*') {
    if (n[7] != ie_check_letter(n.substr(2, 5) + n.substr(0, 1), {}))
      return fail(Failure::checksum, std::move(n), "The Irish VAT check letter does not match.");
  } else {
    return fail(Failure::format, std::move(n), "An old-style Irish VAT number has a letter, + or * in second place.");
  }
  return ok(std::move(n));
}

// [SECTION] nl.btw: 9 digits + B + 2 digits; the 9 digits pass the BSN "11-proof", or (since 2020,
// sole traders) the whole "NL..." string passes ISO 7064 MOD 97-10.
std::string nl_compact(std::string_view in) {
  std::string s = compact_with(in, " -.", "NL");
  std::string head(py_slice(s, 0, -3));
  strip(head);
  return zfill(head, 9) + std::string(py_slice(s, -3));
}
bool nl_bsn_valid(std::string_view n) {
  if (!is_digits(n) || all_zero(n) || n.size() != 9) return false;
  long sum = 0;
  for (int i = 0; i < 8; ++i) sum += (9 - i) * digit(n[static_cast<std::size_t>(i)]);
  return py_mod(sum - digit(n[8]), 11) == 0;
}
Check nl_validate(std::string_view in) {
  std::string n = nl_compact(in);
  if (!is_digits(py_slice(n, 0, 9)) || all_zero(py_slice(n, 0, 9)) || !is_digits(py_slice(n, 10)) ||
      all_zero(py_slice(n, 10)))
    return fail(Failure::format, std::move(n), "A Dutch btw number is 9 digits, B and 2 digits.");
  if (n.size() != 12) return fail(Failure::length, std::move(n), "A Dutch btw number has 12 characters.");
  if (n[9] != 'B') return fail(Failure::format, std::move(n), "A Dutch btw number has B in tenth place.");
  if (!nl_bsn_valid(n.substr(0, 9)) && mod_97_10_checksum("NL" + n) != 1)
    return fail(Failure::checksum, std::move(n), "The Dutch btw number fails both the 11-proof and MOD 97-10.");
  return ok(std::move(n));
}

// [SECTION] se.vat: the 10-digit organisation number (Luhn) followed by 01.
std::string se_compact(std::string_view in) { return compact_with(in, " -.", "SE"); }
Check se_validate(std::string_view in) {
  std::string n = se_compact(in);
  if (!is_digits(n) || py_slice(n, -2) != "01")
    return fail(Failure::format, std::move(n), "A Swedish VAT number is digits ending in 01.");
  const auto org = py_slice(n, 0, -2);
  if (!is_digits(org)) return fail(Failure::format, std::move(n), "A Swedish VAT number starts with the organisation number.");
  if (org.size() != 10) return fail(Failure::length, std::move(n), "A Swedish VAT number has 12 digits.");
  if (luhn_checksum(org) != 0)
    return fail(Failure::checksum, std::move(n), "The organisation number Luhn check digit does not match.");
  return ok(std::move(n));
}

}  // namespace

constexpr Scheme at_uid{"at.uid", "Austrian VAT number (UID)", at_compact, at_validate, format_compact<at_validate>};
constexpr Scheme be_vat{"be.vat", "Belgian enterprise / VAT number", be_compact, be_validate,
                        format_compact<be_validate>};
constexpr Scheme fr_tva{"fr.tva", "French VAT number (n° TVA)", fr_compact, fr_validate, format_compact<fr_validate>};
constexpr Scheme ie_vat{"ie.vat", "Irish VAT number", ie_compact, ie_validate, format_compact<ie_validate>};
constexpr Scheme nl_btw{"nl.btw", "Dutch VAT number (btw-id)", nl_compact, nl_validate, format_compact<nl_validate>};
constexpr Scheme se_vat{"se.vat", "Swedish VAT number (momsnummer)", se_compact, se_validate,
                        format_compact<se_validate>};

}  // namespace onb::ids::detail
